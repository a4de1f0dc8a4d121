import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales';

/**
 * One library's messages in every locale, ICU MessageFormat (plurals, selects, numbers, dates).
 * The French entries must name exactly the English keys: the compiler refuses a missing one, and a
 * test refuses an extra one.
 */
export type Catalogue<K extends string = string> = Record<Locale, Record<K, string>>;

export function defineCatalogue<const E extends Record<string, string>>(catalogue: {
  en: E;
  fr: { [K in keyof E]: string };
}): Catalogue<Extract<keyof E, string>> {
  return catalogue;
}

/** The keys a catalogue has in one locale and lacks in another, as `locale: key`. */
export function missingKeys(catalogue: Catalogue): string[] {
  const locales = Object.keys(catalogue) as Locale[];
  const all = new Set(locales.flatMap((locale) => Object.keys(catalogue[locale])));
  return locales.flatMap((locale) => [...all].filter((key) => !(key in catalogue[locale])).map((key) => `${locale}: ${key}`));
}

/** What is wrong with a catalogue: keys a locale lacks, and messages ICU cannot parse. */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const unparsable = (Object.keys(catalogue) as Locale[]).flatMap((locale) =>
    Object.entries(catalogue[locale]).flatMap(([key, message]) => {
      try {
        new IntlMessageFormat(message, locale);
        return [];
      } catch (error) {
        return [`${locale}: ${key} does not parse (${(error as Error).message})`];
      }
    }),
  );
  return [...missingKeys(catalogue), ...unparsable];
}

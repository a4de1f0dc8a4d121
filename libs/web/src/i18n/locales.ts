/** The languages the site is written in; every catalogue has each of them, key for key. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * A page's language: the visitor's own choice (the language switcher's cookie, or an account's
 * preference), else the first language of their browser's Accept-Language we write, else the site's.
 */
export function negotiateLocale(chosen: string | undefined, acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (isLocale(chosen)) return chosen;
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.split('-')[0].toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return asked.map((entry) => entry.language).find(isLocale) ?? fallback;
}

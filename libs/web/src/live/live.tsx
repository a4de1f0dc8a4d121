import type { Translator } from '../i18n/translator';
import type { LiveAction, LiveConfig } from './live-config';

/** The page's live configuration as JSON in a script the browser does not run; `<` escaped so no text ends it early. */
export function LiveScript({ config }: { config: LiveConfig }) {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return <script type="application/json" id="polity-live" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** Numbers that are, between them, of every plural category a language has. */
const PLURAL_SAMPLES = [1, 2, 3, 5, 11, 21, 22, 101, 1_000_000];

/**
 * A counted phrase ("12 supports") the live client can rewrite for a new count: each plural form of
 * the message with `#` for the number, and its exact form for zero.
 */
export function countForms(t: Translator, key: string): Record<string, string> {
  const rules = new Intl.PluralRules(t.locale);
  const forms: Record<string, string> = { zero: t.t(key, { count: 0 }) };
  for (const category of rules.resolvedOptions().pluralCategories) {
    const sample = PLURAL_SAMPLES.find((n) => rules.select(n) === category);
    if (sample !== undefined) forms[category] = t.t(key, { count: sample }).replace(t.number(sample), '#');
  }
  return forms;
}

export interface CountTextProps {
  t: Translator;
  id: string;
  message: string;
  count: number;
  class?: string;
}

/** A counted phrase with its forms beside it, so a live event can change the count in the page's language. */
export function CountText({ t, id, message, count, class: className }: CountTextProps) {
  return (
    <span id={id} class={className} data-forms={JSON.stringify(countForms(t, message))}>
      {t.t(message, { count })}
    </span>
  );
}

export type { LiveAction, LiveConfig };

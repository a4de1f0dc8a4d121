import { defineCatalogue } from '../i18n/catalogue';
import { type Locale } from '../i18n/locales';
import { Translator } from '../i18n/translator';
import { countForms } from './live';

const messages = defineCatalogue({
  en: { n: '{count, plural, =0 {No supports yet} one {# support} other {# supports}}' },
  fr: { n: '{count, plural, =0 {Aucun soutien} one {# soutien} many {# de soutiens} other {# soutiens}}' },
});

/** What the browser's live client does with the forms (libs/web/client/live.ts). */
function inBrowser(forms: Record<string, string>, locale: Locale, count: number): string {
  const form = (count === 0 ? forms.zero : undefined) ?? forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(locale).format(count));
}

describe('counted phrases the live client rewrites', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`give, for any count, what the server would have written (${locale})`, () => {
      const t = new Translator(locale, [messages]);
      const forms = countForms(t, 'n');
      for (const count of [0, 1, 2, 3, 11, 21, 101, 1234, 1_000_000, 2_500_000]) {
        expect(inBrowser(forms, locale, count)).toBe(t.t('n', { count }));
      }
    });
  }
});

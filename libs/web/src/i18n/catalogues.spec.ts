import { SHELL_MESSAGES } from '../shell.messages';
import { type Catalogue, catalogueProblems, defineCatalogue, missingKeys } from './catalogue';
import { negotiateLocale } from './locales';
import { Translator } from './translator';

describe('message catalogues', () => {
  it('the shell’s: every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(SHELL_MESSAGES)).toEqual([]);
  });

  it('finds a key one locale lacks', () => {
    const lopsided = { en: { 'a.one': 'One', 'a.two': 'Two' }, fr: { 'a.one': 'Un {' } } as unknown as Catalogue;
    expect(missingKeys(lopsided)).toEqual(['fr: a.two']);
    expect(catalogueProblems(lopsided)).toEqual(['fr: a.two', expect.stringContaining('fr: a.one does not parse')]);
    expect(missingKeys(defineCatalogue({ en: { x: 'X' }, fr: { x: 'X' } }))).toEqual([]);
  });

  it('refuses to render a key no catalogue has, rather than showing it', () => {
    expect(() => new Translator('en', [SHELL_MESSAGES]).t('shell.nowhere')).toThrow('No message "shell.nowhere"');
  });

  it('formats plurals and dates in the page’s language', () => {
    const messages = defineCatalogue({
      en: { n: '{count, plural, one {# vote} other {# votes}}' },
      fr: { n: '{count, plural, one {# voix} other {# voix}}' },
    });
    expect([1, 1234].map((count) => new Translator('en', [messages]).t('n', { count }))).toEqual(['1 vote', '1,234 votes']);
    expect(new Translator('fr', [messages]).t('n', { count: 1234 })).toBe('1\u202f234 voix');
    expect(new Translator('fr', [messages]).date('2026-03-01T10:00:00Z', { dateOnly: true })).toBe('1 mars 2026');
  });
});

describe('dates in the site’s time zone', () => {
  it('shows a time where the site is, naming the zone', () => {
    expect(new Translator('fr', []).date('2026-03-01T10:00:00Z')).toMatch(/10:00.*UTC/);
    expect(new Translator('fr', [], 'Europe/Paris').date('2026-03-01T10:00:00Z')).toMatch(/11:00.*UTC\+1/);
    // A date alone is the day where the site is: late on 1 March in UTC is 2 March in Auckland.
    expect(new Translator('fr', [], 'Pacific/Auckland').date('2026-03-01T20:00:00Z', { dateOnly: true })).toBe('2 mars 2026');
  });
});

describe('negotiateLocale', () => {
  it('takes the visitor’s choice, then their browser’s first language we write, then the site’s', () => {
    expect(negotiateLocale('fr', 'en-GB,en;q=0.9', 'en')).toBe('fr');
    expect(negotiateLocale(undefined, 'de-CH,fr;q=0.8,en;q=0.5', 'en')).toBe('fr');
    expect(negotiateLocale(undefined, 'de, nl;q=0.5', 'fr')).toBe('fr');
    expect(negotiateLocale('xx', 'fr;q=0, en;q=0.1', 'fr')).toBe('en');
  });
});

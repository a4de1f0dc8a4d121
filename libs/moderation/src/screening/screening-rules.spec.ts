import { fingerprint, normalisedWords } from './normalise-text';
import { matchedTerms, ScreeningFacts, screenText } from './screening-rules';
import { DEFAULT_SCREENING_SETTINGS as SETTINGS } from './screening-settings';

const QUIET: ScreeningFacts = { postsLastMinute: 0, postsLastHour: 0, sameAuthorRepeats: 0, otherAuthorRepeats: 0 };
const terms = (text: string, list: string[]) => matchedTerms(normalisedWords(text), list);

describe('normalisedWords', () => {
  it('folds case, accents and look-alikes, and joins spaced-out letters', () => {
    expect(normalisedWords('f.r.e.e  m0ney')).toEqual(['fre', 'money']);
    expect(normalisedWords('FRÉÉ M0N3Y!!!')).toEqual(['fre', 'money']);
    expect(normalisedWords('Café au lait')).toEqual(['cafe', 'au', 'lait']);
  });

  it('leaves numbers alone and does not glue one- and two-letter words', () => {
    expect(normalisedWords('10 benches, $500 each')).toEqual(['10', 'benches', '500', 'each']);
    expect(normalisedWords('a bench at 5 pm')).toEqual(['a', 'bench', 'at', '5', 'pm']);
  });

  it('gives one fingerprint to texts that differ only in case, spacing and punctuation', () => {
    expect(fingerprint(normalisedWords('Buy cheap tickets now!'))).toBe(fingerprint(normalisedWords('buy   CHEAP tickets... now')));
    expect(fingerprint(normalisedWords('Buy cheap tickets now'))).not.toBe(fingerprint(normalisedWords('Buy cheap tickets later')));
  });
});

describe('word list', () => {
  const list = ['free money', 'cunt', 'casino bonus'];

  it.each([
    ['f.r.e.e  m0ney', ['free money']],
    ['FREEEE money for all', ['free money']],
    ['get your freemoney here', ['free money']],
    ['c u n t', ['cunt']],
    ['Casino bonuses inside', ['casino bonus']],
  ])('matches %j', (text, expected) => {
    expect(terms(text, list)).toEqual(expected);
  });

  it.each(['Scunthorpe council should fix the roads', 'the money is free of charge', 'a casino and a bonus scheme', 'Penistone and Cuntz'])(
    'does not match inside other words or across the phrase: %j',
    (text) => {
      expect(terms(text, list)).toEqual([]);
    },
  );
});

describe('screenText', () => {
  it('passes an ordinary contribution', () => {
    const verdict = screenText('More benches along the river, please. See https://example.org/plan for the map.', QUIET, SETTINGS);
    expect(verdict).toEqual({ score: 0, hits: [], flagged: false });
  });

  it('flags a listed phrase on its own', () => {
    const verdict = screenText('F.R.E.E m0ney, click now', QUIET, SETTINGS);
    expect(verdict.flagged).toBe(true);
    expect(verdict.hits.map((hit) => hit.rule)).toEqual(['words']);
  });

  it('holds too many links only together with another signal', () => {
    const links = 'see http://a.example/1 http://b.example/2 www.c.example and d-shop.xyz';
    const alone = screenText(links, QUIET, SETTINGS);
    expect(alone.hits.map((hit) => hit.rule)).toEqual(['links']);
    expect(alone.flagged).toBe(false);
    const shouted = screenText(`${links.toUpperCase()} BUY THEM ALL TODAY NOW`, QUIET, SETTINGS);
    expect(shouted.hits.map((hit) => hit.rule)).toEqual(['links', 'shouting']);
    expect(shouted.flagged).toBe(true);
  });

  it('flags the same long text repeated by one author, or across accounts', () => {
    const text = 'Vote for the new parking garage on Main Street';
    expect(screenText(text, { ...QUIET, sameAuthorRepeats: 2 }, SETTINGS).flagged).toBe(true);
    expect(screenText(text, { ...QUIET, sameAuthorRepeats: 1 }, SETTINGS).flagged).toBe(false);
    expect(screenText(text, { ...QUIET, otherAuthorRepeats: 3 }, SETTINGS).flagged).toBe(true);
    // Short replies such as "I agree" are repeated honestly by many people.
    expect(screenText('I agree!', { ...QUIET, otherAuthorRepeats: 50 }, SETTINGS).flagged).toBe(false);
  });

  it('scores posting rate and shouting below the threshold on their own', () => {
    expect(screenText('ok then', { ...QUIET, postsLastMinute: 6 }, SETTINGS)).toMatchObject({ score: 0.6, flagged: false });
    expect(screenText('THE BUS STOP ON ELM ROAD IS BROKEN AGAIN', QUIET, SETTINGS)).toMatchObject({ score: 0.4, flagged: false });
    expect(screenText('The bus stop on Elm Road (ERB) is broken', QUIET, SETTINGS).hits).toEqual([]);
    expect(screenText('THE BUS STOP ON ELM ROAD IS BROKEN AGAIN', { ...QUIET, postsLastHour: 40 }, SETTINGS).flagged).toBe(true);
  });
});

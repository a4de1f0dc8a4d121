import { catalogueProblems, Translator } from '@polity/web';
import { PROPOSALS_MESSAGES } from './proposals.messages';

describe('the proposals pages’ messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(PROPOSALS_MESSAGES)).toEqual([]);
  });

  it('count supports in each language’s plural forms', () => {
    expect([0, 1, 2].map((count) => new Translator('en', [PROPOSALS_MESSAGES]).t('proposals.supports', { count }))).toEqual([
      'No supports yet',
      '1 support',
      '2 supports',
    ]);
    expect(new Translator('fr', [PROPOSALS_MESSAGES]).t('proposals.supports', { count: 1 })).toBe('1 soutien');
  });
});

import { catalogueProblems } from '@polity/web';
import { COUNCIL_MESSAGES } from './council.messages';

describe('the council part of the site: its messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(COUNCIL_MESSAGES)).toEqual([]);
  });
});

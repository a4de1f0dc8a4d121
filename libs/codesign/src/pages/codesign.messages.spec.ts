import { catalogueProblems } from '@polity/web';
import { CODESIGN_MESSAGES } from './codesign.messages';

describe('the codesign part of the site: its messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(CODESIGN_MESSAGES)).toEqual([]);
  });
});

import { catalogueProblems } from '@polity/web';
import { IDENTITY_MESSAGES } from './identity.messages';

describe('the account pages’ messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(IDENTITY_MESSAGES)).toEqual([]);
  });
});

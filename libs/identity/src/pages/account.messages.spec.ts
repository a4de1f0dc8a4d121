import { catalogueProblems } from '@polity/web';
import { ACCOUNT_MESSAGES } from './account.messages';

describe('the account care pages’ messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(ACCOUNT_MESSAGES)).toEqual([]);
  });
});

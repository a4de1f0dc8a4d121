import { catalogueProblems } from '@polity/web';
import { BUDGETS_MESSAGES } from './budgets.messages';

describe('the budgets part of the site: its messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(BUDGETS_MESSAGES)).toEqual([]);
  });
});

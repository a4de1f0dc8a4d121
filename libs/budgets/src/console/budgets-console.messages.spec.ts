import { catalogueProblems } from '@polity/web';
import { BUDGETS_CONSOLE_MESSAGES } from './budgets-console.messages';

describe('the budgets console’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(BUDGETS_CONSOLE_MESSAGES)).toEqual([]);
  });
});

import { catalogueProblems } from '@polity/web';
import { ADMIN_CONSOLE_MESSAGES } from './admin-console.messages';

describe('the administrators’ console’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(ADMIN_CONSOLE_MESSAGES)).toEqual([]);
  });
});

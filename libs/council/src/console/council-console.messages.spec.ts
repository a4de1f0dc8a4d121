import { catalogueProblems } from '@polity/web';
import { COUNCIL_CONSOLE_MESSAGES } from './council-console.messages';

describe('the council console’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(COUNCIL_CONSOLE_MESSAGES)).toEqual([]);
  });
});

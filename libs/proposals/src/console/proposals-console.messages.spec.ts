import { catalogueProblems } from '@polity/web';
import { PROPOSALS_CONSOLE_MESSAGES } from './proposals-console.messages';

describe('the proposals console’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(PROPOSALS_CONSOLE_MESSAGES)).toEqual([]);
  });
});

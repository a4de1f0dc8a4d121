import { catalogueProblems } from '@polity/web';
import { MODERATION_CONSOLE_MESSAGES } from './moderation-console.messages';

describe('the moderation console’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(MODERATION_CONSOLE_MESSAGES)).toEqual([]);
  });
});

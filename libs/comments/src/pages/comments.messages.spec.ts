import { catalogueProblems } from '@polity/web';
import { COMMENTS_MESSAGES } from './comments.messages';

describe('the conversation’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(COMMENTS_MESSAGES)).toEqual([]);
  });
});

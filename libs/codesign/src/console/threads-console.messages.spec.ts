import { catalogueProblems } from '@polity/web';
import { THREADS_CONSOLE_MESSAGES } from './threads-console.messages';

describe('the threads console’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(THREADS_CONSOLE_MESSAGES)).toEqual([]);
  });
});

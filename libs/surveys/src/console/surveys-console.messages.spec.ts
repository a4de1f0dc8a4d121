import { catalogueProblems } from '@polity/web';
import { SURVEYS_CONSOLE_MESSAGES } from './surveys-console.messages';

describe('the survey builder’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(SURVEYS_CONSOLE_MESSAGES)).toEqual([]);
  });
});

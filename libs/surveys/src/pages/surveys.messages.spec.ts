import { catalogueProblems } from '@polity/web';
import { SURVEYS_MESSAGES } from './surveys.messages';

describe('the surveys part of the site: its messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(SURVEYS_MESSAGES)).toEqual([]);
  });
});

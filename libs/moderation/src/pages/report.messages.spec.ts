import { catalogueProblems } from '@polity/web';
import { REPORT_MESSAGES } from './report.messages';

describe('the report page’s messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(REPORT_MESSAGES)).toEqual([]);
  });
});

import { catalogueProblems } from '@polity/web';
import { NOTIFICATIONS_MESSAGES } from './notifications.messages';

describe('the notification pages’ messages', () => {
  it('have every key in every locale, each a message ICU parses', () => {
    expect(catalogueProblems(NOTIFICATIONS_MESSAGES)).toEqual([]);
  });
});

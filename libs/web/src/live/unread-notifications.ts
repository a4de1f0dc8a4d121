/**
 * How many unread notifications a person has, for the badge in every page's header. The
 * notifications feature provides it; without that feature the site shows no badge.
 */
export abstract class UnreadNotifications {
  abstract count(userId: string): Promise<number>;
}

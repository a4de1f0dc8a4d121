/**
 * What a page asks the live client (libs/web/client) to do, written into the page as JSON: the
 * rooms to follow, and per room event one of three things. Shared by the server, which renders it,
 * and the browser bundle, which reads it; plain types only.
 */
export interface LiveConfig {
  /** Each room to follow, with its message number when the page was made. */
  rooms: Record<string, number>;
  on: Record<string, LiveAction>;
}

export type LiveAction =
  /** Show the number in the event's `field` in the element `count` (a {@link CountText}). */
  | { count: string; field: string }
  /**
   * Fetch one server-rendered item (the `fragment` address, `{name}` standing for the event's field)
   * and put it in place: replacing the item with the same key, or added to its list.
   */
  | { fragment: string }
  /** Fetch this page again and bring its live parts up to date. */
  | { refresh: true };

/** The request header a fragment or a refresh is fetched with. */
export const LIVE_HEADER = 'x-polity-live';

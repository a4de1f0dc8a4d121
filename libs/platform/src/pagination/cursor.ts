import { Problems } from '../errors/problem';
import { isUuid } from '../http/is-uuid';

/**
 * Opaque cursors: the sort key of the last item served, base64url-encoded JSON. The query that
 * reads the next page compares row values to it (keyset pagination), so a page never repeats or
 * skips items when rows are added in between, whatever the sort. Timestamps in a cursor come from
 * `timestamptz(3)` columns, whose values JavaScript dates hold exactly.
 */
export function encodeCursor(position: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** What each part of a cursor must be before it may reach a query. */
export type CursorPart = 'timestamp' | 'uuid' | 'int' | 'number' | 'text';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const INT_LIMIT = 2 ** 31 - 1;

const VALID: Record<CursorPart, (part: unknown) => boolean> = {
  timestamp: (part) => typeof part === 'string' && ISO_TIMESTAMP.test(part) && Number.isFinite(Date.parse(part)),
  uuid: (part) => typeof part === 'string' && isUuid(part),
  int: (part) => typeof part === 'number' && Number.isInteger(part) && Math.abs(part) <= INT_LIMIT,
  // Sort keys such as screening scores: finite, and within what a `real` column holds.
  number: (part) => typeof part === 'number' && Number.isFinite(part) && Math.abs(part) <= 1e30,
  text: (part) => typeof part === 'string' && part.length <= 200,
};

/**
 * The parts of a cursor this endpoint issued, each checked against its type, or null without one.
 * Anything else (forged, truncated, from another endpoint) is a 400, never a query error.
 */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === parts.length && parts.every((part, i) => VALID[part](decoded[i]))) {
    return decoded as (string | number)[];
  }
  throw Problems.badRequest('invalid_cursor', 'The cursor is not one this endpoint issued; start again without it.');
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only tells whether another page
 * exists, and the cursor points at the last row served.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  position: (row: Row) => (string | number | null)[],
  present: (row: Row) => Item,
): Page<Item> {
  const served = rows.slice(0, limit);
  const last = served.at(-1);
  return {
    items: served.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(position(last)) : null,
  };
}

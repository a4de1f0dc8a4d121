import { Problems } from '../errors/problem';

/**
 * Opaque cursors: the sort key of the last item served, base64url-encoded JSON. The query that
 * reads the next page compares row values to it (keyset pagination), so a page never repeats or
 * skips items when rows are added in between, whatever the sort.
 */
export function encodeCursor(position: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === arity &&
      decoded.every((part) => ['string', 'number'].includes(typeof part) || part === null)
    ) {
      return decoded as (string | number | null)[];
    }
  } catch {
    // fall through to the problem below
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

import { badInput } from './errors.js';

/** The largest page a list query serves. */
export const MAX_PAGE_SIZE = 100;

/** Checks a requested page size: from 1 to MAX_PAGE_SIZE, or a plain BAD_USER_INPUT. */
export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be from 1 to ${MAX_PAGE_SIZE} (got ${first}); page on with the endCursor of the last page.`, 'first');
  }
  return first;
}

/** An opaque cursor: the sort key of the last row of a page. */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor back into its sort key; anything else is a plain BAD_USER_INPUT. */
export function decodeCursor(cursor: string | null | undefined, length: number): Array<string | number> | null {
  if (cursor == null) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key;
  } catch {
    // fall through
  }
  throw badInput('after must be the endCursor of an earlier page of the same list.', 'after');
}

/** A connection from a page fetched with one row more than asked (that row only tells whether there is a next page). */
export function connection<T>(rows: readonly T[], first: number, keyOf: (row: T) => ReadonlyArray<string | number>, totalCount: number) {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { totalCount, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/**
 * One page of a keyset-paginated list: checks the page size and cursor, fetches one row more than asked (to
 * know whether a page follows) alongside the total, and builds the connection.
 */
export async function paginate<T>(
  args: { first: number; after?: string | null },
  keyOf: (row: T) => [string, string],
  fetch: (limit: number, after: [string, string] | null) => Promise<T[]>,
  count: () => Promise<number>,
) {
  const limit = pageSize(args.first);
  const after = decodeCursor(args.after, 2) as [string, string] | null;
  const [rows, total] = await Promise.all([fetch(limit + 1, after), count()]);
  return connection(rows, limit, keyOf, total);
}

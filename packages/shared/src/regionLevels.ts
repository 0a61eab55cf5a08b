import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { groupRows } from './loaders.js';
import { regionPattern } from './regions.js';

/**
 * Region codes by level (code length), each checked (BAD_USER_INPUT otherwise): each level is summed by one
 * GROUP BY over the community code's prefix.
 */
export function byLevel(regionIds: readonly string[]): Map<number, string[]> {
  const ids = [...new Set(regionIds)];
  ids.forEach((id) => regionPattern(id));
  return groupRows(ids, (id) => id.length);
}

/** The region of a level a community code lies in: its code's first `length` characters (the code itself for a community). */
export function ofLevel(communityId: SQLWrapper, length: number): SQL<string> {
  return length === 12 ? sql<string>`${communityId}` : sql<string>`left(${communityId}, ${sql.raw(String(length))})`;
}

/** One statement for the same query over every region level asked: the levels' rows, UNION ALL. */
export function everyLevel<TQuery extends PromiseLike<unknown[]>>(queries: TQuery[]): Promise<Awaited<TQuery>> {
  const [first, ...rest] = queries as unknown as PgSelect[];
  const union = rest.reduce((all, next) => all.unionAll(next) as unknown as PgSelect, first!);
  return union as unknown as Promise<Awaited<TQuery>>;
}

import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { rowsOf, type Executor } from './db.js';
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
  return unionAll(queries) as unknown as Promise<Awaited<TQuery>>;
}

/**
 * `everyLevel` read as the driver returns the rows (`rowsOf`), for unions of thousands of rows: the same rows
 * without drizzle's per-value mapping. Each selected column must be named as its field (`sql\`…\`.as('field')`, or a
 * table column whose SQL name is the field's); the first row is checked, and a misnamed column throws.
 */
export async function everyLevelRows<TQuery extends PromiseLike<unknown[]>>(db: Executor, queries: TQuery[]): Promise<Awaited<TQuery>> {
  const rows = await rowsOf<Record<string, unknown>>(db, unionAll(queries));
  const fields = Object.keys((queries[0] as unknown as { getSelectedFields(): Record<string, unknown> }).getSelectedFields());
  const [first] = rows;
  if (first && fields.some((field) => !(field in first))) {
    throw new Error(`everyLevelRows: name each selected column as its field (${fields.join(', ')}); the statement returned ${Object.keys(first).join(', ')}`);
  }
  return rows as Awaited<TQuery>;
}

function unionAll(queries: PromiseLike<unknown[]>[]): PgSelect {
  const [first, ...rest] = queries as unknown as PgSelect[];
  return rest.reduce((all, next) => all.unionAll(next) as unknown as PgSelect, first!);
}

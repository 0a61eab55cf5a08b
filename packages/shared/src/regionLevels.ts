import { Column, is, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
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

/** Table column types whose values the driver returns as drizzle would (no conversion on reading): safe to read raw. */
const RAW_SAFE_COLUMNS = new Set(['PgText', 'PgVarchar', 'PgUUID', 'PgInteger', 'PgSmallInt', 'PgBoolean', 'PgDateString']);

/**
 * `everyLevel` read as the driver returns the rows (`rowsOf`), for unions of thousands of rows: the same rows
 * without drizzle's per-value mapping. Each selected expression must be aliased as its field and cast to a type both
 * drivers read alike (`::int`, `::float8`, `::text`: an uncast `count(*)` is int8, a string on pg and a number on
 * PGlite); a table column must be named as its field and be of a type drizzle does not convert on reading (text,
 * uuid, integer, boolean, a date in string mode). A column that breaks either rule throws before anything runs; an
 * alias that is not its field's name throws on the first row.
 */
export async function everyLevelRows<TQuery extends PromiseLike<unknown[]>>(db: Executor, queries: TQuery[]): Promise<Awaited<TQuery>> {
  const selected = (queries[0] as unknown as { getSelectedFields(): Record<string, unknown> }).getSelectedFields();
  for (const [field, value] of Object.entries(selected)) {
    if (is(value, Column) && (value.name !== field || !RAW_SAFE_COLUMNS.has(value.columnType))) {
      throw new Error(`everyLevelRows: the column ${value.name} (${value.columnType}) selected as ${field} would not read raw as drizzle reads it`);
    }
  }
  const rows = await rowsOf<Record<string, unknown>>(db, unionAll(queries));
  const fields = Object.keys(selected);
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

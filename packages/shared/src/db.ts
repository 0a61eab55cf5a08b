import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, getTableName, sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** A service's database, whichever engine is behind it: both speak PostgreSQL through drizzle. */
export type Database<TSchema extends Record<string, unknown> = Record<string, unknown>> = PgDatabase<
  PgQueryResultHKT,
  TSchema
>;

/** A transaction or the database itself: what repositories write through. */
export type Executor<TSchema extends Record<string, unknown> = Record<string, unknown>> = Parameters<
  Parameters<Database<TSchema>['transaction']>[0]
>[0] | Database<TSchema>;

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  /** A postgres:// URL: use that server through `pg`. */
  url?: string | undefined;
  /** Without a URL: the folder of an embedded PGlite database, kept across restarts; none means in memory. */
  dataDir?: string | undefined;
  schema: TSchema;
  /** The service's committed drizzle migrations, applied on open. */
  migrationsFolder: string;
  /** Called with each SQL statement the service runs (statement counting in tests and benchmarks). */
  onQuery?: (query: string) => void;
  /** Largest number of pooled connections to a server. */
  poolSize?: number;
}

export interface OpenDatabase<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  engine: 'postgres' | 'pglite';
  /** Answers when the database can run a statement. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Serialises migrations between instances of one service starting at once against one server. */
const MIGRATION_LOCK = 727_001;

/** Opens a service's database (PGlite by default, PostgreSQL with a URL) and applies its migrations. */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<OpenDatabase<TSchema>> {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery?.(query) } : undefined;
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      /* an idle client lost its server; the pool replaces it */
    });
    const db = drizzlePg(pool, { schema: options.schema, logger });
    const lock = await pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(db, { migrationsFolder: options.migrationsFolder });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      lock.release();
    }
    return {
      db: db as unknown as Database<TSchema>,
      engine: 'postgres',
      ping: async () => void (await pool.query('SELECT 1')),
      close: () => pool.end(),
    };
  }
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  const db = drizzlePglite(client, { schema: options.schema, logger });
  await migratePglite(db, { migrationsFolder: options.migrationsFolder });
  return {
    db: db as unknown as Database<TSchema>,
    engine: 'pglite',
    ping: async () => void (await db.execute(sql`SELECT 1`)),
    close: () => client.close(),
  };
}

/**
 * Loads one part of the demo data when its table is empty, under a lock so that two instances
 * starting at once load it once. A database someone has already used is left as it is.
 */
export async function seedWhenEmpty<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: PgTable,
  insert: (tx: Executor<TSchema>) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`demo:${getTableName(table)}`}))`);
    const existing = await tx.select({ one: sql`1` }).from(table).limit(1);
    if (existing.length) return false;
    await insert(tx);
    return true;
  });
}

/**
 * A statement's rows as the driver returns them: objects keyed by the statement's column names (alias them as the
 * fields you want), values parsed by the driver as drizzle configures it for raw statements: dates and timestamps
 * stay strings, int4 and float8 are numbers, but int8 (an uncast `count(*)`, a `bigint` column) is a string on pg and
 * a number on PGlite, and nothing drizzle converts per column (a `bigint` in number mode, a timestamp in date mode) is
 * converted: cast what you select. Unlike awaiting a drizzle select, no per-value mapping: for statements that return
 * thousands of rows on a hot path (the city dashboard's region statistics, where drizzle's mapping and its garbage were
 * a fifth of the community subgraph's CPU).
 */
export async function rowsOf<TRow = Record<string, unknown>>(db: Executor, query: SQLWrapper): Promise<TRow[]> {
  return ((await db.execute(query)) as unknown as { rows: TRow[] }).rows;
}

/**
 * `column = ANY($1)`, the values sent as one array parameter: the same rows as `inArray`, but a list of
 * thousands (a dashboard's communities) costs one parameter to build and send instead of one per value.
 */
export function anyOf(column: SQLWrapper, values: readonly unknown[]): SQL {
  return sql`${column} = ANY(${sql.param([...values])})`;
}

/** In an upsert's `set`: the row's count plus the incoming row's (`column + excluded.column`), for counts kept with writes. */
export function addedOnConflict(column: Column): SQL {
  return sql`${column} + excluded.${sql.identifier(column.name)}`;
}

/**
 * `select … from unnest($1::type[], $2::type[], …)`: many rows for `insert(table).select(…)`, sent as one
 * array parameter per column in the table's own column order, so that a batch of fifty orders costs about
 * twenty parameters to build and send instead of a thousand. Every row must carry every column but the
 * insertion-order column `seq` (a bigserial), which is drawn from its sequence row by row in the rows' order.
 */
export function unnestRows<TTable extends PgTable>(
  table: TTable,
  rows: ReadonlyArray<Omit<{ [K in keyof TTable['$inferInsert']]-?: TTable['$inferInsert'][K] }, 'seq'>>,
): SQL {
  const columns = Object.entries(getTableColumns(table));
  const given = columns.filter(([key]) => key !== 'seq');
  const arrays = given.map(([key, column]) => {
    const values = rows.map((row) => {
      const value = (row as Record<string, unknown>)[key];
      return value === undefined || value === null ? null : column.mapToDriverValue(value);
    });
    return sql`${sql.param(values)}::${sql.raw(column.getSQLType())}[]`;
  });
  if (given.length === columns.length) return sql`select * from unnest(${sql.join(arrays, sql`, `)})`;
  const selected = columns.map(([key, column]) =>
    key === 'seq' ? sql`nextval(pg_get_serial_sequence(${getTableName(table)}, ${column.name}))` : sql.identifier(key),
  );
  return sql`select ${sql.join(selected, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) AS u(${sql.join(
    given.map(([key]) => sql.identifier(key)),
    sql`, `,
  )})`;
}

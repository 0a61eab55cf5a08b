import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A throwaway database for one test file: on the PostgreSQL server when one answers, else PGlite. */
export interface TestDatabase {
  engine: 'postgres' | 'pglite';
  /** A postgres:// URL on the server; absent for PGlite. */
  url: string | undefined;
  /** The PGlite folder when there is no server. */
  dataDir: string;
  drop(): Promise<void>;
}

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let serverReachable: Promise<boolean> | undefined;

async function probeServer(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether tests run against a PostgreSQL server (TEST_DATABASE_URL, or 127.0.0.1:5432). Said once per worker. */
export function usingPostgresServer(): Promise<boolean> {
  serverReachable ??= probeServer().then((reachable) => {
    const where = new URL(adminUrl);
    console.info(
      reachable
        ? `[test database] PostgreSQL server at ${where.hostname}:${where.port || 5432}`
        : `[test database] no PostgreSQL server at ${where.hostname}:${where.port || 5432}; using embedded PGlite`,
    );
    return reachable;
  });
  return serverReachable;
}

/** Creates an empty database named after the label; `drop` removes it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `cgov-${label}-`));
  if (!(await usingPostgresServer())) {
    return { engine: 'pglite', url: undefined, dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `cgov_test_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    url: url.toString(),
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

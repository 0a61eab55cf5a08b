// The participant count is kept with the writes (migration 0006): a database whose group buys were joined before
// it was kept must come out of the upgrade with each group buy's distinct households counted.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBuys, tables, type SelforgTables } from '../src/db/schema.js';
import { selforgSubgraph } from '../src/server.js';

const BEFORE_THE_COUNT = '0005_insertion_order';

let database: TestDatabase;
let olderMigrations: string;

/** The migrations folder as it was before the count was kept: the journal cut after `BEFORE_THE_COUNT`. */
async function migrationsUpTo(tag: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'selforg-migrations-'));
  await cp(selforgSubgraph.migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const last = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(last).toBeGreaterThanOrEqual(0);
  expect(journal.entries.length).toBeGreaterThan(last + 1);
  journal.entries = journal.entries.slice(0, last + 1);
  await writeFile(journalPath, JSON.stringify(journal));
  return folder;
}

const open = (migrationsFolder: string) =>
  openDatabase<SelforgTables>({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder });

beforeAll(async () => {
  database = await createTestDatabase('selforg_participant_count');
  olderMigrations = await migrationsUpTo(BEFORE_THE_COUNT);
});
afterAll(async () => {
  await database?.drop();
  if (olderMigrations) await rm(olderMigrations, { recursive: true, force: true });
});

/** Rows written as the service wrote them before 0006 (no participant_count column yet). */
async function joinedBeforeTheCount(db: Database<SelforgTables>) {
  await db.execute(sql`
    INSERT INTO owner_committees (id, compound_id, community_id, name, registered_by)
    VALUES ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000d1', '420102001001', '业委会', 't')`);
  await db.execute(sql`
    INSERT INTO group_buys (id, committee_id, compound_id, community_id, title, category, organizer, min_participants,
                            deadline, pickup_at, pickup_point, volunteers, status, created_by, created_at)
    SELECT ('00000000-0000-4000-8000-00000000000' || n)::uuid, '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000d1',
           '420102001001', '团购' || n, 'FRUIT', '业主', 2, '2026-11-21T18:00:00+08:00', '2026-11-22T10:00:00+08:00', '东门', '[]'::jsonb,
           'OPEN', 't', now()
    FROM generate_series(1, 3) AS n`);
  // Group buy 1: household a twice, b once (2 households); group buy 2: c once (1); group buy 3: nobody (0).
  await db.execute(sql`
    INSERT INTO participations (group_buy_id, household_id, household_label, submitted_by, idempotency_key, fingerprint, amount, joined_at)
    VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', '1栋 101', 't', 'k1', 'f', 100, now()),
           ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', '1栋 101', 't', 'k2', 'f', 100, now()),
           ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a2', '1栋 102', 't', 'k3', 'f', 100, now()),
           ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000a3', '1栋 201', 't', 'k4', 'f', 100, now())`);
}

describe('migration 0006: the participant count kept with the writes', () => {
  it('counts the distinct households of group buys joined before the count was kept', async () => {
    const older = await open(olderMigrations);
    try {
      await joinedBeforeTheCount(older.db);
    } finally {
      await older.close();
    }

    const upgraded = await open(selforgSubgraph.migrationsFolder);
    try {
      const rows = await upgraded.db.select({ title: groupBuys.title, participantCount: groupBuys.participantCount }).from(groupBuys).orderBy(groupBuys.title);
      expect(rows).toEqual([
        { title: '团购1', participantCount: 2 },
        { title: '团购2', participantCount: 1 },
        { title: '团购3', participantCount: 0 },
      ]);
    } finally {
      await upgraded.close();
    }
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { DEMO, fixedClock, openDatabase, type Database } from '@cgov/shared';

const clock = fixedClock('2026-11-21T10:00:00+08:00');
import { createTestDatabase, graphql, testSubgraphConfig, tokenFor, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildings, compounds, households, tables, type CommunityTables } from '../src/db/schema.js';
import { demoRoster, loadDemoData } from '../src/demo.js';
import { communitySubgraph, createServer } from '../src/server.js';

const rosterQuery = `query ($id: ID!) { _entities(representations: [{ __typename: "Community", id: $id }]) {
  ... on Community { compounds { name buildings { name households { room } } } } } }`;

async function rosterOf(url: string) {
  const response = await graphql(url, rosterQuery, {
    token: await tokenFor('COMMUNITY_STAFF', DEMO.communityId),
    variables: { id: DEMO.communityId },
  });
  expect(response.errors).toBeUndefined();
  return response.data;
}

describe('embedded storage (PGlite), the default', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cgov-pglite-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps its data in DATA_DIR across a restart, without loading the demo again', async () => {
    const database = { engine: 'pglite', url: undefined, dataDir, drop: async () => undefined } satisfies TestDatabase;
    const first = await createServer({ config: testSubgraphConfig('community', database) });
    expect(first.engine).toBe('pglite');
    const before = await rosterOf(first.url);
    await first.stop();

    const second = await createServer({ config: testSubgraphConfig('community', database, { loadDemoData: false }) });
    try {
      expect(await rosterOf(second.url)).toEqual(before);
    } finally {
      await second.stop();
    }
  });
});

describe('the demo loader', () => {
  let database: TestDatabase;
  let db: Database<CommunityTables>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    database = await createTestDatabase('community_demo');
    const opened = await openDatabase({
      url: database.url,
      dataDir: database.dataDir,
      schema: tables,
      migrationsFolder: communitySubgraph.migrationsFolder,
    });
    db = opened.db;
    close = opened.close;
  });
  afterAll(async () => {
    await close?.();
    await database?.drop();
  });

  const counts = async () => ({
    compounds: (await db.select({ n: count() }).from(compounds))[0]?.n,
    buildings: (await db.select({ n: count() }).from(buildings))[0]?.n,
    households: (await db.select({ n: count() }).from(households))[0]?.n,
  });

  it('loads the roster once, however often and however concurrently it runs', async () => {
    const expected = demoRoster();
    await loadDemoData(db, clock);
    const once = await counts();
    expect(once).toEqual({
      compounds: expected.compounds.length,
      buildings: expected.buildings.length,
      households: expected.households.length,
    });
    await Promise.all([loadDemoData(db, clock), loadDemoData(db, clock), loadDemoData(db, clock)]);
    expect(await counts()).toEqual(once);
  });

  it('leaves a database someone has used alone, even when demo rows were removed', async () => {
    const removed = demoRoster().households.at(-1)!.id!; // a neighbour's household, with no orders
    await db.delete(households).where(eq(households.id, removed));
    const before = await counts();
    await loadDemoData(db, clock);
    expect(await counts()).toEqual(before);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { addDays, anyOf, byLevel, DEMO, DEMO_REGIONS, everyLevel, everyLevelRows, fixedClock, ofLevel, openDatabase, rowsOf, type Database } from '@cgov/shared';

const clock = fixedClock('2026-11-21T10:00:00+08:00');
import { createTestDatabase, graphql, testSubgraphConfig, tokenFor, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, buildings, communityDailyStats, compounds, households, orders, packageRatings, packages, partyMembers, tables, type CommunityTables } from '../src/db/schema.js';
import { demoRoster, loadDemoData, RECENT_DAYS } from '../src/demo.js';
import { REBUILD_DAILY_STATS_SQL } from '../src/repositories/dailyStats.js';
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

  // Migrations and the demo's load on embedded PGlite, on a machine shared with other work: more than the default 30 s may pass.
  it('keeps its data in DATA_DIR across a restart, without loading the demo again', { timeout: 120_000 }, async () => {
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
  /** Everything else the demo loads, fingerprinted: loading again must not change a row of it. */
  const everything = async (on: Database<CommunityTables> = db) => ({
    partyMembers: await on.select().from(partyMembers).orderBy(partyMembers.id),
    assignments: await on.select().from(assignments).orderBy(assignments.id),
    packages: await on.select().from(packages).orderBy(packages.id),
    orders: await on.select().from(orders).orderBy(orders.id),
    ratings: await on.select().from(packageRatings).orderBy(packageRatings.packageId, packageRatings.householdId),
    stats: await rowsOf(on, sql`SELECT * FROM community_daily_stats ORDER BY community_id, date, category`),
  });

  // Each load runs a fortnight of orders through the repositories: on embedded PGlite on a shared machine, more than 30 s may pass.
  it('loads the roster once, however often and however concurrently it runs', { timeout: 120_000 }, async () => {
    const expected = demoRoster();
    await loadDemoData(db, clock);
    const once = await counts();
    expect(once).toEqual({
      compounds: expected.compounds.length,
      buildings: expected.buildings.length,
      households: expected.households.length,
    });
    const loaded = await everything();
    await Promise.all([loadDemoData(db, clock), loadDemoData(db, clock), loadDemoData(db, clock)]);
    expect(await counts()).toEqual(once);
    expect(await everything()).toEqual(loaded);
    // A day later, loading again still changes nothing: the demo's days are those of its first load.
    await loadDemoData(db, fixedClock('2026-11-22T10:00:00+08:00'));
    expect(await everything()).toEqual(loaded);
  });

  it('gives every view something true for the days around today: orders each day, party members in four streets', async () => {
    const TODAY = '2026-11-21';
    const perDay = await rowsOf<{ date: string; status: string; n: number }>(
      db,
      sql`SELECT date::text AS date, status, count(*)::int AS n FROM orders WHERE date >= ${addDays(TODAY, -(RECENT_DAYS - 1))} GROUP BY date, status ORDER BY date, status`,
    );
    const days = [...new Set(perDay.map((row) => row.date))];
    expect(days).toEqual(Array.from({ length: RECENT_DAYS + 1 }, (_, i) => addDays(TODAY, i - (RECENT_DAYS - 1))));
    const statuses = (date: string) => new Set(perDay.filter((row) => row.date === date).map((row) => row.status));
    // Days past are delivered (a few cancelled before the report); today's are at the gate or on their way up at 10:00;
    // tomorrow's are still being collected.
    for (const date of days.slice(0, -2)) expect([...statuses(date)].every((status) => status === 'DELIVERED' || status === 'CANCELLED'), date).toBe(true);
    expect(statuses(TODAY).has('AT_GATE')).toBe(true);
    expect([...statuses(addDays(TODAY, 1))]).toEqual(['PLACED']);
    const cityCommunities = DEMO_REGIONS.filter((region) => region.id.length === 12 && region.id.startsWith(DEMO.cityId)).length;
    const communitiesPerDay = await rowsOf(db, sql`SELECT date::text AS date, count(DISTINCT community_id)::int AS n FROM orders
      WHERE date >= ${addDays(TODAY, -(RECENT_DAYS - 1))} AND status <> 'CANCELLED' GROUP BY date ORDER BY date`);
    // Every H市 community ordered every day up to today; by 10:00 some have handed in tomorrow's orders, not all.
    expect(communitiesPerDay.slice(0, -1)).toEqual(days.slice(0, -1).map((date) => ({ date, n: cityCommunities })));
    expect(communitiesPerDay.at(-1)).toEqual({ date: addDays(TODAY, 1), n: 5 });

    const streets = await rowsOf<{ street: string }>(db, sql`SELECT DISTINCT left(community_id, 9) AS street FROM party_members ORDER BY 1`);
    expect(streets.map((row) => row.street)).toEqual(['420102001', '420102002', '420103001', '420103002']);
    const [covered] = await rowsOf(db, sql`SELECT count(*)::int AS n FROM buildings WHERE covered`);
    // Q社区's A小区 1栋 and 2栋 and B小区 1号楼; 幸福社区's, 友谊社区's and 民主社区's buildings (建设社区's floors 5–6 lack hands).
    expect(covered).toEqual({ n: 6 });
  });

  it('counts every demo order in the daily statistics as real orders are counted: the counters equal a recount', async () => {
    const counters = await everything();
    const recount = await db
      .transaction(async (tx) => {
        for (const statement of REBUILD_DAILY_STATS_SQL) await tx.execute(sql.raw(statement));
        const rows = await rowsOf(tx, sql`SELECT * FROM community_daily_stats ORDER BY community_id, date, category`);
        throw Object.assign(new Error('roll back'), { rows });
      })
      .catch((error: { rows: unknown[] }) => error.rows);
    expect(counters.stats.filter((row) => Number(row.orders) > 0)).toEqual(recount);
  });

  it('reads region-level unions as drizzle maps them, without its mapping, and refuses a column not named as its field', async () => {
    const s = communityDailyStats;
    const queries = (named: boolean) =>
      [...byLevel(['4201', '420102', '420102001', DEMO.communityId])].map(([length, ids]) => {
        const region = ofLevel(s.communityId, length);
        return db
          .select({ regionId: sql<string>`${region}`.as(named ? 'regionId' : 'region_id'), date: s.date, category: s.category, units: sql<number>`sum(${s.units})::int`.as('units'), subsidyTotal: sql<number>`sum(${s.subsidyTotal})::float8`.as('subsidyTotal') })
          .from(s)
          .where(anyOf(region, ids))
          .groupBy(region, s.date, s.category)
          .$dynamic();
      });
    const sorted = <T,>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
    const mapped = await everyLevel(queries(true));
    expect(mapped.length).toBeGreaterThan(10);
    expect(typeof mapped[0]!.date).toBe('string');
    expect(sorted(await everyLevelRows(db, queries(true)))).toEqual(sorted(mapped));
    await expect(everyLevelRows(db, queries(false))).rejects.toThrow(/name each selected column as its field \(regionId, date, category, units, subsidyTotal\); the statement returned region_id/);
    // A table column named otherwise than its field, or one drizzle converts on reading (bigint in number mode): refused before running.
    const column = (select: Record<string, never>) => [db.select(select).from(s).$dynamic()];
    await expect(everyLevelRows(db, column({ communityId: s.communityId } as never))).rejects.toThrow(/the column community_id \(PgText\) selected as communityId/);
    await expect(everyLevelRows(db, column({ list_total: s.listTotal } as never))).rejects.toThrow(/the column list_total \(PgBigInt53\) selected as list_total/);
  });

  it('leaves undone only what the hour has not brought: at 20:45 today is delivered and tomorrow reported', { timeout: 120_000 }, async () => {
    const evening = await createTestDatabase('community_demo_evening');
    const opened = await openDatabase({ url: evening.url, dataDir: evening.dataDir, schema: tables, migrationsFolder: communitySubgraph.migrationsFolder });
    try {
      await loadDemoData(opened.db, fixedClock('2026-11-21T20:45:00+08:00'));
      const statuses = await rowsOf<{ date: string; statuses: string }>(
        opened.db,
        sql`SELECT date::text AS date, string_agg(DISTINCT status, ',' ORDER BY status) AS statuses FROM orders WHERE date >= '2026-11-21' GROUP BY date ORDER BY date`,
      );
      expect(statuses).toEqual([
        { date: '2026-11-21', statuses: 'CANCELLED,DELIVERED' },
        { date: '2026-11-22', statuses: 'CANCELLED,REPORTED' },
      ]);
    } finally {
      await opened.close();
      await evening.drop();
    }
  });

  it('is the same on every machine: two databases loaded at the same instant hold the same rows', { timeout: 120_000 }, async () => {
    const other = await createTestDatabase('community_demo_twin');
    const opened = await openDatabase({ url: other.url, dataDir: other.dataDir, schema: tables, migrationsFolder: communitySubgraph.migrationsFolder });
    try {
      await loadDemoData(opened.db, clock);
      expect(await everything(opened.db)).toEqual(await everything());
    } finally {
      await opened.close();
      await other.drop();
    }
  });

  it('leaves a database someone has used alone, even when demo rows were removed', async () => {
    const removed = demoRoster().households.at(-1)!.id!; // a neighbour's household, with no orders
    await db.delete(households).where(eq(households.id, removed));
    const before = await counts();
    await loadDemoData(db, clock);
    expect(await counts()).toEqual(before);
  });
});

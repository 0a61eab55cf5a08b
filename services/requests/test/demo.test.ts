// The demo: H市's departments and category catalogue, and two months of requests in its streets filed and moved
// through the same use cases as real ones, loaded once, the same on every machine.
import { createHash } from 'node:crypto';
import { DEMO, fixedClock, openDatabase, type Database, type Executor } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { asc, sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  departments,
  REQUEST_STATUSES,
  requestCallbacks,
  requestCategories,
  requestCommunityStats,
  requestDispatches,
  requestHistory,
  requests,
  requestUnitStats,
  SATISFACTIONS,
  summons,
  tables,
  type RequestsTables,
} from '../src/db/schema.js';
import { DEMO_CATEGORIES, demoDepartmentId, loadDemoData } from '../src/demo.js';
import { rankUnits } from '../src/domain/stats.js';
import { REBUILD_REQUEST_STATS_SQL, RequestStatsRepository } from '../src/repositories/stats.js';
import { requestsSubgraph } from '../src/server.js';

/** The demo's clock: 21 November, so last month is October and this month has run for 20 days. */
const NOW = '2026-11-21T10:00:00+08:00';
const clock = fixedClock(NOW);
const LAST_MONTH_FROM = new Date('2026-10-01T00:00:00+08:00');

interface Opened {
  database: TestDatabase;
  db: Database<RequestsTables>;
  close(): Promise<void>;
}

async function open(label: string): Promise<Opened> {
  const database = await createTestDatabase(label);
  const { db, close } = await openDatabase({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder: requestsSubgraph.migrationsFolder });
  return { database, db, close };
}

let first: Opened;
let second: Opened;
beforeAll(async () => {
  first = await open('requests_demo');
  second = await open('requests_demo_again');
  await loadDemoData(first.db, clock);
});
afterAll(async () => {
  for (const opened of [first, second]) {
    await opened?.close();
    await opened?.database.drop();
  }
});

/** Every row of the demo, in a stable order; the database's own random ids (history and summons) left out. */
async function everything(db: Database<RequestsTables>) {
  return {
    departments: await db.select().from(departments).orderBy(departments.id),
    categories: await db.select().from(requestCategories).orderBy(requestCategories.code),
    requests: await db.select().from(requests).orderBy(requests.id),
    history: (await db.select().from(requestHistory).orderBy(asc(requestHistory.seq))).map(({ id: _id, ...row }) => row),
    summons: (await db.select().from(summons).orderBy(summons.requestId, summons.summonedAt, summons.departmentId)).map(({ id: _id, ...row }) => row),
    dispatches: (await db.select().from(requestDispatches).orderBy(requestDispatches.requestId, requestDispatches.dispatchedAt)).map(({ id: _id, ...row }) => row),
    callbacks: (await db.select().from(requestCallbacks).orderBy(requestCallbacks.requestId, requestCallbacks.at)).map(({ id: _id, ...row }) => row),
    ...(await figures(db)),
  };
}

/** The figures the service keeps as requests move, in a stable order. */
async function figures(db: Executor<RequestsTables>) {
  const c = requestCommunityStats;
  const u = requestUnitStats;
  return {
    communityStats: await db.select().from(c).orderBy(c.communityId, c.month, c.categoryCode),
    unitStats: await db.select().from(u).orderBy(u.cityId, u.month, u.unitKind, u.unitId),
  };
}

const digest = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

describe('the demo’s catalogue (派单目录) and departments', () => {
  it('covers the contract’s categories in Chinese, each with its urgency and unit, with stable ids', async () => {
    const { departments: units, categories } = await everything(first.db);
    expect(units.map((row) => row.name)).toEqual(expect.arrayContaining(['市供水集团', '市热力集团', '市城市管理局', '市住房和城乡建设局', '市疾病预防控制中心']));
    expect(units.every((row) => row.cityId === DEMO.cityId)).toBe(true);
    expect(categories.map((row) => row.name)).toEqual(expect.arrayContaining(['生活物资', '物业管理', '供水', '供热', '路灯', '噪音扰民', '环境卫生', '疫情防控']));
    expect(categories).toHaveLength(DEMO_CATEGORIES.length);
    expect(new Set(categories.map((row) => row.urgency))).toEqual(new Set(['URGENT', 'NORMAL', 'COMPLEX']));
    expect(categories.find((row) => row.code === 'WATER')!.responsibleDepartmentId).toBe(demoDepartmentId('water'));
    expect(categories.find((row) => row.code === 'SUPPLIES')!.responsibleDepartmentId).toBeNull();
    // Every category names the department its third reopening summons.
    expect(categories.every((row) => row.supervisingDepartmentId !== null)).toBe(true);
  });
});

describe('the demo’s requests', () => {
  it('hold every status, re-dispatches, late answers, callbacks of each satisfaction, and both kinds of unit', async () => {
    const { requests: rows, history } = await everything(first.db);
    expect(rows.length).toBeGreaterThan(80);
    expect(rows.every((row) => row.cityId === DEMO.cityId)).toBe(true);
    for (const status of REQUEST_STATUSES) expect(rows.filter((row) => row.status === status).length, status).toBeGreaterThan(0);
    // Received over last month and this one, never after the clock.
    expect(Math.min(...rows.map((row) => row.receivedAt.getTime()))).toBeGreaterThanOrEqual(LAST_MONTH_FROM.getTime());
    expect(Math.max(...rows.map((row) => row.receivedAt.getTime()))).toBeLessThanOrEqual(clock.now().getTime());
    expect(new Set(rows.map((row) => row.streetId).filter(Boolean)).size).toBeGreaterThanOrEqual(4);
    expect(rows.some((row) => row.departmentId !== null)).toBe(true);
    // Returned, then re-dispatched by the hotline.
    const redispatched = rows.filter((row) => row.returnCount === 1 && row.status !== 'RETURNED');
    expect(redispatched.length).toBeGreaterThan(0);
    expect(history.some((line) => line.requestId === redispatched[0]!.id && line.note?.startsWith('re-dispatched to'))).toBe(true);
    // Late first responses and late replies.
    expect(rows.some((row) => row.respondedAt && row.respondedAt > row.responseDeadline)).toBe(true);
    expect(rows.some((row) => row.repliedAt && row.repliedAt > row.resolutionDeadline)).toBe(true);
    for (const satisfaction of SATISFACTIONS) expect(rows.some((row) => row.callbackSatisfaction === satisfaction), satisfaction).toBe(true);
    expect(rows.some((row) => row.callbackResolved === false)).toBe(true);
    // Filed on every channel: the hotline, the app, the committee's visits, and Q社区's grid workers on patrol.
    expect(new Set(rows.map((row) => row.channel))).toEqual(new Set(['HOTLINE', 'APP', 'VISIT', 'GRID_PATROL']));
  });

  it('have streets and departments with 10 or more requests last month (ranked) and some with fewer (unranked)', async () => {
    const stats = new RequestStatsRepository(first.db);
    for (const unitKind of ['STREET', 'DEPARTMENT'] as const) {
      const counts = await stats.unitCounts(DEMO.cityId, '2026-10', unitKind);
      const ranking = rankUnits(counts.map((row) => ({ ...row, unitName: row.unitId })));
      expect(ranking.filter((entry) => entry.ranked).length, unitKind).toBeGreaterThanOrEqual(2);
      // Units with requests, but fewer than 10: listed unranked.
      expect(ranking.filter((entry) => !entry.ranked && entry.dispatched > 0).length, unitKind).toBeGreaterThanOrEqual(1);
    }
  });

  it('hold a request reopened three times with its automatic summons, and a whistle a department did not answer', async () => {
    const { requests: rows, summons: summoned } = await everything(first.db);
    const thrice = rows.filter((row) => row.reopenCount === 3);
    expect(thrice).toHaveLength(1);
    const category = (await first.db.select().from(requestCategories)).find((row) => row.code === thrice[0]!.categoryCode)!;
    expect(summoned.filter((row) => row.requestId === thrice[0]!.id && row.summonedBy === 'system').map((row) => row.departmentId)).toEqual([category.supervisingDepartmentId]);
    // Whistled: some departments reported, one never did and its deadline has passed.
    const whistled = summoned.filter((row) => row.summonedBy.startsWith('STREET_OFFICER:'));
    expect(whistled.some((row) => row.reportedAt !== null)).toBe(true);
    expect(whistled.filter((row) => row.reportedAt === null && row.reportDeadline < clock.now())).toHaveLength(1);
  });

  it('keep the figures every move kept equal to what the rows say, overdue ones marked', async () => {
    const { requests: rows } = await everything(first.db);
    expect(rows.some((row) => row.overdue && row.status !== 'CLOSED')).toBe(true);
    const kept = await figures(first.db);
    expect(kept.unitStats.length).toBeGreaterThan(0);
    // Rebuilt from the rows (then rolled back): the same figures.
    const rebuilt = first.db.transaction(async (tx) => {
      for (const statement of REBUILD_REQUEST_STATS_SQL) await tx.execute(sql.raw(statement));
      expect(await figures(tx)).toEqual(kept);
      tx.rollback();
    });
    await expect(rebuilt).rejects.toBeInstanceOf(TransactionRollbackError);
    expect(await figures(first.db)).toEqual(kept);
  });

  it('are the same on every load at the same instant, and loading again changes nothing', async () => {
    const loaded = await everything(first.db);
    await loadDemoData(second.db, fixedClock(NOW));
    expect(digest(await everything(second.db))).toBe(digest(loaded));
    await loadDemoData(first.db, clock);
    expect(digest(await everything(first.db))).toBe(digest(loaded));
  });
});

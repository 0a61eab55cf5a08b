import { openDatabase, type Database } from '@cgov/shared';
import { createTestDatabase, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityDailyHouseholds, communityDailyStats, tables, type CommunityTables } from '../src/db/schema.js';
import { statsKey, statsOfRegions } from '../src/domain/stats.js';
import { OrderRepository } from '../src/repositories/orders.js';
import { communitySubgraph } from '../src/server.js';

const DAY = '2026-11-22';
const NEXT = '2026-11-23';
let database: TestDatabase;
let db: Database<CommunityTables>;
let close: () => Promise<void>;
beforeAll(async () => {
  database = await createTestDatabase('community_stats');
  ({ db, close } = await openDatabase({ url: database.url, dataDir: database.dataDir, schema: tables, migrationsFolder: communitySubgraph.migrationsFolder }));
  // What the daily statistics hold after some orders: per community, date and category, and distinct households.
  const day = (communityId: string, category: 'VEGETABLE_BASIC' | 'PORK_BASIC', orders: number, date = DAY) => ({
    communityId, date, category, orders, units: orders * 2, listTotal: orders * 5200, subsidyTotal: orders * 1200, payableTotal: orders * 4000 - 1200 * orders, delivered: 1,
  });
  await db.insert(communityDailyStats).values([
    day('420102001001', 'VEGETABLE_BASIC', 3),
    day('420102001002', 'PORK_BASIC', 2),
    day('420102002001', 'VEGETABLE_BASIC', 4),
    day('420201001001', 'VEGETABLE_BASIC', 9),
    day('420102001001', 'VEGETABLE_BASIC', 5, NEXT),
    { ...day('420102001003', 'PORK_BASIC', 1), orders: 0, units: 0, listTotal: 0, subsidyTotal: 0, payableTotal: 0, delivered: 0 }, // all cancelled
  ]);
  await db.insert(communityDailyHouseholds).values([
    { communityId: '420102001001', date: DAY, households: 2 },
    { communityId: '420102001002', date: DAY, households: 2 },
    { communityId: '420102002001', date: DAY, households: 3 },
    { communityId: '420201001001', date: DAY, households: 9 },
    { communityId: '420102001001', date: NEXT, households: 4 },
  ]);
});
afterAll(async () => {
  await close?.();
  await database?.drop();
});

describe('statistics of regions', () => {
  it('adds a street of its communities, a district of its streets, a city of its districts, and nothing outside', async () => {
    const regions = ['4201', '420102', '420102001', '420102001002', '420103'];
    const rows = await new OrderRepository(db).regionStats(regions, DAY, DAY);
    const stats = statsOfRegions(regions.map((regionId) => ({ regionId, date: DAY })), rows);
    expect(stats.get(statsKey('420102001', DAY))).toMatchObject({ orders: 5, households: 4, units: 10, subsidyTotal: 6000, delivered: 2 });
    expect(stats.get(statsKey('420102', DAY))).toMatchObject({ orders: 9, households: 7, listTotal: 9 * 5200 });
    expect(stats.get(statsKey('4201', DAY))).toEqual(stats.get(statsKey('420102', DAY)));
    expect(stats.get(statsKey('420102001', DAY))!.byCategory).toEqual([
      { category: 'PORK_BASIC', orders: 2, units: 4, subsidyTotal: 2400, payableTotal: 5600 },
      { category: 'VEGETABLE_BASIC', orders: 3, units: 6, subsidyTotal: 3600, payableTotal: 8400 },
    ]);
    expect(stats.get(statsKey('420102001002', DAY))).toMatchObject({ orders: 2, households: 2 });
    expect(stats.get(statsKey('420103', DAY))).toEqual({ orders: 0, households: 0, units: 0, listTotal: 0, subsidyTotal: 0, payableTotal: 0, delivered: 0, byCategory: [] });
  });

  it('keeps each day apart in a date range', async () => {
    const rows = await new OrderRepository(db).regionStats(['420102001'], DAY, NEXT);
    const stats = statsOfRegions([DAY, NEXT].map((date) => ({ regionId: '420102001', date })), rows);
    expect(stats.get(statsKey('420102001', DAY))).toMatchObject({ orders: 5, households: 4 });
    expect(stats.get(statsKey('420102001', NEXT))).toMatchObject({ orders: 5, households: 4, units: 10 });
  });

  it('sums the subsidy spent inside each region over every day', async () => {
    const spent = await new OrderRepository(db).subsidySpent(['4201', '420102001', '420103']);
    expect(Object.fromEntries(spent)).toEqual({ '4201': (3 + 2 + 4 + 5) * 1200, '420102001': (3 + 2 + 5) * 1200, '420103': 0 });
  });
});

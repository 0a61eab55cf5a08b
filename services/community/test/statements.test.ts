// The cost of a request must not grow with the number of communities: counted in SQL statements.
import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, fixedClock, INTERNAL_CREDENTIAL_HEADER, internalCredential } from '@cgov/shared';
import { createTestDatabase, graphql, testSubgraphConfig, tokenFor, type TestDatabase } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildings, compounds, households, orderBatches, orders, packages } from '../src/db/schema.js';
import { rebuildDailyStats } from '../src/repositories/dailyStats.js';
import { createServer } from '../src/server.js';

const DATE = '2026-11-22';
const CITY = '4301';

/** Generates communities under two districts of a city, each with a compound, two buildings, households and orders. */
async function generate(server: Awaited<ReturnType<typeof createServer>>, count: number) {
  const communityIds = Array.from({ length: count }, (_, i) => `${CITY}0${(i % 2) + 1}001${String(i + 1).padStart(3, '0')}`);
  const rows = { compounds: [], buildings: [], households: [], packages: [], batches: [], orders: [] } as Record<string, Array<Record<string, unknown>>>;
  for (const communityId of communityIds) {
    const compoundId = randomUUID();
    rows.compounds!.push({ id: compoundId, communityId, name: '小区' });
    const packageId = randomUUID();
    rows.packages!.push({ id: packageId, communityId, date: DATE, category: 'VEGETABLE_BASIC', name: '蔬菜', listPrice: 5200, items: [], supplierId: randomUUID(), publishedBy: 't', publishedAt: new Date() });
    const batchId = randomUUID();
    rows.batches!.push({ id: batchId, submittedBy: `t-${communityId}`, idempotencyKey: 'k', fingerprint: 'f', submittedAt: new Date() });
    for (const name of ['1栋', '2栋']) {
      const buildingId = randomUUID();
      rows.buildings!.push({ id: buildingId, compoundId, communityId, name, floors: 2 });
      for (const floor of [1, 2]) {
        const householdId = randomUUID();
        rows.households!.push({ id: householdId, buildingId, compoundId, communityId, floor, room: `${floor}01`, headOfHousehold: '某某' });
        rows.orders!.push({
          batchId, position: rows.orders!.length % 1000, householdId, packageId, communityId, compoundId, buildingId, date: DATE,
          category: 'VEGETABLE_BASIC', quantity: 1, subsidizedQuantity: 1, listPrice: 5200, subsidy: 1200, payable: 4000,
          channel: 'APP', submittedBy: 't', placedAt: new Date(), updatedAt: new Date(),
        });
      }
    }
  }
  const db = server.db;
  await db.insert(compounds).values(rows.compounds as never);
  await db.insert(buildings).values(rows.buildings as never);
  await db.insert(households).values(rows.households as never);
  await db.insert(packages).values(rows.packages as never);
  await db.insert(orderBatches).values(rows.batches as never);
  await db.insert(orders).values(rows.orders as never);
  await db.transaction((tx) => rebuildDailyStats(tx));
  return communityIds;
}

const QUERY = `query ($r: [_Any!]!, $date: Date!) { _entities(representations: $r) {
  ... on Community { id orderStats(date: $date) { orders households units subsidyTotal byCategory { category units } }
    volunteerCoverage { buildings buildingsCovered partyMembers }
    compounds { name buildings { name floors households { id floor room } } } }
  ... on District { id orderStats(date: $date) { orders units } }
  ... on City { id orderStats(date: $date) { orders units } } } }`;

describe('SQL statements per request', () => {
  const runs: Array<{ database: TestDatabase; server: Awaited<ReturnType<typeof createServer>>; statements: string[] }> = [];
  afterAll(async () => {
    for (const run of runs) {
      await run.server.stop();
      await run.database.drop();
    }
  });

  async function measure(count: number) {
    const database = await createTestDatabase(`statements_${count}`);
    const statements: string[] = [];
    let counting = false;
    const server = await createServer({
      config: testSubgraphConfig('community', database, { loadDemoData: false }),
      clock: fixedClock('2026-11-21T10:00:00+08:00'),
      onQuery: (query) => counting && statements.push(query),
    });
    runs.push({ database, server, statements });
    const communityIds = await generate(server, count);
    const representations = [
      { __typename: 'City', id: CITY },
      { __typename: 'District', id: `${CITY}01` },
      { __typename: 'District', id: `${CITY}02` },
      ...communityIds.map((id) => ({ __typename: 'Community', id })),
    ];
    const token = await tokenFor('ANALYST', CITY);
    counting = true;
    // Asked as the gateway asks (its credential exempts it from the limits a client meets at this port).
    const response = await graphql<{ _entities: Array<{ orderStats: { orders: number } }> }>(server.url, QUERY, {
      token,
      headers: { [INTERNAL_CREDENTIAL_HEADER]: internalCredential(DEVELOPMENT_JWT_SECRET) },
      variables: { r: representations, date: DATE },
    });
    counting = false;
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]!.orderStats.orders).toBe(count * 4);
    return statements.length;
  }

  let small: number;
  let large: number;
  beforeAll(async () => {
    small = await measure(2);
    large = await measure(50);
  });

  it('is the same for 50 communities as for 2: stats, coverage and roster are each one statement per level', () => {
    console.info(`[statements] 2 communities: ${small}, 50 communities: ${large}`);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  });
});

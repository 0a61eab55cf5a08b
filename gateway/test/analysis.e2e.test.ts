import { DEMO } from '@cgov/shared';
import { errorCodes } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCity, type GeneratedCity } from '../bench/generate.js';
import { Q, room, TOWER } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

const DATE = '2026-11-22';
let platform: Platform;
let analyst: Caller;
let city: GeneratedCity;
beforeAll(async () => {
  platform = await startPlatform();
  city = await generateCity(
    { cityId: '4401', districts: 2, streetsPerDistrict: 2, communitiesPerStreet: 2, compoundsPerCommunity: 1, buildingsPerCompound: 2, floors: 4, householdsPerFloor: 3, orderShare: 0.8, date: DATE },
    platform.exec,
  );
  analyst = callerFor(platform, 'ANALYST', '4401');
}, 120_000);
afterAll(() => platform?.stop());

type Page<T> = { totalCount: number; edges: Array<{ cursor: string; node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const ordersQuery = `query ($filter: OrderFilter!, $first: Int, $after: String) { orders(filter: $filter, first: $first, after: $after) {
  totalCount edges { cursor node { id status package { category date } household { id floor } } } pageInfo { hasNextPage endCursor } } }`;
type OrderNode = { id: string; status: string; package: { category: string; date: string }; household: { id: string; floor: number } };

describe('analysts’ lists', () => {
  it('page through every order of a district, each once, with a total that matches the statistics', async () => {
    const district = city.districtIds[1]!;
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const response: Awaited<ReturnType<typeof analyst.query<{ orders: Page<OrderNode> }>>> = await analyst.query<{ orders: Page<OrderNode> }>(ordersQuery, {
        filter: { regionId: district, dateFrom: DATE, dateTo: DATE },
        first: 17,
        after,
      });
      expect(response.errors).toBeUndefined();
      total = response.data!.orders.totalCount;
      seen.push(...response.data!.orders.edges.map((edge) => edge.node.id));
      after = response.data!.orders.pageInfo.hasNextPage ? response.data!.orders.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    const stats = await analyst.query<{ district: { orderStats: { orders: number; delivered: number } } }>(
      'query ($id: ID!, $date: Date!) { district(id: $id) { orderStats(date: $date) { orders delivered } } }',
      { id: district, date: DATE },
    );
    expect(total).toBe(stats.data!.district.orderStats.orders);
    const delivered = await analyst.query<{ orders: Page<OrderNode> }>(ordersQuery, { filter: { regionId: district, status: 'DELIVERED', category: 'VEGETABLE_BASIC' }, first: 100 });
    expect(delivered.data!.orders.edges.every((edge) => edge.node.status === 'DELIVERED' && edge.node.package.category === 'VEGETABLE_BASIC')).toBe(true);
  });

  it('refuse pages that are too large, cursors that are not theirs, and reversed dates, in plain words', async () => {
    for (const variables of [
      { filter: { regionId: '4401' }, first: 101 },
      { filter: { regionId: '4401' }, first: 0 },
      { filter: { regionId: '4401' }, first: 10, after: 'not-a-cursor' },
      { filter: { regionId: '4401', dateFrom: DATE, dateTo: '2026-11-01' } },
      { filter: { regionId: '44' } },
    ]) {
      const response = await analyst.query(ordersQuery, variables);
      expect(errorCodes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
    expect((await analyst.query(ordersQuery, { filter: { regionId: '4401' }, first: 101 })).errors![0]!.message).toMatch(/from 1 to 100/);
  });

  it('never carry names or phones, and are for officials, analysts and staff in scope only', async () => {
    const withNames = await callerFor(platform, 'ANALYST', DEMO.cityId).query(
      'query ($f: OrderFilter!) { orders(filter: $f, first: 5) { edges { node { household { headOfHousehold phone } } } } }',
      { f: { regionId: Q } },
    );
    expect(new Set(errorCodes(withNames))).toEqual(new Set(['FORBIDDEN']));
    expect(JSON.stringify(withNames.data)).not.toMatch(/138\d{8}/);
    expect(errorCodes(await callerFor(platform, 'RESIDENT', room(TOWER, '101')).query(ordersQuery, { filter: { regionId: Q } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await callerFor(platform, 'STREET_OFFICER', DEMO.streetId).query(ordersQuery, { filter: { regionId: DEMO.cityId } }))).toEqual(['FORBIDDEN']);
    expect((await callerFor(platform, 'STREET_OFFICER', DEMO.streetId).query(ordersQuery, { filter: { regionId: Q } })).errors).toBeUndefined();
  });

  it('list packages, policy versions and group buys by region, category and status', async () => {
    const packages = await analyst.query<{ packages: Page<{ category: string; community: { id: string } }> }>(
      'query { packages(filter: { regionId: "4401", category: PORK_BASIC }, first: 100) { totalCount edges { node { category community { id } } } } }',
    );
    expect(packages.data!.packages.totalCount).toBe(city.communityIds.length);
    expect(packages.data!.packages.edges.every((edge) => edge.node.category === 'PORK_BASIC')).toBe(true);

    const h = callerFor(platform, 'ANALYST', DEMO.cityId);
    const policies = await h.query<{ policies: Page<{ category: string; status: string; regionId: string }> }>(
      'query { policies(filter: { regionId: "4201", status: ACTIVE }) { totalCount edges { node { category status regionId } } } }',
    );
    expect(policies.errors).toBeUndefined();
    expect(policies.data!.policies.edges.map((edge) => edge.node.category).sort()).toEqual(['PORK_BASIC', 'VEGETABLE_BASIC']);

    const groupBuys = await h.query<{ groupBuys: Page<{ title: string; status: string }> }>(
      'query { groupBuys(filter: { regionId: "4201", status: COMPLETED }) { totalCount edges { node { title status } } } }',
    );
    // The demo's completed group buys: 幸福社区's rice and oil of last week, and B小区's seafood of the lockdown.
    expect(groupBuys.data!.groupBuys).toMatchObject({
      totalCount: 2,
      edges: [{ node: { title: '东北大米、菜籽油团购', status: 'COMPLETED' } }, { node: { title: '海鲜团购(鲜虾、鲈鱼)', status: 'COMPLETED' } }],
    });
  });

  it('give a region’s daily statistics over a date range, days without orders included', async () => {
    const series = await callerFor(platform, 'ANALYST', DEMO.cityId).query<{ orderStatsSeries: Array<{ date: string; stats: { orders: number; units: number } }> }>(
      'query { orderStatsSeries(regionId: "420102", from: "2020-02-19", to: "2020-02-21") { date stats { orders units } } }',
    );
    expect(series.errors).toBeUndefined();
    expect(series.data!.orderStatsSeries).toEqual([
      { date: '2020-02-19', stats: { orders: 0, units: 0 } },
      { date: '2020-02-20', stats: { orders: 94, units: 104 } },
      { date: '2020-02-21', stats: { orders: 0, units: 0 } },
    ]);
    const tooLong = await analyst.query('query { orderStatsSeries(regionId: "4401", from: "2025-01-01", to: "2026-06-01") { date } }');
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });
});

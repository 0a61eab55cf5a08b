import { DEMO, fixedClock } from '@cgov/shared';
import { errorCodes } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCity, type CityShape, type GeneratedCity } from '../bench/generate.js';
import { callerFor, startPlatform, type Platform } from './harness.js';

const DATE = '2026-11-22';
const base = { compoundsPerCommunity: 1, buildingsPerCompound: 2, floors: 3, householdsPerFloor: 2, orderShare: 0.7, date: DATE };
const SMALL: CityShape = { ...base, cityId: '4401', districts: 2, streetsPerDistrict: 2, communitiesPerStreet: 2 }; // 8 communities
const LARGE: CityShape = { ...base, cityId: '4402', districts: 4, streetsPerDistrict: 5, communitiesPerStreet: 4 }; // 80 communities

interface Stats { orders: number; households: number; units: number; listTotal: string; subsidyTotal: string; payableTotal: string; delivered: number; byCategory: Array<{ category: string; units: number; subsidyTotal: string }> }
interface CommunityPart { id: string; name: string; orderStats: Stats | null; volunteerCoverage: { buildings: number; buildingsCovered: number; partyMembers: number } | null; groupBuys: Array<{ id: string; title: string; participantCount: number }> | null }
interface StreetPart { id: string; name: string; orderStats: Stats | null; communities: CommunityPart[] }
interface DistrictPart { id: string; name: string; orderStats: Stats | null; streets: StreetPart[] }
interface Dashboard { city: { id: string; name: string; subsidyBudget: { allocated: string; spent: string | null; remaining: string | null } | null; orderStats: Stats | null; districts: DistrictPart[] } | null }

let platform: Platform;
let small: GeneratedCity;
let large: GeneratedCity;
beforeAll(async () => {
  // No deadline sweeps in the background while statements are counted.
  // The generated city's day, in the morning: its group buys close at 18:00, and a restarted selforg sweeps at once.
  platform = await startPlatform({ schedulerIntervalMs: 3_600_000, clock: fixedClock(`${DATE}T10:00:00+08:00`) });
  small = await generateCity(SMALL, platform.exec);
  large = await generateCity(LARGE, platform.exec);
}, 120_000);
afterAll(() => platform?.stop());

/** The contract's dashboard; `fresh` asks the subgraphs rather than take an answer the gateway kept. */
async function dashboard(cityId: string, role: 'ANALYST' | 'CITY_OFFICIAL' | 'STREET_OFFICER' | 'COMMUNITY_STAFF' = 'ANALYST', scope = cityId, fresh = false) {
  return callerFor(platform, role, scope, undefined, { fresh }).op<Dashboard>('CityDashboard', { cityId, date: DATE });
}

const money = (text: string) => Math.round(Number(text) * 100);
/** The sum of some tiers' statistics, as the tier above must show it. */
function sum(parts: Array<Stats | null>): Omit<Stats, 'byCategory'> & { byCategory: Record<string, { units: number; subsidyTotal: number }> } {
  const total = { orders: 0, households: 0, units: 0, listTotal: 0, subsidyTotal: 0, payableTotal: 0, delivered: 0, byCategory: {} as Record<string, { units: number; subsidyTotal: number }> };
  for (const part of parts) {
    total.orders += part!.orders;
    total.households += part!.households;
    total.units += part!.units;
    total.listTotal += money(part!.listTotal);
    total.subsidyTotal += money(part!.subsidyTotal);
    total.payableTotal += money(part!.payableTotal);
    total.delivered += part!.delivered;
    for (const line of part!.byCategory) {
      const entry = (total.byCategory[line.category] ??= { units: 0, subsidyTotal: 0 });
      entry.units += line.units;
      entry.subsidyTotal += money(line.subsidyTotal);
    }
  }
  return total as never;
}
const asSum = (stats: Stats | null) => sum([stats]);

describe('CityDashboard', () => {
  it('answers in one request with every tier adding up: the city of its districts, a district of its streets, a street of its communities', async () => {
    const response = await dashboard(LARGE.cityId);
    expect(response.errors).toBeUndefined();
    const city = response.data!.city!;
    expect(city.districts).toHaveLength(LARGE.districts);
    expect(city.orderStats!.orders).toBeGreaterThan(0);
    expect(asSum(city.orderStats)).toEqual(sum(city.districts.map((district) => district.orderStats)));
    for (const district of city.districts) {
      expect(district.streets).toHaveLength(LARGE.streetsPerDistrict);
      expect(asSum(district.orderStats)).toEqual(sum(district.streets.map((street) => street.orderStats)));
      for (const street of district.streets) {
        expect(asSum(street.orderStats)).toEqual(sum(street.communities.map((community) => community.orderStats)));
      }
    }
    const community = city.districts[0]!.streets[0]!.communities[0]!;
    expect(community.volunteerCoverage).toEqual({ buildings: 2, buildingsCovered: 1, partyMembers: 1 });
    expect(community.groupBuys).toEqual([expect.objectContaining({ title: '水果团购', participantCount: 4 })]);
    expect(city.subsidyBudget).toMatchObject({ allocated: '100000000.00', spent: city.orderStats!.subsidyTotal });
    expect(money(city.subsidyBudget!.remaining!)).toBe(money('100000000.00') - money(city.orderStats!.subsidyTotal));
  });

  it("generates packages that name their district's designated supplier, as the benchmark's small query reads them", async () => {
    const communityId = large.communityIds.at(-1)!;
    const response = await callerFor(platform, 'ANALYST', LARGE.cityId).op<{ community: { packages: Array<{ category: string; supplier: { name: string } | null }> } }>('Packages', { communityId, date: DATE });
    expect(response.errors).toBeUndefined();
    const packages = response.data!.community.packages;
    expect(packages.map((pkg) => pkg.category).sort()).toEqual(['PORK_BASIC', 'VEGETABLE_BASIC']);
    for (const pkg of packages) expect(pkg.supplier).toMatchObject({ name: `供应商${communityId.slice(0, 6)}` });
  });

  it('costs the same number of subgraph fetches and SQL statements for a ten times larger city', async () => {
    const measure = async (cityId: string) => {
      platform.counters.reset();
      const response = await dashboard(cityId, 'ANALYST', cityId, true);
      expect(response.errors).toBeUndefined();
      return { fetches: { ...platform.counters.fetches }, statements: { ...platform.counters.statements } };
    };
    await measure(SMALL.cityId); // warm the query plan cache alike for both
    const smallCost = await measure(SMALL.cityId);
    const largeCost = await measure(LARGE.cityId);
    console.info(`[dashboard cost] ${small.communityIds.length} communities: ${JSON.stringify(smallCost)}; ${large.communityIds.length} communities: ${JSON.stringify(largeCost)}`);
    expect(large.communityIds.length).toBe(10 * small.communityIds.length);
    expect(largeCost).toEqual(smallCost);
    // Every subgraph took part: the dashboard was computed, not served from the gateway's cache.
    for (const name of ['city', 'community', 'selforg'] as const) {
      expect(largeCost.fetches[name]).toBeGreaterThan(0);
      expect(largeCost.statements[name]).toBeGreaterThan(0);
    }
    // The open group buys and their participant counts (kept with the writes) in one statement, not one more per list.
    expect(largeCost.statements.selforg).toBe(1);
  });

  it('gives a street officer its street’s part in full, and for what lies outside it null figures and a FORBIDDEN error per subgraph request', async () => {
    const street = large.streetIds[3]!;
    platform.counters.reset();
    const response = await dashboard(LARGE.cityId, 'STREET_OFFICER', street);
    const streets = response.data!.city!.districts.flatMap((district) => district.streets);
    const mine = streets.find((part) => part.id === street)!;
    expect(mine.orderStats!.orders).toBeGreaterThan(0);
    expect(mine.communities.every((community) => community.orderStats && community.volunteerCoverage && community.groupBuys)).toBe(true);
    const others = streets.filter((part) => part.id !== street);
    expect(others.every((part) => part.orderStats === null)).toBe(true);
    expect(others.flatMap((part) => part.communities).every((c) => c.orderStats === null && c.volunteerCoverage === null && c.groupBuys === null)).toBe(true);
    expect(response.data!.city!.orderStats).toBeNull();
    // One error for each subgraph request that met figures outside the street, not one for each of the city's 80 communities.
    const fetches = Object.values(platform.counters.fetches).reduce((total, count) => total + count, 0);
    expect(response.errors!.length).toBeGreaterThan(0);
    expect(response.errors!.length).toBeLessThanOrEqual(fetches);
    expect(response.errors!.some((error) => /outside your scope .* null as well/.test(error.message))).toBe(true);
    expect(new Set(errorCodes(response))).toEqual(new Set(['FORBIDDEN']));
    for (const error of response.errors!) {
      const path = error.path!.join('.');
      const district = response.data!.city!.districts.findIndex((part) => part.streets.some((s) => s.id === street));
      const inMine = path.startsWith(`city.districts.${district}.streets.${response.data!.city!.districts[district]!.streets.findIndex((s) => s.id === street)}.`);
      expect(inMine, path).toBe(false);
    }
  });

  it('shows H市’s demo to its city official without an error', async () => {
    const response = await dashboard(DEMO.cityId, 'CITY_OFFICIAL');
    expect(response.errors).toBeUndefined();
    const q = response.data!.city!.districts.flatMap((d) => d.streets).flatMap((s) => s.communities).find((c) => c.id === DEMO.communityId)!;
    expect(q.groupBuys!.map((groupBuy) => groupBuy.title)).toEqual(['砂糖橘、苹果团购']);
    expect(q.volunteerCoverage).toEqual({ buildings: 5, buildingsCovered: 3, partyMembers: 4 });
  });

  it('still answers when a subgraph is down, naming the service whose part is missing', async () => {
    await platform.subgraphs.selforg.stop();
    try {
      const response = await dashboard(SMALL.cityId, 'ANALYST', SMALL.cityId, true);
      const city = response.data!.city!;
      expect(city.orderStats!.orders).toBeGreaterThan(0);
      const community = city.districts[0]!.streets[0]!.communities[0]!;
      expect(community.groupBuys).toBeNull();
      expect(community.volunteerCoverage).not.toBeNull();
      expect(response.errors!.every((error) => /selforg service is unavailable/.test(error.message))).toBe(true);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'selforg' });
      expect(response.errors![0]!.path).toEqual(['city', 'districts', 0, 'streets', 0, 'communities', 0, 'groupBuys']);
    } finally {
      await platform.restart('selforg');
    }
    await platform.subgraphs.community.stop();
    try {
      const response = await dashboard(SMALL.cityId, 'ANALYST', SMALL.cityId, true);
      const city = response.data!.city!;
      expect(city.districts).toHaveLength(SMALL.districts);
      expect(city.orderStats).toBeNull();
      expect(city.subsidyBudget).toMatchObject({ allocated: '100000000.00', spent: null, remaining: null });
      expect(city.districts[0]!.streets[0]!.communities[0]!.groupBuys).toHaveLength(1);
      expect(response.errors!.some((error) => /community service is unavailable/.test(error.message))).toBe(true);
    } finally {
      await platform.restart('community');
    }
    expect((await dashboard(SMALL.cityId, 'ANALYST', SMALL.cityId, true)).errors).toBeUndefined();
  });
});

import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { CalendarDate } from './dates.js';
import type { Database, Executor } from './db.js';

/**
 * The demo's region tree, known to every service: the case's H市 and Q社区 (Q community, 420102001001),
 * and enough neighbours that roll-ups across districts and streets mean something. A second city,
 * J市, makes a city official's scope visible.
 */
export const DEMO_REGIONS = [
  { id: '4201', name: 'H市' },
  { id: '420102', name: '东城区' },
  { id: '420102001', name: '青山街道' },
  { id: '420102001001', name: 'Q社区' },
  { id: '420102001002', name: '幸福社区' },
  { id: '420102002', name: '和平街道' },
  { id: '420102002001', name: '友谊社区' },
  { id: '420103', name: '西城区' },
  { id: '420103001', name: '长江街道' },
  { id: '420103001001', name: '建设社区' },
  { id: '420103001002', name: '光明社区' },
  { id: '420103002', name: '汉水街道' },
  { id: '420103002001', name: '民主社区' },
  { id: '4202', name: 'J市' },
  { id: '420201', name: '南湖区' },
  { id: '420201001', name: '南湖街道' },
  { id: '420201001001', name: '南湖社区' },
] as const;

/** The ids the case revolves around. */
export const DEMO = {
  cityId: '4201',
  districtId: '420102',
  streetId: '420102001',
  /** Q社区, the community of the case. */
  communityId: '420102001001',
  otherCityId: '4202',
} as const;

/** A stable UUID for a demo record, so that the demo's ids are the same on every machine. */
export function demoId(key: string): string {
  const hex = createHash('sha256').update(`cgov-demo:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** The demo's compounds, buildings and households have ids derived from their names. */
export const demoIds = {
  compound: (communityId: string, name: string) => demoId(`compound:${communityId}:${name}`),
  building: (compoundId: string, name: string) => demoId(`building:${compoundId}:${name}`),
  household: (buildingId: string, room: string) => demoId(`household:${buildingId}:${room}`),
};

/** The designated suppliers of the demo, known to the city (which designates them) and the community (which buys from them). */
export const DEMO_SUPPLIER_IDS = {
  cityWholesale: demoId('supplier:city-wholesale'),
  qSupermarket: demoId('supplier:q-supermarket'),
} as const;

/** The day the case's policies came into force, with no end. */
export const DEMO_POLICY_FROM = '2020-02-18';

/** The case's subsidy policies for H市 from 2020-02-18 (fen): 12.00 of a 52.00 vegetable package, 6.00 of 66.00 pork; one unit a day. */
export const DEMO_POLICIES = [
  { category: 'VEGETABLE_BASIC', subsidyPerUnit: 1200, maxListPrice: 5200, perHouseholdDailyLimit: 1 },
  { category: 'PORK_BASIC', subsidyPerUnit: 600, maxListPrice: 6600, perHouseholdDailyLimit: 1 },
] as const;

/**
 * The policy in force for a community of the demo on a date, as the city's demo data publishes it: H市's
 * case policies from 2020-02-18 on, nothing elsewhere or before. The community's demo prices its orders by it
 * when the city's API is not up yet (the demo loads before the services answer).
 */
export function demoPolicyFor(communityId: string, date: CalendarDate, category: string) {
  if (!communityId.startsWith(DEMO.cityId) || date < DEMO_POLICY_FROM) return null;
  return DEMO_POLICIES.find((policy) => policy.category === category) ?? null;
}

/** A seeded source of draws for the demo (xoroshiro128+): the same key gives the same draws on every machine. */
export interface DemoRandom {
  /** A whole number from `from` to `to`, both included. */
  int(from: number, to: number): number;
  /** True with probability `p` (0–1, in steps of 1/10,000). */
  chance(p: number): boolean;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
}

export function demoRandom(key: string): DemoRandom {
  const rng = xoroshiro128plus(createHash('sha256').update(`cgov-demo-random:${key}`).digest().readInt32BE(0));
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  return {
    int,
    chance: (p) => int(0, 9_999) < Math.round(p * 10_000),
    pick: (items) => items[int(0, items.length - 1)]!,
  };
}

/**
 * A demo part's transaction (seedWhenEmpty's) as a Database for the repositories the mutations use: their own
 * transactions run inside it as they are, instead of as savepoints that would add two statements to every call.
 */
export function demoTransaction<TSchema extends Record<string, unknown>>(tx: Executor<TSchema>): Database<TSchema> {
  return new Proxy(tx, {
    get: (target, property, receiver) =>
      property === 'transaction' ? (work: (inner: Executor<TSchema>) => Promise<unknown>) => work(target) : Reflect.get(target, property, receiver),
  }) as Database<TSchema>;
}

import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { CalendarDate } from './dates.js';
import type { Role } from './auth.js';
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
  /** A worker of a community's micro-grid, by a key of the demo's (e.g. a1-lead). */
  gridWorker: (communityId: string, key: string) => demoId(`grid-worker:${communityId}:${key}`),
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

const demoCompoundA = demoIds.compound(DEMO.communityId, 'A小区');
const demoCompoundB = demoIds.compound(DEMO.communityId, 'B小区');

/**
 * The demo's actors a new user signs in as (the README's and docs/api.md's table, in its order): a stable kebab-case
 * id, the role and scope of the token, and a label in each of the console's languages.
 */
export const DEMO_ACTORS = [
  { id: 'city-command', role: 'CITY_OFFICIAL', scope: DEMO.cityId, label: { 'zh-CN': 'H市疫情防控指挥部', 'en-US': "H city's epidemic command" } },
  { id: 'city-analyst', role: 'ANALYST', scope: DEMO.cityId, label: { 'zh-CN': 'H市数据分析员', 'en-US': 'An analyst of H city' } },
  { id: 'street-office', role: 'STREET_OFFICER', scope: DEMO.streetId, label: { 'zh-CN': '青山街道办事处', 'en-US': "Qingshan street's office" } },
  { id: 'community-committee', role: 'COMMUNITY_STAFF', scope: DEMO.communityId, label: { 'zh-CN': 'Q社区居委会', 'en-US': "Q community's residents' committee" } },
  {
    id: 'party-member-li',
    role: 'PARTY_MEMBER',
    scope: demoId('party-member:li'),
    label: { 'zh-CN': '李卫东(党员,负责A小区1栋9–18层)', 'en-US': 'Li Weidong, party member for floors 9–18 of A compound, building 1' },
  },
  {
    id: 'resident-a1-1201',
    role: 'RESIDENT',
    scope: demoIds.household(demoIds.building(demoCompoundA, '1栋'), '1201'),
    label: { 'zh-CN': 'A小区1栋1201住户', 'en-US': 'The household of A compound, building 1, room 1201' },
  },
  { id: 'owners-committee-b', role: 'OWNER_COMMITTEE', scope: demoCompoundB, label: { 'zh-CN': 'B小区业主委员会', 'en-US': "B compound's owners' committee" } },
  {
    id: 'resident-b1-101',
    role: 'RESIDENT',
    scope: demoIds.household(demoIds.building(demoCompoundB, '1号楼'), '101'),
    label: { 'zh-CN': 'B小区1号楼101住户', 'en-US': 'The household of B compound, building 1, room 101' },
  },
  {
    id: 'grid-worker-liu',
    role: 'GRID_WORKER',
    scope: demoIds.gridWorker(DEMO.communityId, 'a1-lead'),
    label: { 'zh-CN': '刘芳（网格员，A小区1栋微网格）', 'en-US': 'Liu Fang, grid worker of the micro-grid of A compound, building 1' },
  },
  { id: 'hotline-12345', role: 'HOTLINE_OPERATOR', scope: DEMO.cityId, label: { 'zh-CN': 'H市12345市民服务热线', 'en-US': "H city's 12345 citizen hotline" } },
  {
    id: 'department-water',
    role: 'DEPARTMENT_OFFICER',
    scope: demoId(`department:${DEMO.cityId}:water`),
    label: { 'zh-CN': '市供水集团(委办局)', 'en-US': "The city's water company (a department)" },
  },
] as const satisfies ReadonlyArray<{ id: string; role: Role; scope: string; label: Record<'zh-CN' | 'en-US', string> }>;

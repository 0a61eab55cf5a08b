import {
  addDays,
  DEMO,
  DEMO_REGIONS,
  DEMO_SUPPLIER_IDS,
  demoId,
  demoIds,
  demoPolicyFor,
  demoRandom,
  demoTransaction,
  seedWhenEmpty,
  shanghaiInstant,
  today,
  type CalendarDate,
  type Clock,
  type Database,
  type Executor,
  type PackageCategory,
} from '@cgov/shared';
import { compounds, emergencyPlans, grids, packages, partyMembers, type CareKind, type EmergencyUse, type Hazard, type TeamKind, type CommunityTables, type GridDuty, type GridLevel, type HouseholdRow, type OrderChannel, type PackageItem, type PackageRow } from './db/schema.js';
import { placementProblem, workerSlot } from './domain/gridRules.js';
import { assertBeforeCutoff, assertOrderable } from './domain/orders.js';
import { GridRepository } from './repositories/grids.js';
import { OrderRepository, type OrderLine } from './repositories/orders.js';
import { PackageRepository } from './repositories/packages.js';
import { PartyMemberRepository } from './repositories/partyMembers.js';
import { ReadinessRepository } from './repositories/readiness.js';
import { RosterRepository } from './repositories/roster.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '丽', '军', '敏', '静', '伟', '芳', '德明', '淑珍', '海燕', '国平', '小红', '文华'];

/** Q社区's compounds as the case tells them: A小区 with the 18-floor building, B小区 with its owners. */
const Q_COMPOUNDS = [
  {
    name: 'A小区',
    buildings: [
      { name: '1栋', floors: 18, perFloor: 2 },
      { name: '2栋', floors: 11, perFloor: 2 },
      { name: '3栋', floors: 6, perFloor: 3 },
    ],
  },
  {
    name: 'B小区',
    buildings: [
      { name: '1号楼', floors: 6, perFloor: 2 },
      { name: '2号楼', floors: 4, perFloor: 2 },
    ],
  },
];

/** Every other community of the demo gets one modest compound, so that roll-ups have something to add. */
export const NEIGHBOUR_COMPOUND = '和谐家园';
const NEIGHBOUR_COMPOUNDS = [{ name: NEIGHBOUR_COMPOUND, buildings: [{ name: '1栋', floors: 6, perFloor: 2 }] }];

type CompoundPlan = (typeof Q_COMPOUNDS)[number];

/** The demo roster, built from the plan with stable ids. */
export function demoRoster() {
  const rows = { compounds: [], buildings: [], households: [] } as Parameters<typeof RosterRepository.insertMissing>[1];
  let person = 0;
  const communities = DEMO_REGIONS.filter((region) => region.id.length === 12);
  for (const community of communities) {
    const plan: CompoundPlan[] = community.id === DEMO.communityId ? Q_COMPOUNDS : NEIGHBOUR_COMPOUNDS;
    for (const compound of plan) {
      const compoundId = demoIds.compound(community.id, compound.name);
      rows.compounds.push({ id: compoundId, communityId: community.id, name: compound.name });
      for (const building of compound.buildings) {
        const buildingId = demoIds.building(compoundId, building.name);
        rows.buildings.push({ id: buildingId, compoundId, communityId: community.id, name: building.name, floors: building.floors });
        for (let floor = 1; floor <= building.floors; floor += 1) {
          for (let door = 1; door <= building.perFloor; door += 1) {
            const room = `${floor}${String(door).padStart(2, '0')}`;
            const elderly = person % 5 === 3;
            rows.households.push({
              id: demoIds.household(buildingId, room),
              buildingId,
              compoundId,
              communityId: community.id,
              floor,
              room,
              headOfHousehold: `${SURNAMES[person % SURNAMES.length]}${GIVEN[(person * 7) % GIVEN.length]}`,
              phone: elderly ? null : `138${String(27_000_000 + person * 7919).padStart(8, '0')}`,
              needsDoorToDoor: elderly,
            });
            person += 1;
          }
        }
      }
    }
  }
  return rows;
}

const Q = DEMO.communityId;
const A = demoIds.compound(Q, 'A小区');
const B = demoIds.compound(Q, 'B小区');
const building = (compoundId: string, name: string) => demoIds.building(compoundId, name);
/** The one building of a neighbour community's compound. */
const neighbourBuilding = (communityId: string) => building(demoIds.compound(communityId, NEIGHBOUR_COMPOUND), '1栋');

/**
 * The party members who reported to their communities (双报到), and the floors each covers. In Q社区, A小区 3栋
 * and B小区 2号楼 still lack hands; in the neighbours, 建设社区's floors 5–6 and all of 光明社区 do.
 */
export const DEMO_PARTY_MEMBERS = [
  { key: 'zhang', communityId: Q, name: '张建华', phone: '13900001001', workUnit: 'H市自来水公司', buildingId: building(A, '1栋'), floors: [1, 8] },
  { key: 'li', communityId: Q, name: '李卫东', phone: '13900001002', workUnit: 'H市第三中学', buildingId: building(A, '1栋'), floors: [9, 18] },
  { key: 'wang', communityId: Q, name: '王丽', phone: '13900001003', workUnit: 'H市税务局东城分局', buildingId: building(A, '2栋'), floors: [1, 11] },
  { key: 'chen', communityId: Q, name: '陈志刚', phone: '13900001004', workUnit: '东城区人民法院', buildingId: building(B, '1号楼'), floors: [1, 6] },
  { key: 'xingfu-1', communityId: '420102001002', name: '赵红梅', phone: '13900002001', workUnit: '东城区卫生健康局', buildingId: neighbourBuilding('420102001002'), floors: [1, 3] },
  { key: 'xingfu-2', communityId: '420102001002', name: '孙志伟', phone: '13900002002', workUnit: 'H市供电公司', buildingId: neighbourBuilding('420102001002'), floors: [4, 6] },
  { key: 'youyi', communityId: '420102002001', name: '周晓燕', phone: '13900002003', workUnit: '和平街道卫生服务中心', buildingId: neighbourBuilding('420102002001'), floors: [1, 6] },
  { key: 'jianshe', communityId: '420103001001', name: '吴国强', phone: '13900002004', workUnit: '西城区教育局', buildingId: neighbourBuilding('420103001001'), floors: [1, 4] },
  { key: 'minzhu', communityId: '420103002001', name: '郑雪', phone: '13900002005', workUnit: 'H市公交集团', buildingId: neighbourBuilding('420103002001'), floors: [1, 6] },
].map((member) => ({ ...member, id: demoId(`party-member:${member.key}`), floorFrom: member.floors[0]!, floorTo: member.floors[1]! }));

type DemoMember = (typeof DEMO_PARTY_MEMBERS)[number];

/** The party member whose floors a household lives on, if any. */
const memberFor = (household: { buildingId: string; floor: number }) =>
  DEMO_PARTY_MEMBERS.find((m) => m.buildingId === household.buildingId && m.floorFrom <= household.floor && household.floor <= m.floorTo);

const VEGETABLES: PackageItem[][] = [
  [['白菜', 3], ['土豆', 3], ['胡萝卜', 2], ['洋葱', 2], ['西红柿', 3], ['青椒', 2]],
  [['包菜', 3], ['冬瓜', 3], ['萝卜', 3], ['黄瓜', 2], ['茄子', 2], ['蒜苗', 2]],
  [['菠菜', 2], ['土豆', 3], ['莲藕', 3], ['西红柿', 3], ['芹菜', 2], ['香菇', 2]],
  [['大白菜', 4], ['南瓜', 3], ['胡萝卜', 2], ['洋葱', 2], ['豆芽', 2], ['生姜', 2]],
].map((items) => items.map(([name, quantity]) => ({ name: name as string, quantity: quantity as number, unit: '斤' })));

/** Who publishes and moves orders in the demo, as the `sub` of their tokens would say. */
const STAFF = 'demo-community-staff';

/**
 * A community's packages for a day as its committee plans them: in Q社区, as in the case, four vegetable packages
 * at 52.00 (about 15 jin of 6 kinds) and pork at 66.00 from the supermarket; in the neighbours, two vegetable
 * packages and pork from the city's wholesaler.
 */
function dayPackages(communityId: string, date: CalendarDate, publishedAt: Date) {
  const q = communityId === Q;
  const vegetable = VEGETABLES.slice(0, q ? 4 : 2).map((items, i) => ({
    id: demoId(`package:${communityId}:${date}:vegetable:${i}`),
    category: 'VEGETABLE_BASIC' as PackageCategory,
    name: `蔬菜套餐${'ABCD'[i]}`,
    listPrice: 5200,
    items,
  }));
  const pork = { id: demoId(`package:${communityId}:${date}:pork`), category: 'PORK_BASIC' as PackageCategory, name: '猪肉套餐', listPrice: 6600, items: [{ name: '猪肉', quantity: 2, unit: '斤' }] };
  return [...vegetable, pork].map((pkg) => ({
    ...pkg,
    communityId,
    date,
    supplierId: q ? DEMO_SUPPLIER_IDS.qSupermarket : DEMO_SUPPLIER_IDS.cityWholesale,
    publishedBy: STAFF,
    publishedAt,
  }));
}

/** The case's day: 2020-02-20, orders on every channel, reported, procured and carried to every door. */
export const CASE_DATE = '2020-02-20';

/** How many days before today the demo's daily orders begin: today and the 13 days before it, then tomorrow. */
export const RECENT_DAYS = 14;

/** One order the demo places: who for, what, how, and who submits it (a party member, the resident, or staff). */
interface PlannedOrder {
  household: HouseholdRow;
  pkg: PackageRow;
  quantity: number;
  channel: OrderChannel;
  member: DemoMember | undefined;
}

/** When each step of a delivery day happens (Asia/Shanghai); a step later than the load instant has not happened yet. */
interface DayTimes {
  /** When the batch of a submitter is placed. */
  placedAt(submitter: string): Date;
  reported: Date;
  procured: Date;
  atGate: Date;
  /** When a deliverer (a party member, or staff for households nobody covers) has carried its orders up. */
  deliveredAt(deliverer: string): Date;
}

/** The submitter of an order as its token's `sub` would be: the party member who collected it, the resident, or staff on the phone. */
function submitterOf(order: PlannedOrder): string {
  if (order.channel === 'APP') return `resident:${order.household.id}`;
  if (order.channel === 'PHONE') return STAFF;
  return `party-member:${order.member!.id}`;
}

/**
 * Runs one delivery date through the rules real orders follow: each submitter's batch placed before the cut-off
 * and priced by the policy in force (subsidy limits held by the repository's counters), a few cancelled before
 * the report, then each compound's orders REPORTED, PROCURED and AT_GATE, and carried to the doors by their party
 * members (staff for the others), every step counted in the daily statistics as it happens. Steps later than `now`
 * are left for the day to bring.
 */
async function runDay(tx: Executor<CommunityTables>, date: CalendarDate, planned: PlannedOrder[], times: DayTimes, now: Date, cancelShare: number) {
  const repo = new OrderRepository(demoTransaction(tx));
  const bySubmitter = new Map<string, PlannedOrder[]>();
  for (const order of planned) bySubmitter.set(submitterOf(order), [...(bySubmitter.get(submitterOf(order)) ?? []), order]);
  const batches = [...bySubmitter.entries()]
    .map(([submittedBy, orders]) => ({ submittedBy, orders, at: times.placedAt(submittedBy) }))
    .filter((batch) => batch.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.submittedBy.localeCompare(b.submittedBy));
  const random = demoRandom(`cancel:${date}`);
  for (const batch of batches) {
    assertBeforeCutoff(date, batch.at);
    const batchId = demoId(`batch:${date}:${batch.submittedBy}`);
    const lines: OrderLine[] = batch.orders.map((order) => ({
      household: order.household,
      pkg: order.pkg,
      quantity: order.quantity,
      channel: order.channel,
      policy: demoPolicyFor(order.pkg.communityId, date, order.pkg.category),
    }));
    const placed = await repo.submit({
      submittedBy: batch.submittedBy,
      idempotencyKey: `demo-${date}`,
      fingerprint: 'demo',
      lines,
      collectedBy: batch.submittedBy.startsWith('party-member:') ? batch.orders[0]!.member!.id : null,
      now: batch.at,
      ids: { batch: batchId, order: (position) => demoId(`order:${batchId}:${position}`) },
    });
    for (const order of placed.orders) {
      const cancelAt = new Date(batch.at.getTime() + 3_600_000);
      if (random.chance(cancelShare) && cancelAt.getTime() <= Math.min(now.getTime(), times.reported.getTime())) {
        await repo.cancel(order.id, cancelAt, async () => undefined);
      }
    }
  }
  const compoundIds = [...new Set(planned.map((order) => order.household.compoundId))].sort();
  for (const [from, to, at] of [
    ['PLACED', 'REPORTED', times.reported],
    ['REPORTED', 'PROCURED', times.procured],
    ['PROCURED', 'AT_GATE', times.atGate],
  ] as const) {
    if (at.getTime() > now.getTime()) return;
    for (const compoundId of compoundIds) await repo.advance(compoundId, date, from, to, at);
  }
  const atGate = await repo.list({ regionId: DEMO.cityId, dateFrom: date, dateTo: date, status: 'AT_GATE' }, 10_000, null);
  const households = new Map(planned.map((order) => [order.household.id, order.household]));
  const byDeliverer = new Map<string, string[]>();
  for (const order of atGate) {
    const member = memberFor(households.get(order.householdId)!);
    const deliverer = member ? member.id : STAFF;
    byDeliverer.set(deliverer, [...(byDeliverer.get(deliverer) ?? []), order.id]);
  }
  for (const [deliverer, ids] of [...byDeliverer.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const at = times.deliveredAt(deliverer);
    if (at.getTime() > now.getTime()) continue;
    await repo.markDelivered(ids.sort(), deliverer === STAFF ? null : deliverer, at, async () => undefined);
  }
}

/** Publishes a community's packages for a date through the rules publishPackage follows (orderable, within the policy's cap). */
async function publishDay(tx: Executor<CommunityTables>, communityId: string, date: CalendarDate, publishedAt: Date): Promise<PackageRow[]> {
  const repo = new PackageRepository(demoTransaction(tx));
  const published: PackageRow[] = [];
  for (const pkg of dayPackages(communityId, date, publishedAt)) {
    assertOrderable(date, publishedAt);
    const policy = demoPolicyFor(communityId, date, pkg.category);
    if (policy && pkg.listPrice > policy.maxListPrice) throw new Error(`demo package ${pkg.name} is above the cap`);
    published.push(await repo.publish(pkg));
  }
  return published;
}

/** The case's orders: one per household of A小区 1栋 and B小区 1号楼, as their party members collected them on 2020-02-19. */
function caseOrders(households: HouseholdRow[], pkgs: PackageRow[]): PlannedOrder[] {
  const CHANNELS: OrderChannel[] = ['GROUP_CHAIN', 'GROUP_CHAIN', 'APP', 'PHONE'];
  const covered = households.filter((household) => household.communityId === Q && memberFor(household));
  return covered.flatMap((household, i) => {
    const member = memberFor(household)!;
    const channel: OrderChannel = household.needsDoorToDoor ? 'DOOR_TO_DOOR' : CHANNELS[i % CHANNELS.length]!;
    const picks = [pkgs[i % 4]!, ...(i % 3 === 0 ? [pkgs[4]!] : [])];
    return picks.map((pkg, k) => ({ household, pkg, quantity: i % 7 === 0 && k === 0 ? 2 : 1, channel, member }));
  });
}

/**
 * A recent day's orders, drawn by a PRNG seeded with the date and household (the same on every machine): about
 * one household in two orders a vegetable package (some two), a third of them pork as well; the party member's
 * households through the group chain (elderly ones door to door), a few by app or phone; the others mostly by phone
 * to the committee, a few by app.
 * For tomorrow, A小区 1栋 and B小区 have not ordered yet: those are left for a new user to try.
 */
function recentOrders(households: HouseholdRow[], pkgs: PackageRow[], date: CalendarDate, isTomorrow: boolean): PlannedOrder[] {
  const open = (household: HouseholdRow) => !isTomorrow || (household.buildingId !== building(A, '1栋') && household.compoundId !== B);
  return households.filter(open).flatMap((household) => {
    const random = demoRandom(`order:${date}:${household.id}`);
    if (!random.chance(0.5)) return [];
    const mine = pkgs.filter((pkg) => pkg.communityId === household.communityId);
    const member = memberFor(household);
    const channel: OrderChannel = member
      ? household.needsDoorToDoor
        ? 'DOOR_TO_DOOR'
        : random.chance(0.95)
          ? 'GROUP_CHAIN'
          : random.pick<OrderChannel>(['APP', 'PHONE'])
      : random.chance(0.95)
        ? 'PHONE'
        : 'APP';
    const vegetable = random.pick(mine.filter((pkg) => pkg.category === 'VEGETABLE_BASIC'));
    const orders: PlannedOrder[] = [{ household, pkg: vegetable, quantity: random.chance(0.1) ? 2 : 1, channel, member }];
    if (random.chance(0.35)) orders.push({ household, pkg: mine.find((pkg) => pkg.category === 'PORK_BASIC')!, quantity: 1, channel, member });
    return orders;
  });
}

/** The times of a recent delivery date: batches through the day before (from 12:00 two days before), reported at 20:30, at the gate by 9:30, delivered by noon. */
function recentTimes(date: CalendarDate): DayTimes {
  const twoDaysBefore = shanghaiInstant(addDays(date, -2), 12).getTime();
  return {
    placedAt: (submitter) => new Date(twoDaysBefore + demoRandom(`placed:${date}:${submitter}`).int(0, 31 * 60 + 59) * 60_000),
    reported: shanghaiInstant(addDays(date, -1), 20, 30),
    procured: shanghaiInstant(date, 7, 30),
    atGate: shanghaiInstant(date, 9, 30),
    deliveredAt: (deliverer) => new Date(shanghaiInstant(date, 10).getTime() + demoRandom(`delivered:${date}:${deliverer}`).int(0, 119) * 60_000),
  };
}

/** Residents' word on the case's packages, as the committee heard it. */
const CASE_RATINGS: Array<[number, number, string]> = [
  [0, 5, '菜很新鲜，送到门口，谢谢党员同志！'],
  [1, 4, '分量足，希望多点绿叶菜。'],
  [2, 3, '土豆有点多，能换点别的吗？'],
  [3, 5, '很方便，老人不用下楼了。'],
];

/** What residents say of a recent package, by rating. */
const RECENT_COMMENTS: Record<number, string[]> = {
  5: ['很新鲜，谢谢！', '送到门口，太方便了。', '分量足，价格实惠。'],
  4: ['不错，希望多点绿叶菜。', '挺好，就是土豆多了点。'],
  3: ['一般，有两个西红柿坏了。', '送得有点晚。'],
};

/** A few households rate what was delivered to them (only a delivered package can be rated), the evening of the day. */
async function rateDay(tx: Executor<CommunityTables>, date: CalendarDate, now: Date) {
  const ratedAt = shanghaiInstant(date, 20);
  if (ratedAt.getTime() > now.getTime()) return;
  const repo = new PackageRepository(demoTransaction(tx));
  const orders = new OrderRepository(demoTransaction(tx));
  const delivered = await orders.list({ regionId: DEMO.cityId, dateFrom: date, dateTo: date, status: 'DELIVERED', category: 'VEGETABLE_BASIC' }, 10_000, null);
  for (const order of delivered.sort((a, b) => a.id.localeCompare(b.id))) {
    const random = demoRandom(`rating:${order.id}`);
    if (!random.chance(0.05) || !(await repo.wasDelivered(order.householdId, order.packageId))) continue;
    const rating = random.pick([3, 4, 4, 5, 5, 5]);
    await repo.rate({ packageId: order.packageId, householdId: order.householdId, rating, comment: random.pick(RECENT_COMMENTS[rating]!), ratedAt });
  }
}

/** Q社区's micro-grid (微网实格): the community grid, an area grid per compound, a micro-grid per building and a dedicated grid for the market. */
export const DEMO_GRIDS: Array<{ key: string; level: GridLevel; name: string; parent: string | null; buildingIds: string[]; leader?: string }> = [
  { key: 'q', level: 'COMMUNITY', name: 'Q社区总网格', parent: null, buildingIds: [] },
  { key: 'a', level: 'AREA', name: 'A小区片区网格', parent: 'q', buildingIds: [], leader: 'zhang' },
  { key: 'b', level: 'AREA', name: 'B小区片区网格', parent: 'q', buildingIds: [], leader: 'chen' },
  { key: 'a1', level: 'BUILDING', name: 'A小区1栋微网格', parent: 'a', buildingIds: [building(A, '1栋')], leader: 'li' },
  { key: 'a2', level: 'BUILDING', name: 'A小区2栋微网格', parent: 'a', buildingIds: [building(A, '2栋')], leader: 'wang' },
  { key: 'a3', level: 'BUILDING', name: 'A小区3栋微网格', parent: 'a', buildingIds: [building(A, '3栋')] },
  { key: 'b1', level: 'BUILDING', name: 'B小区1号楼微网格', parent: 'b', buildingIds: [building(B, '1号楼')], leader: 'chen' },
  { key: 'b2', level: 'BUILDING', name: 'B小区2号楼微网格', parent: 'b', buildingIds: [building(B, '2号楼')] },
  { key: 'market', level: 'DEDICATED', name: '青山菜市场专属网格', parent: 'q', buildingIds: [] },
];
export const demoGridId = (key: string) => demoId(`grid:${Q}:${key}`);

/** The grids' workers: every grid but B小区2号楼's micro-grid has one; 张建华 and 陈志刚 are party members working in theirs. */
export const DEMO_GRID_WORKERS: Array<{ key: string; grid: string; name: string; phone: string; duty: GridDuty; partyMember?: string }> = [
  { key: 'q-leader', grid: 'q', name: '黄书记', phone: '13700003001', duty: 'GRID_LEADER' },
  { key: 'a-full', grid: 'a', name: '马晓军', phone: '13700003002', duty: 'FULL_TIME' },
  { key: 'b-full', grid: 'b', name: '徐静', phone: '13700003003', duty: 'FULL_TIME' },
  { key: 'a1-lead', grid: 'a1', name: '刘芳', phone: '13700003004', duty: 'FULL_TIME' },
  { key: 'a1-backup', grid: 'a1', name: '张建华', phone: '13900001001', duty: 'BACKUP', partyMember: 'zhang' },
  { key: 'a2-lead', grid: 'a2', name: '孙丽', phone: '13700003005', duty: 'PART_TIME' },
  { key: 'a3-lead', grid: 'a3', name: '周海燕', phone: '13700003006', duty: 'BUILDING_LEAD' },
  { key: 'b1-lead', grid: 'b1', name: '陈志刚', phone: '13900001004', duty: 'BUILDING_LEAD', partyMember: 'chen' },
  { key: 'market-full', grid: 'market', name: '郭德明', phone: '13700003007', duty: 'FULL_TIME' },
];
export const demoGridWorkerId = (key: string) => demoIds.gridWorker(Q, key);

/**
 * Households of Q社区 flagged for care (building, room, kind, days between visits), with their visits as days before the
 * load (the flag 30 days before): some visited in time, some overdue, one never visited.
 */
const DEMO_CARE: Array<{ building: string; room: string; kind: CareKind; every: number; visitsDaysAgo: number[]; by: string }> = [
  { building: building(A, '1栋'), room: '201', kind: 'ELDERLY_ALONE', every: 7, visitsDaysAgo: [9, 2], by: 'a1-lead' },
  { building: building(A, '1栋'), room: '702', kind: 'ELDERLY_ALONE', every: 7, visitsDaysAgo: [20, 10], by: 'a1-lead' },
  { building: building(A, '1栋'), room: '1201', kind: 'CHRONIC_ILLNESS', every: 30, visitsDaysAgo: [5], by: 'a1-backup' },
  { building: building(A, '2栋'), room: '502', kind: 'DISABLED', every: 14, visitsDaysAgo: [3], by: 'a2-lead' },
  { building: building(A, '3栋'), room: '301', kind: 'CHILD_IN_DIFFICULTY', every: 7, visitsDaysAgo: [], by: 'a3-lead' },
  { building: building(B, '1号楼'), room: '101', kind: 'ELDERLY_ALONE', every: 7, visitsDaysAgo: [12], by: 'b1-lead' },
];

/** Q社区's micro-grid through the rules and repository the mutations use: grids, workers, party group leaders, care flags and visits. */
async function loadDemoGrid(tx: Executor<CommunityTables>, now: Date) {
  const repo = new GridRepository(demoTransaction(tx));
  const drawnAt = new Date('2021-06-01T10:00:00+08:00');
  const shapes = new Map<string, { id: string; communityId: string; parentId: string | null; level: GridLevel; name: string }>();
  for (const grid of DEMO_GRIDS) {
    const parent = grid.parent ? shapes.get(grid.parent)! : null;
    const problem = placementProblem({ communityId: Q, level: grid.level, buildingCount: grid.buildingIds.length }, parent);
    if (problem) throw new Error(`demo grid ${grid.name}: ${problem.message}`);
    const created = await repo.createGrid(
      { id: demoGridId(grid.key), communityId: Q, parentId: parent?.id ?? null, level: grid.level, name: grid.name, createdBy: STAFF, createdAt: drawnAt },
      grid.buildingIds,
    );
    shapes.set(grid.key, created);
  }
  for (const [index, worker] of DEMO_GRID_WORKERS.entries()) {
    const grid = shapes.get(worker.grid)!;
    await repo.addWorker({
      id: demoGridWorkerId(worker.key),
      gridId: grid.id,
      communityId: Q,
      name: worker.name,
      phone: worker.phone,
      duty: worker.duty,
      slot: workerSlot(grid.level, worker.duty),
      partyMemberId: worker.partyMember ? demoId(`party-member:${worker.partyMember}`) : null,
      assignedBy: STAFF,
      assignedAt: new Date(drawnAt.getTime() + index * 60_000),
    });
  }
  // The leaders are members of their groups: party members on floors of the grid's buildings (or working in it).
  for (const grid of DEMO_GRIDS) if (grid.leader) await repo.setPartyGroupLeader(demoGridId(grid.key), demoId(`party-member:${grid.leader}`));
  const DAY = 86_400_000;
  for (const care of DEMO_CARE) {
    const householdId = demoIds.household(care.building, care.room);
    await repo.flagCare({ householdId, kind: care.kind, communityId: Q, visitEveryDays: care.every, flaggedBy: STAFF, flaggedAt: new Date(now.getTime() - 30 * DAY) });
    for (const daysAgo of care.visitsDaysAgo) {
      const key = `demo-visit:${householdId}:${daysAgo}`;
      await repo.recordVisit({
        id: demoId(key),
        householdId,
        communityId: Q,
        gridWorkerId: demoGridWorkerId(care.by),
        note: daysAgo > 7 ? '上门看望，身体尚可，需要代购药品。' : '上门看望，一切正常。',
        visitedAt: new Date(now.getTime() - daysAgo * DAY),
        idempotencyKey: key,
        fingerprint: key,
      });
    }
  }
}

const XF = '420102001002';
const YY = '420102002001';
const JS = '420103001001';

/** The steps of the demo's epidemic plans: each unit's part. */
const EPIDEMIC_STEPS = [
  { action: '启动社区疫情防控指挥部，分片包保到楼栋微网格', responsible: '社区党委' },
  { action: '开放临时观察点，转运疑似人员', responsible: '社区卫生服务站' },
  { action: '物资储备点按户配送生活物资与药品', responsible: '社区居委会' },
  { action: '党员与志愿者按楼层送货上门，关爱对象每日问候', responsible: '下沉党员与志愿者' },
  { action: '物业封闭管理出入口，快递统一放至配送点', responsible: '物业服务企业' },
];

/**
 * Readiness plans of the demo (days before the load): Q社区's epidemic plan in its second version and a flood plan;
 * 幸福社区's epidemic plan lapsed (reviewed 14 months ago); 友谊社区's current.
 */
const DEMO_PLANS: Array<{ communityId: string; hazard: Hazard; title: string; reviewedDaysAgo: number }> = [
  { communityId: Q, hazard: 'EPIDEMIC', title: 'Q社区突发公共卫生事件应急预案', reviewedDaysAgo: 500 },
  { communityId: Q, hazard: 'EPIDEMIC', title: 'Q社区突发公共卫生事件应急预案（修订）', reviewedDaysAgo: 60 },
  { communityId: Q, hazard: 'FLOOD', title: 'Q社区防汛应急预案', reviewedDaysAgo: 120 },
  { communityId: XF, hazard: 'EPIDEMIC', title: '幸福社区疫情防控应急预案', reviewedDaysAgo: 425 },
  { communityId: YY, hazard: 'EPIDEMIC', title: '友谊社区疫情防控应急预案', reviewedDaysAgo: 30 },
];

/** Spaces that switch to emergency use (平疫结合): Q社区 and 建设社区 have one of each kind the score asks for, 幸福社区 an observation point only. */
const DEMO_SPACES: Array<{ communityId: string; name: string; normalUse: string; emergencyUse: EmergencyUse; capacity: number; conversionHours: number }> = [
  { communityId: Q, name: '社区党群服务中心多功能厅', normalUse: '居民活动室', emergencyUse: 'OBSERVATION_POINT', capacity: 20, conversionHours: 12 },
  { communityId: Q, name: 'A小区地下车库东区', normalUse: '停车场', emergencyUse: 'SUPPLY_DEPOT', capacity: 200, conversionHours: 24 },
  { communityId: Q, name: '青山快递驿站广场', normalUse: '快递驿站', emergencyUse: 'DELIVERY_POINT', capacity: 50, conversionHours: 2 },
  { communityId: XF, name: '幸福社区老年活动中心', normalUse: '老年活动室', emergencyUse: 'OBSERVATION_POINT', capacity: 10, conversionHours: 8 },
  { communityId: JS, name: '建设社区文体活动室', normalUse: '文体活动', emergencyUse: 'OBSERVATION_POINT', capacity: 15, conversionHours: 12 },
  { communityId: JS, name: '建设社区仓库', normalUse: '杂物仓库', emergencyUse: 'SUPPLY_DEPOT', capacity: 80, conversionHours: 6 },
  { communityId: JS, name: '建设社区南门广场', normalUse: '休闲广场', emergencyUse: 'DELIVERY_POINT', capacity: 40, conversionHours: 1 },
];

/** Supplies (days from the load for expiry): Q社区's disinfectant below its minimum and its instant noodles expiring in 20 days. */
const DEMO_SUPPLIES: Array<{ communityId: string; item: string; unit: string; change: number; minimum: number; expiresInDays: number | null }> = [
  { communityId: Q, item: '医用口罩', unit: '箱', change: 50, minimum: 20, expiresInDays: 700 },
  { communityId: Q, item: '消毒液', unit: '桶', change: 8, minimum: 10, expiresInDays: 300 },
  { communityId: Q, item: '方便面', unit: '箱', change: 30, minimum: 10, expiresInDays: 20 },
  { communityId: Q, item: '防护服', unit: '套', change: 40, minimum: 10, expiresInDays: null },
  { communityId: XF, item: '医用口罩', unit: '箱', change: 20, minimum: 10, expiresInDays: 500 },
];

/** Volunteers who offered (双选) and whether the community accepted: in Q社区 three accepted, two pending; in 友谊社区 one accepted. */
const DEMO_VOLUNTEERS: Array<{ key: string; communityId: string; kind: TeamKind; householdId?: string; partyMember?: string; skills: string[]; accepted: boolean }> = [
  { key: 'q-li', communityId: Q, kind: 'DELIVERY', partyMember: 'li', skills: ['送货上门'], accepted: true },
  { key: 'q-wang', communityId: Q, kind: 'MEDICAL', partyMember: 'wang', skills: ['测温', '登记'], accepted: true },
  { key: 'q-a1-1201', communityId: Q, kind: 'DELIVERY', householdId: demoIds.household(building(A, '1栋'), '1201'), skills: ['开车', '搬运'], accepted: true },
  { key: 'q-chen', communityId: Q, kind: 'SECURITY', partyMember: 'chen', skills: ['门岗值守'], accepted: false },
  { key: 'q-b1-101', communityId: Q, kind: 'PSYCHOLOGICAL', householdId: demoIds.household(building(B, '1号楼'), '101'), skills: ['心理咨询'], accepted: false },
  { key: 'youyi', communityId: YY, kind: 'MEDICAL', partyMember: 'youyi', skills: ['护理'], accepted: true },
];
export const demoVolunteerId = (key: string) => demoId(`volunteer:${key}`);

/** Shifts the accepted volunteers worked (days before the load, hours in Asia/Shanghai), after they were accepted 19 days before: party members' records show them. */
const DEMO_SHIFTS: Array<{ volunteer: string; daysAgo: number; fromHour: number; toHour: number }> = [
  { volunteer: 'q-li', daysAgo: 15, fromHour: 8, toHour: 12 },
  { volunteer: 'q-li', daysAgo: 8, fromHour: 14, toHour: 18 },
  { volunteer: 'q-li', daysAgo: 2, fromHour: 8, toHour: 12 },
  { volunteer: 'q-wang', daysAgo: 10, fromHour: 9, toHour: 17 },
  { volunteer: 'q-a1-1201', daysAgo: 5, fromHour: 13, toHour: 16 },
];

/** Readiness for the next emergency through the repository the mutations use: plans, spaces, supplies and volunteers, so that streets differ. */
async function loadDemoReadiness(tx: Executor<CommunityTables>, now: Date) {
  const repo = new ReadinessRepository(demoTransaction(tx));
  const DAY = 86_400_000;
  const daysFrom = (days: number) => today({ now: () => new Date(now.getTime() + days * DAY) });
  for (const [index, plan] of DEMO_PLANS.entries()) {
    const reviewedOn = daysFrom(-plan.reviewedDaysAgo);
    await repo.publishPlan({
      id: demoId(`plan:${plan.communityId}:${plan.hazard}:${index}`),
      communityId: plan.communityId,
      hazard: plan.hazard,
      title: plan.title,
      steps: EPIDEMIC_STEPS,
      reviewedOn,
      publishedBy: STAFF,
      publishedAt: shanghaiInstant(reviewedOn, 10),
    });
  }
  for (const space of DEMO_SPACES) {
    await repo.registerSpace({ id: demoId(`space:${space.communityId}:${space.name}`), ...space, registeredBy: STAFF, registeredAt: new Date(now.getTime() - 90 * DAY) });
  }
  for (const supply of DEMO_SUPPLIES) {
    const key = `demo-supply:${supply.communityId}:${supply.item}`;
    await repo.recordSupplies({
      id: demoId(key),
      communityId: supply.communityId,
      item: supply.item,
      unit: supply.unit,
      change: supply.change,
      reason: '应急物资储备入库',
      expiresOn: supply.expiresInDays === null ? null : daysFrom(supply.expiresInDays),
      minimum: supply.minimum,
      recordedBy: STAFF,
      recordedAt: new Date(now.getTime() - 10 * DAY),
      idempotencyKey: key,
      fingerprint: key,
    });
  }
  for (const volunteer of DEMO_VOLUNTEERS) {
    const id = demoVolunteerId(volunteer.key);
    const partyMemberId = volunteer.partyMember ? demoId(`party-member:${volunteer.partyMember}`) : null;
    const enrolledAt = new Date(now.getTime() - 20 * DAY);
    await repo.enrol({
      id,
      communityId: volunteer.communityId,
      kind: volunteer.kind,
      householdId: volunteer.householdId ?? null,
      partyMemberId,
      skills: volunteer.skills,
      enrolledBy: partyMemberId ? `party-member:${partyMemberId}` : `resident:${volunteer.householdId}`,
      enrolledAt,
    });
    if (volunteer.accepted) await repo.accept(id, volunteer.communityId, STAFF, new Date(enrolledAt.getTime() + DAY));
  }
  for (const shift of DEMO_SHIFTS) {
    const volunteer = DEMO_VOLUNTEERS.find((each) => each.key === shift.volunteer)!;
    const day = daysFrom(-shift.daysAgo);
    const key = `demo-shift:${shift.volunteer}:${shift.daysAgo}`;
    await repo.recordShift({
      id: demoId(key),
      communityId: volunteer.communityId,
      volunteerId: demoVolunteerId(volunteer.key),
      partyMemberId: volunteer.partyMember ? demoId(`party-member:${volunteer.partyMember}`) : null,
      startedAt: shanghaiInstant(day, shift.fromHour),
      endedAt: shanghaiInstant(day, shift.toHour),
      recordedBy: STAFF,
      recordedAt: shanghaiInstant(day, shift.toHour),
      idempotencyKey: key,
      fingerprint: key,
    });
  }
}

/**
 * Loads the demo into an empty database, each part on its own so that a database in use is left alone: the
 * roster; the party members of five communities in four streets and their floors; Q社区's micro-grid with its
 * workers, party group leaders and cared-for households with visits (some overdue); readiness (plans, spaces,
 * supplies, volunteers) in four communities, so that streets differ; the case's packages and
 * delivered orders of 2020-02-20 with residents' ratings; and every H市 community's packages and orders for
 * today, the 13 days before and tomorrow (relative to the clock's today in Asia/Shanghai), each step of which
 * later than the load instant is left undone. Everything goes through the repositories and domain rules the
 * mutations use, with stable ids and seeded draws, so two loads at the same instant give the same data.
 */
export async function loadDemoData(db: Database<CommunityTables>, clock: Clock): Promise<void> {
  const roster = demoRoster();
  await seedWhenEmpty(db, compounds, (tx) => RosterRepository.insertMissing(tx, roster));
  await seedWhenEmpty(db, partyMembers, async (tx) => {
    const repo = new PartyMemberRepository(demoTransaction(tx));
    const reportedAt = new Date('2020-02-05T10:00:00+08:00');
    for (const m of DEMO_PARTY_MEMBERS) {
      await repo.register({ id: m.id, communityId: m.communityId, name: m.name, phone: m.phone, workUnit: m.workUnit, reportedAt, registeredBy: STAFF });
      await repo.assign({
        id: demoId(`assignment:${m.key}`),
        partyMemberId: m.id,
        buildingId: m.buildingId,
        communityId: m.communityId,
        floorFrom: m.floorFrom,
        floorTo: m.floorTo,
        assignedBy: STAFF,
        assignedAt: reportedAt,
      });
    }
  });
  await seedWhenEmpty(db, grids, (tx) => loadDemoGrid(tx, clock.now()));
  await seedWhenEmpty(db, emergencyPlans, (tx) => loadDemoReadiness(tx, clock.now()));
  await seedWhenEmpty(db, packages, async (tx) => {
    const now = clock.now();
    const households = (await new RosterRepository(demoTransaction(tx)).householdsByIds(roster.households.map((h) => h.id!))).sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    const ordered = roster.households.map((row) => households.find((h) => h.id === row.id)!);

    // The case: 2020-02-20, published the morning before, collected by 19:00, delivered by 16:30.
    const casePackages = await publishDay(tx, Q, CASE_DATE, new Date(`${addDays(CASE_DATE, -1)}T09:00:00+08:00`));
    const placedAt = new Date(`${addDays(CASE_DATE, -1)}T19:00:00+08:00`);
    await runDay(
      tx,
      CASE_DATE,
      caseOrders(ordered, casePackages),
      {
        placedAt: () => placedAt,
        reported: shanghaiInstant(addDays(CASE_DATE, -1), 20, 30),
        procured: shanghaiInstant(CASE_DATE, 8),
        atGate: shanghaiInstant(CASE_DATE, 10),
        deliveredAt: () => new Date(`${CASE_DATE}T16:30:00+08:00`),
      },
      now,
      0,
    );
    const rated = await new OrderRepository(demoTransaction(tx)).list({ regionId: Q, dateFrom: CASE_DATE, dateTo: CASE_DATE, category: 'VEGETABLE_BASIC' }, 10_000, null);
    const byPosition = rated.sort((a, b) => ordered.findIndex((h) => h.id === a.householdId) - ordered.findIndex((h) => h.id === b.householdId));
    for (const [index, rating, comment] of CASE_RATINGS) {
      const order = byPosition[index]!;
      await new PackageRepository(demoTransaction(tx)).rate({
        packageId: order.packageId,
        householdId: order.householdId,
        rating,
        comment,
        ratedAt: new Date(`${CASE_DATE}T20:00:00+08:00`),
      });
    }

    // Every H市 community, day by day: the RECENT_DAYS up to today, then tomorrow.
    const first = addDays(today(clock), -(RECENT_DAYS - 1));
    const tomorrow = addDays(today(clock), 1);
    const communities = DEMO_REGIONS.filter((region) => region.id.length === 12 && region.id.startsWith(DEMO.cityId)).map((region) => region.id);
    const inCity = ordered.filter((household) => household.communityId.startsWith(DEMO.cityId));
    for (let date = first; date <= tomorrow; date = addDays(date, 1)) {
      const publishedAt = shanghaiInstant(addDays(date, -2), 9);
      const pkgs: PackageRow[] = [];
      for (const communityId of communities) pkgs.push(...(await publishDay(tx, communityId, date, publishedAt)));
      await runDay(tx, date, recentOrders(inCity, pkgs, date, date === tomorrow), recentTimes(date), now, 0.015);
      await rateDay(tx, date, now);
    }
  });
}

import {
  addDays,
  DEMO,
  DEMO_POLICIES,
  DEMO_REGIONS,
  DEMO_SUPPLIER_IDS,
  demoId,
  demoIds,
  seedWhenEmpty,
  today,
  type Clock,
  type Database,
  type PackageCategory,
} from '@cgov/shared';
import {
  assignments,
  compounds,
  orderBatches,
  orders,
  packageRatings,
  packages,
  partyMembers,
  subsidyUsage,
  type CommunityTables,
  type OrderChannel,
  type PackageItem,
} from './db/schema.js';
import { priceOrder } from './domain/orders.js';
import { refreshCoverage } from './repositories/coverage.js';
import { rebuildDailyStats } from './repositories/dailyStats.js';
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
const NEIGHBOUR_COMPOUNDS = [{ name: '和谐家园', buildings: [{ name: '1栋', floors: 6, perFloor: 2 }] }];

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

/** The party members who reported to Q社区 (双报到), and the floors each covers; A小区 3栋 and B小区 2号楼 still lack hands. */
export const DEMO_PARTY_MEMBERS = [
  { key: 'zhang', name: '张建华', phone: '13900001001', workUnit: 'H市自来水公司', buildingId: building(A, '1栋'), floors: [1, 8] },
  { key: 'li', name: '李卫东', phone: '13900001002', workUnit: 'H市第三中学', buildingId: building(A, '1栋'), floors: [9, 18] },
  { key: 'wang', name: '王丽', phone: '13900001003', workUnit: 'H市税务局东城分局', buildingId: building(A, '2栋'), floors: [1, 11] },
  { key: 'chen', name: '陈志刚', phone: '13900001004', workUnit: '东城区人民法院', buildingId: building(B, '1号楼'), floors: [1, 6] },
].map((member) => ({ ...member, id: demoId(`party-member:${member.key}`), floorFrom: member.floors[0]!, floorTo: member.floors[1]! }));

/** The party member whose floors a household lives on, if any. */
const memberFor = (household: { buildingId: string; floor: number }) =>
  DEMO_PARTY_MEMBERS.find((m) => m.buildingId === household.buildingId && m.floorFrom <= household.floor && household.floor <= m.floorTo);

const VEGETABLES: PackageItem[][] = [
  [['白菜', 3], ['土豆', 3], ['胡萝卜', 2], ['洋葱', 2], ['西红柿', 3], ['青椒', 2]],
  [['包菜', 3], ['冬瓜', 3], ['萝卜', 3], ['黄瓜', 2], ['茄子', 2], ['蒜苗', 2]],
  [['菠菜', 2], ['土豆', 3], ['莲藕', 3], ['西红柿', 3], ['芹菜', 2], ['香菇', 2]],
  [['大白菜', 4], ['南瓜', 3], ['胡萝卜', 2], ['洋葱', 2], ['豆芽', 2], ['生姜', 2]],
].map((items) => items.map(([name, quantity]) => ({ name: name as string, quantity: quantity as number, unit: '斤' })));

/** A day's packages as the committee planned them in the case: four vegetable packages at 52.00 (about 15 jin of 6 kinds) and pork at 66.00. */
function dayPackages(date: string) {
  const vegetable = VEGETABLES.map((items, i) => ({
    id: demoId(`package:${Q}:${date}:vegetable:${i}`),
    category: 'VEGETABLE_BASIC' as PackageCategory,
    name: `蔬菜套餐${'ABCD'[i]}`,
    listPrice: 5200,
    items,
  }));
  const pork = { id: demoId(`package:${Q}:${date}:pork`), category: 'PORK_BASIC' as PackageCategory, name: '猪肉套餐', listPrice: 6600, items: [{ name: '猪肉', quantity: 2, unit: '斤' }] };
  return [...vegetable, pork].map((pkg) => ({
    ...pkg,
    communityId: Q,
    date,
    supplierId: DEMO_SUPPLIER_IDS.qSupermarket,
    publishedBy: 'demo-community-staff',
    publishedAt: new Date(`${addDays(date, -1)}T09:00:00+08:00`),
  }));
}

/** The case's day: 2020-02-20, orders on every channel, reported, procured and carried to every door. */
export const CASE_DATE = '2020-02-20';

/** The case's orders: one per household of A小区 1栋 and B小区 1号楼, as their party members collected them. */
function caseOrders(households: ReturnType<typeof demoRoster>['households']) {
  const pkgs = dayPackages(CASE_DATE);
  const batches = new Map<string, { id: string; submittedBy: string; idempotencyKey: string; fingerprint: string; submittedAt: Date }>();
  const rows: Array<typeof orders.$inferInsert> = [];
  const usage: Array<typeof subsidyUsage.$inferInsert> = [];
  const placedAt = new Date(`${addDays(CASE_DATE, -1)}T19:00:00+08:00`);
  const deliveredAt = new Date(`${CASE_DATE}T16:30:00+08:00`);
  const CHANNELS: OrderChannel[] = ['GROUP_CHAIN', 'GROUP_CHAIN', 'APP', 'PHONE'];
  const covered = households.filter((household) => memberFor(household));
  covered.forEach((household, i) => {
    const member = memberFor(household)!;
    const channel: OrderChannel = household.needsDoorToDoor ? 'DOOR_TO_DOOR' : CHANNELS[i % CHANNELS.length]!;
    const submittedBy = channel === 'APP' ? `resident:${household.id}` : channel === 'PHONE' ? 'demo-community-staff' : `party-member:${member.id}`;
    const batchKey = `${submittedBy}`;
    if (!batches.has(batchKey)) {
      batches.set(batchKey, { id: demoId(`batch:${CASE_DATE}:${batchKey}`), submittedBy, idempotencyKey: `demo-${CASE_DATE}`, fingerprint: 'demo', submittedAt: placedAt });
    }
    const picks = [pkgs[i % 4]!, ...(i % 3 === 0 ? [pkgs[4]!] : [])];
    picks.forEach((pkg, k) => {
      const policy = DEMO_POLICIES.find((p) => p.category === pkg.category)!;
      const quantity = i % 7 === 0 && k === 0 ? 2 : 1;
      const price = priceOrder({ quantity, listPrice: pkg.listPrice, policy, alreadySubsidised: 0 });
      usage.push({ householdId: household.id!, date: CASE_DATE, category: pkg.category, units: price.subsidizedQuantity });
      rows.push({
        id: demoId(`order:${CASE_DATE}:${household.id}:${pkg.id}`),
        batchId: batches.get(batchKey)!.id,
        position: rows.filter((row) => row.batchId === batches.get(batchKey)!.id).length,
        householdId: household.id!,
        packageId: pkg.id,
        communityId: Q,
        compoundId: household.compoundId,
        buildingId: household.buildingId,
        date: CASE_DATE,
        category: pkg.category,
        quantity,
        listPrice: pkg.listPrice,
        ...price,
        status: 'DELIVERED',
        channel,
        submittedBy,
        collectedBy: channel === 'GROUP_CHAIN' || channel === 'DOOR_TO_DOOR' ? member.id : null,
        deliveredBy: member.id,
        placedAt,
        updatedAt: deliveredAt,
      });
    });
  });
  return { batches: [...batches.values()], orders: rows, usage, packages: pkgs };
}

/** Residents' word on the case's packages, as the committee heard it. */
const CASE_RATINGS: Array<[number, number, string]> = [
  [0, 5, '菜很新鲜，送到门口，谢谢党员同志！'],
  [1, 4, '分量足，希望多点绿叶菜。'],
  [2, 3, '土豆有点多，能换点别的吗？'],
  [3, 5, '很方便，老人不用下楼了。'],
];

/**
 * Loads the demo into an empty database, each part on its own so that a database in use is left alone:
 * the roster; Q社区's party members and their floors; the case's packages and delivered orders of
 * 2020-02-20 with residents' ratings; and packages for the day after loading, so a new user can order at once.
 */
export async function loadDemoData(db: Database<CommunityTables>, clock: Clock): Promise<void> {
  const roster = demoRoster();
  await seedWhenEmpty(db, compounds, (tx) => RosterRepository.insertMissing(tx, roster));
  await seedWhenEmpty(db, partyMembers, async (tx) => {
    const reportedAt = new Date('2020-02-05T10:00:00+08:00');
    await tx.insert(partyMembers).values(
      DEMO_PARTY_MEMBERS.map((m) => ({ id: m.id, communityId: Q, name: m.name, phone: m.phone, workUnit: m.workUnit, reportedAt, registeredBy: 'demo-community-staff' })),
    );
    await tx.insert(assignments).values(
      DEMO_PARTY_MEMBERS.map((m) => ({
        id: demoId(`assignment:${m.key}`),
        partyMemberId: m.id,
        buildingId: m.buildingId,
        communityId: Q,
        floorFrom: m.floorFrom,
        floorTo: m.floorTo,
        assignedBy: 'demo-community-staff',
        assignedAt: reportedAt,
      })),
    );
    await refreshCoverage(tx);
  });
  await seedWhenEmpty(db, packages, async (tx) => {
    const day = caseOrders(roster.households);
    await tx.insert(packages).values([...day.packages, ...dayPackages(addDays(today(clock), 1))]);
    await tx.insert(orderBatches).values(day.batches);
    await tx.insert(orders).values(day.orders);
    await tx.insert(subsidyUsage).values(day.usage);
    await rebuildDailyStats(tx);
    const delivered = day.orders.filter((order) => order.category === 'VEGETABLE_BASIC');
    await tx.insert(packageRatings).values(
      CASE_RATINGS.map(([index, rating, comment]) => ({
        packageId: delivered[index]!.packageId,
        householdId: delivered[index]!.householdId,
        rating,
        comment,
        ratedAt: new Date(`${CASE_DATE}T20:00:00+08:00`),
      })),
    );
  });
}

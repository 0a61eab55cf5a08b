// Issue 10, section 2: whatever a mutation returns reflects every write made before it in the same request,
// in every subgraph (the per-request loaders are cleared around each mutation root field, in shared code).
import { addDays, DEMO, DEMO_SUPPLIER_IDS, fixedClock } from '@cgov/shared';
import { errorCodes } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A3, A_COMPOUND, TOWER, B_COMPOUND, B_HOUSEHOLDS, LI, packageOf, Q, room } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const NOW = `${TODAY}T10:00:00+08:00`;
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(NOW);
const inHours = (hours: number) => new Date(new Date(NOW).getTime() + hours * 3_600_000).toISOString();

let platform: Platform;
let staff: Caller;
beforeAll(async () => {
  platform = await startPlatform({ clock });
  staff = callerFor(platform, 'COMMUNITY_STAFF', Q, 'staff-zhou');
});
afterAll(() => platform?.stop());

describe('two writes in one request', () => {
  it('joinGroupBuy twice: the second answer counts the first join’s units, as a read after does (the issue’s input)', async () => {
    const committee = callerFor(platform, 'OWNER_COMMITTEE', B_COMPOUND, 'committee-b');
    const registered = await committee.op<{ registerGroupBuy: { id: string; items: Array<{ id: string }> } }>('RegisterGroupBuy', {
      input: {
        compoundId: B_COMPOUND, title: '梨团购', category: 'FRUIT', organizer: '黄丽华', minParticipants: 1,
        items: [{ name: '梨', unit: '箱', unitPrice: '30.00', stock: 8 }],
        deadline: inHours(8), pickupAt: inHours(30), pickupPoint: 'B小区东门',
      },
    });
    expect(registered.errors).toBeUndefined();
    const { id, items: [pear] } = registered.data!.registerGroupBuy;
    const household = B_HOUSEHOLDS[5]!;
    const resident = callerFor(platform, 'RESIDENT', household, `resident-${household}`);
    const line = (quantity: number, key: string) => ({ groupBuyId: id, householdId: household, idempotencyKey: key, lines: [{ itemId: pear!.id, quantity }] });
    type Answer = { id: string; groupBuy: { participantCount: number; items: Array<{ name: string; remaining: number }> } };
    const both = await resident.query<{ a: Answer; b: Answer }>(
      `mutation J($a: JoinGroupBuyInput!, $b: JoinGroupBuyInput!) {
        a: joinGroupBuy(input: $a) { id groupBuy { participantCount items { name remaining } } }
        b: joinGroupBuy(input: $b) { id groupBuy { participantCount items { name remaining } } }
      }`,
      { a: line(1, 'pear-a'), b: line(2, 'pear-b') },
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.a.groupBuy).toEqual({ participantCount: 1, items: [{ name: '梨', remaining: 7 }] });
    expect(both.data!.b.groupBuy).toEqual({ participantCount: 1, items: [{ name: '梨', remaining: 5 }] });
    const after = await committee.query<{ groupBuy: { items: Array<{ remaining: number }> } }>('query ($id: ID!) { groupBuy(id: $id) { items { remaining } } }', { id });
    expect(after.data!.groupBuy.items[0]!.remaining).toBe(5);
  });

  it('registerGroupBuy twice, then close and advance in one request: each answer reads the writes before it', async () => {
    const committee = callerFor(platform, 'OWNER_COMMITTEE', B_COMPOUND, 'committee-b');
    const input = (title: string) =>
      `{ compoundId: "${B_COMPOUND}", title: "${title}", category: SEAFOOD, organizer: "黄丽华", minParticipants: 1,
        items: [{ name: "虾", unit: "斤", unitPrice: "40.00" }], deadline: "${inHours(8)}", pickupAt: "${inHours(30)}", pickupPoint: "B小区东门" }`;
    type Registered = { id: string; compound: { groupBuys: Array<{ title: string }> } };
    const both = await committee.query<{ a: Registered; b: Registered }>(
      `mutation { a: registerGroupBuy(input: ${input('虾团购甲')}) { id compound { groupBuys { title } } }
        b: registerGroupBuy(input: ${input('虾团购乙')}) { id compound { groupBuys { title } } } }`,
    );
    expect(both.errors).toBeUndefined();
    const titles = (answer: Registered) => answer.compound.groupBuys.map((groupBuy) => groupBuy.title).filter((title) => title.startsWith('虾团购')).sort();
    expect(titles(both.data!.a)).toEqual(['虾团购甲']);
    expect(titles(both.data!.b)).toEqual(['虾团购乙', '虾团购甲']);

    const household = B_HOUSEHOLDS[6]!;
    const resident = callerFor(platform, 'RESIDENT', household, `resident-${household}`);
    const groupBuy = both.data!.a.id;
    const items = await committee.query<{ groupBuy: { items: Array<{ id: string }> } }>('query ($id: ID!) { groupBuy(id: $id) { items { id } } }', { id: groupBuy });
    const joined = await resident.op('JoinGroupBuy', { input: { groupBuyId: groupBuy, householdId: household, idempotencyKey: 'shrimp', lines: [{ itemId: items.data!.groupBuy.items[0]!.id, quantity: 1 }] } });
    expect(joined.errors).toBeUndefined();
    type Moved = { status: string; participations: Array<{ pickedUp: boolean }> };
    const moved = await committee.query<{ c: Moved; d: Moved }>(
      `mutation ($id: ID!) { c: closeGroupBuy(id: $id) { status participations { pickedUp } } d: advanceGroupBuy(id: $id, to: DISTRIBUTING) { status participations { pickedUp } } }`,
      { id: groupBuy },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data).toEqual({ c: { status: 'CONFIRMED', participations: [{ pickedUp: false }] }, d: { status: 'DISTRIBUTING', participations: [{ pickedUp: false }] } });
  });

  it('submitOrders twice for one household: the second sees the first’s order, its used subsidy and the compound’s ordered units', async () => {
    // A小区 1栋 has no demo orders for tomorrow: the household's first unit is still subsidised.
    const household = room(TOWER, '1602');
    const veg = packageOf(TOMORROW, 'vegetable:0');
    const batch = (key: string) => ({ idempotencyKey: key, orders: [{ householdId: household, packageId: veg, quantity: 1, channel: 'PHONE' }] });
    const selection = `orders { id subsidizedQuantity household { orders(date: "${TOMORROW}") { id subsidizedQuantity }
      building { compound { orderReport(date: "${TOMORROW}") { package { id } units orders } } } } }`;
    type Answer = { orders: Array<{ id: string; subsidizedQuantity: number; household: { orders: Array<{ id: string }>; building: { compound: { orderReport: Array<{ package: { id: string }; units: number }> } } } }> };
    const before = await staff.query<{ compound: { orderReport: Array<{ package: { id: string }; units: number }> } }>(
      `query { compound(id: "${A_COMPOUND}") { orderReport(date: "${TOMORROW}") { package { id } units } } }`,
    );
    const unitsBefore = before.data!.compound.orderReport.find((line) => line.package.id === veg)?.units ?? 0;
    const both = await staff.query<{ a: Answer; b: Answer }>(
      `mutation ($a: SubmitOrdersInput!, $b: SubmitOrdersInput!) { a: submitOrders(input: $a) { ${selection} } b: submitOrders(input: $b) { ${selection} } }`,
      { a: batch('fresh-orders-a'), b: batch('fresh-orders-b') },
    );
    expect(both.errors).toBeUndefined();
    const [a] = both.data!.a.orders;
    const [b] = both.data!.b.orders;
    expect(a!.subsidizedQuantity).toBe(1);
    expect(b!.subsidizedQuantity).toBe(0);
    expect(a!.household.orders.map((order) => order.id)).toEqual([a!.id]);
    expect(new Set(b!.household.orders.map((order) => order.id))).toEqual(new Set([a!.id, b!.id]));
    const units = (answer: typeof a) => answer!.household.building.compound.orderReport.find((line) => line.package.id === veg)!.units;
    expect([units(a), units(b)]).toEqual([unitsBefore + 1, unitsBefore + 2]);
  });

  it('advanceOrders twice: the second answer reads the statuses the first wrote, and cancelling an order moved in the same request is a CONFLICT', async () => {
    const household = room(A3, '101');
    const veg = packageOf(TOMORROW, 'vegetable:1');
    const placed = await staff.op<{ submitOrders: { orders: Array<{ id: string }> } }>('SubmitOrders', {
      input: { idempotencyKey: 'fresh-advance', orders: [{ householdId: household, packageId: veg, quantity: 1, channel: 'PHONE' }] },
    });
    expect(placed.errors).toBeUndefined();
    const orderId = placed.data!.submitOrders.orders[0]!.id;
    const step = (alias: string, to: string) =>
      `${alias}: advanceOrders(input: { compoundId: "${A_COMPOUND}", date: "${TOMORROW}", to: ${to} }) { orders { id status household { orders(date: "${TOMORROW}") { id status } } } }`;
    type Answer = { orders: Array<{ id: string; status: string; household: { orders: Array<{ id: string; status: string }> } | null }> };
    const both = await staff.query<{ a: Answer; b: Answer }>(`mutation { ${step('a', 'REPORTED')} ${step('b', 'PROCURED')} }`);
    expect(both.errors).toBeUndefined();
    const statusIn = (answer: Answer) => answer.orders.find((order) => order.id === orderId)!.household!.orders.find((order) => order.id === orderId)!.status;
    expect(statusIn(both.data!.a)).toBe('REPORTED');
    expect(statusIn(both.data!.b)).toBe('PROCURED');

    const other = await staff.op<{ submitOrders: { orders: Array<{ id: string }> } }>('SubmitOrders', {
      input: { idempotencyKey: 'fresh-cancel', orders: [{ householdId: room(A3, '102'), packageId: veg, quantity: 1, channel: 'PHONE' }] },
    });
    const cancelId = other.data!.submitOrders.orders[0]!.id;
    const twice = await staff.query<{ a: { status: string } | null; b: null }>(`mutation ($id: ID!) { a: cancelOrder(id: $id) { status } b: cancelOrder(id: $id) { status } }`, { id: cancelId });
    expect(twice.data).toEqual({ a: { status: 'CANCELLED' }, b: null }); // the first answer stands beside the second's refusal
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    expect(twice.errors![0]!.path).toEqual(['b']);
    const read = await staff.query<{ order: { status: string } }>('query ($id: ID!) { order(id: $id) { status } }', { id: cancelId });
    expect(read.data!.order.status).toBe('CANCELLED');
  });

  it('addHousehold and assignPartyMember twice: the building’s households and assignments in the second answer include the first', async () => {
    type Added = { building: { households: Array<{ room: string }> } };
    const add = (alias: string, roomName: string) =>
      `${alias}: addHousehold(input: { buildingId: "${A3}", floor: 6, room: "${roomName}", headOfHousehold: "新住户" }) { building { households { room } } }`;
    const added = await staff.query<{ a: Added; b: Added }>(`mutation { ${add('a', '6F1')} ${add('b', '6F2')} }`);
    expect(added.errors).toBeUndefined();
    const rooms = (answer: Added) => answer.building.households.map((household) => household.room).filter((name) => name.startsWith('6F'));
    expect(rooms(added.data!.a)).toEqual(['6F1']);
    expect(rooms(added.data!.b).sort()).toEqual(['6F1', '6F2']);

    type Assigned = { building: { assignments: Array<{ floorFrom: number; floorTo: number }> } };
    const assign = (alias: string, from: number, to: number) =>
      `${alias}: assignPartyMember(input: { partyMemberId: "${LI}", buildingId: "${A3}", floorFrom: ${from}, floorTo: ${to} }) { building { assignments { floorFrom floorTo } } }`;
    const assigned = await staff.query<{ a: Assigned; b: Assigned }>(`mutation { ${assign('a', 1, 3)} ${assign('b', 4, 6)} }`);
    expect(assigned.errors).toBeUndefined();
    const ranges = (answer: Assigned) => answer.building.assignments.map((each) => `${each.floorFrom}-${each.floorTo}`).sort();
    expect(ranges(assigned.data!.a)).toEqual(['1-3']);
    expect(ranges(assigned.data!.b)).toEqual(['1-3', '4-6']);
  });

  it('publishSubsidyPolicy twice for one region and category: versions 1 and 2, and a read after lists both', async () => {
    const official = callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId, 'official-wang');
    const terms = (from: string, subsidy: string) => ({
      regionId: DEMO.districtId, category: 'MILK', subsidyPerUnit: subsidy, maxListPrice: '20.00', perHouseholdDailyLimit: 1, effectiveFrom: from,
    });
    type Policy = { id: string; version: number; effectiveFrom: string; effectiveTo: string | null };
    const both = await official.query<{ a: Policy; b: Policy }>(
      `mutation ($a: PublishSubsidyPolicyInput!, $b: PublishSubsidyPolicyInput!) {
        a: publishSubsidyPolicy(input: $a) { id version effectiveFrom effectiveTo }
        b: publishSubsidyPolicy(input: $b) { id version effectiveFrom effectiveTo }
      }`,
      { a: terms(addDays(TODAY, 2), '3.00'), b: terms(addDays(TODAY, 9), '4.00') },
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.a).toMatchObject({ version: 1, effectiveTo: null });
    expect(both.data!.b).toMatchObject({ version: 2, effectiveFrom: addDays(TODAY, 9), effectiveTo: null });
    const read = await official.op<{ subsidyPolicies: Array<Policy & { category: string }> }>('SubsidyPolicies', { regionId: DEMO.districtId });
    const milk = read.data!.subsidyPolicies.filter((policy) => policy.category === 'MILK').map((policy) => [policy.version, policy.effectiveTo]);
    expect(milk.sort()).toEqual([[1, addDays(TODAY, 8)], [2, null]]);
  });

  it('publishPackage twice: the community’s packages in the second answer include the first', async () => {
    type Published = { community: { packages: Array<{ name: string }> } };
    const publish = (alias: string, name: string) =>
      `${alias}: publishPackage(input: { communityId: "${Q}", category: EGG_BASIC, name: "${name}", date: "${TOMORROW}", listPrice: "20.00",
        items: [{ name: "鸡蛋", quantity: 30, unit: "个" }], supplierId: "${DEMO_SUPPLIER_IDS.qSupermarket}" }) { community { packages(date: "${TOMORROW}") { name } } }`;
    const both = await staff.query<{ a: Published; b: Published }>(`mutation { ${publish('a', '鸡蛋套餐甲')} ${publish('b', '鸡蛋套餐乙')} }`);
    expect(both.errors).toBeUndefined();
    const eggs = (answer: Published) => answer.community.packages.map((pkg) => pkg.name).filter((name) => name.startsWith('鸡蛋套餐')).sort();
    expect(eggs(both.data!.a)).toEqual(['鸡蛋套餐甲']);
    expect(eggs(both.data!.b)).toEqual(['鸡蛋套餐乙', '鸡蛋套餐甲']);
  });
});

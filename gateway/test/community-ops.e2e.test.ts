import { addDays, DEMO, DEMO_SUPPLIER_IDS, fixedClock } from '@cgov/shared';
import { errorCodes } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A3, A_COMPOUND, B1, LI, NEIGHBOUR_HOUSEHOLD, packageOf, Q, room, TOWER, ZHANG } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

// 10:00 on 2026-11-21 in Shanghai: the demo loaded packages for tomorrow, and orders for tomorrow close at 20:00 tonight.
const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const VEG = packageOf(TOMORROW, 'vegetable:0');
const VEG_B = packageOf(TOMORROW, 'vegetable:1');
const PORK = packageOf(TOMORROW, 'pork');

interface Order {
  id: string;
  household: { id: string };
  package: { id: string; date: string };
  quantity: number;
  subsidizedQuantity: number;
  listPrice: string;
  subsidy: string;
  payable: string;
  status: string;
  channel: string;
}
type Submitted = { submitOrders: { orders: Order[] } };

let platform: Platform;
let staff: Caller;
let li: Caller;
let zhang: Caller;
let key = 0;
const nextKey = () => `batch-${(key += 1)}`;

beforeAll(async () => {
  platform = await startPlatform({ clock });
  staff = callerFor(platform, 'COMMUNITY_STAFF', Q, 'staff-zhou');
  li = callerFor(platform, 'PARTY_MEMBER', LI, 'pm-li');
  zhang = callerFor(platform, 'PARTY_MEMBER', ZHANG, 'pm-zhang');
});
afterAll(() => platform?.stop());

function submit(caller: Caller, orders: Array<{ householdId: string; packageId: string; quantity?: number; channel?: string }>, idempotencyKey = nextKey()) {
  return caller.op<Submitted>('SubmitOrders', {
    input: { idempotencyKey, orders: orders.map((order) => ({ quantity: 1, channel: 'GROUP_CHAIN', ...order })) },
  });
}

async function householdOrders(householdId: string, date = TOMORROW) {
  const response = await staff.query<{ household: { orders: Order[] } }>(
    'query ($id: ID!, $date: Date) { household(id: $id) { orders(date: $date) { id status quantity subsidizedQuantity payable } } }',
    { id: householdId, date },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.household.orders;
}

describe('packages', () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    communityId: Q,
    category: 'VEGETABLE_BASIC',
    name: '蔬菜套餐E',
    date: TOMORROW,
    listPrice: '52.00',
    items: [{ name: '白菜', quantity: 3, unit: '斤' }, { name: '土豆', quantity: 2.5, unit: '斤' }],
    supplierId: DEMO_SUPPLIER_IDS.qSupermarket,
    ...overrides,
  });

  it('are priced by the city’s policy: 52.00 listed, 12.00 subsidised, 40.00 for the resident, with the supplier’s name', async () => {
    const response = await staff.op<{ publishPackage: Record<string, unknown> }>('PublishPackage', { input: input() });
    expect(response.errors).toBeUndefined();
    expect(response.data!.publishPackage).toMatchObject({
      name: '蔬菜套餐E',
      category: 'VEGETABLE_BASIC',
      date: TOMORROW,
      listPrice: '52.00',
      subsidy: '12.00',
      residentPrice: '40.00',
      items: [{ name: '白菜', quantity: 3, unit: '斤' }, { name: '土豆', quantity: 2.5, unit: '斤' }],
      supplier: { id: DEMO_SUPPLIER_IDS.qSupermarket, name: '惠民平价超市(Q社区店)' },
      community: { id: Q },
    });
    const milk = await staff.op<{ publishPackage: { subsidy: string; residentPrice: string } }>('PublishPackage', {
      input: input({ category: 'MILK', name: '牛奶套餐', listPrice: '30.00' }),
    });
    expect(milk.data!.publishPackage).toMatchObject({ subsidy: '0.00', residentPrice: '30.00' });
  });

  it('list tomorrow’s demo packages for Q社区, the vegetable one at 40.00 and pork at 60.00 for residents', async () => {
    const resident = callerFor(platform, 'RESIDENT', room(TOWER, '1201'));
    const response = await resident.op<{ community: { packages: Array<{ name: string; listPrice: string; residentPrice: string }> } }>('Packages', {
      communityId: Q,
      date: TOMORROW,
    });
    expect(response.errors).toBeUndefined();
    const byName = Object.fromEntries(response.data!.community.packages.map((pkg) => [pkg.name, pkg]));
    expect(byName['蔬菜套餐A']).toMatchObject({ listPrice: '52.00', residentPrice: '40.00' });
    expect(byName['猪肉套餐']).toMatchObject({ listPrice: '66.00', residentPrice: '60.00' });
  });

  it('tell a resident and a party member how many units a household gets subsidised a day: the policy’s one, none without subsidy', async () => {
    const query = 'query ($id: ID!, $date: Date!) { community(id: $id) { packages(date: $date) { name subsidy perHouseholdDailyLimit } } }';
    for (const caller of [callerFor(platform, 'RESIDENT', room(TOWER, '1201')), li]) {
      const response = await caller.query<{ community: { packages: Array<{ name: string; subsidy: string; perHouseholdDailyLimit: number }> } }>(query, { id: Q, date: TOMORROW });
      expect(response.errors).toBeUndefined();
      const byName = Object.fromEntries(response.data!.community.packages.map((pkg) => [pkg.name, pkg]));
      expect(byName['蔬菜套餐A']).toMatchObject({ subsidy: '12.00', perHouseholdDailyLimit: 1 });
      expect(byName['牛奶套餐']).toMatchObject({ subsidy: '0.00', perHouseholdDailyLimit: 0 });
    }
  });

  it.each([
    ['a list price above the city’s cap', { listPrice: '52.01', name: 'X1' }, 'BAD_USER_INPUT', /above the city's cap of 52.00/],
    ['a date in the past', { date: addDays(TODAY, -1), name: 'X2' }, 'BAD_USER_INPUT', /today/],
    [
      'today, whose orders closed at 20:00 last evening',
      { date: TODAY, name: 'X7' },
      'BAD_USER_INPUT',
      /^Orders for 2026-11-21 closed at 2026-11-20T20:00:00\+08:00 \(20:00 Asia\/Shanghai the evening before delivery\), so nobody could order a package for that date; publish it for 2026-11-22 or later \(today is 2026-11-21\)\.$/,
    ],
    ['the case’s day, years past', { date: '2020-02-20', name: 'X8' }, 'BAD_USER_INPUT', /^Orders for 2020-02-20 closed at 2020-02-19T20:00:00\+08:00 /],
    ['no items', { items: [], name: 'X3' }, 'BAD_USER_INPUT', /at least one item/],
    ['an item of no quantity', { items: [{ name: '白菜', quantity: 0, unit: '斤' }], name: 'X4' }, 'BAD_USER_INPUT', /quantity must be more than 0/],
    ['a supplier that does not serve Q社区', { supplierId: '00000000-0000-4000-8000-000000000001', name: 'X5' }, 'BAD_USER_INPUT', /not a designated supplier/],
    ['a name already used that day', { name: '蔬菜套餐A' }, 'CONFLICT', /already has a package named/],
  ])('refuse %s, and store nothing', async (_what, overrides, code, message) => {
    const before = await staff.op<{ community: { packages: unknown[] } }>('Packages', { communityId: Q, date: TOMORROW });
    const response = await staff.op('PublishPackage', { input: input(overrides) });
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0]?.message).toMatch(message);
    const after = await staff.op<{ community: { packages: unknown[] } }>('Packages', { communityId: Q, date: TOMORROW });
    expect(after.data!.community.packages).toEqual(before.data!.community.packages);
  });

  it('refuse tomorrow once tonight’s 20:00 cut-off has passed, naming the cut-off and the first date still open', async () => {
    try {
      for (const at of [`${TODAY}T20:00:00+08:00`, `${TODAY}T23:59:59+08:00`]) {
        clock.set(at);
        const response = await staff.op('PublishPackage', { input: input({ name: 'X9' }) });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0]?.message).toBe(
          `Orders for ${TOMORROW} closed at ${TODAY}T20:00:00+08:00 (20:00 Asia/Shanghai the evening before delivery), so nobody could order a package for that date; publish it for ${addDays(TODAY, 2)} or later (today is ${TODAY}).`,
        );
        expect(response.errors?.[0]?.extensions?.field).toBe('date');
      }
      clock.set(`${TODAY}T19:59:59+08:00`);
      const late = await staff.op('PublishPackage', { input: input({ name: 'X9', date: addDays(TODAY, 3) }) });
      expect(late.errors).toBeUndefined();
    } finally {
      clock.set(`${TODAY}T10:00:00+08:00`);
    }
  });

  it('are published by the community’s own staff only', async () => {
    for (const caller of [callerFor(platform, 'COMMUNITY_STAFF', '420102001002'), li, callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId)]) {
      expect(errorCodes(await caller.op('PublishPackage', { input: input({ name: 'X6' }) }))).toEqual(['FORBIDDEN']);
    }
  });
});

describe('party members', () => {
  it('report to the community, are assigned floors, and close the gaps in coverage', async () => {
    const coverage = async () =>
      (await staff.query<{ community: { volunteerCoverage: { buildings: number; buildingsCovered: number; partyMembers: number } } }>(
        'query ($id: ID!) { community(id: $id) { volunteerCoverage { buildings buildingsCovered partyMembers } } }',
        { id: Q },
      )).data!.community.volunteerCoverage;
    const before = await coverage();
    const registered = await staff.op<{ registerPartyMember: { id: string; name: string; workUnit: string; reportedAt: string; community: { id: string } } }>(
      'RegisterPartyMember',
      { input: { communityId: Q, name: '赵敏', phone: '13900002001', workUnit: 'H市第一人民医院' } },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerPartyMember).toMatchObject({ name: '赵敏', workUnit: 'H市第一人民医院', community: { id: Q } });
    expect(registered.data!.registerPartyMember.reportedAt).toMatch(/^2026-11-21T10:00:00\+08:00$/);
    const id = registered.data!.registerPartyMember.id;

    const partly = await staff.op('AssignPartyMember', { input: { partyMemberId: id, buildingId: A3, floorFrom: 1, floorTo: 3 } });
    expect(partly.errors).toBeUndefined();
    expect(await coverage()).toEqual({ ...before, partyMembers: before.partyMembers + 1 });
    const rest = await staff.op<{ assignPartyMember: Record<string, unknown> }>('AssignPartyMember', { input: { partyMemberId: id, buildingId: A3, floorFrom: 4, floorTo: 6 } });
    expect(rest.data!.assignPartyMember).toMatchObject({ floorFrom: 4, floorTo: 6, building: { id: A3 }, partyMember: { id } });
    expect(await coverage()).toEqual({ ...before, buildingsCovered: before.buildingsCovered + 1, partyMembers: before.partyMembers + 1 });

    expect(errorCodes(await staff.op('AssignPartyMember', { input: { partyMemberId: id, buildingId: A3, floorFrom: 3, floorTo: 5 } }))).toEqual(['CONFLICT']);
    expect(errorCodes(await staff.op('AssignPartyMember', { input: { partyMemberId: id, buildingId: A3, floorFrom: 0, floorTo: 2 } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await staff.op('AssignPartyMember', { input: { partyMemberId: id, buildingId: A3, floorFrom: 5, floorTo: 7 } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await staff.op('AssignPartyMember', { input: { partyMemberId: id, buildingId: A3, floorFrom: 5, floorTo: 4 } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await staff.op('RegisterPartyMember', { input: { communityId: Q, name: '赵敏', phone: '13900002001', workUnit: 'X' } }))).toEqual(['CONFLICT']);
    expect(errorCodes(await li.op('RegisterPartyMember', { input: { communityId: Q, name: 'X', phone: '13900002002', workUnit: 'X' } }))).toEqual(['FORBIDDEN']);
  });

  it('keep a true record, and their names are shown to staff and themselves, never to analysts', async () => {
    const record = await li.op<{ partyMember: { name: string; assignments: Array<{ floorFrom: number; floorTo: number; building: { name: string } }>; record: { ordersCollected: number; deliveriesMade: number } } }>(
      'PartyMember',
      { id: LI },
    );
    expect(record.errors).toBeUndefined();
    expect(record.data!.partyMember).toMatchObject({ name: '李卫东', assignments: [{ floorFrom: 9, floorTo: 18, building: { name: '1栋' } }] });
    expect(record.data!.partyMember.record.deliveriesMade).toBeGreaterThan(0);
    const analyst = await callerFor(platform, 'ANALYST', DEMO.cityId).op<{ partyMember: { name: string | null } | null }>('PartyMember', { id: LI });
    expect(errorCodes(analyst)).toContain('FORBIDDEN');
    expect(JSON.stringify(analyst.data)).not.toContain('李卫东');
  });

  it('list their households, the doors to knock on first, with names for them alone', async () => {
    const doors = await li.query<{ partyMember: { households: Array<{ floor: number; headOfHousehold: string; needsDoorToDoor: boolean }> } }>(
      'query ($id: ID!) { partyMember(id: $id) { households(needsDoorToDoor: true) { floor headOfHousehold needsDoorToDoor } } }',
      { id: LI },
    );
    expect(doors.errors).toBeUndefined();
    const list = doors.data!.partyMember.households;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((household) => household.needsDoorToDoor && household.floor >= 9 && household.headOfHousehold)).toBe(true);
    expect(errorCodes(await zhang.query('query ($id: ID!) { partyMember(id: $id) { households { id } } }', { id: LI }))).toEqual(['FORBIDDEN']);
    const other = await li.query('query ($id: ID!) { household(id: $id) { headOfHousehold } }', { id: room(TOWER, '301') });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });
});

describe('households', () => {
  it('are added and corrected by staff, within the building’s floors and one household a room', async () => {
    const added = await staff.query<{ addHousehold: { id: string; floor: number; room: string } }>(
      'mutation ($i: AddHouseholdInput!) { addHousehold(input: $i) { id floor room } }',
      { i: { buildingId: A3, floor: 6, room: '604', headOfHousehold: '孙大爷', needsDoorToDoor: true } },
    );
    expect(added.errors).toBeUndefined();
    const id = added.data!.addHousehold.id;
    const add = (i: Record<string, unknown>) => staff.query('mutation ($i: AddHouseholdInput!) { addHousehold(input: $i) { id } }', { i });
    expect(errorCodes(await add({ buildingId: A3, floor: 7, room: '701', headOfHousehold: 'X' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await add({ buildingId: A3, floor: 6, room: '604', headOfHousehold: 'X' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await li.query('mutation ($i: AddHouseholdInput!) { addHousehold(input: $i) { id } }', { i: { buildingId: A3, floor: 1, room: '199', headOfHousehold: 'X' } }))).toEqual(['FORBIDDEN']);
    const updated = await staff.query<{ updateHousehold: { phone: string; needsDoorToDoor: boolean } }>(
      'mutation ($id: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $id, input: $i) { phone needsDoorToDoor } }',
      { id, i: { phone: '13800009999', needsDoorToDoor: false } },
    );
    expect(updated.data!.updateHousehold).toEqual({ phone: '13800009999', needsDoorToDoor: false });
  });
});

describe('submitting orders', () => {
  it('prices each order when placed: the daily limit subsidises one unit, the rest pay the list price', async () => {
    const household = room(TOWER, '1201');
    const response = await submit(li, [
      { householdId: household, packageId: VEG, quantity: 2 },
      { householdId: household, packageId: PORK, quantity: 1, channel: 'DOOR_TO_DOOR' },
      { householdId: household, packageId: VEG_B, quantity: 1 },
    ]);
    expect(response.errors).toBeUndefined();
    const [veg, pork, vegB] = response.data!.submitOrders.orders;
    expect(veg).toMatchObject({ household: { id: household }, package: { id: VEG, date: TOMORROW }, quantity: 2, subsidizedQuantity: 1, listPrice: '52.00', subsidy: '12.00', payable: '92.00', status: 'PLACED', channel: 'GROUP_CHAIN' });
    expect(pork).toMatchObject({ quantity: 1, subsidizedQuantity: 1, subsidy: '6.00', payable: '60.00', channel: 'DOOR_TO_DOOR' });
    expect(vegB).toMatchObject({ quantity: 1, subsidizedQuantity: 0, payable: '52.00' });
  });

  it('is idempotent: the same key and orders return the first answer and store nothing new; other orders under it are a CONFLICT', async () => {
    const household = room(TOWER, '1301');
    const idempotencyKey = nextKey();
    const first = await submit(li, [{ householdId: household, packageId: VEG }], idempotencyKey);
    const again = await submit(li, [{ householdId: household, packageId: VEG }], idempotencyKey);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await householdOrders(household)).toHaveLength(1);
    const different = await submit(li, [{ householdId: household, packageId: VEG, quantity: 2 }], idempotencyKey);
    expect(errorCodes(different)).toEqual(['CONFLICT']);
    expect(await householdOrders(household)).toHaveLength(1);
  });

  it('is all or nothing: one household off the party member’s floors refuses the whole batch', async () => {
    const mine = room(TOWER, '1401');
    const response = await submit(li, [{ householdId: mine, packageId: VEG }, { householdId: room(TOWER, '301'), packageId: VEG }]);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors?.[0]?.message).toMatch(/not on the floors assigned to you/);
    expect(await householdOrders(mine)).toEqual([]);
  });

  it('lets a resident order for its own household only, and staff for any household of the community', async () => {
    const own = room(TOWER, '1402');
    const resident = callerFor(platform, 'RESIDENT', own);
    expect((await submit(resident, [{ householdId: own, packageId: VEG, channel: 'APP' }])).errors).toBeUndefined();
    expect(errorCodes(await submit(resident, [{ householdId: room(TOWER, '1502'), packageId: VEG, channel: 'APP' }]))).toEqual(['FORBIDDEN']);
    expect((await submit(staff, [{ householdId: room(B1, '101'), packageId: PORK, channel: 'PHONE' }])).errors).toBeUndefined();
    expect(errorCodes(await submit(staff, [{ householdId: NEIGHBOUR_HOUSEHOLD, packageId: VEG }]))).toEqual(['FORBIDDEN']);
    for (const role of ['ANALYST', 'CITY_OFFICIAL', 'STREET_OFFICER', 'OWNER_COMMITTEE'] as const) {
      const caller = callerFor(platform, role, role === 'STREET_OFFICER' ? DEMO.streetId : role === 'OWNER_COMMITTEE' ? A_COMPOUND : DEMO.cityId);
      expect(errorCodes(await submit(caller, [{ householdId: own, packageId: VEG }])), role).toEqual(['FORBIDDEN']);
    }
  });

  it.each([
    ['a quantity of 0', [{ quantity: 0 }], 'BAD_USER_INPUT'],
    ['an empty batch', [], 'BAD_USER_INPUT'],
    ['an unknown package', [{ packageId: '00000000-0000-4000-8000-000000000002' }], 'NOT_FOUND'],
    ['an unknown household', [{ householdId: '00000000-0000-4000-8000-000000000003' }], 'NOT_FOUND'],
  ])('refuses %s in plain words', async (_what, orders, code) => {
    const response = await submit(staff, (orders as Array<Record<string, unknown>>).map((order) => ({ householdId: room(TOWER, '1602'), packageId: VEG, ...order })));
    expect(errorCodes(response)).toEqual([code]);
  });

  it('closes at 20:00 the evening before delivery, while a replay still returns the first answer', async () => {
    const household = room(TOWER, '1701');
    const idempotencyKey = nextKey();
    clock.set(`${TODAY}T19:59:59+08:00`);
    try {
      const inTime = await submit(li, [{ householdId: household, packageId: VEG }], idempotencyKey);
      expect(inTime.errors).toBeUndefined();
      clock.set(`${TODAY}T20:00:00+08:00`);
      const late = await submit(li, [{ householdId: household, packageId: PORK }]);
      expect(errorCodes(late)).toEqual(['CONFLICT']);
      expect(late.errors?.[0]?.message).toMatch(/closed at 2026-11-21T20:00:00\+08:00/);
      expect((await submit(li, [{ householdId: household, packageId: VEG }], idempotencyKey)).data).toEqual(inTime.data);
    } finally {
      clock.set(`${TODAY}T10:00:00+08:00`);
    }
  });

  it('subsidises exactly the daily limit when many orders for one household arrive at once', async () => {
    const household = room(TOWER, '1801');
    const responses = await Promise.all(Array.from({ length: 16 }, () => submit(li, [{ householdId: household, packageId: VEG }])));
    expect(responses.every((response) => !response.errors)).toBe(true);
    const orders = await householdOrders(household);
    expect(orders).toHaveLength(16);
    expect(orders.reduce((sum, order) => sum + order.subsidizedQuantity, 0)).toBe(1);
  });
});

describe('moving orders to the door', () => {
  const advance = (to: string, caller = staff, compoundId = A_COMPOUND) =>
    caller.op<{ advanceOrders: { orders: Array<{ id: string; status: string }> } }>('AdvanceOrders', { input: { compoundId, date: TOMORROW, to } });

  it('cancels a PLACED order and gives its subsidy back to the household’s day', async () => {
    const household = room(TOWER, '1802');
    const [first] = (await submit(li, [{ householdId: household, packageId: VEG }])).data!.submitOrders.orders;
    expect(first!.subsidizedQuantity).toBe(1);
    const cancelled = await li.op<{ cancelOrder: { id: string; status: string } }>('CancelOrder', { id: first!.id });
    expect(cancelled.data!.cancelOrder).toEqual({ id: first!.id, status: 'CANCELLED' });
    expect(errorCodes(await li.op('CancelOrder', { id: first!.id }))).toEqual(['CONFLICT']);
    const [second] = (await submit(li, [{ householdId: household, packageId: VEG }])).data!.submitOrders.orders;
    expect(second!.subsidizedQuantity).toBe(1);
    expect(errorCodes(await zhang.op('CancelOrder', { id: second!.id }))).toEqual(['FORBIDDEN']);
  });

  it('moves a compound’s orders only forward, one step at a time, and reports what to procure', async () => {
    const early = await advance('PROCURED');
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors?.[0]?.message).toMatch(/still PLACED/);
    expect(errorCodes(await advance('REPORTED', callerFor(platform, 'COMMUNITY_STAFF', '420102001002')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await advance('REPORTED', li))).toEqual(['FORBIDDEN']);

    const reported = await advance('REPORTED');
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.advanceOrders.orders.length).toBeGreaterThan(0);
    expect(new Set(reported.data!.advanceOrders.orders.map((order) => order.status))).toEqual(new Set(['REPORTED']));

    const report = await staff.query<{ compound: { orderReport: Array<{ package: { id: string; name: string }; units: number; orders: number }> } }>(
      'query ($id: ID!, $date: Date!) { compound(id: $id) { orderReport(date: $date) { package { id name } units orders households } } }',
      { id: A_COMPOUND, date: TOMORROW },
    );
    expect(report.errors).toBeUndefined();
    const vegLine = report.data!.compound.orderReport.find((line) => line.package.id === VEG)!;
    expect(vegLine.units).toBeGreaterThanOrEqual(16);

    const [placedLate] = (await submit(li, [{ householdId: room(TOWER, '1502'), packageId: PORK }])).data!.submitOrders.orders;
    expect(errorCodes(await staff.op('CancelOrder', { id: reported.data!.advanceOrders.orders[0]!.id }))).toEqual(['CONFLICT']);
    expect(errorCodes(await advance('PROCURED'))).toEqual(['CONFLICT']);
    expect((await advance('REPORTED')).data!.advanceOrders.orders.map((order) => order.id)).toEqual([placedLate!.id]);

    expect((await advance('PROCURED')).errors).toBeUndefined();
    expect(errorCodes(await advance('DELIVERED'))).toEqual(['CONFLICT']);
    expect(errorCodes(await advance('PLACED'))).toEqual(['CONFLICT']);
    expect((await advance('AT_GATE')).errors).toBeUndefined();
    expect(errorCodes(await advance('REPORTED', staff, '00000000-0000-4000-8000-000000000004'))).toEqual(['NOT_FOUND']);
  });

  it('says what an advance did: how many moved, from which status, and where the others stand', async () => {
    type Outcome = { orders: Array<{ id: string; status: string }>; moved: number; from: string; skipped: Array<{ status: string; count: number }> };
    const outcome = async (to: string) => {
      const response = await staff.query<{ advanceOrders: Outcome }>(
        'mutation ($input: AdvanceOrdersInput!) { advanceOrders(input: $input) { orders { id status } moved from skipped { status count } } }',
        { input: { compoundId: A_COMPOUND, date: TOMORROW, to } },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.advanceOrders;
    };
    const all = await staff.query<{ compound: { orderReport: Array<{ orders: number }> } }>(
      'query ($id: ID!, $date: Date!) { compound(id: $id) { orderReport(date: $date) { orders } } }',
      { id: A_COMPOUND, date: TOMORROW },
    );
    const atGate = all.data!.compound.orderReport.reduce((sum, line) => sum + line.orders, 0);
    expect(atGate).toBeGreaterThan(0);
    const cancelled = 1; // the order cancelled above, in 1栋 1802

    // Everything is at the gate already: nothing moves, and the answer says where the orders are.
    const again = await outcome('REPORTED');
    expect(again).toEqual({ orders: [], moved: 0, from: 'PLACED', skipped: [{ status: 'AT_GATE', count: atGate }, { status: 'CANCELLED', count: cancelled }] });
    // The compound's counts by status say the same, before anyone presses a button; a resident may not read them.
    const countsQuery = 'query ($id: ID!, $date: Date!) { compound(id: $id) { orderStatusCounts(date: $date) { status count } } }';
    const counts = await staff.query<{ compound: { orderStatusCounts: Array<{ status: string; count: number }> } }>(countsQuery, { id: A_COMPOUND, date: TOMORROW });
    expect(counts.data!.compound.orderStatusCounts).toEqual(again.skipped);
    const resident = await callerFor(platform, 'RESIDENT', room(TOWER, '1201')).query(countsQuery, { id: A_COMPOUND, date: TOMORROW });
    expect(errorCodes(resident)).toEqual(['FORBIDDEN']);
    expect(await outcome('AT_GATE')).toEqual({ orders: [], moved: 0, from: 'PROCURED', skipped: [{ status: 'AT_GATE', count: atGate }, { status: 'CANCELLED', count: cancelled }] });

    // A late order moves alone, and the others are counted where they stand.
    const [late] = (await submit(li, [{ householdId: room(TOWER, '1601'), packageId: PORK }])).data!.submitOrders.orders;
    const reported = await outcome('REPORTED');
    expect(reported).toEqual({
      orders: [{ id: late!.id, status: 'REPORTED' }],
      moved: 1,
      from: 'PLACED',
      skipped: [{ status: 'AT_GATE', count: atGate }, { status: 'CANCELLED', count: cancelled }],
    });
    expect(await outcome('PROCURED')).toMatchObject({ moved: 1, from: 'REPORTED', skipped: [{ status: 'AT_GATE', count: atGate }, { status: 'CANCELLED', count: cancelled }] });
    expect(await outcome('AT_GATE')).toMatchObject({ moved: 1, from: 'PROCURED', skipped: [{ status: 'AT_GATE', count: atGate }, { status: 'CANCELLED', count: cancelled }] });

    // Four committee members press the same button at once: the orders move once, and every answer accounts for
    // every order of the compound (what it moved plus where the others stand), whichever ran first.
    const placed = await submit(li, ['1501', '1502', '1701'].map((door) => ({ householdId: room(TOWER, door), packageId: PORK })));
    expect(placed.errors).toBeUndefined();
    const total = atGate + 1 + cancelled + 3;
    const answers = await Promise.all([1, 2, 3, 4].map(() => outcome('REPORTED')));
    expect(answers.reduce((sum, answer) => sum + answer.moved, 0)).toBe(3);
    for (const answer of answers) {
      expect(answer.moved + answer.skipped.reduce((sum, line) => sum + line.count, 0)).toBe(total);
    }
    // On to the gate with the rest, as the tests of delivery below expect.
    expect(await outcome('PROCURED')).toMatchObject({ moved: 3 });
    expect(await outcome('AT_GATE')).toMatchObject({ moved: 3 });
  });

  it('lets the party member carry orders of its floors to the door, all or none, and counts the deliveries', async () => {
    const deliveries = await li.query<{ partyMember: { deliveries: Array<{ id: string; status: string; household: { id: string } }>; record: { deliveriesMade: number } } }>(
      'query ($id: ID!, $date: Date!) { partyMember(id: $id) { deliveries(date: $date) { id status household { id } } record { deliveriesMade } } }',
      { id: LI, date: TOMORROW },
    );
    expect(deliveries.errors).toBeUndefined();
    const list = deliveries.data!.partyMember.deliveries;
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((order) => order.status))).toEqual(new Set(['AT_GATE']));
    const before = deliveries.data!.partyMember.record.deliveriesMade;

    const notMine = await submit(staff, [{ householdId: room(TOWER, '101'), packageId: VEG, channel: 'PHONE' }]);
    const someoneElses = notMine.data!.submitOrders.orders[0]!.id;
    expect(errorCodes(await li.op('MarkDelivered', { orderIds: [list[0]!.id, someoneElses] }))).toEqual(['FORBIDDEN']);
    const stillPlaced = await submit(li, [{ householdId: room(TOWER, '1002'), packageId: PORK }]);
    const placedId = stillPlaced.data!.submitOrders.orders[0]!.id;
    const mixed = await li.op('MarkDelivered', { orderIds: [list[0]!.id, placedId] });
    expect(errorCodes(mixed)).toEqual(['CONFLICT']);

    const ids = list.map((order) => order.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    // A floor sent with a key, and sent again at once with the same key (a phone that lost the first answer): both
    // answer the orders delivered, and they count once. The same key naming other orders is a CONFLICT.
    const floor = ids.slice(0, Math.ceil(ids.length / 2));
    const rest = ids.slice(floor.length);
    type Marked = { markDelivered: { orders: Array<{ id: string; status: string }> } };
    const keyed = (orderIds: string[], idempotencyKey: string) =>
      li.query<Marked>('mutation ($ids: [ID!]!, $key: String) { markDelivered(orderIds: $ids, idempotencyKey: $key) { orders { id status } } }', { ids: orderIds, key: idempotencyKey });
    const deliveryKey = nextKey();
    const [first, retried] = await Promise.all([keyed(floor, deliveryKey), keyed([...floor].reverse(), deliveryKey)]);
    for (const answer of [first, retried]) {
      expect(answer.errors).toBeUndefined();
      expect(new Set(answer.data!.markDelivered.orders.map((order) => order.status))).toEqual(new Set(['DELIVERED']));
    }
    expect(retried.data!.markDelivered.orders.map((order) => order.id)).toEqual([...floor].reverse());
    expect(errorCodes(await keyed(rest, deliveryKey))).toEqual(['CONFLICT']);

    const marked = await li.op<Marked>('MarkDelivered', { orderIds: rest });
    expect(marked.errors).toBeUndefined();
    expect(new Set(marked.data!.markDelivered.orders.map((order) => order.status))).toEqual(new Set(['DELIVERED']));
    const record = await li.op<{ partyMember: { record: { deliveriesMade: number } } }>('PartyMember', { id: LI });
    expect(record.data!.partyMember.record.deliveriesMade).toBe(before + ids.length);
    expect(errorCodes(await li.op('CancelOrder', { id: ids[0] }))).toEqual(['CONFLICT']);
    const twice = await li.op('MarkDelivered', { orderIds: [ids[0]] });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    expect(twice.errors?.[0]?.message).toMatch(/is DELIVERED/);
  });
});

describe('feedback', () => {
  it('lets a resident rate a package delivered to it, and the package shows the average', async () => {
    const household = room(TOWER, '1201');
    const resident = callerFor(platform, 'RESIDENT', household);
    const rate = (rating: number, caller = resident, packageId = VEG, householdId = household) =>
      caller.query<{ ratePackage: { rating: number; comment: string } }>(
        'mutation ($i: RatePackageInput!) { ratePackage(input: $i) { rating comment package { averageRating ratingCount } } }',
        { i: { packageId, householdId, rating, comment: '新鲜！' } },
      );
    const done = await rate(4);
    expect(done.errors).toBeUndefined();
    expect(done.data!.ratePackage).toMatchObject({ rating: 4, comment: '新鲜！', package: { averageRating: 4, ratingCount: 1 } });
    expect(errorCodes(await rate(6))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await rate(3, resident, '00000000-0000-4000-8000-000000000005'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await rate(3, callerFor(platform, 'RESIDENT', room(TOWER, '1202')), VEG, room(TOWER, '1202')))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await rate(3, staff))).toEqual(['FORBIDDEN']);
  });
});

describe('statistics', () => {
  type Stats = { orders: number; households: number; units: number; subsidyTotal: string; payableTotal: string; listTotal: string; delivered: number };
  const statsQuery = `query ($c: ID!, $s: ID!, $d: ID!, $q: ID!, $date: Date!) {
    city(id: $c) { orderStats(date: $date) { orders households units listTotal subsidyTotal payableTotal delivered } }
    street(id: $s) { orderStats(date: $date) { orders households units listTotal subsidyTotal payableTotal delivered } }
    district(id: $d) { orderStats(date: $date) { orders households units listTotal subsidyTotal payableTotal delivered } }
    community(id: $q) { orderStats(date: $date) { orders households units listTotal subsidyTotal payableTotal delivered byCategory { category units subsidyTotal } } }
  }`;

  it('counts an order the moment it is placed, and every tier adds up', async () => {
    // Fresh reads: the counters themselves are under test, not the gateway's few seconds of kept answers.
    const analyst = callerFor(platform, 'ANALYST', DEMO.cityId, undefined, { fresh: true });
    const read = async () =>
      (await analyst.query<Record<'city' | 'street' | 'district' | 'community', { orderStats: Stats }>>(statsQuery, {
        c: DEMO.cityId, s: DEMO.streetId, d: DEMO.districtId, q: Q, date: TOMORROW,
      })).data!;
    const before = await read();
    await submit(staff, [{ householdId: room(B1, '601'), packageId: VEG, quantity: 3, channel: 'PHONE' }]);
    const after = await read();
    expect(after.community.orderStats.orders).toBe(before.community.orderStats.orders + 1);
    expect(after.community.orderStats.units).toBe(before.community.orderStats.units + 3);
    // The demo's communities have orders for tomorrow too: the street, district and city are the sums of theirs.
    const tree = await analyst.query<{ city: { districts: Array<{ streets: Array<{ communities: Array<{ id: string; orderStats: Stats }> }> }> } }>(
      `query ($c: ID!, $date: Date!) { city(id: $c) { districts { streets { communities { id orderStats(date: $date) { orders households units listTotal subsidyTotal payableTotal delivered } } } } } }`,
      { c: DEMO.cityId, date: TOMORROW },
    );
    const communities = tree.data!.city.districts.flatMap((district) => district.streets.flatMap((street) => street.communities));
    const sumOf = (prefix: string) => {
      const inside = communities.filter((community) => community.id.startsWith(prefix)).map((community) => community.orderStats);
      const money = (field: 'listTotal' | 'subsidyTotal' | 'payableTotal') => (inside.reduce((sum, stats) => sum + Math.round(Number(stats[field]) * 100), 0) / 100).toFixed(2);
      const count = (field: 'orders' | 'households' | 'units' | 'delivered') => inside.reduce((sum, stats) => sum + stats[field], 0);
      return { orders: count('orders'), households: count('households'), units: count('units'), listTotal: money('listTotal'), subsidyTotal: money('subsidyTotal'), payableTotal: money('payableTotal'), delivered: count('delivered') };
    };
    expect(communities.filter((community) => community.orderStats.orders > 0).length).toBeGreaterThan(1);
    expect(after.street.orderStats).toEqual(sumOf(DEMO.streetId));
    expect(after.district.orderStats).toEqual(sumOf(DEMO.districtId));
    expect(after.city.orderStats).toEqual(sumOf(DEMO.cityId));
    expect(after.city.orderStats.orders).toBeGreaterThan(after.community.orderStats.orders);
  });

  it('follows cancellations household by household, and always equals a count of the orders themselves', async () => {
    // Fresh reads: the counters themselves are under test, not the gateway's few seconds of kept answers.
    const analyst = callerFor(platform, 'ANALYST', DEMO.cityId, undefined, { fresh: true });
    const read = async () =>
      (await analyst.query<{ community: { orderStats: Stats } }>('query ($q: ID!, $date: Date!) { community(id: $q) { orderStats(date: $date) { orders households units listTotal subsidyTotal payableTotal delivered } } }', { q: Q, date: TOMORROW }))
        .data!.community.orderStats;
    const household = room(B1, '602');
    const before = await read();
    const [first] = (await submit(staff, [{ householdId: household, packageId: VEG, channel: 'PHONE' }])).data!.submitOrders.orders;
    const [second] = (await submit(staff, [{ householdId: household, packageId: PORK, channel: 'PHONE' }])).data!.submitOrders.orders;
    expect(await read()).toMatchObject({ orders: before.orders + 2, households: before.households + 1 });
    await staff.op('CancelOrder', { id: first!.id });
    expect(await read()).toMatchObject({ orders: before.orders + 1, households: before.households + 1 });
    await staff.op('CancelOrder', { id: second!.id });
    expect(await read()).toEqual(before);

    const [counted] = (await platform.exec.community(`SELECT count(*)::int AS orders, count(DISTINCT household_id)::int AS households, sum(quantity)::int AS units,
        sum(quantity * list_price)::bigint AS list, sum(subsidized_quantity * subsidy)::bigint AS subsidy, sum(payable)::bigint AS payable,
        count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered
      FROM orders WHERE date = '${TOMORROW}' AND community_id = '${Q}' AND status <> 'CANCELLED'`) as { rows: Array<Record<string, number | string>> }).rows;
    const money = (fen: number | string) => (Number(fen) / 100).toFixed(2);
    expect(await read()).toEqual({
      orders: counted!.orders, households: counted!.households, units: counted!.units, listTotal: money(counted!.list!),
      subsidyTotal: money(counted!.subsidy!), payableTotal: money(counted!.payable!), delivered: counted!.delivered,
    });
  });

  it('is refused outside the viewer’s scope', async () => {
    const officer = callerFor(platform, 'STREET_OFFICER', '420102002');
    const response = await officer.query(statsQuery, { c: DEMO.cityId, s: DEMO.streetId, d: DEMO.districtId, q: Q, date: TOMORROW });
    expect(new Set(errorCodes(response))).toEqual(new Set(['FORBIDDEN']));
  });
});

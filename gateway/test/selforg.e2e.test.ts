import { DEMO, fixedClock } from '@cgov/shared';
import { errorCodes } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A_COMPOUND, B_COMPOUND, B_HOUSEHOLDS, DEMO_FRUIT, DEMO_SEAFOOD, Q, room, TOWER } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

const NOW = '2026-11-21T10:00:00+08:00';
const clock = fixedClock(NOW);
const inHours = (hours: number) => new Date(new Date(NOW).getTime() + hours * 3_600_000).toISOString();

interface Item { id: string; name: string; unit: string; unitPrice: string; stock: number | null; remaining: number | null }
interface GroupBuy { id: string; title: string; status: string; participantCount: number; perHouseholdLimit: number | null; items: Item[]; compound: { id: string } }
type Joined = { joinGroupBuy: { id: string; household: { id: string }; lines: Array<{ item: { id: string }; quantity: number }>; amount: string; groupBuy: { id: string; participantCount: number; items: Array<{ id: string; remaining: number | null }> } } };

let platform: Platform;
let staff: Caller;
let committee: Caller;
let keys = 0;
const key = () => `join-${(keys += 1)}`;

beforeAll(async () => {
  platform = await startPlatform({ clock });
  staff = callerFor(platform, 'COMMUNITY_STAFF', Q);
  committee = callerFor(platform, 'OWNER_COMMITTEE', B_COMPOUND, 'committee-b');
});
afterAll(() => platform?.stop());

const resident = (householdId: string) => callerFor(platform, 'RESIDENT', householdId, `resident-${householdId}`);

function groupBuyInput(overrides: Record<string, unknown> = {}) {
  return {
    compoundId: B_COMPOUND,
    title: '草莓团购',
    category: 'FRUIT',
    organizer: '黄丽华',
    items: [{ name: '草莓', unit: '盒', unitPrice: '25.00', stock: 5 }],
    minParticipants: 2,
    perHouseholdLimit: 2,
    deadline: inHours(8),
    pickupAt: inHours(30),
    pickupPoint: 'B小区东门',
    volunteers: ['周涛'],
    ...overrides,
  };
}

async function register(overrides: Record<string, unknown> = {}, caller = committee) {
  const response = await caller.op<{ registerGroupBuy: GroupBuy }>('RegisterGroupBuy', { input: groupBuyInput(overrides) });
  return response;
}

function join(groupBuyId: string, householdId: string, lines: Array<{ itemId: string; quantity: number }>, idempotencyKey = key(), caller = resident(householdId)) {
  return caller.op<Joined>('JoinGroupBuy', { input: { groupBuyId, householdId, idempotencyKey, lines } });
}

async function groupBuyOf(id: string, caller = committee) {
  const response = await caller.query<{ groupBuy: GroupBuy & { participations: Array<{ householdLabel: string; amount: string; pickedUp: boolean; lines: Array<{ quantity: number }> }> } }>(
    `query ($id: ID!) { groupBuy(id: $id) { id title status participantCount perHouseholdLimit compound { id }
      items { id name unit unitPrice stock remaining } participations { id householdLabel amount pickedUp lines { quantity } } } }`,
    { id },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.groupBuy;
}

describe('owners’ committees', () => {
  it('are registered by the community’s staff for a compound of the community, one a compound', async () => {
    const input = { communityId: Q, compoundId: A_COMPOUND, name: 'A小区业主委员会', members: [{ name: '孙海', role: '主任', phone: '13700004001' }] };
    const created = await staff.op<{ registerOwnerCommittee: { id: string; name: string; compound: { id: string } } }>('RegisterOwnerCommittee', { input });
    expect(created.errors).toBeUndefined();
    expect(created.data!.registerOwnerCommittee).toMatchObject({ name: 'A小区业主委员会', compound: { id: A_COMPOUND } });
    expect(errorCodes(await staff.op('RegisterOwnerCommittee', { input }))).toEqual(['CONFLICT']);
    expect(errorCodes(await callerFor(platform, 'COMMUNITY_STAFF', '420102001002').op('RegisterOwnerCommittee', { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await committee.op('RegisterOwnerCommittee', { input }))).toEqual(['FORBIDDEN']);
    const elsewhere = await staff.op('RegisterOwnerCommittee', { input: { ...input, compoundId: '00000000-0000-4000-8000-000000000009' } });
    expect(errorCodes(elsewhere)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await staff.op('RegisterOwnerCommittee', { input: { ...input, members: [] } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('show B小区’s committee with its fruit group buy open and its seafood group buy completed', async () => {
    const response = await resident(B_HOUSEHOLDS[0]!).op<{ compound: { name: string; ownerCommittee: { name: string }; groupBuys: GroupBuy[] } }>('CompoundGroupBuys', {
      compoundId: B_COMPOUND,
    });
    expect(response.errors).toBeUndefined();
    const compound = response.data!.compound;
    expect(compound).toMatchObject({ name: 'B小区', ownerCommittee: { name: 'B小区业主委员会' } });
    const byId = Object.fromEntries(compound.groupBuys.map((groupBuy) => [groupBuy.id, groupBuy]));
    expect(byId[DEMO_FRUIT]).toMatchObject({ status: 'OPEN', participantCount: 4 });
    expect(byId[DEMO_SEAFOOD]).toMatchObject({ status: 'COMPLETED', participantCount: 7 });
    expect(byId[DEMO_FRUIT]!.items[0]).toMatchObject({ name: '砂糖橘', unitPrice: '35.00', stock: 20 });
  });

  it('keep their members’ names from analysts and from residents of other compounds', async () => {
    const members = 'query ($id: ID!) { compound(id: $id) { ownerCommittee { members { name phone } } } }';
    expect((await staff.query(members, { id: B_COMPOUND })).errors).toBeUndefined();
    expect(errorCodes(await callerFor(platform, 'ANALYST', DEMO.cityId).query(members, { id: B_COMPOUND }))).toContain('FORBIDDEN');
    expect(errorCodes(await resident(room(TOWER, '101')).op('CompoundGroupBuys', { compoundId: B_COMPOUND }))).toContain('FORBIDDEN');
  });
});

describe('registering group buys', () => {
  it.each([
    ['a deadline in the past', { deadline: inHours(-1) }, 'BAD_USER_INPUT'],
    ['a pickup before the deadline', { pickupAt: inHours(7) }, 'BAD_USER_INPUT'],
    ['no items', { items: [] }, 'BAD_USER_INPUT'],
    ['a price of nothing', { items: [{ name: '草莓', unit: '盒', unitPrice: '0.00' }] }, 'BAD_USER_INPUT'],
    ['a negative price', { items: [{ name: '草莓', unit: '盒', unitPrice: '-1.00' }] }, 'BAD_USER_INPUT'],
    ['no participants needed', { minParticipants: 0 }, 'BAD_USER_INPUT'],
    ['a deadline without an offset', { deadline: '2026-11-22T18:00:00' }, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_what, overrides, code) => {
    expect(errorCodes(await register(overrides))).toEqual([code]);
  });

  it.each([
    ['a deadline in the past, saying when it was and what time it is', { deadline: inHours(-1) }, /^deadline \(2026-11-21T09:00:00\+08:00\) must be in the future: it is 2026-11-21T10:00:00\+08:00 now, so nobody could join\.$/],
    ['a deadline of this very instant', { deadline: inHours(0) }, /^deadline \(2026-11-21T10:00:00\+08:00\) must be in the future/],
    ['a deadline years past', { deadline: '2020-02-21T20:00:00+08:00' }, /^deadline \(2020-02-21T20:00:00\+08:00\) must be in the future/],
    ['a pickup before the deadline, naming both', { pickupAt: inHours(7) }, /^pickupAt \(2026-11-21T17:00:00\+08:00\) cannot be before the deadline \(2026-11-21T18:00:00\+08:00\)\.$/],
    [
      'more households needed than its stock could ever serve',
      { minParticipants: 6, items: [{ name: '草莓', unit: '盒', unitPrice: '25.00', stock: 3 }, { name: '蓝莓', unit: '盒', unitPrice: '30.00', stock: 2 }] },
      /^minParticipants \(6\) is more than the 5 units in stock could serve \(each household takes at least one\), so it could never be confirmed\.$/,
    ],
  ])('refuses %s (BAD_USER_INPUT) and registers nothing', async (_what, overrides, message) => {
    const before = (await committee.op<{ compound: { groupBuys: unknown[] } }>('CompoundGroupBuys', { compoundId: B_COMPOUND })).data;
    const response = await register(overrides);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect((await committee.op<{ compound: { groupBuys: unknown[] } }>('CompoundGroupBuys', { compoundId: B_COMPOUND })).data).toEqual(before);
  });

  it('takes as many households as its stock can serve, and any number when an item has no stock limit', async () => {
    const exact = await register({ title: '刚好够', minParticipants: 5, items: [{ name: '草莓', unit: '盒', unitPrice: '25.00', stock: 5 }] });
    expect(exact.errors).toBeUndefined();
    const open = await register({ title: '不限量', minParticipants: 50, items: [{ name: '草莓', unit: '盒', unitPrice: '25.00', stock: 5 }, { name: '香蕉', unit: '把', unitPrice: '8.00' }] });
    expect(open.errors).toBeUndefined();
  });

  it('is for the compound’s own committee only', async () => {
    expect(errorCodes(await register({}, callerFor(platform, 'OWNER_COMMITTEE', A_COMPOUND)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await register({}, resident(B_HOUSEHOLDS[0]!)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await register({}, staff))).toEqual(['FORBIDDEN']);
  });
});

describe('joining', () => {
  it('takes the household’s lines at their price, counts it, and is idempotent by key', async () => {
    const created = (await register({ title: '橙子团购', items: [{ name: '脐橙', unit: '箱', unitPrice: '48.50', stock: 10 }, { name: '柚子', unit: '个', unitPrice: '12.00' }], perHouseholdLimit: 4 })).data!.registerGroupBuy;
    const [orange, pomelo] = created.items;
    expect(created).toMatchObject({ status: 'OPEN', participantCount: 0 });
    expect(pomelo).toMatchObject({ stock: null, remaining: null });
    const household = B_HOUSEHOLDS[1]!;
    const idempotencyKey = key();
    const joined = await join(created.id, household, [{ itemId: orange!.id, quantity: 2 }, { itemId: pomelo!.id, quantity: 1 }], idempotencyKey);
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.joinGroupBuy).toMatchObject({
      household: { id: household },
      amount: '109.00',
      groupBuy: { participantCount: 1, items: [{ id: orange!.id, remaining: 8 }, { id: pomelo!.id, remaining: null }] },
    });
    const again = await join(created.id, household, [{ itemId: orange!.id, quantity: 2 }, { itemId: pomelo!.id, quantity: 1 }], idempotencyKey);
    expect(again.data!.joinGroupBuy.id).toBe(joined.data!.joinGroupBuy.id);
    expect((await groupBuyOf(created.id)).items[0]!.remaining).toBe(8);
    expect(errorCodes(await join(created.id, household, [{ itemId: orange!.id, quantity: 1 }], idempotencyKey))).toEqual(['CONFLICT']);

    expect(errorCodes(await join(created.id, household, [{ itemId: orange!.id, quantity: 2 }]))).toEqual(['CONFLICT']);
    expect(errorCodes(await join(created.id, B_HOUSEHOLDS[2]!, [{ itemId: orange!.id, quantity: 5 }]))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await join(created.id, B_HOUSEHOLDS[2]!, [{ itemId: DEMO_FRUIT, quantity: 1 }]))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await join(created.id, B_HOUSEHOLDS[2]!, [{ itemId: orange!.id, quantity: 0 }]))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await join(created.id, room(TOWER, '101'), [{ itemId: orange!.id, quantity: 1 }]))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await join(created.id, B_HOUSEHOLDS[3]!, [{ itemId: orange!.id, quantity: 1 }], key(), resident(B_HOUSEHOLDS[4]!)))).toEqual(['FORBIDDEN']);
    expect((await groupBuyOf(created.id)).participantCount).toBe(1);
  });

  it('never oversells: of many households joining at once for 5 boxes, exactly 5 boxes go, and every refusal changes nothing', async () => {
    const created = (await register({ title: '草莓抢购', items: [{ name: '草莓', unit: '盒', unitPrice: '25.00', stock: 5 }], perHouseholdLimit: 2 })).data!.registerGroupBuy;
    const item = created.items[0]!;
    const responses = await Promise.all(B_HOUSEHOLDS.map((household, i) => join(created.id, household, [{ itemId: item.id, quantity: 1 + (i % 2) }])));
    const accepted = responses.filter((response) => !response.errors);
    for (const refused of responses.filter((response) => response.errors)) {
      expect(errorCodes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors?.[0]?.message).toMatch(/Not enough left/);
    }
    const taken = accepted.reduce((sum, response) => sum + response.data!.joinGroupBuy.lines[0]!.quantity, 0);
    expect(taken).toBeLessThanOrEqual(5);
    const after = await groupBuyOf(created.id);
    expect(after.items[0]!.remaining).toBe(5 - taken);
    expect(after.items[0]!.remaining).toBeGreaterThanOrEqual(0);
    expect(after.participantCount).toBe(accepted.length);
    expect(after.participations.reduce((sum, participation) => sum + participation.lines[0]!.quantity, 0)).toBe(taken);
    // With 1s and 2s asked for, the 5 boxes are gone unless only a 2 was refused with 1 left.
    expect(5 - taken).toBeLessThanOrEqual(1);
  });

  it('counts each household once, however often it joins and however many join at once', async () => {
    const created = (await register({ title: '苹果团购', items: [{ name: '苹果', unit: '袋', unitPrice: '10.00', stock: null }], perHouseholdLimit: 6 })).data!.registerGroupBuy;
    const lines = [{ itemId: created.items[0]!.id, quantity: 1 }];
    const [first, second] = B_HOUSEHOLDS;
    const responses = await Promise.all([
      ...[1, 2, 3].map(() => join(created.id, first!, lines)),
      ...B_HOUSEHOLDS.slice(1).map((household) => join(created.id, household, lines)),
      join(created.id, second!, lines),
    ]);
    expect(responses.flatMap((response) => response.errors ?? [])).toEqual([]);
    const after = await groupBuyOf(created.id);
    expect(after.participations).toHaveLength(B_HOUSEHOLDS.length + 3);
    expect(after.participantCount).toBe(B_HOUSEHOLDS.length);
    const listed = await staff.query<{ community: { groupBuys: Array<{ id: string; participantCount: number }> } }>(
      'query ($id: ID!) { community(id: $id) { groupBuys(status: OPEN) { id participantCount } } }',
      { id: Q },
    );
    expect(listed.data!.community.groupBuys.find((groupBuy) => groupBuy.id === created.id)?.participantCount).toBe(B_HOUSEHOLDS.length);
  });

  it('finds a household added after an ask that did not find it: a "not found" from the community tier is not kept', async () => {
    const registered = await register({ title: '新住户的草莓' });
    expect(registered.errors).toBeUndefined();
    const { id, items } = registered.data!.registerGroupBuy;
    const lines = [{ itemId: items[0]!.id, quantity: 1 }];
    const newcomer = '00000000-0000-4000-8000-00000000b701';
    const before = await join(id, newcomer, lines);
    expect(before.data?.joinGroupBuy ?? null).toBeNull();
    expect(errorCodes(before)).toHaveLength(1);
    // The household is added to B小区 1号楼 (test data written straight into the community tier's database).
    await platform.exec.community(
      `INSERT INTO households (id, building_id, compound_id, community_id, floor, room, head_of_household)
       SELECT '${newcomer}', building_id, compound_id, community_id, 7, '701', '新住户' FROM households WHERE id = '${B_HOUSEHOLDS[0]}'`,
    );
    const after = await join(id, newcomer, lines);
    expect(after.errors).toBeUndefined();
    expect(after.data!.joinGroupBuy.household.id).toBe(newcomer);
  });
});

describe('closing and distributing', () => {
  it('confirms at closing with enough households, cancels without, and moves only forward', async () => {
    const enough = (await register({ title: '苹果', minParticipants: 2, items: [{ name: '苹果', unit: '箱', unitPrice: '60.00' }] })).data!.registerGroupBuy;
    const few = (await register({ title: '香蕉', minParticipants: 3, items: [{ name: '香蕉', unit: '把', unitPrice: '15.00' }] })).data!.registerGroupBuy;
    for (const household of B_HOUSEHOLDS.slice(0, 2)) {
      expect((await join(enough.id, household, [{ itemId: enough.items[0]!.id, quantity: 1 }])).errors).toBeUndefined();
      expect((await join(few.id, household, [{ itemId: few.items[0]!.id, quantity: 1 }])).errors).toBeUndefined();
    }
    const close = (id: string, caller = committee) => caller.op<{ closeGroupBuy: { status: string } }>('CloseGroupBuy', { id });
    const advance = (id: string, to: string, caller = committee) => caller.op<{ advanceGroupBuy: { status: string } }>('AdvanceGroupBuy', { id, to });

    expect(errorCodes(await close(enough.id, resident(B_HOUSEHOLDS[0]!)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await close(enough.id, staff))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await advance(enough.id, 'DISTRIBUTING'))).toEqual(['CONFLICT']);
    expect((await close(enough.id)).data!.closeGroupBuy.status).toBe('CONFIRMED');
    expect((await close(few.id)).data!.closeGroupBuy.status).toBe('CANCELLED');
    expect(errorCodes(await close(enough.id))).toEqual(['CONFLICT']);
    expect(errorCodes(await join(enough.id, B_HOUSEHOLDS[5]!, [{ itemId: enough.items[0]!.id, quantity: 1 }]))).toEqual(['CONFLICT']);

    expect(errorCodes(await advance(few.id, 'DISTRIBUTING'))).toEqual(['CONFLICT']);
    expect(errorCodes(await advance(enough.id, 'COMPLETED'))).toEqual(['CONFLICT']);
    expect(errorCodes(await advance(enough.id, 'OPEN'))).toEqual(['CONFLICT']);
    expect((await advance(enough.id, 'DISTRIBUTING')).data!.advanceGroupBuy.status).toBe('DISTRIBUTING');

    const list = await groupBuyOf(enough.id);
    expect(list.participations.map((participation) => [participation.householdLabel, participation.amount, participation.pickedUp])).toEqual([
      ['B小区 1号楼 101', '60.00', false],
      ['B小区 1号楼 102', '60.00', false],
    ]);
    const pickup = (id: string, caller = committee) =>
      caller.query<{ markPickedUp: { pickedUp: boolean } }>('mutation ($id: ID!) { markPickedUp(participationId: $id) { pickedUp } }', { id });
    const [first] = (await committee.query<{ groupBuy: { participations: Array<{ id: string }> } }>('query ($id: ID!) { groupBuy(id: $id) { participations { id } } }', { id: enough.id })).data!.groupBuy.participations;
    expect(errorCodes(await pickup(first!.id, resident(B_HOUSEHOLDS[0]!)))).toEqual(['FORBIDDEN']);
    expect((await pickup(first!.id)).data!.markPickedUp.pickedUp).toBe(true);
    expect(errorCodes(await pickup(first!.id))).toEqual(['CONFLICT']);
    expect((await advance(enough.id, 'COMPLETED')).data!.advanceGroupBuy.status).toBe('COMPLETED');
    expect(errorCodes(await advance(enough.id, 'DISTRIBUTING'))).toEqual(['CONFLICT']);
  });

  it('shows a resident its own part of the pickup list, and analysts none of it', async () => {
    const own = await resident(B_HOUSEHOLDS[0]!).query<{ groupBuy: { participations: Array<{ householdLabel: string }> } }>(
      'query ($id: ID!) { groupBuy(id: $id) { participations { householdLabel } } }',
      { id: DEMO_FRUIT },
    );
    expect(own.data!.groupBuy.participations).toEqual([{ householdLabel: 'B小区 1号楼 101' }]);
    const analyst = await callerFor(platform, 'ANALYST', DEMO.cityId).query('query ($id: ID!) { groupBuy(id: $id) { participations { id } } }', { id: DEMO_FRUIT });
    expect(errorCodes(analyst)).toEqual(['FORBIDDEN']);
  });

  it('closes by itself at the deadline, whoever asks, and takes no join after it', async () => {
    const created = (await register({ title: '限时团购', minParticipants: 1, deadline: inHours(1), pickupAt: inHours(2), items: [{ name: '梨', unit: '箱', unitPrice: '40.00' }] })).data!.registerGroupBuy;
    expect((await join(created.id, B_HOUSEHOLDS[6]!, [{ itemId: created.items[0]!.id, quantity: 1 }])).errors).toBeUndefined();
    clock.set(inHours(1));
    try {
      expect(errorCodes(await join(created.id, B_HOUSEHOLDS[7]!, [{ itemId: created.items[0]!.id, quantity: 1 }]))).toEqual(['CONFLICT']);
      const deadline = Date.now() + 5000;
      let status = 'OPEN';
      while (status === 'OPEN' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await groupBuyOf(created.id)).status;
      }
      expect(status).toBe('CONFIRMED');
    } finally {
      clock.set(NOW);
    }
  });
});

describe('the community’s open group buys', () => {
  it('are listed for a dashboard in scope, and refused outside it', async () => {
    const query = 'query ($id: ID!) { community(id: $id) { groupBuys(status: OPEN) { id title participantCount } } }';
    const analyst = await callerFor(platform, 'ANALYST', DEMO.cityId).query<{ community: { groupBuys: Array<{ id: string; participantCount: number }> } }>(query, { id: Q });
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data!.community.groupBuys.map((groupBuy) => groupBuy.id)).toContain(DEMO_FRUIT);
    expect(errorCodes(await callerFor(platform, 'STREET_OFFICER', '420102002').query(query, { id: Q }))).toEqual(['FORBIDDEN']);
  });
});

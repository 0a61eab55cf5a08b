// "Latest first" is one order even when the clock does not move between two writes: a household's orders, requests
// and listings made at the same instant come back in the reverse of the order they were made, never in the order of
// their random ids. The platform's clock is frozen here, so every row below carries the same timestamp and only the
// rows' insertion order (`seq`) can tell them apart; five rows in a random order would pass by chance once in 120.
import { addDays, DEMO, fixedClock } from '@cgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageOf, Q, room, TOWER } from './demo-ids.js';
import { callerFor, startPlatform, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const HOUSEHOLD = room(TOWER, '702');
const TIMES = 5;

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock, schedulerIntervalMs: 3_600_000 });
});
afterAll(() => platform?.stop());

/** Runs `make` TIMES times one after the other and returns what each made, in the order it was made. */
async function oneAfterAnother(make: (i: number) => Promise<string>): Promise<string[]> {
  const made: string[] = [];
  for (let i = 0; i < TIMES; i += 1) made.push(await make(i));
  return made;
}

describe('rows made at the same instant, listed latest first', () => {
  it("lists a household's orders placed at the same instant latest first", async () => {
    const staff = callerFor(platform, 'COMMUNITY_STAFF', Q, undefined, { fresh: true });
    const placed = await oneAfterAnother(async (i) => {
      const answer = await staff.op<{ submitOrders: { orders: Array<{ id: string }> } }>('SubmitOrders', {
        input: { idempotencyKey: `same-instant-${i}`, orders: [{ householdId: HOUSEHOLD, packageId: packageOf(TOMORROW, 'vegetable:0'), quantity: 1, channel: 'PHONE' }] },
      });
      expect(answer.errors).toBeUndefined();
      return answer.data!.submitOrders.orders[0]!.id;
    });
    const listed = await staff.query<{ household: { orders: Array<{ id: string }> } }>('query ($id: ID!, $date: Date) { household(id: $id) { orders(date: $date) { id } } }', {
      id: HOUSEHOLD,
      date: TOMORROW,
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.household.orders.map((order) => order.id)).toEqual([...placed].reverse());
  });

  it("lists a household's requests filed at the same instant latest first", async () => {
    const hotline = callerFor(platform, 'HOTLINE_OPERATOR', DEMO.cityId, 'operator-li', { fresh: true });
    const filed = await oneAfterAnother(async (i) => {
      const answer = await hotline.op<{ fileRequest: { id: string } }>('FileRequest', {
        input: {
          communityId: Q,
          householdId: HOUSEHOLD,
          categoryCode: 'SUPPLIES',
          description: `第 ${i + 1} 次来电：蔬菜没有送到`,
          channel: 'HOTLINE',
          callerName: '王先生',
          callerPhone: '13800002222',
          idempotencyKey: `same-instant-${i}`,
        },
      });
      expect(answer.errors).toBeUndefined();
      return answer.data!.fileRequest.id;
    });
    // The hotline may not read a household; its community's staff may, with its requests.
    const staff = callerFor(platform, 'COMMUNITY_STAFF', Q, undefined, { fresh: true });
    const listed = await staff.query<{ household: { requests: Array<{ id: string }> } }>('query ($id: ID!) { household(id: $id) { requests { id } } }', { id: HOUSEHOLD });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.household.requests.map((request) => request.id)).toEqual([...filed].reverse());
  });

  it("lists a household's listings posted at the same instant latest first", async () => {
    const resident = callerFor(platform, 'RESIDENT', HOUSEHOLD, undefined, { fresh: true });
    const now = clock.now().getTime();
    const posted = await oneAfterAnother(async (i) => {
      const answer = await resident.op<{ postListing: { id: string } }>('PostListing', {
        input: {
          householdId: HOUSEHOLD,
          kind: i % 2 ? 'NEED' : 'OFFER',
          type: 'SKILL',
          title: `第 ${i + 1} 条`,
          description: '上门修理水龙头、灯具',
          availableFrom: new Date(now).toISOString(),
          availableTo: new Date(now + 10 * 24 * 3_600_000).toISOString(),
          verifiedOnly: false,
          idempotencyKey: `same-instant-${i}`,
        },
      });
      expect(answer.errors).toBeUndefined();
      return answer.data!.postListing.id;
    });
    const listed = await resident.query<{ household: { listings: Array<{ id: string }> } }>('query ($id: ID!) { household(id: $id) { listings { id } } }', { id: HOUSEHOLD });
    expect(listed.errors).toBeUndefined();
    // The demo may have posted for this household before (earlier, so listed after these five).
    expect(listed.data!.household.listings.map((listing) => listing.id).slice(0, TIMES)).toEqual([...posted].reverse());
  });
});

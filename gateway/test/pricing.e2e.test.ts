import { addDays, DEMO, fixedClock } from '@cgov/shared';
import { errorCodes } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageOf, Q, room, TOWER } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const VEG = packageOf(TOMORROW, 'vegetable:0');

let platform: Platform;
let staff: Caller;
let official: Caller;
beforeAll(async () => {
  platform = await startPlatform({ clock });
  staff = callerFor(platform, 'COMMUNITY_STAFF', Q);
  official = callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId);
});
afterAll(() => platform?.stop());

const packageQuery = 'query ($id: ID!) { package(id: $id) { listPrice subsidy residentPrice } }';
type PackageAnswer = { package: { listPrice: string; subsidy: string | null; residentPrice: string | null } };

/** Asks until the answer satisfies `done` or `withinMs` passes; returns the last answer and how long it took. */
async function pollUntil<T>(ask: () => Promise<T>, done: (answer: T) => boolean, withinMs: number) {
  const started = Date.now();
  let answer = await ask();
  while (!done(answer) && Date.now() - started < withinMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await ask();
  }
  return { answer, elapsedMs: Date.now() - started };
}

describe('the city’s policy reaching the community tier', () => {
  it('prices packages and orders by a newly published policy within 5 seconds of the publish call returning', async () => {
    expect((await staff.query<PackageAnswer>(packageQuery, { id: VEG })).data!.package.subsidy).toBe('12.00');
    const published = await official.op('PublishSubsidyPolicy', {
      input: { regionId: DEMO.cityId, category: 'VEGETABLE_BASIC', subsidyPerUnit: '15.00', maxListPrice: '55.00', perHouseholdDailyLimit: 1, effectiveFrom: TOMORROW },
    });
    expect(published.errors).toBeUndefined();
    const { answer, elapsedMs } = await pollUntil(
      () => staff.query<PackageAnswer>(packageQuery, { id: VEG }),
      (response) => response.data?.package.subsidy === '15.00',
      5000,
    );
    expect(answer.data!.package).toEqual({ listPrice: '52.00', subsidy: '15.00', residentPrice: '37.00' });
    expect(elapsedMs).toBeLessThan(5000);
    const order = await staff.op<{ submitOrders: { orders: Array<{ subsidy: string; payable: string }> } }>('SubmitOrders', {
      input: { idempotencyKey: 'after-policy', orders: [{ householdId: room(TOWER, '501'), packageId: VEG, quantity: 1, channel: 'PHONE' }] },
    });
    expect(order.data!.submitOrders.orders[0]).toMatchObject({ subsidy: '15.00', payable: '37.00' });
  });

  it('says plainly that prices cannot be worked out while the city is unreachable, keeps serving placed orders, and recovers', async () => {
    const household = room(TOWER, '601');
    const placed = await staff.op<{ submitOrders: { orders: Array<{ id: string; payable: string }> } }>('SubmitOrders', {
      input: { idempotencyKey: 'before-outage', orders: [{ householdId: household, packageId: VEG, quantity: 1, channel: 'PHONE' }] },
    });
    expect(placed.errors).toBeUndefined();

    await platform.subgraphs.city.stop();
    const { answer } = await pollUntil(
      () => staff.query<PackageAnswer>(packageQuery, { id: VEG }),
      (response) => response.data?.package.subsidy === null,
      6000,
    );
    expect(answer.data!.package).toEqual({ listPrice: '52.00', subsidy: null, residentPrice: null });
    const error = answer.errors!.find((e) => e.path?.includes('subsidy'))!;
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', unavailableService: 'city' });
    expect(error.message).toMatch(/no price is guessed: the city service does not answer right now/);

    const refused = await staff.op('SubmitOrders', {
      input: { idempotencyKey: 'during-outage', orders: [{ householdId: room(TOWER, '602'), packageId: VEG, quantity: 1, channel: 'PHONE' }] },
    });
    expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(refused.errors?.[0]?.message).toMatch(/cannot be priced/);
    const kept = await staff.query<{ household: { orders: Array<{ id: string; payable: string }> } }>(
      'query ($id: ID!, $date: Date) { household(id: $id) { orders(date: $date) { id payable } } }',
      { id: household, date: TOMORROW },
    );
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.household.orders).toEqual(placed.data!.submitOrders.orders.map(({ id, payable }) => ({ id, payable })));
    const none = await staff.query<{ household: { orders: unknown[] } }>('query ($id: ID!, $date: Date) { household(id: $id) { orders(date: $date) { id } } }', {
      id: room(TOWER, '602'),
      date: TOMORROW,
    });
    expect(none.data!.household.orders).toEqual([]);

    await platform.restart('city');
    const { answer: back } = await pollUntil(
      () => staff.query<PackageAnswer>(packageQuery, { id: VEG }),
      (response) => response.data?.package.subsidy !== null,
      6000,
    );
    expect(back.data!.package.subsidy).toBe('15.00');
  });
});

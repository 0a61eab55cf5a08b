import { addDays, DEMO, fixedClock } from '@cgov/shared';
import { errorCodes, tokenFor } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B1, packageOf, Q, room } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

// 10:00 on 2026-11-21 in Shanghai: the demo's packages for tomorrow take orders until 20:00 tonight.
const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const NEIGHBOUR = '420102001002';

interface Figures { community: { id: string; orderStats: { orders: number; units: number }; volunteerCoverage: { buildings: number }; groupBuys: Array<{ id: string; participantCount: number }> } | null }
/** Only fields the subgraphs mark with a cache hint: statistics, coverage, open group buys, the region itself. */
const FIGURES = `query Figures($q: ID!, $date: Date!) {
  community(id: $q) { id orderStats(date: $date) { orders units } volunteerCoverage { buildings } groupBuys(status: OPEN) { id participantCount } }
}`;

let platform: Platform;
let analyst: Caller;
let staff: Caller;
let key = 0;
beforeAll(async () => {
  platform = await startPlatform({ clock, schedulerIntervalMs: 3_600_000 });
  analyst = callerFor(platform, 'ANALYST', DEMO.cityId);
  staff = callerFor(platform, 'COMMUNITY_STAFF', Q, 'staff-zhou');
});
afterAll(() => platform?.stop());

const fetched = () => Object.values(platform.counters.fetches).reduce((total, count) => total + count, 0);
const orderOne = () =>
  staff.op('SubmitOrders', {
    input: { idempotencyKey: `cache-${(key += 1)}`, orders: [{ householdId: room(B1, '601'), packageId: packageOf(TOMORROW, 'vegetable:0'), quantity: 1, channel: 'PHONE' }] },
  });

describe('the gateway’s response cache', () => {
  it('keeps an answer made only of hinted fields for their max-age: the same request again asks no subgraph', async () => {
    platform.counters.reset();
    const first = await analyst.query<Figures>(FIGURES, { q: Q, date: TOMORROW });
    expect(first.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('max-age=5, private');
    expect(fetched()).toBeGreaterThan(0);

    platform.counters.reset();
    const second = await analyst.query<Figures>(FIGURES, { q: Q, date: TOMORROW });
    expect(second.data).toEqual(first.data);
    expect(fetched()).toBe(0);
    expect(platform.counters.cacheHits).toBe(1);
    expect(second.headers.get('age')).toBe('0');

    // Sent with its operation's name, as most clients do: kept and found under that name.
    const named = async () => {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('ANALYST', DEMO.cityId)}` },
        body: JSON.stringify({ query: FIGURES, operationName: 'Figures', variables: { q: Q, date: TOMORROW } }),
      });
      return (await response.json()) as { data: unknown };
    };
    platform.counters.reset();
    const third = await named();
    const fourth = await named();
    expect(fourth.data).toEqual(third.data);
    expect(third.data).toEqual(first.data);
    expect(platform.counters.cacheHits).toBe(1);
  });

  it('shows a caller its own writes at once, and everyone else within the max-age', async () => {
    clock.set(`${TODAY}T10:01:00+08:00`);
    const read = async (caller: Caller) => (await caller.query<Figures>(FIGURES, { q: Q, date: TOMORROW })).data!.community!.orderStats.orders;
    const before = await read(analyst);
    expect(await read(staff)).toBe(before);

    expect((await orderOne()).errors).toBeUndefined();
    expect(await read(staff)).toBe(before + 1); // the staff's own mutation retired its kept answers
    expect(await read(analyst)).toBe(before); // the analyst's answer was kept at 10:01:00 for 5 seconds

    clock.set(`${TODAY}T10:01:04+08:00`);
    expect(await read(analyst)).toBe(before);
    clock.set(`${TODAY}T10:01:05+08:00`);
    expect(await read(analyst)).toBe(before + 1);
  });

  it('never serves a caller an answer kept for another role or region', async () => {
    clock.set(`${TODAY}T10:02:00+08:00`);
    expect((await analyst.query<Figures>(FIGURES, { q: Q, date: TOMORROW })).errors).toBeUndefined();
    for (const [role, scope] of [['COMMUNITY_STAFF', NEIGHBOUR], ['ANALYST', '4202']] as const) {
      const other = callerFor(platform, role, scope, `${role}-${scope}`);
      const refused = await other.query<Figures>(FIGURES, { q: Q, date: TOMORROW });
      expect(errorCodes(refused)).toContain('FORBIDDEN');
      expect(refused.data?.community?.orderStats ?? null).toBeNull();
    }
  });

  it('answers identical requests that arrive together with one computation', async () => {
    clock.set(`${TODAY}T10:03:00+08:00`);
    const variables = { cityId: DEMO.cityId, date: TOMORROW };
    platform.counters.reset();
    await callerFor(platform, 'ANALYST', DEMO.cityId, undefined, { fresh: true }).op('CityDashboard', variables);
    const once = { ...platform.counters.fetches };

    clock.set(`${TODAY}T10:04:00+08:00`);
    platform.counters.reset();
    const answers = await Promise.all(Array.from({ length: 10 }, () => analyst.op('CityDashboard', variables)));
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    expect(platform.counters.fetches).toEqual(once);
    expect(platform.counters.cacheHits).toBe(9);
  });

  it('serves the answer past its max-age to the others while one request computes its successor', async () => {
    clock.set(`${TODAY}T10:04:30+08:00`);
    const variables = { cityId: DEMO.cityId, date: TOMORROW };
    const orders = (answer: { data?: unknown }) => (answer.data as { city: { orderStats: { orders: number } } }).city.orderStats.orders;
    const kept = orders(await analyst.op('CityDashboard', variables));
    expect((await orderOne()).errors).toBeUndefined();

    clock.set(`${TODAY}T10:04:35+08:00`);
    platform.counters.reset();
    const answers = await Promise.all(Array.from({ length: 5 }, () => analyst.op('CityDashboard', variables)));
    const during = { ...platform.counters.fetches };
    platform.counters.reset();
    await callerFor(platform, 'ANALYST', DEMO.cityId, undefined, { fresh: true }).op('CityDashboard', variables);
    expect(during).toEqual(platform.counters.fetches); // one computation for the five
    expect(answers.map(orders).sort()).toEqual([kept, kept, kept, kept, kept + 1]);
    expect(answers.filter((answer) => answer.headers.get('age') === '5')).toHaveLength(4);
  });

  it('keeps nothing with a field that has no hint, nor an answer with errors', async () => {
    const packages = 'query ($q: ID!, $date: Date!) { community(id: $q) { id orderStats(date: $date) { orders } packages(date: $date) { id } } }';
    platform.counters.reset();
    const first = await analyst.query(packages, { q: Q, date: TOMORROW });
    expect(first.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toBe('no-store');
    await analyst.query(packages, { q: Q, date: TOMORROW });
    expect(platform.counters.cacheHits).toBe(0);

    const street = callerFor(platform, 'STREET_OFFICER', DEMO.streetId);
    platform.counters.reset();
    const partly = await street.op('CityDashboard', { cityId: DEMO.cityId, date: TOMORROW });
    expect(errorCodes(partly)).toContain('FORBIDDEN');
    await street.op('CityDashboard', { cityId: DEMO.cityId, date: TOMORROW });
    expect(platform.counters.cacheHits).toBe(0);
  });

  it('keeps the hints out of the public API', async () => {
    const response = await analyst.query<{ __type: unknown }>('{ __type(name: "CacheControlScope") { name } }');
    expect(response.errors).toBeUndefined();
    expect(response.data!.__type).toBeNull();
  });

  it('asks the subgraphs afresh for Cache-Control: no-cache, and keeps the new answer', async () => {
    clock.set(`${TODAY}T10:05:00+08:00`);
    const before = (await analyst.query<Figures>(FIGURES, { q: Q, date: TOMORROW })).data!.community!.orderStats.orders;
    expect((await orderOne()).errors).toBeUndefined();
    const fresh = callerFor(platform, 'ANALYST', DEMO.cityId, undefined, { fresh: true });
    expect((await fresh.query<Figures>(FIGURES, { q: Q, date: TOMORROW })).data!.community!.orderStats.orders).toBe(before + 1);
    expect((await analyst.query<Figures>(FIGURES, { q: Q, date: TOMORROW })).data!.community!.orderStats.orders).toBe(before + 1);
  });
});

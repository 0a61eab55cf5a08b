import { addDays, DEMO, fixedClock } from '@cgov/shared';
import { errorCodes } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageOf, Q, room, TOWER } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);

type Budget = { allocated: string; spent: string | null; remaining: string | null };
const budgetQuery = `query ($c: ID!) { city(id: $c) { subsidyBudget { allocated spent remaining }
  districts { id subsidyBudget { allocated spent remaining } } } }`;
type Budgets = { city: { subsidyBudget: Budget; districts: Array<{ id: string; subsidyBudget: Budget }> } };

let platform: Platform;
let official: Caller;
beforeAll(async () => {
  platform = await startPlatform({ clock });
  official = callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId, 'official-wang');
});
afterAll(() => platform?.stop());

const allocate = (regionId: string, amount: unknown, caller = official) =>
  caller.op<{ allocateSubsidyBudget: Budget }>('AllocateSubsidyBudget', { input: { regionId, amount } });

describe('subsidy budgets', () => {
  it('join the city’s allocation with what the community tier’s orders have spent', async () => {
    const demo = await official.query<Budgets>(budgetQuery, { c: DEMO.cityId });
    expect(demo.errors).toBeUndefined();
    // The demo's orders (the case's of 2020-02-20, and H市's communities' of the last 14 days and tomorrow) drew
    // 17,070.00 of subsidy from H市's 2,000,000.00: 13,296.00 in 东城区, 3,774.00 in 西城区.
    expect(demo.data!.city.subsidyBudget).toEqual({ allocated: '2000000.00', spent: '17070.00', remaining: '1982930.00' });

    const allocated = await allocate(DEMO.cityId, '17086.00');
    expect(allocated.errors).toBeUndefined();
    expect(allocated.data!.allocateSubsidyBudget).toEqual({ allocated: '17086.00', spent: '17070.00', remaining: '16.00' });
  });

  it('count an order’s subsidy the moment it is placed, and show an overspend as a negative remainder', async () => {
    const staff = callerFor(platform, 'COMMUNITY_STAFF', Q);
    const placed = await staff.op('SubmitOrders', {
      input: {
        idempotencyKey: 'budget-1',
        orders: [
          { householdId: room(TOWER, '101'), packageId: packageOf(TOMORROW, 'vegetable:0'), quantity: 1, channel: 'PHONE' },
          { householdId: room(TOWER, '102'), packageId: packageOf(TOMORROW, 'vegetable:1'), quantity: 1, channel: 'PHONE' },
        ],
      },
    });
    expect(placed.errors).toBeUndefined();
    const after = await official.query<Budgets>(budgetQuery, { c: DEMO.cityId });
    expect(after.data!.city.subsidyBudget).toEqual({ allocated: '17086.00', spent: '17094.00', remaining: '-8.00' });
  });

  it('keep a district’s own allocation, counting only the orders inside it', async () => {
    expect((await allocate(DEMO.districtId, '300.50')).data!.allocateSubsidyBudget).toEqual({ allocated: '300.50', spent: '13320.00', remaining: '-13019.50' });
    const districts = Object.fromEntries(
      (await official.query<Budgets>(budgetQuery, { c: DEMO.cityId })).data!.city.districts.map((district) => [district.id, district.subsidyBudget]),
    );
    expect(districts[DEMO.districtId]).toEqual({ allocated: '300.50', spent: '13320.00', remaining: '-13019.50' });
    expect(districts['420103']).toEqual({ allocated: '0.00', spent: '3774.00', remaining: '-3774.00' });
  });

  it.each([
    ['a negative amount', DEMO.cityId, '-5.00', 'BAD_USER_INPUT'],
    ['three decimals', DEMO.cityId, '5.001', 'BAD_USER_INPUT'],
    ['a street', DEMO.streetId, '5.00', 'BAD_USER_INPUT'],
    ['an unknown district', '420199', '5.00', 'NOT_FOUND'],
    ['another city', DEMO.otherCityId, '5.00', 'FORBIDDEN'],
  ])('refuse %s and change nothing', async (_what, regionId, amount, code) => {
    const before = await official.query<Budgets>(budgetQuery, { c: DEMO.cityId });
    expect(errorCodes(await allocate(regionId, amount))).toEqual([code]);
    expect(await official.query<Budgets>(budgetQuery, { c: DEMO.cityId })).toMatchObject({ data: before.data });
  });

  it('are allocated by city officials and read by those whose scope holds the region', async () => {
    for (const [role, scope] of [['ANALYST', DEMO.cityId], ['STREET_OFFICER', DEMO.streetId], ['COMMUNITY_STAFF', Q]] as const) {
      expect(errorCodes(await allocate(DEMO.cityId, '1.00', callerFor(platform, role, scope))), role).toEqual(['FORBIDDEN']);
    }
    const analyst = await callerFor(platform, 'ANALYST', DEMO.cityId).query<Budgets>(budgetQuery, { c: DEMO.cityId });
    expect(analyst.errors).toBeUndefined();
    const officer = await callerFor(platform, 'STREET_OFFICER', DEMO.streetId).query(budgetQuery, { c: DEMO.cityId });
    expect(new Set(errorCodes(officer))).toEqual(new Set(['FORBIDDEN']));
  });

  it('are in the audit log with the previous amount', async () => {
    const log = await official.query<{ auditLog: { entries: Array<{ action: string; regionId: string; details: string }> } }>(
      'query ($c: ID!) { auditLog(cityId: $c, first: 10) { entries { action regionId details } } }',
      { c: DEMO.cityId },
    );
    const budgets = log.data!.auditLog.entries.filter((entry) => entry.action === 'BUDGET_ALLOCATED');
    expect(budgets.map((entry) => [entry.regionId, JSON.parse(entry.details)])).toEqual([
      [DEMO.districtId, { amount: 30050, previousAmount: null }],
      [DEMO.cityId, { amount: 1708600, previousAmount: 200000000 }],
    ]);
  });

  it('still show the allocation when the community tier is down, saying what is missing', async () => {
    await platform.subgraphs.community.stop();
    try {
      const response = await callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId, 'official-wang', { fresh: true }).query<Budgets>(budgetQuery, { c: DEMO.cityId });
      expect(response.data!.city.subsidyBudget.allocated).toBe('17086.00');
      expect(response.data!.city.subsidyBudget.spent).toBeNull();
      expect(response.data!.city.subsidyBudget.remaining).toBeNull();
      expect(response.errors?.length).toBeGreaterThan(0);
    } finally {
      await platform.restart('community');
    }
  });
});

import { addDays, DEMO, fixedClock, ROLES } from '@cgov/shared';
import { errorCodes, graphql, tokenFor } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

// The platform's clock stands at 10:00 on 2026-11-21 in Shanghai; tests move it, never sleep.
const TODAY = '2026-11-21';
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const day = (n: number) => addDays(TODAY, n);

const Q = DEMO.communityId; // 420102001001, in street 420102001 of district 420102
const OTHER_STREET_COMMUNITY = '420102002001'; // same district, another street
const OTHER_DISTRICT_COMMUNITY = '420103001001';

interface Policy {
  id: string;
  version: number;
  regionId: string;
  category: string;
  subsidyPerUnit: string;
  maxListPrice: string;
  perHouseholdDailyLimit: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: string;
}

let platform: Platform;
let official: Caller;
beforeAll(async () => {
  platform = await startPlatform({ clock });
  official = callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId, 'official-wang');
});
afterAll(() => platform?.stop());

function terms(overrides: Record<string, unknown>) {
  return {
    regionId: DEMO.districtId,
    category: 'EGG_BASIC',
    subsidyPerUnit: '3.00',
    maxListPrice: '20.00',
    perHouseholdDailyLimit: 1,
    effectiveFrom: day(1),
    ...overrides,
  };
}

async function publish(input: Record<string, unknown>, caller = official) {
  return caller.op<{ publishSubsidyPolicy: Policy }>('PublishSubsidyPolicy', { input: terms(input) });
}

async function versionsAt(regionId: string) {
  const response = await official.op<{ subsidyPolicies: Policy[] }>('SubsidyPolicies', { regionId });
  expect(response.errors).toBeUndefined();
  return response.data!.subsidyPolicies;
}

async function effective(regionId: string, date: string, caller = official) {
  const response = await caller.op<{ effectiveSubsidyPolicies: Policy[] }>('EffectiveSubsidyPolicies', { regionId, date });
  expect(response.errors).toBeUndefined();
  return Object.fromEntries(response.data!.effectiveSubsidyPolicies.map((policy) => [policy.category, policy]));
}

describe('the case’s policies', () => {
  it('are in force for Q社区 from 2020-02-18: vegetables 12.00 up to 52.00, pork 6.00 up to 66.00, one unit a day', async () => {
    const policies = await effective(Q, '2020-02-20');
    expect(policies.VEGETABLE_BASIC).toMatchObject({ regionId: DEMO.cityId, subsidyPerUnit: '12.00', maxListPrice: '52.00', perHouseholdDailyLimit: 1, effectiveFrom: '2020-02-18', effectiveTo: null, status: 'ACTIVE', version: 1 });
    expect(policies.PORK_BASIC).toMatchObject({ subsidyPerUnit: '6.00', maxListPrice: '66.00', perHouseholdDailyLimit: 1 });
    expect(await effective(Q, '2020-02-17')).toEqual({});
  });
});

describe('versions', () => {
  it('supersede the open version the day before the new one starts, keeping every version readable', async () => {
    const first = await publish({ category: 'MILK', effectiveFrom: day(1) });
    expect(first.errors).toBeUndefined();
    expect(first.data!.publishSubsidyPolicy).toMatchObject({ version: 1, status: 'SCHEDULED', effectiveTo: null, regionId: DEMO.districtId });
    const second = await publish({ category: 'MILK', subsidyPerUnit: '4.00', effectiveFrom: day(10) });
    expect(second.data!.publishSubsidyPolicy).toMatchObject({ version: 2, effectiveFrom: day(10), effectiveTo: null });

    const milk = (await versionsAt(DEMO.districtId)).filter((policy) => policy.category === 'MILK');
    expect(milk.map((policy) => [policy.version, policy.effectiveFrom, policy.effectiveTo, policy.subsidyPerUnit])).toEqual([
      [2, day(10), null, '4.00'],
      [1, day(1), day(9), '3.00'],
    ]);
  });

  it('refuses a new version that would start on or before a later version’s first day, with CONFLICT', async () => {
    await publish({ category: 'GRAIN_OIL', effectiveFrom: day(5) });
    const early = await publish({ category: 'GRAIN_OIL', effectiveFrom: day(3) });
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors?.[0]?.message).toMatch(/already starts on/);
    expect((await versionsAt(DEMO.districtId)).filter((policy) => policy.category === 'GRAIN_OIL')).toHaveLength(1);
  });

  it('moves through SCHEDULED, ACTIVE and ENDED as the days pass, and the city’s own version 1 ends today', async () => {
    const published = await publish({ regionId: DEMO.cityId, category: 'VEGETABLE_BASIC', subsidyPerUnit: '15.00', maxListPrice: '55.00', effectiveFrom: day(1) });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishSubsidyPolicy).toMatchObject({ version: 2, status: 'SCHEDULED' });
    const [v2, v1] = (await versionsAt(DEMO.cityId)).filter((policy) => policy.category === 'VEGETABLE_BASIC');
    expect(v1).toMatchObject({ version: 1, effectiveTo: TODAY, status: 'ACTIVE' });
    expect(v2).toMatchObject({ version: 2, status: 'SCHEDULED' });
    expect((await effective(Q, TODAY)).VEGETABLE_BASIC?.subsidyPerUnit).toBe('12.00');
    expect((await effective(Q, day(1))).VEGETABLE_BASIC?.subsidyPerUnit).toBe('15.00');

    clock.set(`${day(1)}T00:00:01+08:00`);
    try {
      const [later2, later1] = (await versionsAt(DEMO.cityId)).filter((policy) => policy.category === 'VEGETABLE_BASIC');
      expect(later1?.status).toBe('ENDED');
      expect(later2?.status).toBe('ACTIVE');
    } finally {
      clock.set(`${TODAY}T10:00:00+08:00`);
    }
  });
});

describe('inheritance', () => {
  it('gives each region the most specific policy in force: street over district over city', async () => {
    const from = day(20);
    await publish({ regionId: DEMO.districtId, category: 'PORK_BASIC', subsidyPerUnit: '7.00', maxListPrice: '66.00', effectiveFrom: from });
    await publish({ regionId: DEMO.streetId, category: 'PORK_BASIC', subsidyPerUnit: '8.00', maxListPrice: '66.00', effectiveFrom: from });

    expect((await effective(Q, from)).PORK_BASIC).toMatchObject({ regionId: DEMO.streetId, subsidyPerUnit: '8.00' });
    expect((await effective(DEMO.streetId, from)).PORK_BASIC).toMatchObject({ regionId: DEMO.streetId });
    expect((await effective(OTHER_STREET_COMMUNITY, from)).PORK_BASIC).toMatchObject({ regionId: DEMO.districtId, subsidyPerUnit: '7.00' });
    expect((await effective(DEMO.districtId, from)).PORK_BASIC).toMatchObject({ regionId: DEMO.districtId });
    expect((await effective(OTHER_DISTRICT_COMMUNITY, from)).PORK_BASIC).toMatchObject({ regionId: DEMO.cityId, subsidyPerUnit: '6.00' });
    expect((await effective(DEMO.cityId, from)).PORK_BASIC).toMatchObject({ regionId: DEMO.cityId });
    // The day before, the street and district versions are not yet in force: the city's applies everywhere.
    expect((await effective(Q, addDays(from, -1))).PORK_BASIC).toMatchObject({ regionId: DEMO.cityId });
  });

  it('applies a version on its first and last day, and not a day outside them', async () => {
    await publish({ regionId: DEMO.streetId, category: 'MEDICINE', effectiveFrom: day(30), effectiveTo: day(32) });
    expect((await effective(Q, day(29))).MEDICINE).toBeUndefined();
    expect((await effective(Q, day(30))).MEDICINE).toMatchObject({ effectiveFrom: day(30), effectiveTo: day(32) });
    expect((await effective(Q, day(32))).MEDICINE).toMatchObject({ effectiveFrom: day(30) });
    expect((await effective(Q, day(33))).MEDICINE).toBeUndefined();
  });
});

describe('revocation', () => {
  it('ends a version early, from today on and no later than it was, and never twice', async () => {
    const street = '420102002';
    const created = (await publish({ regionId: street, category: 'EGG_BASIC', effectiveFrom: day(2), effectiveTo: day(40) })).data!.publishSubsidyPolicy;

    const past = await official.op('RevokeSubsidyPolicy', { id: created.id, effectiveTo: day(-1) });
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors?.[0]?.message).toMatch(/today \(2026-11-21\) or later/);
    const later = await official.op('RevokeSubsidyPolicy', { id: created.id, effectiveTo: day(41) });
    expect(errorCodes(later)).toEqual(['BAD_USER_INPUT']);
    expect(later.errors?.[0]?.message).toMatch(/cannot be later than/);

    const revoked = await official.op<{ revokeSubsidyPolicy: Policy }>('RevokeSubsidyPolicy', { id: created.id, effectiveTo: day(5) });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeSubsidyPolicy).toMatchObject({ status: 'REVOKED', effectiveTo: day(5), effectiveFrom: day(2) });
    expect((await effective(OTHER_STREET_COMMUNITY, day(5))).EGG_BASIC).toMatchObject({ regionId: street, status: 'REVOKED' });
    expect((await effective(OTHER_STREET_COMMUNITY, day(6))).EGG_BASIC?.regionId).not.toBe(street);

    expect(errorCodes(await official.op('RevokeSubsidyPolicy', { id: created.id, effectiveTo: day(4) }))).toEqual(['CONFLICT']);
    expect(errorCodes(await official.op('RevokeSubsidyPolicy', { id: '00000000-0000-4000-8000-000000000000', effectiveTo: day(4) }))).toEqual(['NOT_FOUND']);
  });
});

describe('validation', () => {
  async function auditCount() {
    const response = await official.query<{ auditLog: { entries: unknown[] } }>('query ($c: ID!) { auditLog(cityId: $c, first: 200) { entries { id } } }', { c: DEMO.cityId });
    return response.data!.auditLog.entries.length;
  }

  it.each([
    ['a negative subsidy', { subsidyPerUnit: '-1.00' }, 'BAD_USER_INPUT', /cannot be negative/],
    ['money with three decimals', { maxListPrice: '52.001' }, 'BAD_USER_INPUT', /more than two decimal places/],
    ['money as a number', { maxListPrice: 52 }, 'BAD_USER_INPUT', /decimal string/],
    ['a subsidy above the price cap', { subsidyPerUnit: '60.00', maxListPrice: '52.00' }, 'BAD_USER_INPUT', /cannot be more than maxListPrice/],
    ['a negative daily limit', { perHouseholdDailyLimit: -1 }, 'BAD_USER_INPUT', /cannot be negative/],
    ['a start of today', { effectiveFrom: TODAY }, 'BAD_USER_INPUT', /tomorrow \(2026-11-22\) or later/],
    ['a start in the past', { effectiveFrom: '2020-01-01' }, 'BAD_USER_INPUT', /tomorrow/],
    ['an end before the start', { effectiveFrom: day(5), effectiveTo: day(4) }, 'BAD_USER_INPUT', /cannot be before effectiveFrom/],
    ['a date that does not exist', { effectiveFrom: '2026-02-30' }, 'BAD_USER_INPUT', /YYYY-MM-DD/],
    ['an unknown region', { regionId: '420199' }, 'NOT_FOUND', /no region with code 420199/],
    ['a malformed region code', { regionId: '42-01' }, 'BAD_USER_INPUT', /division code/],
    ['a community as the region', { regionId: Q }, 'BAD_USER_INPUT', /city \(4 digits\) or a district \(6 digits\) or a street \(9 digits\)/],
  ])('refuses %s with a plain message and leaves no trace', async (_what, input, code, message) => {
    const regionId = (input as { regionId?: string }).regionId ?? DEMO.districtId;
    const before = regionId.length === 6 && regionId !== '420199' ? await versionsAt(regionId) : [];
    const audit = await auditCount();
    const response = await publish({ category: 'EGG_BASIC', ...input });
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(response.data?.publishSubsidyPolicy ?? null).toBeNull();
    if (before.length || regionId === DEMO.districtId) expect(await versionsAt(regionId)).toEqual(before);
    expect(await auditCount()).toBe(audit);
  });
});

/** Ids (UUIDs, as these roles' scopes must be) of a party member, a compound and a household that do not exist. */
const PM_1 = '00000000-0000-4000-8000-000000000001';
const COMPOUND_1 = '00000000-0000-4000-8000-000000000002';
const HOUSEHOLD_1 = '00000000-0000-4000-8000-000000000003';

describe('permissions', () => {
  const scopes: Record<string, string> = {
    CITY_OFFICIAL: DEMO.otherCityId,
    STREET_OFFICER: DEMO.streetId,
    COMMUNITY_STAFF: Q,
    PARTY_MEMBER: PM_1,
    OWNER_COMMITTEE: COMPOUND_1,
    RESIDENT: HOUSEHOLD_1,
    ANALYST: DEMO.cityId,
    HOTLINE_OPERATOR: DEMO.cityId,
    DEPARTMENT_OFFICER: '00000000-0000-4000-8000-000000000004',
    GRID_WORKER: '00000000-0000-4000-8000-000000000005',
  };

  it.each(ROLES.map((role) => [role]))('refuses publishing, revoking and designating in H市 to %s (other than H市’s officials)', async (role) => {
    const caller = callerFor(platform, role, scopes[role]!);
    const policy = (await versionsAt(DEMO.cityId))[0]!;
    expect(errorCodes(await publish({ category: 'EGG_BASIC', effectiveFrom: day(50) }, caller))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await caller.op('RevokeSubsidyPolicy', { id: policy.id, effectiveTo: day(60) }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await caller.op('DesignateSupplier', { input: { regionId: DEMO.streetId, name: `${role}的超市` } }))).toEqual(['FORBIDDEN']);
  });

  it('lets H市’s official act anywhere inside H市, and nowhere else', async () => {
    expect(errorCodes(await publish({ regionId: DEMO.otherCityId, effectiveFrom: day(50) }))).toEqual(['FORBIDDEN']);
    expect((await publish({ regionId: '420103002', category: 'EGG_BASIC', effectiveFrom: day(50) })).errors).toBeUndefined();
  });

  it('lets every region role read policies and suppliers in its scope, and not outside it', async () => {
    const reads: Array<[string, string, string, boolean]> = [
      ['ANALYST', DEMO.cityId, Q, true],
      ['ANALYST', DEMO.otherCityId, Q, false],
      ['CITY_OFFICIAL', DEMO.otherCityId, Q, false],
      ['STREET_OFFICER', DEMO.streetId, Q, true],
      ['STREET_OFFICER', DEMO.streetId, DEMO.cityId, true],
      ['STREET_OFFICER', DEMO.streetId, OTHER_STREET_COMMUNITY, false],
      ['COMMUNITY_STAFF', Q, Q, true],
      ['COMMUNITY_STAFF', Q, OTHER_STREET_COMMUNITY, false],
      ['RESIDENT', HOUSEHOLD_1, Q, false],
      ['PARTY_MEMBER', PM_1, Q, false],
    ];
    for (const [role, scope, regionId, allowed] of reads) {
      const caller = callerFor(platform, role as never, scope);
      const policies = await caller.op('EffectiveSubsidyPolicies', { regionId, date: TODAY });
      const supplierList = await caller.op('Suppliers', { regionId });
      const expected = allowed ? [] : ['FORBIDDEN'];
      expect(errorCodes(policies), `${role} ${scope} → ${regionId}`).toEqual(expected);
      expect(errorCodes(supplierList), `${role} ${scope} → ${regionId}`).toEqual(expected);
    }
  });
});

describe('the city subgraph reached directly', () => {
  it('applies the same scopes to _entities lookups of policies and budgets', async () => {
    const policy = (await versionsAt(DEMO.cityId))[0]!;
    const lookup = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on SubsidyPolicy { id subsidyPerUnit } ... on SubsidyBudget { regionId allocated allocatedBy } } }`;
    const representations = [
      { __typename: 'SubsidyPolicy', id: policy.id },
      { __typename: 'SubsidyBudget', regionId: DEMO.cityId },
    ];
    for (const [role, scope] of [['RESIDENT', HOUSEHOLD_1], ['ANALYST', DEMO.otherCityId]] as const) {
      const response = await graphql(platform.subgraphs.city.url, lookup, { token: await tokenFor(role, scope), variables: { r: representations } });
      expect(new Set(errorCodes(response)), role).toEqual(new Set(['FORBIDDEN']));
      expect(JSON.stringify(response.data)).not.toMatch(/allocated"|subsidyPerUnit"/);
    }
    const allowed = await graphql(platform.subgraphs.city.url, lookup, { token: await tokenFor('ANALYST', DEMO.cityId), variables: { r: representations } });
    expect(allowed.errors).toBeUndefined();
  });
});

describe('concurrent publishes', () => {
  it('never leave two open versions or two versions with one number, whatever the order they land in', async () => {
    const regionId = '420103001';
    const starts = Array.from({ length: 12 }, (_, i) => day(100 + ((i * 7) % 12)));
    const responses = await Promise.all(starts.map((effectiveFrom) => publish({ regionId, category: 'EGG_BASIC', effectiveFrom })));
    for (const response of responses) {
      if (response.errors) expect(errorCodes(response)).toEqual(['CONFLICT']);
    }
    const succeeded = responses.filter((response) => !response.errors).length;
    expect(succeeded).toBeGreaterThan(0);
    const versions = (await versionsAt(regionId)).filter((policy) => policy.category === 'EGG_BASIC');
    expect(versions).toHaveLength(succeeded);
    expect(new Set(versions.map((policy) => policy.version)).size).toBe(versions.length);
    expect(versions.map((policy) => policy.version).sort((a, b) => a - b)).toEqual(versions.map((_, i) => i + 1));
    expect(versions.filter((policy) => policy.effectiveTo === null)).toHaveLength(1);
    const ranges = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (let i = 1; i < ranges.length; i += 1) expect(ranges[i - 1]!.effectiveTo! < ranges[i]!.effectiveFrom).toBe(true);
  });
});

describe('suppliers', () => {
  it('serve the region they are designated for and every region inside it', async () => {
    const designated = await official.op<{ designateSupplier: { id: string; name: string; regionId: string } }>('DesignateSupplier', {
      input: { regionId: DEMO.streetId, name: '青山街道平价菜场', address: '青山路8号' },
    });
    expect(designated.errors).toBeUndefined();
    expect(designated.data!.designateSupplier).toMatchObject({ name: '青山街道平价菜场', regionId: DEMO.streetId });
    const forQ = await official.op<{ suppliers: Array<{ name: string; regionId: string }> }>('Suppliers', { regionId: Q });
    expect(forQ.data!.suppliers.map((supplier) => supplier.name)).toEqual(
      expect.arrayContaining(['青山街道平价菜场', '惠民平价超市(Q社区店)', 'H市农产品批发市场']),
    );
    const elsewhere = await official.op<{ suppliers: Array<{ name: string }> }>('Suppliers', { regionId: OTHER_STREET_COMMUNITY });
    expect(elsewhere.data!.suppliers.map((supplier) => supplier.name)).toEqual(['H市农产品批发市场']);
  });

  it('refuses the same name twice in a region, and an empty name', async () => {
    const again = await official.op('DesignateSupplier', { input: { regionId: DEMO.cityId, name: 'H市农产品批发市场' } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(errorCodes(await official.op('DesignateSupplier', { input: { regionId: DEMO.cityId, name: '   ' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await official.op('DesignateSupplier', { input: { regionId: '420199', name: 'X' } }))).toEqual(['NOT_FOUND']);
  });
});

describe('the audit log', () => {
  const auditQuery = `query ($c: ID!, $first: Int, $before: ID) { auditLog(cityId: $c, first: $first, before: $before) {
    entries { id at actor actorRole action regionId subjectId details } nextBefore } }`;
  type Page = { auditLog: { entries: Array<{ id: string; actor: string; action: string; regionId: string; subjectId: string; details: string }>; nextBefore: string | null } };

  it('records who published, revoked and designated what, newest first, page by page', async () => {
    const published = await publish({ regionId: '420103002', category: 'MILK', effectiveFrom: day(3) });
    const id = published.data!.publishSubsidyPolicy.id;
    const first = await official.query<Page>(auditQuery, { c: DEMO.cityId, first: 2 });
    expect(first.errors).toBeUndefined();
    const [newest] = first.data!.auditLog.entries;
    expect(newest).toMatchObject({ actor: 'official-wang', action: 'POLICY_PUBLISHED', regionId: '420103002', subjectId: id });
    expect(JSON.parse(newest!.details)).toMatchObject({ category: 'MILK', subsidyPerUnit: 300, effectiveFrom: day(3), version: 1 });
    const next = await official.query<Page>(auditQuery, { c: DEMO.cityId, first: 2, before: first.data!.auditLog.nextBefore });
    expect(Number(next.data!.auditLog.entries[0]!.id)).toBeLessThan(Number(first.data!.auditLog.entries[1]!.id));
    const actions = new Set(
      (await official.query<Page>(auditQuery, { c: DEMO.cityId, first: 200 })).data!.auditLog.entries.map((entry) => entry.action),
    );
    expect(actions).toEqual(new Set(['POLICY_PUBLISHED', 'POLICY_ENDED_BY_NEW_VERSION', 'POLICY_REVOKED', 'SUPPLIER_DESIGNATED']));
  });

  it('is read by the city’s own officials only, in pages of at most 200', async () => {
    for (const [role, scope] of [['ANALYST', DEMO.cityId], ['CITY_OFFICIAL', DEMO.otherCityId], ['STREET_OFFICER', DEMO.streetId]] as const) {
      expect(errorCodes(await callerFor(platform, role, scope).query(auditQuery, { c: DEMO.cityId })), role).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await official.query(auditQuery, { c: DEMO.cityId, first: 500 }))).toEqual(['BAD_USER_INPUT']);
  });
});

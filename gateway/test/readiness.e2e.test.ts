// Readiness for the next emergency through the gateway on real PostgreSQL: a plan's versions and currency by the
// clock, the supplies ledger never below zero (concurrent withdrawals too) and idempotent, volunteers chosen both ways
// (双选), readiness worked out by hand for the demo's city and summed per region, access per role, and statements.
import { DEMO, demoId, demoIds, fixedClock, type Role } from '@cgov/shared';
import { errorCodes, graphql, tokenFor, type GraphQLResponse } from '@cgov/shared/testing';
import { contractOperation } from '@cgov/schema/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCity, type CityShape } from '../bench/generate.js';
import { startPlatform, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const T0 = `${TODAY}T10:00:00+08:00`;
const clock = fixedClock(T0);

const Q = DEMO.communityId;
const XF = '420102001002'; // 幸福社区, 青山街道
const YY = '420102002001'; // 友谊社区, 和平街道
const JS = '420103001001'; // 建设社区, 长江街道
const GM = '420103001002'; // 光明社区, 长江街道: the ledger
const MZ = '420103002001'; // 民主社区, 汉水街道: plans and volunteers
const neighbourHousehold = (communityId: string, room: string) => demoIds.household(demoIds.building(demoIds.compound(communityId, '和谐家园'), '1栋'), room);
const MINZHU = demoId('party-member:minzhu');
const YOUYI = demoId('party-member:youyi');

interface Figures {
  communities: number;
  communitiesWithCurrentPlan: number;
  spaces: number;
  spaceCapacity: number;
  suppliesBelowMinimum: number;
  suppliesExpiringWithin30Days: number;
  volunteers: number;
  volunteersPerThousandHouseholds: number | null;
  score: number | null;
}
interface ReadinessTree {
  city: {
    id: string;
    readiness: Figures | null;
    districts: Array<{ id: string; readiness: Figures | null; streets: Array<{ id: string; readiness: Figures | null; communities: Array<{ id: string; readiness: Figures | null }> }> }>;
  } | null;
}

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock, schedulerIntervalMs: 3_600_000 });
}, 120_000);
afterAll(() => platform?.stop());

type Call = <T = Record<string, unknown>>(name: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
/** A caller in one role: sends a contract operation by name; `query` sends any document. Nothing is taken from the gateway's cache. */
function as(role: Role, scope: string): Call & { query: Call } {
  const token = tokenFor(role, scope);
  const send = async <T,>(text: string, variables?: Record<string, unknown>) =>
    graphql<T>(platform.gatewayUrl, text, { token: await token, variables, headers: { 'cache-control': 'no-cache' } });
  const call = (<T,>(name: string, variables?: Record<string, unknown>) => send<T>(contractOperation(name), variables)) as Call & { query: Call };
  call.query = send;
  return call;
}
const data = <T,>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};
const official = as('CITY_OFFICIAL', DEMO.cityId);
const staffOf = (communityId: string) => as('COMMUNITY_STAFF', communityId);

/** The readiness of one region (any level) as an official of the city reads it. */
async function readinessOf(regionId: string, caller = official): Promise<Figures> {
  const level = { 4: 'city', 6: 'district', 9: 'street', 12: 'community' }[regionId.length]!;
  const fields = 'communities communitiesWithCurrentPlan spaces spaceCapacity suppliesBelowMinimum suppliesExpiringWithin30Days volunteers volunteersPerThousandHouseholds score';
  const answer = await caller.query<Record<string, { readiness: Figures }>>(`query ($id: ID!) { region: ${level}(id: $id) { readiness { ${fields} } } }`, { id: regionId });
  return data(answer).region!.readiness;
}

/** Region figures as the contract says a region's must be: its parts' counts added up, the score from the sums. */
function added(parts: Figures[]): Omit<Figures, 'score' | 'volunteersPerThousandHouseholds'> {
  const sum = (key: keyof Figures) => parts.reduce((total, part) => total + (part[key] as number), 0);
  return {
    communities: sum('communities'),
    communitiesWithCurrentPlan: sum('communitiesWithCurrentPlan'),
    spaces: sum('spaces'),
    spaceCapacity: sum('spaceCapacity'),
    suppliesBelowMinimum: sum('suppliesBelowMinimum'),
    suppliesExpiringWithin30Days: sum('suppliesExpiringWithin30Days'),
    volunteers: sum('volunteers'),
  };
}

describe("the demo's readiness, worked out by hand", () => {
  it('scores each community and adds communities up per street, streets per district and districts for the city', async () => {
    const tree = data(await official<ReadinessTree>('Readiness', { cityId: DEMO.cityId })).city!;
    const figures = new Map<string, Figures>();
    figures.set(tree.id, tree.readiness!);
    for (const district of tree.districts) {
      figures.set(district.id, district.readiness!);
      for (const street of district.streets) {
        figures.set(street.id, street.readiness!);
        for (const community of street.communities) figures.set(community.id, community.readiness!);
      }
    }
    const row = (f: Figures) => [f.communities, f.communitiesWithCurrentPlan, f.spaces, f.spaceCapacity, f.suppliesBelowMinimum, f.suppliesExpiringWithin30Days, f.volunteers, f.volunteersPerThousandHouseholds, f.score];
    // Q社区 (96 households): a current epidemic plan (its 2nd version, reviewed 60 days ago), the three kinds of space
    // (20 + 200 + 50), 消毒液 8 below its minimum of 10, 方便面 expiring in 20 days, 3 accepted volunteers (2 pending):
    // 30 + 20 + 0 + 25 × min(1, 31.25 ÷ 10) = 75.
    expect(row(figures.get(Q)!)).toEqual([1, 1, 3, 270, 1, 1, 3, 31.25, 75]);
    // 幸福社区 (12): its plan reviewed 425 days ago has lapsed; an observation point only; masks above their minimum; no volunteer: 25.
    expect(row(figures.get(XF)!)).toEqual([1, 0, 1, 10, 0, 0, 0, 0, 25]);
    // 友谊社区 (12): a current plan, no space, no supplies, one volunteer (83.33 per 1,000): 30 + 0 + 25 + 25 = 80.
    expect(row(figures.get(YY)!)).toEqual([1, 1, 0, 0, 0, 0, 1, 83.33, 80]);
    // 建设社区 (12): no plan, the three kinds of space (15 + 80 + 40): 20 + 25 = 45; 光明社区 and 民主社区: nothing but no shortage, 25.
    expect(row(figures.get(JS)!)).toEqual([1, 0, 3, 135, 0, 0, 0, 0, 45]);
    expect(row(figures.get(GM)!)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 25]);
    expect(row(figures.get(MZ)!)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 25]);
    // 青山街道 = Q + 幸福 (108 households, 3 volunteers: 27.78 per 1,000): 30 × ½ + 20 × ½ + 25 × ½ + 25 = 62.5.
    expect(row(figures.get('420102001')!)).toEqual([2, 1, 4, 280, 1, 1, 3, 27.78, 62.5]);
    expect(row(figures.get('420102002')!)).toEqual([1, 1, 0, 0, 0, 0, 1, 83.33, 80]);
    // 东城区 = its two streets (120 households, 4 volunteers): 30 × ⅔ + 20 × ⅓ + 25 × ⅔ + 25 = 68.33 → 68.3.
    expect(row(figures.get('420102')!)).toEqual([3, 2, 4, 280, 1, 1, 4, 33.33, 68.3]);
    // 长江街道 = 建设 + 光明: 20 × ½ + 25 = 35; 汉水街道 = 民主: 25; 西城区: 20 × ⅓ + 25 = 31.67 → 31.7.
    expect(row(figures.get('420103001')!)).toEqual([2, 0, 3, 135, 0, 0, 0, 0, 35]);
    expect(row(figures.get('420103002')!)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 25]);
    expect(row(figures.get('420103')!)).toEqual([3, 0, 3, 135, 0, 0, 0, 0, 31.7]);
    // H市: 6 communities, 156 households, 4 volunteers (25.64 per 1,000): 30 × 2/6 + 20 × 2/6 + 25 × 5/6 + 25 = 62.5.
    expect(row(figures.get(DEMO.cityId)!)).toEqual([6, 2, 7, 415, 1, 1, 4, 25.64, 62.5]);
    // Each region's counts are its parts' added up: a district its streets', the city its districts'.
    for (const district of tree.districts) {
      expect(added([district.readiness!])).toEqual(added(district.streets.map((street) => street.readiness!)));
      for (const street of district.streets) expect(added([street.readiness!])).toEqual(added(street.communities.map((c) => c.readiness!)));
    }
    expect(added([tree.readiness!])).toEqual(added(tree.districts.map((district) => district.readiness!)));
  });

  it("lists Q社区's plans, spaces, supplies and volunteers (pending and accepted)", async () => {
    const answer = await staffOf(Q).query<{ community: { emergencyPlans: Array<{ hazard: string; version: number; current: boolean }>; emergencySpaces: Array<{ emergencyUse: string }>; supplies: Array<{ item: string; belowMinimum: boolean; expiringWithin30Days: boolean }>; volunteers: Array<{ status: string; team: { kind: string } }> } }>(
      `query ($id: ID!) { community(id: $id) {
        emergencyPlans { hazard version current }
        emergencySpaces { emergencyUse }
        supplies { item belowMinimum expiringWithin30Days }
        volunteers { status team { kind } }
      } }`,
      { id: Q },
    );
    const community = data(answer).community;
    expect(community.emergencyPlans.map((plan) => [plan.hazard, plan.version, plan.current]).sort()).toEqual([['EPIDEMIC', 2, true], ['FLOOD', 1, true]]);
    expect(community.emergencySpaces.map((space) => space.emergencyUse).sort()).toEqual(['DELIVERY_POINT', 'OBSERVATION_POINT', 'SUPPLY_DEPOT']);
    expect(community.supplies.filter((item) => item.belowMinimum).map((item) => item.item)).toEqual(['消毒液']);
    expect(community.supplies.filter((item) => item.expiringWithin30Days).map((item) => item.item)).toEqual(['方便面']);
    expect(community.volunteers.map((volunteer) => volunteer.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'PENDING', 'PENDING']);
  });
});

describe("a plan's versions and currency", () => {
  const plan = (reviewedOn: string, title = '民主社区疫情防控应急预案') => ({
    input: { communityId: MZ, hazard: 'EPIDEMIC', title, steps: [{ action: '开放临时观察点', responsible: '社区卫生服务站' }], reviewedOn },
  });

  it('makes a new version with each publication; current while reviewed within 12 months, by the clock', async () => {
    const first = data(await staffOf(MZ)<{ publishEmergencyPlan: { version: number; nextReviewDue: string } }>('PublishEmergencyPlan', plan('2025-12-01'))).publishEmergencyPlan;
    expect(first).toMatchObject({ version: 1, nextReviewDue: '2026-12-01' });
    const second = data(await staffOf(MZ)<{ publishEmergencyPlan: Record<string, unknown> }>('PublishEmergencyPlan', plan('2026-11-20', '民主社区疫情防控应急预案（第二版）'))).publishEmergencyPlan;
    expect(second).toMatchObject({ hazard: 'EPIDEMIC', version: 2, reviewedOn: '2026-11-20', nextReviewDue: '2027-11-20' });
    const versions = await staffOf(MZ).query<{ community: { emergencyPlans: Array<{ version: number; current: boolean }> } }>(
      'query ($id: ID!) { community(id: $id) { emergencyPlans(hazard: EPIDEMIC) { version current } } }',
      { id: MZ },
    );
    expect(data(versions).community.emergencyPlans).toEqual([{ version: 2, current: true }, { version: 1, current: true }]);
    expect((await readinessOf(MZ)).communitiesWithCurrentPlan).toBe(1);
    expect((await readinessOf(MZ)).score).toBe(55);
    // On the day the review is due the plan is still current; the day after it has lapsed, for the community and its street.
    clock.set('2027-11-20T10:00:00+08:00');
    expect((await readinessOf(MZ)).communitiesWithCurrentPlan).toBe(1);
    clock.set('2027-11-21T10:00:00+08:00');
    expect(await readinessOf(MZ)).toMatchObject({ communitiesWithCurrentPlan: 0, score: 25 });
    expect((await readinessOf('420103002')).communitiesWithCurrentPlan).toBe(0);
    clock.set(T0);
    expect((await readinessOf('420103002')).communitiesWithCurrentPlan).toBe(1);
  });

  it('refuses a plan out of the rules with the contract codes, and changes nothing', async () => {
    const attempts: Array<[Call, Record<string, unknown>, string]> = [
      [staffOf(MZ), plan('2026-11-22'), 'BAD_USER_INPUT'], // reviewed tomorrow
      [staffOf(MZ), plan('2026-02-30'), 'BAD_USER_INPUT'],
      [staffOf(MZ), { input: { ...plan('2026-11-01').input, steps: [] } }, 'BAD_USER_INPUT'],
      [staffOf(MZ), { input: { ...plan('2026-11-01').input, title: ' ' } }, 'BAD_USER_INPUT'],
      [staffOf(MZ), { input: { ...plan('2026-11-01').input, communityId: '4201' } }, 'BAD_USER_INPUT'],
      [staffOf(Q), plan('2026-11-01'), 'FORBIDDEN'],
      [as('STREET_OFFICER', '420103002'), plan('2026-11-01'), 'FORBIDDEN'],
      [as('CITY_OFFICIAL', DEMO.cityId), plan('2026-11-01'), 'FORBIDDEN'],
    ];
    for (const [caller, variables, code] of attempts) expect(errorCodes(await caller('PublishEmergencyPlan', variables)), JSON.stringify(variables)).toEqual([code]);
    const versions = await staffOf(MZ).query<{ community: { emergencyPlans: unknown[] } }>('query ($id: ID!) { community(id: $id) { emergencyPlans(hazard: EPIDEMIC) { version } } }', { id: MZ });
    expect(data(versions).community.emergencyPlans).toHaveLength(2);
  });
});

describe('spaces', () => {
  it('registers the three kinds a community needs, and refuses a name twice or bad figures', async () => {
    const space = (name: string, emergencyUse: string, capacity = 30, conversionHours = 6) => ({ input: { communityId: GM, name, normalUse: '活动室', emergencyUse, capacity, conversionHours } });
    const before = await readinessOf(GM);
    for (const [name, use] of [['光明观察点', 'OBSERVATION_POINT'], ['光明仓库', 'SUPPLY_DEPOT']] as const) {
      expect(data(await staffOf(GM)<{ registerEmergencySpace: Record<string, unknown> }>('RegisterEmergencySpace', space(name, use))).registerEmergencySpace).toMatchObject({ name, emergencyUse: use, capacity: 30, conversionHours: 6 });
    }
    expect(await readinessOf(GM)).toMatchObject({ spaces: 2, spaceCapacity: 60, score: before.score });
    data(await staffOf(GM)('RegisterEmergencySpace', space('光明配送点', 'DELIVERY_POINT', 40, 1)));
    expect(await readinessOf(GM)).toMatchObject({ spaces: 3, spaceCapacity: 100, score: before.score! + 20 });
    expect(errorCodes(await staffOf(GM)('RegisterEmergencySpace', space('光明仓库', 'SHELTER')))).toEqual(['CONFLICT']);
    expect(errorCodes(await staffOf(GM)('RegisterEmergencySpace', space('零容量', 'SHELTER', 0)))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await staffOf(GM)('RegisterEmergencySpace', space('负时长', 'SHELTER', 5, -1)))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await staffOf(JS)('RegisterEmergencySpace', space('别人的', 'SHELTER')))).toEqual(['FORBIDDEN']);
    expect((await readinessOf(GM)).spaces).toBe(3);
  });
});

describe('the supplies ledger', () => {
  const record = (change: number, key: string, extra: Record<string, unknown> = {}) =>
    staffOf(GM)<{ recordSupplies: { item: string; onHand: number; minimum: number | null; belowMinimum: boolean; expiringWithin30Days: boolean } }>('RecordSupplies', {
      input: { communityId: GM, item: '饮用水', unit: '箱', change, reason: change > 0 ? '入库' : '发放', idempotencyKey: key, ...extra },
    });

  it('never goes below zero: of 10 concurrent withdrawals of 3 from 20, exactly 6 succeed', async () => {
    expect(data(await record(20, 'water-in', { minimum: 5, expiresOn: '2027-06-01' })).recordSupplies).toEqual({ item: '饮用水', onHand: 20, minimum: 5, belowMinimum: false, expiringWithin30Days: false });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => record(-3, `water-out-${i}`)));
    const codes = answers.map((answer) => errorCodes(answer).join());
    expect(codes.filter((code) => code === '')).toHaveLength(6);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(4);
    expect(answers.flatMap((answer) => errorCodes(answer)).filter((code) => code !== 'CONFLICT')).toEqual([]);
    // 2 left: below the minimum of 5; the ledger holds 7 rows that sum to what is on hand.
    expect(data(await record(0, 'water-count')).recordSupplies).toMatchObject({ onHand: 2, belowMinimum: true });
    expect(errorCodes(await record(-3, 'water-out-late'))).toEqual(['CONFLICT']);
    const ledger = (await platform.exec.community(`SELECT count(*)::int AS n, sum(change)::int AS total FROM supply_changes WHERE community_id = '${GM}' AND item = '饮用水'`)) as { rows: Array<{ n: number; total: number }> };
    expect(ledger.rows[0]).toEqual({ n: 8, total: 2 });
    expect(await readinessOf(GM)).toMatchObject({ suppliesBelowMinimum: 1 });
    // Taking out an item never stocked is a CONFLICT too.
    expect(errorCodes(await staffOf(GM)('RecordSupplies', { input: { communityId: GM, item: '帐篷', unit: '顶', change: -1, reason: '发放', idempotencyKey: 'tent-out' } }))).toEqual(['CONFLICT']);
  });

  it('is idempotent by key: the same change again changes nothing; another change with that key is a CONFLICT', async () => {
    const first = data(await record(10, 'water-restock', { expiresOn: '2026-12-10' })).recordSupplies;
    expect(first).toMatchObject({ onHand: 12, belowMinimum: false, expiringWithin30Days: true });
    expect(data(await record(10, 'water-restock', { expiresOn: '2026-12-10' })).recordSupplies).toEqual(first);
    expect(errorCodes(await record(11, 'water-restock', { expiresOn: '2026-12-10' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await record(-1, 'water-restock'))).toEqual(['CONFLICT']);
    expect(await readinessOf(GM)).toMatchObject({ suppliesBelowMinimum: 0, suppliesExpiringWithin30Days: 1 });
    // Expiry is decided by the clock: seen from 1 October, 10 December is more than 30 days away; once the stock is used up, nothing expires.
    clock.set('2026-10-01T10:00:00+08:00');
    expect((await readinessOf(GM)).suppliesExpiringWithin30Days).toBe(0);
    clock.set(T0);
    data(await record(-12, 'water-all-out'));
    expect(await readinessOf(GM)).toMatchObject({ suppliesExpiringWithin30Days: 0, suppliesBelowMinimum: 1 });
  });

  it('refuses bad input with the contract codes', async () => {
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ item: ' ' }, 'BAD_USER_INPUT'],
      [{ idempotencyKey: '' }, 'BAD_USER_INPUT'],
      [{ expiresOn: '2026-02-30' }, 'BAD_USER_INPUT'],
      [{ change: -1, expiresOn: '2027-01-01' }, 'BAD_USER_INPUT'],
      [{ minimum: -1 }, 'BAD_USER_INPUT'],
      [{ change: 2_000_000 }, 'BAD_USER_INPUT'],
      [{ unit: '瓶' }, 'CONFLICT'],
    ];
    for (const [extra, code] of attempts) {
      const input = { communityId: GM, item: '饮用水', unit: '箱', change: 1, reason: '入库', idempotencyKey: `bad-${JSON.stringify(extra)}`, ...extra };
      expect(errorCodes(await staffOf(GM)('RecordSupplies', { input })), JSON.stringify(extra)).toEqual([code]);
    }
    for (const [role, scope] of [['COMMUNITY_STAFF', Q], ['STREET_OFFICER', '420103001'], ['RESIDENT', neighbourHousehold(GM, '101')]] as const) {
      const input = { communityId: GM, item: '饮用水', unit: '箱', change: 1, reason: '入库', idempotencyKey: `role-${role}` };
      expect(errorCodes(await as(role, scope)('RecordSupplies', { input })), role).toEqual(['FORBIDDEN']);
    }
  });
});

describe('volunteers chosen both ways (双选)', () => {
  it('a resident or party member offers (PENDING); the community staff accept (ACCEPTED), no one else', async () => {
    const household = neighbourHousehold(MZ, '301');
    const resident = as('RESIDENT', household);
    const offered = data(await resident<{ enrolVolunteer: { id: string; status: string; team: { id: string; kind: string } } }>('EnrolVolunteer', { input: { communityId: MZ, teamKind: 'DELIVERY', householdId: household, skills: ['开车'] } })).enrolVolunteer;
    expect(offered).toMatchObject({ status: 'PENDING', team: { kind: 'DELIVERY' } });
    expect(errorCodes(await resident('EnrolVolunteer', { input: { communityId: MZ, teamKind: 'DELIVERY', householdId: household, skills: [] } }))).toEqual(['CONFLICT']);
    const member = data(await as('PARTY_MEMBER', MINZHU)<{ enrolVolunteer: { id: string; status: string; team: { id: string } } }>('EnrolVolunteer', { input: { communityId: MZ, teamKind: 'DELIVERY', partyMemberId: MINZHU, skills: ['送货上门'] } })).enrolVolunteer;
    expect(member.team.id).toBe(offered.team.id); // one team per kind
    expect((await readinessOf(MZ)).volunteers).toBe(0);

    // Who may not offer, or offer for whom.
    const refusals: Array<[Role, string, Record<string, unknown>, string]> = [
      ['RESIDENT', household, { householdId: neighbourHousehold(MZ, '302') }, 'FORBIDDEN'], // another household
      ['RESIDENT', household, { householdId: household, communityId: GM }, 'BAD_USER_INPUT'], // another community
      ['RESIDENT', household, { householdId: household, partyMemberId: MINZHU }, 'BAD_USER_INPUT'],
      ['RESIDENT', household, {}, 'BAD_USER_INPUT'],
      ['PARTY_MEMBER', MINZHU, { partyMemberId: YOUYI }, 'FORBIDDEN'],
      ['COMMUNITY_STAFF', MZ, { householdId: household }, 'FORBIDDEN'],
      ['RESIDENT', household, { householdId: household, communityId: '4201' }, 'BAD_USER_INPUT'],
    ];
    for (const [role, scope, extra, code] of refusals) {
      const input = { communityId: MZ, teamKind: 'MEDICAL', skills: [], ...extra };
      expect(errorCodes(await as(role, scope)('EnrolVolunteer', { input })), JSON.stringify(extra)).toEqual([code]);
    }

    for (const [role, scope] of [['COMMUNITY_STAFF', GM], ['RESIDENT', household], ['PARTY_MEMBER', MINZHU], ['STREET_OFFICER', '420103002'], ['CITY_OFFICIAL', DEMO.cityId]] as const) {
      expect(errorCodes(await as(role, scope)('AcceptVolunteer', { id: offered.id })), role).toEqual(['FORBIDDEN']);
    }
    expect(data(await staffOf(MZ)<{ acceptVolunteer: unknown }>('AcceptVolunteer', { id: offered.id })).acceptVolunteer).toEqual({ id: offered.id, status: 'ACCEPTED' });
    expect(errorCodes(await staffOf(MZ)('AcceptVolunteer', { id: offered.id }))).toEqual(['CONFLICT']);
    expect(errorCodes(await staffOf(MZ)('AcceptVolunteer', { id: demoId('no-volunteer') }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await staffOf(MZ)('AcceptVolunteer', { id: 'not-an-id' }))).toEqual(['NOT_FOUND']);
    // One accepted of 12 households: 83.33 per 1,000, the volunteers' full 25 points.
    expect(await readinessOf(MZ)).toMatchObject({ volunteers: 1, volunteersPerThousandHouseholds: 83.33 });
    data(await staffOf(MZ)('AcceptVolunteer', { id: member.id }));
    expect((await readinessOf(MZ)).volunteers).toBe(2);
    expect((await readinessOf(MZ)).volunteersPerThousandHouseholds).toBe(166.67);
    // A household added counts at once: 2 of 13 households.
    const building = demoIds.building(demoIds.compound(MZ, '和谐家园'), '1栋');
    data(await staffOf(MZ).query('mutation ($input: AddHouseholdInput!) { addHousehold(input: $input) { id } }', { input: { buildingId: building, floor: 6, room: '603', headOfHousehold: '新住户' } }));
    expect(errorCodes(await staffOf(MZ).query('mutation ($input: AddHouseholdInput!) { addHousehold(input: $input) { id } }', { input: { buildingId: building, floor: 6, room: '603', headOfHousehold: '重复' } }))).toEqual(['CONFLICT']);
    expect(await readinessOf(MZ)).toMatchObject({ volunteers: 2, volunteersPerThousandHouseholds: 153.85 });
  });
});

describe('access per role', () => {
  it('shows readiness to officials, analysts, street officers and staff whose region holds it; others are refused', async () => {
    const read = (role: Role, scope: string, regionId: string) => as(role, scope).query(`query ($id: ID!) { community(id: $id) { readiness { score } } }`, { id: regionId });
    for (const [role, scope, communityId, allowed] of [
      ['CITY_OFFICIAL', DEMO.cityId, Q, true],
      ['ANALYST', DEMO.cityId, Q, true],
      ['STREET_OFFICER', DEMO.streetId, Q, true],
      ['STREET_OFFICER', DEMO.streetId, YY, false],
      ['COMMUNITY_STAFF', Q, Q, true],
      ['COMMUNITY_STAFF', XF, Q, false],
      ['CITY_OFFICIAL', DEMO.otherCityId, Q, false],
      ['ANALYST', DEMO.otherCityId, Q, false],
      ['RESIDENT', demoIds.household(demoIds.building(demoIds.compound(Q, 'A小区'), '1栋'), '1201'), Q, false],
      ['PARTY_MEMBER', demoId('party-member:li'), Q, false],
      ['GRID_WORKER', demoIds.gridWorker(Q, 'a1-lead'), Q, false],
    ] as const) {
      const answer = await read(role, scope, communityId);
      expect(errorCodes(answer), `${role} ${scope} ${communityId}`).toEqual(allowed ? [] : ['FORBIDDEN']);
    }
    // The whole tree: a street officer reads its street and below, not the city or district.
    const street = await as('STREET_OFFICER', DEMO.streetId)<ReadinessTree>('Readiness', { cityId: DEMO.cityId });
    expect(street.data!.city!.readiness).toBeNull();
    const qingshan = street.data!.city!.districts.flatMap((district) => district.streets).find((each) => each.id === DEMO.streetId)!;
    expect(qingshan.readiness!.communities).toBe(2);
    expect(qingshan.communities.every((community) => community.readiness !== null)).toBe(true);
    // A community's volunteers (personal data) are listed for its staff only.
    const volunteers = 'query ($id: ID!) { community(id: $id) { volunteers { id } } }';
    expect(errorCodes(await staffOf(Q).query(volunteers, { id: Q }))).toEqual([]);
    expect(errorCodes(await official.query(volunteers, { id: Q }))).toEqual(['FORBIDDEN']);
  });
});

describe('statements per request', () => {
  it("costs the same SQL statements for the city's Readiness at two sizes", async () => {
    const base = { compoundsPerCommunity: 1, buildingsPerCompound: 1, floors: 2, householdsPerFloor: 2, orderShare: 0, date: TODAY };
    const SMALL: CityShape = { ...base, cityId: '4401', districts: 1, streetsPerDistrict: 2, communitiesPerStreet: 2 };
    const LARGE: CityShape = { ...base, cityId: '4402', districts: 3, streetsPerDistrict: 3, communitiesPerStreet: 4 };
    const cost = async (shape: CityShape) => {
      const city = await generateCity(shape, platform.exec);
      // A current plan in every community of the first street, through the API, over the generated readiness.
      for (const communityId of city.communityIds.filter((id) => id.startsWith(city.streetIds[0]!))) {
        data(await staffOf(communityId)('PublishEmergencyPlan', { input: { communityId, hazard: 'EPIDEMIC', title: '预案', steps: [{ action: '启动', responsible: '社区' }], reviewedOn: TODAY } }));
      }
      const analyst = as('ANALYST', shape.cityId);
      platform.counters.reset();
      const tree = data(await analyst<ReadinessTree>('Readiness', { cityId: shape.cityId })).city!;
      const statements = platform.counters.statements.community;
      const communities = tree.districts.flatMap((district) => district.streets.flatMap((street) => street.communities));
      expect(tree.readiness!.communities).toBe(city.communityIds.length);
      expect(communities.every((community) => community.readiness?.communities === 1)).toBe(true);
      const firstStreet = tree.districts.flatMap((district) => district.streets).find((street) => street.id === city.streetIds[0])!;
      expect(firstStreet.communities.map((community) => community.readiness!.communitiesWithCurrentPlan)).toEqual(firstStreet.communities.map(() => 1));
      expect(added([tree.readiness!])).toEqual(added(tree.districts.map((district) => district.readiness!)));
      return { statements, communities: communities.length };
    };
    const small = await cost(SMALL);
    const large = await cost(LARGE);
    expect(large.communities).toBe(9 * small.communities);
    expect(large.statements).toBe(small.statements);
    // One statement a fetch of the gateway's plan (the city, its districts, streets and communities), at most.
    expect(small.statements).toBeLessThanOrEqual(4);
  }, 120_000);
});

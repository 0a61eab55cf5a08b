// The request figures through the gateway on real PostgreSQL: a month worked out by hand (三率, score, ranked and
// unranked units, re-dispatch, region sums, 每月一题), the scheduler marking overdue requests, who may read the
// figures, and the kept statistics equal to what the rows say (also under concurrent moves). Statement counts:
// request-stats-cost.e2e.test.ts (without the scheduler's sweeps, which would count too).
import { DEMO, demoId, fixedClock, type Role } from '@cgov/shared';
import { errorCodes, graphql, tokenFor, type GraphQLResponse } from '@cgov/shared/testing';
import { REBUILD_REQUEST_STATS_SQL } from '@cgov/requests';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlatform, type Platform } from './harness.js';

// The demo loads its requests around the clock's month at start (2024-06); the month worked out here is 2025-03.
const clock = fixedClock('2024-06-15T10:00:00+08:00');
const T0 = '2025-03-03T09:00:00+08:00';
const HOUR = 3_600_000;
const move = (hours: number) => clock.set(new Date(Date.parse(T0) + hours * HOUR));
const MONTH = '2025-03';

const Q = DEMO.communityId; // 420102001001, street 420102001 (S1)
const XINGFU = '420102001002'; // 幸福社区, S1
const YOUYI = '420102002001'; // 友谊社区, street 420102002 (S2)
const S1 = '420102001';
const S2 = '420102002';
const WATER = demoId(`department:${DEMO.cityId}:water`);

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock });
});
afterAll(() => platform?.stop());

function as(role: Role, scope: string) {
  const token = tokenFor(role, scope);
  return async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
    graphql<T>(platform.gatewayUrl, query, { token: await token, variables, headers: { 'cache-control': 'no-cache' } });
}
const hotline = as('HOTLINE_OPERATOR', DEMO.cityId);
const street1 = as('STREET_OFFICER', S1);
const street2 = as('STREET_OFFICER', S2);
const water = as('DEPARTMENT_OFFICER', WATER);
const analyst = as('ANALYST', DEMO.cityId);

function data<T>(answer: GraphQLResponse<T>): T {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!;
}

let key = 0;
async function file(communityId: string, categoryCode: string): Promise<string> {
  const answer = await hotline<{ fileRequest: { id: string } }>(
    `mutation ($input: FileRequestInput!) { fileRequest(input: $input) { id } }`,
    { input: { communityId, categoryCode, description: `${categoryCode} 诉求 ${key}`, channel: 'HOTLINE', idempotencyKey: `stats-${key++}` } },
  );
  return data(answer).fileRequest.id;
}
const accept = (who: typeof hotline, id: string) => who(`mutation ($id: ID!) { acceptRequest(id: $id) { id } }`, { id }).then(data);
const reply = (who: typeof hotline, id: string) => who(`mutation ($id: ID!) { replyToRequest(id: $id, reply: "已处理") { id } }`, { id }).then(data);
const callback = (id: string, resolved: boolean, satisfaction: string, reopen?: boolean) =>
  hotline(`mutation ($input: RecordCallbackInput!) { recordCallback(input: $input) { id } }`, { input: { requestId: id, resolved, satisfaction, reopen } }).then(data);

const STATS = `received open overdue closed dispatched respondedOnTime callbacks resolvedCallbacks satisfiedCallbacks responseRate resolutionRate satisfactionRate`;
export const DASHBOARD = `query RequestDashboard($cityId: ID!, $month: String!) {
  city(id: $cityId) {
    id
    requestStats(month: $month) { ${STATS} }
    frequentProblems(month: $month) { category { code name } count previousMonthCount }
    districts {
      id
      requestStats(month: $month) { ${STATS} }
      streets { id name requestStats(month: $month) { ${STATS} } communities { id requestStats(month: $month) { ${STATS} } } }
    }
  }
}`;
export const RANKING = `query RequestRanking($cityId: ID!, $month: String!, $unitKind: RequestUnitKind!) {
  requestRanking(cityId: $cityId, month: $month, unitKind: $unitKind) { rank unitId unitName dispatched responseRate resolutionRate satisfactionRate score ranked }
}`;

type Stats = Record<string, number | null>;
interface Dashboard {
  city: {
    requestStats: Stats;
    frequentProblems: Array<{ category: { code: string }; count: number; previousMonthCount: number }>;
    districts: Array<{ id: string; requestStats: Stats; streets: Array<{ id: string; requestStats: Stats; communities: Array<{ id: string; requestStats: Stats }> }> }>;
  };
}
const dashboard = async () => data(await analyst<Dashboard>(DASHBOARD, { cityId: DEMO.cityId, month: MONTH })).city;

/** The counts behind the rates, with the rates a region of them must show. */
function expected(counts: { received: number; open: number; overdue: number; closed: number; dispatched: number; respondedOnTime: number; callbacks: number; resolvedCallbacks: number; satisfiedCallbacks: number }, rates: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }) {
  return { ...counts, ...rates };
}

describe('a month worked out by hand (2025-03)', () => {
  const property: string[] = [];
  const youyi: string[] = [];
  const waterRequests: string[] = [];

  beforeAll(async () => {
    // The month before: two NOISE and one PROPERTY in Q社区, for 每月一题's previousMonthCount.
    clock.set('2025-02-10T09:00:00+08:00');
    await file(Q, 'NOISE');
    await file(Q, 'NOISE');
    await file(Q, 'PROPERTY');

    move(0);
    for (let i = 0; i < 10; i += 1) property.push(await file(Q, 'PROPERTY')); // S1, NORMAL: 24 h / 7 days
    await file(XINGFU, 'NOISE'); // S1, never answered
    for (let i = 0; i < 3; i += 1) youyi.push(await file(YOUYI, 'NOISE')); // S2
    for (let i = 0; i < 2; i += 1) waterRequests.push(await file(Q, 'WATER')); // the water company, URGENT: 2 h / 24 h

    move(0.5);
    data(await street2(`mutation ($id: ID!) { returnRequest(id: $id, reason: "属青山街道") { id } }`, { id: youyi[0] }));
    move(1);
    for (const id of property.slice(0, 8)) await accept(street1, id);
    data(await hotline(`mutation ($input: DispatchRequestInput!) { dispatchRequest(input: $input) { id } }`, { input: { requestId: youyi[0], streetId: S1 } }));
    for (const id of youyi.slice(1)) await accept(street2, id);
    for (const id of waterRequests) await accept(water, id);
    move(2);
    await accept(street1, youyi[0]!); // on time: 24 h from the re-dispatch
    move(3);
    for (const id of youyi.slice(1)) await reply(street2, id);
    for (const id of waterRequests) await reply(water, id);
    for (const id of youyi.slice(1)) await callback(id, true, 'SATISFIED');
    await callback(waterRequests[0]!, true, 'SATISFIED');
    await callback(waterRequests[1]!, true, 'DISSATISFIED');
    move(30);
    // Nobody looks: the scheduler marks 幸福社区's unanswered request (and the two late ones, until accepted).
    await vi.waitFor(async () => expect((await dashboard()).districts[0]!.streets.find((s) => s.id === S1)!.requestStats.overdue).toBe(3), { timeout: 5_000 });
    for (const id of property.slice(8)) await accept(street1, id); // late
    move(40);
    for (const id of property) await reply(street1, id);
    move(50);
    for (const id of property.slice(0, 6)) await callback(id, true, 'SATISFIED');
    for (const id of property.slice(6, 8)) await callback(id, true, 'BASICALLY_SATISFIED');
    await callback(property[8]!, false, 'DISSATISFIED'); // reopened
    await callback(property[9]!, false, 'DISSATISFIED', false); // closed unresolved: it counts as a callback, not resolved, not satisfied
  });

  it('ranks streets by the three rates and the score, listing units under 10 requests unranked after the ranked ones', async () => {
    const ranking = data(await analyst<{ requestRanking: Array<Record<string, unknown>> }>(RANKING, { cityId: DEMO.cityId, month: MONTH, unitKind: 'STREET' })).requestRanking;
    // S1: 10 in Q + 1 in 幸福 + 1 re-dispatched from S2 = 12 dispatched; on time 8 + 1 = 9 (0.75); 10 callbacks (one
    // reopened, one closed unresolved), 8 resolved and 8 satisfied (0.8); score 0.2 × 0.75 + 0.4 × 0.8 + 0.4 × 0.8 = 0.79.
    expect(ranking[0]).toEqual({ rank: 1, unitId: S1, unitName: '青山街道', dispatched: 12, responseRate: 0.75, resolutionRate: 0.8, satisfactionRate: 0.8, score: 0.79, ranked: true });
    // S2: 3 dispatched (the returned one still counts for it), 2 on time, 2 callbacks resolved and satisfied: unranked.
    expect(ranking[1]).toEqual({ rank: null, unitId: S2, unitName: '和平街道', dispatched: 3, responseRate: 0.6667, resolutionRate: 1, satisfactionRate: 1, score: 0.9333, ranked: false });
    // Every other street of H市 is listed, with nothing dispatched and no rates.
    expect(ranking.slice(2).map((entry) => [entry.dispatched, entry.responseRate, entry.score, entry.ranked])).toEqual(ranking.slice(2).map(() => [0, null, null, false]));
    expect(ranking.map((entry) => entry.unitId)).toEqual(expect.arrayContaining(['420103001', '420103002']));
    expect(ranking.map((entry) => entry.unitId)).not.toContain('420201001'); // J市's street
  });

  it('ranks departments on the requests dispatched to them', async () => {
    const ranking = data(await water<{ requestRanking: Array<Record<string, unknown>> }>(RANKING, { cityId: DEMO.cityId, month: MONTH, unitKind: 'DEPARTMENT' })).requestRanking;
    expect(ranking[0]).toEqual({ rank: null, unitId: WATER, unitName: '市供水集团', dispatched: 2, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.5, score: 0.8, ranked: false });
    expect(ranking).toHaveLength(7); // every department of H市
  });

  it('adds up each region from its communities: communities, streets, the district and the city', async () => {
    const city = await dashboard();
    const district = city.districts.find((each) => each.id === '420102')!;
    const s1 = district.streets.find((each) => each.id === S1)!;
    const s2 = district.streets.find((each) => each.id === S2)!;
    // Q社区: 10 PROPERTY + 2 WATER; 11 closed (8 + 1 unresolved + 2); one reopened; on time 8 + 2 of 12; 12 callbacks, 10
    // resolved, 9 satisfied.
    const q = expected(
      { received: 12, open: 1, overdue: 0, closed: 11, dispatched: 12, respondedOnTime: 10, callbacks: 12, resolvedCallbacks: 10, satisfiedCallbacks: 9 },
      { responseRate: 0.8333, resolutionRate: 0.8333, satisfactionRate: 0.75 },
    );
    expect(s1.communities.find((each) => each.id === Q)!.requestStats).toEqual(q);
    expect(s1.communities.find((each) => each.id === XINGFU)!.requestStats).toEqual(
      expected({ received: 1, open: 1, overdue: 1, closed: 0, dispatched: 1, respondedOnTime: 0, callbacks: 0, resolvedCallbacks: 0, satisfiedCallbacks: 0 }, { responseRate: 0, resolutionRate: null, satisfactionRate: null }),
    );
    const s1Counts = { received: 13, open: 2, overdue: 1, closed: 11, dispatched: 13, respondedOnTime: 10, callbacks: 12, resolvedCallbacks: 10, satisfiedCallbacks: 9 };
    expect(s1.requestStats).toEqual(expected(s1Counts, { responseRate: 0.7692, resolutionRate: 0.8333, satisfactionRate: 0.75 }));
    // 友谊社区 (S2): its 3 requests, one re-dispatched to S1 (2 dispatches), 3 answered on time by their last holder.
    const s2Counts = { received: 3, open: 1, overdue: 0, closed: 2, dispatched: 4, respondedOnTime: 3, callbacks: 2, resolvedCallbacks: 2, satisfiedCallbacks: 2 };
    expect(s2.requestStats).toEqual(expected(s2Counts, { responseRate: 0.75, resolutionRate: 1, satisfactionRate: 1 }));
    const sum = Object.fromEntries(Object.keys(s1Counts).map((name) => [name, s1Counts[name as keyof typeof s1Counts] + s2Counts[name as keyof typeof s2Counts]]));
    expect(district.requestStats).toEqual(expected(sum as typeof s1Counts, { responseRate: 0.7647, resolutionRate: 0.8571, satisfactionRate: 0.7857 }));
    expect(city.requestStats).toEqual(district.requestStats); // 西城区 had nothing in March
    for (const each of city.districts) {
      for (const name of Object.keys(s1Counts)) {
        expect(each.requestStats[name], `${each.id} ${name}`).toBe(each.streets.reduce((total, s) => total + (s.requestStats[name] as number), 0));
      }
    }
  });

  it('lists the month’s most frequent categories with last month’s counts (每月一题)', async () => {
    expect((await dashboard()).frequentProblems).toEqual([
      { category: { code: 'PROPERTY', name: '物业管理' }, count: 10, previousMonthCount: 1 },
      { category: { code: 'NOISE', name: '噪音扰民' }, count: 4, previousMonthCount: 2 },
      { category: { code: 'WATER', name: '供水' }, count: 2, previousMonthCount: 0 },
    ]);
  });

  it('shows figures and rankings to those whose scope holds them, refuses the rest, and checks the month', async () => {
    const statsOf = `query ($id: ID!) { street(id: $id) { id requestStats(month: "${MONTH}") { received } } }`;
    expect(data(await street1<{ street: { requestStats: { received: number } } }>(statsOf, { id: S1 })).street.requestStats.received).toBe(13);
    const other = await street2<{ street: { requestStats: unknown } }>(statsOf, { id: S1 });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(other.data?.street?.requestStats).toBeNull();
    const resident = as('RESIDENT', demoId('nobody'));
    expect(errorCodes(await resident(RANKING, { cityId: DEMO.cityId, month: MONTH, unitKind: 'STREET' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('ANALYST', '4202')(RANKING, { cityId: DEMO.cityId, month: MONTH, unitKind: 'STREET' }))).toEqual(['FORBIDDEN']);
    for (const month of ['2025-3', '2025-13', 'March', '']) {
      expect(errorCodes(await analyst(RANKING, { cityId: DEMO.cityId, month, unitKind: 'STREET' })), month).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorCodes(await analyst(`{ city(id: "4201") { frequentProblems(month: "${MONTH}", first: 0) { count } } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await analyst(`{ city(id: "4201") { frequentProblems(month: "${MONTH}", first: 51) { count } } }`))).toEqual(['BAD_USER_INPUT']);
    for (const field of ['requestStats(month: "2025-00") { received }', 'frequentProblems(month: "25-03") { count }']) {
      expect(errorCodes(await analyst(`{ city(id: "4201") { ${field} } }`)), field).toEqual(['BAD_USER_INPUT']);
    }
  });
});

/**
 * The kept statistics as rows, and as REBUILD_REQUEST_STATS_SQL works them out from the requests, dispatches and
 * callbacks: both read in one snapshot (the scheduler may mark a request in between), the rebuild rolled back.
 */
async function keptAndRebuilt() {
  const db = platform.subgraphs.requests.db;
  const rows = async (tx: Pick<typeof db, 'execute'>, text: string) => ((await tx.execute(sql.raw(text))) as unknown as { rows: unknown[] }).rows;
  let result: { kept: unknown; rebuilt: unknown } | undefined;
  try {
    await db.transaction(
      async (tx) => {
        const read = async () => ({
          community: await rows(tx, `SELECT * FROM request_community_stats ORDER BY community_id, month, category_code`),
          unit: await rows(tx, `SELECT * FROM request_unit_stats ORDER BY city_id, month, unit_kind, unit_id`),
        });
        // The rebuild's lock, taken before the snapshot (under repeatable read it begins with the first query): a move
        // or a sweep either landed before it, or waits until the rollback, so none lands between the two reads.
        expect(REBUILD_REQUEST_STATS_SQL[0]).toMatch(/^LOCK TABLE requests /);
        await tx.execute(sql.raw(REBUILD_REQUEST_STATS_SQL[0]!));
        const kept = await read();
        for (const statement of REBUILD_REQUEST_STATS_SQL) await tx.execute(sql.raw(statement));
        result = { kept, rebuilt: await read() };
        tx.rollback();
      },
      { isolationLevel: 'repeatable read' },
    );
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return result as { kept: { community: unknown[]; unit: unknown[] }; rebuilt: unknown };
}

describe('kept statistics', () => {
  it('equal what the rows say, also after concurrent moves and callbacks on the same requests', async () => {
    move(100);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => file(i % 2 ? Q : YOUYI, 'SANITATION')));
    // Everyone at once: two accepts of each request (one wins), then two replies, then a resolved and an unresolved
    // callback on each (one wins).
    const holder = (i: number) => (i % 2 ? street1 : street2);
    await Promise.all(ids.flatMap((id, i) => [holder(i), holder(i)].map((who) => who(`mutation ($id: ID!) { acceptRequest(id: $id) { id } }`, { id }))));
    await Promise.all(ids.flatMap((id, i) => [holder(i), holder(i)].map((who) => who(`mutation ($id: ID!) { replyToRequest(id: $id, reply: "好") { id } }`, { id }))));
    const outcomes = await Promise.all(
      ids.flatMap((id) =>
        [true, false].map((resolved) =>
          hotline(`mutation ($input: RecordCallbackInput!) { recordCallback(input: $input) { id } }`, { input: { requestId: id, resolved, satisfaction: resolved ? 'SATISFIED' : 'DISSATISFIED' } }),
        ),
      ),
    );
    expect(outcomes.filter((answer) => !answer.errors)).toHaveLength(ids.length);
    expect(outcomes.filter((answer) => answer.errors).flatMap(errorCodes)).toEqual(ids.map(() => 'CONFLICT'));
    // Filed at 07:00 on 1 April in Shanghai (still March in UTC), returned, and re-dispatched in May.
    clock.set('2025-04-01T07:00:00+08:00');
    const early = await file(YOUYI, 'NOISE');
    data(await street2(`mutation ($id: ID!) { returnRequest(id: $id, reason: "不属本街道") { id } }`, { id: early }));
    clock.set('2025-05-01T00:30:00+08:00');
    data(await hotline(`mutation ($input: DispatchRequestInput!) { dispatchRequest(input: $input) { id } }`, { input: { requestId: early, streetId: S1 } }));
    const months = async (unitKind: string) =>
      Object.fromEntries(
        await Promise.all(
          ['2025-03', '2025-04', '2025-05'].map(async (month) => {
            const ranking = data(await analyst<{ requestRanking: Array<{ unitId: string; dispatched: number }> }>(RANKING, { cityId: DEMO.cityId, month, unitKind })).requestRanking;
            return [month, Object.fromEntries(ranking.filter((entry) => entry.dispatched).map((entry) => [entry.unitId, entry.dispatched]))];
          }),
        ),
      );
    expect((await months('STREET'))['2025-04']).toEqual({ [S2]: 1 });
    expect((await months('STREET'))['2025-05']).toEqual({ [S1]: 1 });
    const { kept, rebuilt } = await keptAndRebuilt();
    expect(kept.community.length).toBeGreaterThan(5);
    expect(kept).toEqual(rebuilt);
  });
});

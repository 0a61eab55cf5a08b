// A party member's true record (seed 001) through the gateway: orders collected, deliveries made, visits recorded as a
// grid worker and emergency team shifts, all time, per month and month by month by Asia/Shanghai (UTC+8) boundaries;
// shifts recorded by the community's staff for accepted volunteers only (pending, end before start, over 24 hours,
// overlapping, not yet ended, before acceptance refused), idempotent under concurrent requests; statements per request.
import { DEMO, demoId, demoIds, fixedClock, type Role } from '@cgov/shared';
import { errorCodes, graphql, tokenFor, type GraphQLResponse } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './harness.js';

const T0 = '2026-11-21T10:00:00+08:00';
const clock = fixedClock(T0);

const Q = DEMO.communityId;
const YY = '420102002001'; // 友谊社区: one party member
const member = (key: string) => demoId(`party-member:${key}`);
const volunteer = (key: string) => demoId(`volunteer:${key}`);
const worker = (key: string) => demoIds.gridWorker(Q, key);
const QA1 = demoIds.building(demoIds.compound(Q, 'A小区'), '1栋');
const household = (room: string) => demoIds.household(QA1, room);

interface Counts {
  ordersCollected: number;
  deliveriesMade: number;
  visitsRecorded: number;
  emergencyShifts: number;
}
type Month = Counts & { month: string };

let platform: Platform;
// Four services on embedded PGlite with the demo loaded take over two minutes to start on a busy two-core machine.
beforeAll(async () => {
  platform = await startPlatform({ clock, schedulerIntervalMs: 3_600_000 });
}, 300_000);
afterAll(() => platform?.stop());

type Ask = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
/** A caller in one role; nothing is taken from the gateway's cache. */
function as(role: Role, scope: string): Ask {
  const token = tokenFor(role, scope);
  return async (query, variables) => graphql(platform.gatewayUrl, query, { token: await token, variables, headers: { 'cache-control': 'no-cache' } });
}
const data = <T,>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};
const staff = as('COMMUNITY_STAFF', Q);

const COUNTS = 'ordersCollected deliveriesMade visitsRecorded emergencyShifts';
const RECORD = `query ($id: ID!, $month: String, $from: String!, $to: String!) {
  partyMember(id: $id) { id all: record { ${COUNTS} } month: record(month: $month) { ${COUNTS} } monthlyRecord(from: $from, to: $to) { month ${COUNTS} } }
}`;
/** A party member's record as the community's staff read it: all time, one month, and month by month. */
async function recordOf(id: string, month: string, from: string, to: string, caller = staff) {
  return data(await caller<{ partyMember: { all: Counts; month: Counts; monthlyRecord: Month[] } }>(RECORD, { id, month, from, to })).partyMember;
}
const pick = (months: Month[], key: keyof Counts) => months.map((month) => month[key]);

const SHIFT = `mutation ($input: RecordShiftInput!) { recordShift(input: $input) { id startedAt endedAt hours volunteer { id status } } }`;
interface Shift {
  id: string;
  startedAt: string;
  endedAt: string;
  hours: number;
  volunteer: { id: string; status: string };
}
const recordShift = (input: { volunteerId: string; startedAt: string; endedAt: string; idempotencyKey: string }, caller = staff) =>
  caller<{ recordShift: Shift | null }>(SHIFT, { input });

describe("the demo's records", () => {
  it('counts the shifts and visits of the demo per party member and month, and the case of 2020 in its month', async () => {
    // 李卫东: three shifts in November (15, 8 and 2 days before the load), none in October.
    const li = await recordOf(member('li'), '2026-11', '2026-10', '2026-11');
    expect(pick(li.monthlyRecord, 'emergencyShifts')).toEqual([0, 3]);
    expect(li.monthlyRecord.map((month) => month.month)).toEqual(['2026-10', '2026-11']);
    expect(li.month.emergencyShifts).toBe(3);
    expect(li.all.emergencyShifts).toBe(3);
    // His deliveries: the case of 2020-02-20 and the demo's recent days, nothing else; all time is the sum of the two months.
    const liCase = await recordOf(member('li'), '2020-02', '2020-02', '2020-02');
    expect(liCase.month.deliveriesMade).toBeGreaterThan(0);
    expect(li.month.deliveriesMade).toBeGreaterThan(0);
    expect(li.all.deliveriesMade).toBe(liCase.month.deliveriesMade + li.month.deliveriesMade);
    expect(li.all.ordersCollected).toBe(liCase.month.ordersCollected + li.month.ordersCollected);
    expect(li.monthlyRecord[1]).toEqual({ month: '2026-11', ...li.month });
    // 王丽: one 8-hour shift; 张建华 and 陈志刚: one visit each as the grid workers they are; 周晓燕 (友谊社区): nothing yet.
    expect((await recordOf(member('wang'), '2026-11', '2026-11', '2026-11')).month.emergencyShifts).toBe(1);
    expect((await recordOf(member('zhang'), '2026-11', '2026-11', '2026-11')).month).toMatchObject({ visitsRecorded: 1, emergencyShifts: 0 });
    expect((await recordOf(member('chen'), '2026-11', '2026-11', '2026-11')).month).toMatchObject({ visitsRecorded: 1, emergencyShifts: 0 });
    const youyi = await recordOf(member('youyi'), '2026-11', '2026-09', '2026-11', as('COMMUNITY_STAFF', YY));
    expect(youyi.monthlyRecord.map((month) => month.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(pick(youyi.monthlyRecord, 'emergencyShifts')).toEqual([0, 0, 0]);
    expect(pick(youyi.monthlyRecord, 'visitsRecorded')).toEqual([0, 0, 0]);
  });

  it("answers the party member itself, and refuses a party member of another community", async () => {
    expect((await recordOf(member('li'), '2026-11', '2026-11', '2026-11', as('PARTY_MEMBER', member('li')))).month.emergencyShifts).toBe(3);
    const other = await as('PARTY_MEMBER', member('youyi'))(RECORD, { id: member('li'), month: '2026-11', from: '2026-11', to: '2026-11' });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('refuses months not written YYYY-MM, from after to, and more than 36 months', async () => {
    const ask = (month: string, from: string, to: string) => staff(RECORD, { id: member('li'), month, from, to });
    expect(errorCodes(await ask('2026-13', '2026-01', '2026-02'))).toContain('BAD_USER_INPUT');
    expect(errorCodes(await ask('2026-11', '2026-1', '2026-02'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await ask('2026-11', '2026-03', '2026-02'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await ask('2026-11', '2023-11', '2026-11'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await ask('2026-11', '2023-12', '2026-11'))).toEqual([]);
  });
});

describe('recording emergency shifts', () => {
  it('records a shift of an accepted volunteer, counted in its party member’s record', async () => {
    const shift = data(await recordShift({ volunteerId: volunteer('q-wang'), startedAt: '2026-11-20T08:00:00+08:00', endedAt: '2026-11-20T11:30:00+08:00', idempotencyKey: 'wang-1120' })).recordShift!;
    expect(shift).toMatchObject({ startedAt: '2026-11-20T08:00:00+08:00', endedAt: '2026-11-20T11:30:00+08:00', hours: 3.5, volunteer: { id: volunteer('q-wang'), status: 'ACCEPTED' } });
    expect((await recordOf(member('wang'), '2026-11', '2026-11', '2026-11')).month.emergencyShifts).toBe(2);
    // A household's volunteer works shifts too (counted in no party member's record).
    expect(errorCodes(await recordShift({ volunteerId: volunteer('q-a1-1201'), startedAt: '2026-11-20T08:00:00+08:00', endedAt: '2026-11-20T09:00:00+08:00', idempotencyKey: 'a1-1201' }))).toEqual([]);
  });

  it('refuses a pending volunteer, an end not after the start, over 24 hours, one not yet ended or before acceptance', async () => {
    const base = { volunteerId: volunteer('q-li'), startedAt: '2026-11-10T08:00:00+08:00', endedAt: '2026-11-10T12:00:00+08:00' };
    expect(errorCodes(await recordShift({ ...base, volunteerId: volunteer('q-chen'), idempotencyKey: 'pending' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await recordShift({ ...base, endedAt: '2026-11-10T07:00:00+08:00', idempotencyKey: 'backwards' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await recordShift({ ...base, endedAt: base.startedAt, idempotencyKey: 'empty' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await recordShift({ ...base, endedAt: '2026-11-11T08:00:01+08:00', idempotencyKey: 'too-long' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await recordShift({ ...base, startedAt: '2026-11-21T09:00:00+08:00', endedAt: '2026-11-21T10:00:01+08:00', idempotencyKey: 'future' }))).toEqual(['BAD_USER_INPUT']);
    // Accepted 19 days before the load (2026-11-02 10:00): a shift starting before is not the team's.
    expect(errorCodes(await recordShift({ ...base, startedAt: '2026-11-02T08:00:00+08:00', endedAt: '2026-11-02T12:00:00+08:00', idempotencyKey: 'before' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await recordShift({ ...base, volunteerId: demoId('nobody'), idempotencyKey: 'nobody' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await recordShift({ ...base, idempotencyKey: ' ' }))).toEqual(['BAD_USER_INPUT']);
    // Staff of another community, the party member itself: FORBIDDEN.
    expect(errorCodes(await recordShift({ ...base, idempotencyKey: 'other' }, as('COMMUNITY_STAFF', YY)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await recordShift({ ...base, idempotencyKey: 'self' }, as('PARTY_MEMBER', member('li'))))).toEqual(['FORBIDDEN']);
    // Exactly 24 hours, ending exactly now: recorded. Nothing refused was counted.
    expect(errorCodes(await recordShift({ ...base, startedAt: '2026-11-20T10:00:00+08:00', endedAt: T0, idempotencyKey: 'day' }))).toEqual([]);
    expect((await recordOf(member('li'), '2026-11', '2026-11', '2026-11')).month.emergencyShifts).toBe(4);
    expect((await recordOf(member('chen'), '2026-11', '2026-11', '2026-11')).month.emergencyShifts).toBe(0);
  });

  it('refuses a shift overlapping another of the volunteer, not one that begins as the other ends', async () => {
    const first = { volunteerId: volunteer('q-li'), startedAt: '2026-11-05T08:00:00+08:00', endedAt: '2026-11-05T12:00:00+08:00', idempotencyKey: 'li-1105-am' };
    expect(errorCodes(await recordShift(first))).toEqual([]);
    const overlapping = { ...first, startedAt: '2026-11-05T11:59:00+08:00', endedAt: '2026-11-05T14:00:00+08:00', idempotencyKey: 'li-1105-overlap' };
    expect(errorCodes(await recordShift(overlapping))).toEqual(['CONFLICT']);
    const inside = { ...first, startedAt: '2026-11-05T09:00:00+08:00', endedAt: '2026-11-05T10:00:00+08:00', idempotencyKey: 'li-1105-inside' };
    expect(errorCodes(await recordShift(inside))).toEqual(['CONFLICT']);
    expect(errorCodes(await recordShift({ ...first, startedAt: '2026-11-05T12:00:00+08:00', endedAt: '2026-11-05T13:00:00+08:00', idempotencyKey: 'li-1105-pm' }))).toEqual([]);
    // Another volunteer at the same hours is no overlap.
    expect(errorCodes(await recordShift({ ...overlapping, volunteerId: volunteer('q-wang'), idempotencyKey: 'wang-1105' }))).toEqual([]);
  });

  it('records a shift once per key, also when the same key comes twice at once; another shift with the key is a CONFLICT', async () => {
    const before = (await recordOf(member('li'), '2026-11', '2026-11', '2026-11')).month.emergencyShifts;
    const input = { volunteerId: volunteer('q-li'), startedAt: '2026-11-17T18:00:00+08:00', endedAt: '2026-11-17T22:00:00+08:00', idempotencyKey: 'li-1117' };
    const [one, two] = await Promise.all([recordShift(input), recordShift(input)]);
    expect(data(one).recordShift!.id).toBe(data(two).recordShift!.id);
    expect(data(await recordShift(input)).recordShift!.id).toBe(data(one).recordShift!.id);
    expect((await recordOf(member('li'), '2026-11', '2026-11', '2026-11')).month.emergencyShifts).toBe(before + 1);
    expect(errorCodes(await recordShift({ ...input, endedAt: '2026-11-17T23:00:00+08:00' }))).toEqual(['CONFLICT']);
    // Two overlapping shifts under two keys at once: one recorded, the other a CONFLICT.
    const a = { ...input, startedAt: '2026-11-18T08:00:00+08:00', endedAt: '2026-11-18T12:00:00+08:00', idempotencyKey: 'li-1118-a' };
    const b = { ...a, startedAt: '2026-11-18T10:00:00+08:00', endedAt: '2026-11-18T14:00:00+08:00', idempotencyKey: 'li-1118-b' };
    const answers = await Promise.all([recordShift(a), recordShift(b)]);
    expect(answers.map((answer) => errorCodes(answer)).sort()).toEqual([[], ['CONFLICT']]);
    expect((await recordOf(member('li'), '2026-11', '2026-11', '2026-11')).month.emergencyShifts).toBe(before + 2);
  });
});

describe('months by Asia/Shanghai', () => {
  it('counts a visit at 23:59 and a shift from 23:30 on 31 October (+08:00) in October, and those after midnight in November', async () => {
    const zhang = member('zhang');
    // 张建华 offers to the delivery team and is accepted in October.
    clock.set('2026-10-20T10:00:00+08:00');
    const enrolled = await as('PARTY_MEMBER', zhang)<{ enrolVolunteer: { id: string } }>(
      'mutation ($input: EnrolVolunteerInput!) { enrolVolunteer(input: $input) { id } }',
      { input: { communityId: Q, teamKind: 'LOGISTICS', partyMemberId: zhang, skills: ['搬运'] } },
    );
    const volunteerId = data(enrolled).enrolVolunteer.id;
    data(await staff('mutation ($id: ID!) { acceptVolunteer(id: $id) { id } }', { id: volunteerId }));
    // Visits as the micro-grid's backup worker: one a minute before midnight in Shanghai (15:59 UTC, 31 October), one just after.
    const visit = async (at: string, key: string) => {
      clock.set(at);
      data(await as('GRID_WORKER', worker('a1-backup'))('mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }', { input: { householdId: household('201'), note: '看望', idempotencyKey: key } }));
    };
    await visit('2026-10-31T23:59:00+08:00', 'zhang-october');
    await visit('2026-11-01T00:00:30+08:00', 'zhang-november');
    clock.set(T0);
    // Shifts count in the month they start: 23:30 on 31 October to 00:30 on 1 November in October; from 00:30 on
    // 1 November (16:30 UTC, still 31 October there) in November.
    data(await recordShift({ volunteerId, startedAt: '2026-10-31T23:30:00+08:00', endedAt: '2026-11-01T00:30:00+08:00', idempotencyKey: 'zhang-october' }));
    data(await recordShift({ volunteerId, startedAt: '2026-10-31T16:30:00Z', endedAt: '2026-10-31T18:00:00Z', idempotencyKey: 'zhang-november' }));
    const record = await recordOf(zhang, '2026-10', '2026-10', '2026-11');
    // The demo's visit of 16 November adds one to November.
    expect(pick(record.monthlyRecord, 'visitsRecorded')).toEqual([1, 2]);
    expect(pick(record.monthlyRecord, 'emergencyShifts')).toEqual([1, 1]);
    expect(record.month).toMatchObject({ visitsRecorded: 1, emergencyShifts: 1 });
    expect(record.all).toMatchObject({ visitsRecorded: 3, emergencyShifts: 2 });
    expect((await recordOf(zhang, '2026-09', '2026-09', '2026-09')).month).toMatchObject({ visitsRecorded: 0, emergencyShifts: 0 });
  });
});

describe('statements per request', () => {
  it("costs the same SQL statements for the records of one party member as for ten, across a community's list", async () => {
    // Q社区 has four party members; six more report, so that its list has ten. 友谊社区 has one.
    for (let i = 0; i < 6; i += 1) {
      data(await staff('mutation ($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }', { input: { communityId: Q, name: `党员${i}`, phone: `1390000900${i}`, workUnit: '单位' } }));
    }
    const LIST = `query ($id: ID!) { community(id: $id) { partyMembers { id record { ${COUNTS} } inMonth: record(month: "2026-11") { ${COUNTS} } monthlyRecord(from: "2026-10", to: "2026-11") { month ${COUNTS} } } } }`;
    const cost = async (communityId: string) => {
      platform.counters.reset();
      const list = data(await as('COMMUNITY_STAFF', communityId)<{ community: { partyMembers: Array<{ id: string; record: Counts; monthlyRecord: Month[] }> } }>(LIST, { id: communityId })).community.partyMembers;
      return { statements: platform.counters.statements.community, list };
    };
    const one = await cost(YY);
    const ten = await cost(Q);
    expect(one.list).toHaveLength(1);
    expect(ten.list).toHaveLength(10);
    expect(ten.list.find((each) => each.id === member('li'))!.record.emergencyShifts).toBeGreaterThanOrEqual(3);
    expect(ten.statements).toBe(one.statements);
  });
});

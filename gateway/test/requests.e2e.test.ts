// Resident requests (接诉即办) through the gateway on real PostgreSQL: the catalogue, filing, every status move and
// each refused one, deadlines by urgency, whistles, callbacks and reopening, personal data per role.
import { contractOperation } from '@cgov/schema/contract';
import { DEMO, demoId, demoIds, fixedClock, type Role } from '@cgov/shared';
import { errorCodes, graphql, tokenFor, type GraphQLResponse } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { B_COMPOUND, LI } from './demo-ids.js';
import { startPlatform, type Platform } from './harness.js';

const T0 = '2026-11-02T09:00:00+08:00';
const clock = fixedClock(T0);
const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR);
const move = (hours: number) => clock.set(at(hours));

const Q = DEMO.communityId; // 420102001001 in street 420102001
const STREET = DEMO.streetId;
const OTHER_STREET = '420102002';
const HOUSEHOLD = demoIds.household(demoIds.building(demoIds.compound(Q, 'B小区'), '1号楼'), '101');
const OTHER_HOUSEHOLD = demoIds.household(demoIds.building(demoIds.compound(Q, 'B小区'), '1号楼'), '102');
const department = (key: string) => demoId(`department:${DEMO.cityId}:${key}`);
const WATER = department('water');
const HOUSING = department('housing');
const CDC = department('cdc');

interface RequestView {
  id: string;
  status: string;
  channel: string;
  category: { code: string; name: string; urgency: string };
  street: { id: string } | null;
  department: { id: string; name: string } | null;
  receivedAt: string;
  responseDeadline: string;
  resolutionDeadline: string;
  respondedAt: string | null;
  repliedAt: string | null;
  respondedLate: boolean;
  resolvedLate: boolean;
  returnCount: number;
  reopenCount: number;
  callback: { resolved: boolean; satisfaction: string } | null;
  callerName?: string | null;
  callerPhone?: string | null;
  history?: Array<{ status: string; note: string | null }>;
  summons?: Array<{ department: { id: string }; reportDeadline: string; reportedAt: string | null }>;
}

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock });
});
afterAll(() => platform?.stop());

function as(role: Role, scope: string, sub?: string) {
  const token = tokenFor(role, scope, sub);
  return <T = Record<string, unknown>>(name: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
    token.then((value) => graphql<T>(platform.gatewayUrl, contractOperation(name), { token: value, variables, headers: { 'cache-control': 'no-cache' } }));
}
const hotline = as('HOTLINE_OPERATOR', DEMO.cityId, 'operator-li');
const streetOfficer = as('STREET_OFFICER', STREET);
const otherStreetOfficer = as('STREET_OFFICER', OTHER_STREET);
const resident = as('RESIDENT', HOUSEHOLD);
const staff = as('COMMUNITY_STAFF', Q);
const analyst = as('ANALYST', DEMO.cityId);
const water = as('DEPARTMENT_OFFICER', WATER);
const housing = as('DEPARTMENT_OFFICER', HOUSING);

let keys = 0;
async function file(caller = hotline, input: Record<string, unknown> = {}): Promise<RequestView> {
  const response = await caller<{ fileRequest: RequestView }>('FileRequest', {
    input: {
      communityId: Q,
      categoryCode: 'SUPPLIES',
      description: '团购的蔬菜三天没有送到',
      channel: 'HOTLINE',
      callerName: '张阿姨',
      callerPhone: '13800001111',
      idempotencyKey: `key-${(keys += 1)}`,
      ...input,
    },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.fileRequest;
}
const data = <T>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};
const read = async (id: string, caller = hotline) => data(await caller<{ request: RequestView }>('Request', { id })).request;

describe('the catalogue (派单目录) and the departments', () => {
  it.each<[Role, string]>([
    ['RESIDENT', HOUSEHOLD],
    ['ANALYST', DEMO.cityId],
    ['HOTLINE_OPERATOR', DEMO.cityId],
    ['DEPARTMENT_OFFICER', WATER],
    ['GRID_WORKER', demoId('grid-worker:test')],
    ['CITY_OFFICIAL', DEMO.cityId],
    ['STREET_OFFICER', STREET],
    ['COMMUNITY_STAFF', Q],
    ['PARTY_MEMBER', LI],
    ['OWNER_COMMITTEE', B_COMPOUND],
  ])('are read by %s', async (role, scope) => {
    const { requestCategories, departments } = data(
      await as(role, scope)<{ requestCategories: Array<{ code: string; name: string; urgency: string; responsibleDepartment: { name: string } | null }>; departments: Array<{ name: string }> }>(
        'RequestCatalogue',
        { cityId: DEMO.cityId },
      ),
    );
    const names = requestCategories.map((category) => category.name);
    for (const name of ['生活物资', '物业管理', '供水', '供热', '路灯', '噪音扰民', '环境卫生', '疫情防控']) expect(names).toContain(name);
    expect(requestCategories.find((category) => category.code === 'WATER')).toMatchObject({ urgency: 'URGENT', responsibleDepartment: { name: '市供水集团' } });
    expect(requestCategories.find((category) => category.code === 'PROPERTY')).toMatchObject({ urgency: 'NORMAL', responsibleDepartment: null });
    expect(requestCategories.some((category) => category.urgency === 'COMPLEX')).toBe(true);
    expect(departments.map((row) => row.name)).toEqual(expect.arrayContaining(['市供水集团', '市热力集团', '市城市管理局', '市住房和城乡建设局', '市疾病预防控制中心']));
  });
});

describe('filing', () => {
  it('dispatches at once to the street of the community, or to the department the catalogue names, with deadlines by urgency', async () => {
    move(0);
    const supplies = await file();
    expect(supplies).toMatchObject({ status: 'DISPATCHED', channel: 'HOTLINE', street: { id: STREET }, department: null, category: { urgency: 'URGENT' } });
    expect(Date.parse(supplies.responseDeadline)).toBe(at(2).getTime());
    expect(Date.parse(supplies.resolutionDeadline)).toBe(at(24).getTime());

    const waterRequest = await file(hotline, { categoryCode: 'WATER' });
    expect(waterRequest).toMatchObject({ street: null, department: { id: WATER, name: '市供水集团' } });

    const normal = await file(hotline, { categoryCode: 'NOISE' });
    expect(Date.parse(normal.responseDeadline)).toBe(at(24).getTime());
    expect(Date.parse(normal.resolutionDeadline)).toBe(at(7 * 24).getTime());
    const complex = await file(hotline, { categoryCode: 'OLD_BUILDING_RENOVATION' });
    expect(Date.parse(complex.responseDeadline)).toBe(at(24).getTime());
    expect(Date.parse(complex.resolutionDeadline)).toBe(at(15 * 24).getTime());
  });

  it('takes each role through its own channel and scope only', async () => {
    move(0);
    expect((await file(resident, { channel: 'APP', callerName: null, callerPhone: null })).channel).toBe('APP');
    expect((await file(staff, { channel: 'VISIT' })).channel).toBe('VISIT');
    const attempt = (caller: typeof hotline, input: Record<string, unknown>) =>
      caller('FileRequest', { input: { communityId: Q, categoryCode: 'NOISE', description: '楼上装修', channel: 'HOTLINE', idempotencyKey: `refused-${(keys += 1)}`, ...input } });
    // A grid worker files on patrol for its grid's community (the community tier says which), not for another; a
    // worker the community tier does not know files nothing.
    const liu = as('GRID_WORKER', demoIds.gridWorker(Q, 'a1-lead'));
    const patrol = await file(liu, { channel: 'GRID_PATROL', callerName: null, callerPhone: null });
    expect(patrol).toMatchObject({ channel: 'GRID_PATROL', status: 'DISPATCHED', street: { id: STREET } });
    const mine = await liu<{ request: { id: string; callerName: string | null } }>('Request', { id: patrol.id });
    expect(mine.data!.request).toMatchObject({ id: patrol.id, callerName: null }); // it reads what it filed…
    expect(errorCodes(mine)).toEqual(['FORBIDDEN']); // …but callers' names and phones are not a grid worker's
    expect(errorCodes(await attempt(liu, { channel: 'GRID_PATROL', communityId: '420102001002' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await attempt(liu, {}))).toEqual(['BAD_USER_INPUT']); // a grid worker files through GRID_PATROL
    expect(errorCodes(await attempt(as('GRID_WORKER', demoId('grid-worker:test')), { channel: 'GRID_PATROL' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await attempt(resident, {}))).toEqual(['BAD_USER_INPUT']); // a resident files through the app
    expect(errorCodes(await attempt(resident, { channel: 'APP', householdId: OTHER_HOUSEHOLD }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await attempt(staff, { channel: 'VISIT', communityId: '420102001002' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await attempt(as('HOTLINE_OPERATOR', DEMO.otherCityId), {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await attempt(analyst, {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await attempt(streetOfficer, {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await attempt(hotline, { categoryCode: 'NO_SUCH' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt(hotline, { communityId: '4201' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt(hotline, { communityId: '420102001099' }))).toEqual(['BAD_USER_INPUT']); // not in the city's registry
    expect(errorCodes(await attempt(hotline, { householdId: 'not-an-id' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt(hotline, { householdId: OTHER_HOUSEHOLD, communityId: '420102001002' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('is idempotent by key: concurrent retries file once, the same answer each time; another input is a CONFLICT', async () => {
    move(0);
    const input = { communityId: Q, categoryCode: 'SANITATION', description: '垃圾没人清运', channel: 'HOTLINE', callerName: '王先生', idempotencyKey: 'retry-1' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => hotline<{ fileRequest: RequestView }>('FileRequest', { input })));
    const ids = new Set(answers.map((answer) => data(answer).fileRequest.id));
    expect(ids.size).toBe(1);
    const rows = (await platform.exec.requests(`SELECT count(*)::int AS n FROM requests WHERE idempotency_key = 'retry-1'`)) as { rows: Array<{ n: number }> };
    expect(rows.rows[0]!.n).toBe(1);
    move(5);
    expect(data(await hotline<{ fileRequest: RequestView }>('FileRequest', { input })).fileRequest.id).toBe([...ids][0]);
    expect(errorCodes(await hotline('FileRequest', { input: { ...input, description: '垃圾没人清运，已经一周' } }))).toEqual(['CONFLICT']);
    // Another operator's key is its own.
    expect(data(await as('HOTLINE_OPERATOR', DEMO.cityId, 'operator-zhao')<{ fileRequest: RequestView }>('FileRequest', { input })).fileRequest.id).not.toBe([...ids][0]);
  });
});

describe('the status moves', () => {
  it('DISPATCHED → ACCEPTED → REPLIED → CLOSED, by the holding street and a callback, with the history', async () => {
    move(0);
    const request = await file();
    expect(errorCodes(await otherStreetOfficer('AcceptRequest', { id: request.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已处理' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await hotline('RecordCallback', { input: { requestId: request.id, resolved: true, satisfaction: 'SATISFIED' } }))).toEqual(['CONFLICT']);
    move(1);
    const accepted = data(await streetOfficer<{ acceptRequest: RequestView }>('AcceptRequest', { id: request.id })).acceptRequest;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', respondedLate: false });
    expect(Date.parse(accepted.respondedAt!)).toBe(at(1).getTime());
    expect(errorCodes(await streetOfficer('AcceptRequest', { id: request.id }))).toEqual(['CONFLICT']);
    expect(errorCodes(await streetOfficer('ReturnRequest', { id: request.id, reason: '不归我们管' }))).toEqual(['CONFLICT']);
    move(10);
    const replied = data(await streetOfficer<{ replyToRequest: RequestView }>('ReplyToRequest', { id: request.id, reply: '已联系超市当天补送' })).replyToRequest;
    expect(replied).toMatchObject({ status: 'REPLIED', reply: '已联系超市当天补送', resolvedLate: false });
    expect(errorCodes(await streetOfficer('ReplyToRequest', { id: request.id, reply: '再答' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await staff('RecordCallback', { input: { requestId: request.id, resolved: true, satisfaction: 'SATISFIED' } }))).toEqual(['FORBIDDEN']);
    move(12);
    const closed = data(await hotline<{ recordCallback: RequestView }>('RecordCallback', { input: { requestId: request.id, resolved: true, satisfaction: 'BASICALLY_SATISFIED' } })).recordCallback;
    expect(closed).toMatchObject({ status: 'CLOSED', callback: { resolved: true, satisfaction: 'BASICALLY_SATISFIED' } });
    expect(errorCodes(await hotline('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } }))).toEqual(['CONFLICT']);
    expect((await read(request.id)).history!.map((step) => step.status)).toEqual(['DISPATCHED', 'ACCEPTED', 'REPLIED', 'CLOSED']);
  });

  it('returns within 2 hours of dispatch only, once: the hotline re-dispatches to exactly one unit, and a second return is a CONFLICT', async () => {
    move(0);
    const late = await file();
    move(2.01);
    expect(errorCodes(await streetOfficer('ReturnRequest', { id: late.id, reason: '应由物业处理' }))).toEqual(['CONFLICT']);

    move(0);
    const request = await file();
    expect(errorCodes(await streetOfficer('ReturnRequest', { id: request.id, reason: ' ' }))).toEqual(['BAD_USER_INPUT']);
    move(1.5);
    const returned = data(await streetOfficer<{ returnRequest: RequestView }>('ReturnRequest', { id: request.id, reason: '应由供水集团处理' })).returnRequest;
    expect(returned).toMatchObject({ status: 'RETURNED', returnCount: 1 });
    expect(errorCodes(await streetOfficer('AcceptRequest', { id: request.id }))).toEqual(['CONFLICT']);
    expect(errorCodes(await streetOfficer('DispatchRequest', { input: { requestId: request.id, departmentId: WATER } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hotline('DispatchRequest', { input: { requestId: request.id, streetId: STREET, departmentId: WATER } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hotline('DispatchRequest', { input: { requestId: request.id } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hotline('DispatchRequest', { input: { requestId: request.id, streetId: '420102009' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hotline('DispatchRequest', { input: { requestId: request.id, departmentId: demoId('no-such-department') } }))).toEqual(['BAD_USER_INPUT']);
    move(3);
    const dispatched = data(await hotline<{ dispatchRequest: RequestView }>('DispatchRequest', { input: { requestId: request.id, departmentId: WATER } })).dispatchRequest;
    expect(dispatched).toMatchObject({ status: 'DISPATCHED', street: null, department: { id: WATER }, returnCount: 1 });
    expect(Date.parse(dispatched.responseDeadline)).toBe(at(5).getTime()); // both deadlines from the re-dispatch (URGENT: 2 h, 24 h)
    expect(Date.parse(dispatched.resolutionDeadline)).toBe(at(27).getTime());
    expect(errorCodes(await hotline('DispatchRequest', { input: { requestId: request.id, departmentId: WATER } }))).toEqual(['CONFLICT']);
    expect(errorCodes(await streetOfficer('AcceptRequest', { id: request.id }))).toEqual(['FORBIDDEN']);
    move(3.5);
    expect(errorCodes(await water('ReturnRequest', { id: request.id, reason: '不是供水问题' }))).toEqual(['CONFLICT']);
    expect(data(await water<{ acceptRequest: RequestView }>('AcceptRequest', { id: request.id })).acceptRequest.status).toBe('ACCEPTED');
  });

  it('moves a request once under concurrent moves: one return of two, one accept of two, the other a CONFLICT', async () => {
    move(0);
    const returning = await file();
    const returns = await Promise.all([1, 2].map(() => streetOfficer<{ returnRequest: RequestView }>('ReturnRequest', { id: returning.id, reason: '应由物业处理' })));
    expect(returns.map((answer) => (answer.errors ? errorCodes(answer)[0] : answer.data!.returnRequest.status)).sort()).toEqual(['CONFLICT', 'RETURNED']);
    expect((await read(returning.id)).returnCount).toBe(1);
    const accepting = await file();
    const accepts = await Promise.all([1, 2].map(() => streetOfficer<{ acceptRequest: RequestView }>('AcceptRequest', { id: accepting.id })));
    expect(accepts.map((answer) => (answer.errors ? errorCodes(answer)[0] : answer.data!.acceptRequest.status)).sort()).toEqual(['ACCEPTED', 'CONFLICT']);
    expect((await read(accepting.id)).history!.map((step) => step.status)).toEqual(['DISPATCHED', 'ACCEPTED']);
  });

  it('refuses every move the state machine does not allow, from every status, as a CONFLICT that changes nothing', async () => {
    type Action = 'accept' | 'return' | 'dispatch' | 'reply' | 'callback' | 'whistle';
    const attempt: Record<Action, (id: string) => Promise<GraphQLResponse<unknown>>> = {
      accept: (id) => streetOfficer('AcceptRequest', { id }),
      return: (id) => streetOfficer('ReturnRequest', { id, reason: '不归我们管' }),
      dispatch: (id) => hotline('DispatchRequest', { input: { requestId: id, streetId: OTHER_STREET } }),
      reply: (id) => streetOfficer('ReplyToRequest', { id, reply: '已处理' }),
      callback: (id) => hotline('RecordCallback', { input: { requestId: id, resolved: true, satisfaction: 'SATISFIED' } }),
      whistle: (id) => streetOfficer('Whistle', { input: { requestId: id, departmentIds: [HOUSING], note: '请住建局到场' } }),
    };
    // How to bring a request to each status, and the moves each status allows (contract: any other move is a CONFLICT).
    const steps: Record<string, Action[]> = { DISPATCHED: [], ACCEPTED: ['accept'], RETURNED: ['return'], REPLIED: ['accept', 'reply'], REOPENED: ['accept', 'reply'], CLOSED: ['accept', 'reply', 'callback'] };
    const allowed: Record<string, Action[]> = { DISPATCHED: ['accept', 'return', 'whistle'], ACCEPTED: ['reply', 'whistle'], RETURNED: ['dispatch'], REPLIED: ['callback', 'whistle'], REOPENED: ['reply', 'whistle'], CLOSED: [] };
    const bring = async (status: string) => {
      move(0);
      const request = await file(hotline, { categoryCode: 'NOISE', callerName: null, callerPhone: null });
      move(1);
      for (const step of steps[status]!) data(await attempt[step](request.id));
      if (status === 'REOPENED') data(await hotline('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } }));
      expect((await read(request.id)).status).toBe(status);
      return request.id;
    };
    const actions = Object.keys(attempt) as Action[];
    for (const status of Object.keys(steps)) {
      const id = await bring(status);
      const before = await read(id);
      for (const action of actions.filter((each) => !allowed[status]!.includes(each))) {
        expect(errorCodes(await attempt[action](id)), `${action} on a ${status} request`).toEqual(['CONFLICT']);
      }
      const after = await read(id);
      expect(after).toEqual(before);
      // And each move the status allows is taken (on a request of its own).
      for (const action of allowed[status]!) {
        const other = await bring(status);
        expect((await attempt[action](other)).errors, `${action} on a ${status} request`).toBeUndefined();
      }
    }
  });

  it('judges a reply after a reopening against the restarted resolution deadline, not the first one', async () => {
    move(0);
    const request = await file(hotline, { categoryCode: 'NOISE' }); // NORMAL: 24 h, 7 days
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    move(10);
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已劝导' }));
    move(11);
    data(await hotline('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } }));
    // The first deadline (hour 168) passes; the restarted one is hour 11 + 168 = 179.
    move(178);
    expect(await read(request.id)).toMatchObject({ status: 'REOPENED', resolvedLate: false });
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已再次劝导，签了承诺书' }));
    expect(await read(request.id)).toMatchObject({ status: 'REPLIED', resolvedLate: false });
    move(180);
    data(await hotline('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } }));
    move(180 + 168 + 1); // past the third deadline (hour 348)
    expect(await read(request.id)).toMatchObject({ status: 'REOPENED', resolvedLate: true });
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '第三次答复' }));
    expect(await read(request.id)).toMatchObject({ status: 'REPLIED', resolvedLate: true });
  });

  it('counts respondedLate and resolvedLate against the deadlines as the clock moves', async () => {
    move(0);
    const request = await file(); // URGENT: 2 h, 24 h
    move(1.9);
    expect(await read(request.id)).toMatchObject({ respondedLate: false, resolvedLate: false });
    const overdue = async () =>
      data(await hotline<{ requests: { edges: Array<{ node: { id: string } }> } }>('Requests', { filter: { regionId: Q, overdue: true }, first: 100 })).requests.edges.map((edge) => edge.node.id);
    expect(await overdue()).not.toContain(request.id);
    move(2.1);
    expect(await read(request.id)).toMatchObject({ respondedLate: true, resolvedLate: false });
    // Nobody looks: the service's scheduler marks it overdue by itself, with a history line.
    await vi.waitFor(async () => expect(await overdue()).toContain(request.id), { timeout: 5_000 });
    expect((await read(request.id)).history!.at(-1)).toMatchObject({ status: 'DISPATCHED', by: 'system', note: 'overdue: no first response by the response deadline' });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    expect(await overdue()).not.toContain(request.id);
    move(30);
    expect(await read(request.id)).toMatchObject({ respondedLate: true, resolvedLate: true });
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已补送' }));
    move(40);
    expect(await read(request.id)).toMatchObject({ status: 'REPLIED', respondedLate: true, resolvedLate: true });

    move(0);
    const onTime = await file(hotline, { categoryCode: 'NOISE' }); // NORMAL: 24 h, 7 days
    move(23);
    data(await streetOfficer('AcceptRequest', { id: onTime.id }));
    move(6 * 24);
    data(await streetOfficer('ReplyToRequest', { id: onTime.id, reply: '已协调' }));
    move(20 * 24);
    expect(await read(onTime.id)).toMatchObject({ respondedLate: false, resolvedLate: false });
  });
});

describe('whistle (吹哨报到)', () => {
  it('lets the holding street summon departments, each to report within 24 hours; the request stays the street’s', async () => {
    move(0);
    const request = await file(hotline, { categoryCode: 'PROPERTY' });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    const input = { requestId: request.id, departmentIds: [HOUSING, CDC], note: '物业失联，请住建、疾控到场' };
    expect(errorCodes(await otherStreetOfficer('Whistle', { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hotline('Whistle', { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await streetOfficer('Whistle', { input: { ...input, departmentIds: [demoId('no-such-department')] } }))).toEqual(['BAD_USER_INPUT']);
    move(1);
    const whistled = data(await streetOfficer<{ whistle: RequestView }>('Whistle', { input })).whistle;
    expect(whistled).toMatchObject({ status: 'ACCEPTED', street: { id: STREET }, department: null });
    expect(whistled.summons!.map((row) => row.department.id).sort()).toEqual([HOUSING, CDC].sort());
    expect(whistled.summons!.every((row) => Date.parse(row.reportDeadline) === at(25).getTime())).toBe(true);
    expect(errorCodes(await streetOfficer('Whistle', { input: { ...input, departmentIds: [HOUSING] } }))).toEqual(['CONFLICT']);

    expect(errorCodes(await water('ReportToWhistle', { requestId: request.id, note: '到' }))).toEqual(['FORBIDDEN']);
    move(5);
    const reported = data(await housing<{ reportToWhistle: { summons: Array<{ department: { id: string }; reportedAt: string | null }> } }>('ReportToWhistle', { requestId: request.id, note: '已派人到场' })).reportToWhistle;
    expect(reported.summons.find((row) => row.department.id === HOUSING)!.reportedAt).not.toBeNull();
    expect(reported.summons.find((row) => row.department.id === CDC)!.reportedAt).toBeNull();
    expect(errorCodes(await housing('ReportToWhistle', { requestId: request.id, note: '再到' }))).toEqual(['CONFLICT']);
    // A summoned department reads the request, not the caller's phone: the street holds it.
    const seen = await housing<{ request: RequestView }>('Request', { id: request.id });
    expect(seen.data?.request.id).toBe(request.id);
    expect(seen.data?.request.callerPhone).toBeNull();

    const late = `query Late($id: ID!) { request(id: $id) { summons { department { id } reportedLate } } }`;
    move(26);
    const token = await tokenFor('STREET_OFFICER', STREET);
    const lateness = await graphql<{ request: { summons: Array<{ department: { id: string }; reportedLate: boolean }> } }>(platform.gatewayUrl, late, { token, variables: { id: request.id }, headers: { 'cache-control': 'no-cache' } });
    const byDepartment = Object.fromEntries(lateness.data!.request.summons.map((row) => [row.department.id, row.reportedLate]));
    expect(byDepartment).toEqual({ [HOUSING]: false, [CDC]: true });
  });
});

describe('callbacks and reopening', () => {
  it('reopens on a callback that says not resolved, restarts the resolution deadline, and summons the category’s department by itself on the third reopening', async () => {
    move(0);
    const request = await file(resident, { channel: 'APP', categoryCode: 'PROPERTY', callerName: null, callerPhone: null });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    for (let round = 1; round <= 3; round += 1) {
      move(round * 10);
      data(await streetOfficer('ReplyToRequest', { id: request.id, reply: `第${round}次答复` }));
      move(round * 10 + 1);
      // The household that filed records its callback; another household may not.
      expect(errorCodes(await as('RESIDENT', OTHER_HOUSEHOLD)('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } }))).toEqual(['FORBIDDEN']);
      const reopened = data(await resident<{ recordCallback: RequestView }>('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED', note: '还是没解决' } })).recordCallback;
      expect(reopened).toMatchObject({ status: 'REOPENED', reopenCount: round, repliedAt: null, callback: { resolved: false, satisfaction: 'DISSATISFIED' } });
      expect(Date.parse(reopened.resolutionDeadline)).toBe(at(round * 10 + 1 + 7 * 24).getTime());
      expect(errorCodes(await streetOfficer('AcceptRequest', { id: request.id }))).toEqual(['CONFLICT']);
    }
    const query = `query S($id: ID!) { request(id: $id) { summons { department { id } summonedAt reportDeadline } } }`;
    const token = await tokenFor('STREET_OFFICER', STREET);
    const answer = await graphql<{ request: { summons: Array<{ department: { id: string }; summonedAt: string; reportDeadline: string }> } }>(platform.gatewayUrl, query, { token, variables: { id: request.id }, headers: { 'cache-control': 'no-cache' } });
    expect(answer.data!.request.summons).toEqual([{ department: { id: HOUSING }, summonedAt: expect.any(String), reportDeadline: expect.any(String) }]);
    expect(Date.parse(answer.data!.request.summons[0]!.summonedAt)).toBe(at(31).getTime());
    // The fourth reopening summons nobody again: the third one did, once.
    move(40);
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '第4次答复' }));
    expect(data(await resident<{ recordCallback: RequestView }>('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } })).recordCallback.reopenCount).toBe(4);
    const again = await graphql<{ request: { summons: unknown[] } }>(platform.gatewayUrl, query, { token, variables: { id: request.id }, headers: { 'cache-control': 'no-cache' } });
    expect(again.data!.request.summons).toHaveLength(1);
    move(50);
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '住建局到场后已解决' }));
    expect(data(await resident<{ recordCallback: RequestView }>('RecordCallback', { input: { requestId: request.id, resolved: true, satisfaction: 'SATISFIED' } })).recordCallback.status).toBe('CLOSED');
  });

  it('takes a callback from the resident only when it filed the request, not from a household the hotline named on it', async () => {
    move(0);
    const request = await file(hotline, { householdId: HOUSEHOLD, categoryCode: 'NOISE' });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已劝导' }));
    const input = { requestId: request.id, resolved: true, satisfaction: 'SATISFIED' };
    expect(errorCodes(await resident('RecordCallback', { input }))).toEqual(['FORBIDDEN']);
    expect(data(await hotline<{ recordCallback: RequestView }>('RecordCallback', { input })).recordCallback.status).toBe('CLOSED');
  });

  it('closes a request unresolved when the callback says not resolved and asks not to reopen it, by the hotline or the household that filed it', async () => {
    for (const caller of [hotline, resident]) {
      move(0);
      const request = await file(resident, { channel: 'APP', categoryCode: 'PROPERTY', callerName: null, callerPhone: null });
      data(await streetOfficer('AcceptRequest', { id: request.id }));
      data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已协调物业' }));
      move(1);
      // Resolved and reopened at once is refused and changes nothing.
      const both = await caller('RecordCallback', { input: { requestId: request.id, resolved: true, satisfaction: 'SATISFIED', reopen: true } });
      expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
      expect(both.errors![0]!.extensions!.field).toBe('reopen');
      expect((await read(request.id)).status).toBe('REPLIED');
      const closed = data(await caller<{ recordCallback: RequestView }>('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED', reopen: false } })).recordCallback;
      expect(closed).toMatchObject({ status: 'CLOSED', reopenCount: 0, callback: { resolved: false, satisfaction: 'DISSATISFIED' } });
      const seen = await read(request.id);
      expect(seen.history!.at(-1)).toMatchObject({ status: 'CLOSED', note: 'closed unresolved' });
      expect(errorCodes(await streetOfficer('ReplyToRequest', { id: request.id, reply: '再次答复' }))).toEqual(['CONFLICT']);
    }
  });

  it('reopens on a callback that says not resolved when reopen is left out or true', async () => {
    for (const reopen of [undefined, true]) {
      move(0);
      const request = await file(hotline, { categoryCode: 'NOISE' });
      data(await streetOfficer('AcceptRequest', { id: request.id }));
      data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已劝导' }));
      const answer = data(await hotline<{ recordCallback: RequestView }>('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED', reopen } })).recordCallback;
      expect(answer).toMatchObject({ status: 'REOPENED', reopenCount: 1 });
    }
  });

  it('refuses a callback from the hotline of another city', async () => {
    move(0);
    const request = await file(hotline, { categoryCode: 'NOISE' });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已劝导' }));
    const otherHotline = as('HOTLINE_OPERATOR', DEMO.otherCityId);
    expect(errorCodes(await otherHotline('RecordCallback', { input: { requestId: request.id, resolved: true, satisfaction: 'SATISFIED' } }))).toEqual(['FORBIDDEN']);
    expect((await read(request.id)).status).toBe('REPLIED');
  });

  it('summons once when two callbacks race on the third reopening: one reopens it, the other is a CONFLICT', async () => {
    move(0);
    const request = await file(resident, { channel: 'APP', categoryCode: 'PROPERTY', callerName: null, callerPhone: null });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    for (let round = 1; round <= 3; round += 1) {
      data(await streetOfficer('ReplyToRequest', { id: request.id, reply: `第${round}次答复` }));
      const input = { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' };
      const answers = await Promise.all([hotline('RecordCallback', { input }), resident('RecordCallback', { input }), hotline('RecordCallback', { input })]);
      expect(answers.map((answer) => (answer.errors ? errorCodes(answer)[0] : 'REOPENED')).sort()).toEqual(['CONFLICT', 'CONFLICT', 'REOPENED']);
    }
    expect((await read(request.id)).reopenCount).toBe(3);
    const rows = (await platform.exec.requests(`SELECT department_id, count(*)::int AS n FROM summons WHERE request_id = '${request.id}' GROUP BY department_id`)) as { rows: Array<{ department_id: string; n: number }> };
    expect(rows.rows).toEqual([{ department_id: HOUSING, n: 1 }]);
  });

  it('does not summon the department that holds the request on its third reopening: it is already answering', async () => {
    move(0);
    const request = await file(hotline, { categoryCode: 'WATER' }); // the water company holds it and supervises it
    data(await water('AcceptRequest', { id: request.id }));
    for (let round = 1; round <= 3; round += 1) {
      data(await water('ReplyToRequest', { id: request.id, reply: '已抢修' }));
      data(await hotline('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } }));
    }
    expect((await read(request.id)).reopenCount).toBe(3);
    const rows = (await platform.exec.requests(`SELECT count(*)::int AS n FROM summons WHERE request_id = '${request.id}'`)) as { rows: Array<{ n: number }> };
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('does not summon before the third reopening', async () => {
    move(0);
    const request = await file(hotline, { categoryCode: 'NOISE' });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    for (let round = 1; round <= 2; round += 1) {
      data(await streetOfficer('ReplyToRequest', { id: request.id, reply: '已劝导' }));
      data(await hotline('RecordCallback', { input: { requestId: request.id, resolved: false, satisfaction: 'DISSATISFIED' } }));
    }
    const rows = (await platform.exec.requests(`SELECT count(*)::int AS n FROM summons WHERE request_id = '${request.id}'`)) as { rows: Array<{ n: number }> };
    expect(rows.rows[0]!.n).toBe(0);
  });
});

describe('the lists each unit works from', () => {
  type Page = { requests: { totalCount: number; edges: Array<{ node: { id: string } }> } };
  const ids = (page: Page) => page.requests.edges.map((edge) => edge.node.id);

  it('lists for a street what it holds, also a request re-dispatched to it from another street, and no longer what it returned', async () => {
    move(0);
    const other = as('STREET_OFFICER', OTHER_STREET);
    const request = await file(hotline, { communityId: '420102002001', categoryCode: 'NOISE' }); // 友谊社区, 和平街道
    expect(ids(data(await other<Page>('Requests', { filter: { streetId: OTHER_STREET }, first: 100 })))).toContain(request.id);
    data(await other('ReturnRequest', { id: request.id, reason: '噪音源在青山街道' }));
    data(await hotline('DispatchRequest', { input: { requestId: request.id, streetId: STREET } }));
    expect(ids(data(await streetOfficer<Page>('Requests', { filter: { streetId: STREET }, first: 100 })))).toContain(request.id);
    expect(ids(data(await other<Page>('Requests', { filter: { streetId: OTHER_STREET }, first: 100 })))).not.toContain(request.id);
    // Its own region's list still shows it to the street where it arose; another street's holdings are not its to list.
    expect(ids(data(await other<Page>('Requests', { filter: { regionId: OTHER_STREET }, first: 100 })))).toContain(request.id);
    expect(errorCodes(await other('Requests', { filter: { streetId: STREET } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hotline('Requests', { filter: { streetId: '4201020' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists for a department the requests it was summoned on, whoever holds them; for its own officers only', async () => {
    move(0);
    const request = await file(hotline, { categoryCode: 'PROPERTY' });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    data(await streetOfficer('Whistle', { input: { requestId: request.id, departmentIds: [CDC], note: '请疾控中心到场消杀' } }));
    const cdc = as('DEPARTMENT_OFFICER', CDC);
    expect(ids(data(await cdc<Page>('Requests', { filter: { summonedDepartmentId: CDC }, first: 100 })))).toContain(request.id);
    expect(ids(data(await cdc<Page>('Requests', { filter: { departmentId: CDC }, first: 100 })))).not.toContain(request.id);
    expect(errorCodes(await water('Requests', { filter: { summonedDepartmentId: CDC } }))).toEqual(['FORBIDDEN']);
  });
});

describe('who reads a request, and the caller’s name and phone', () => {
  it('shows names and phones to the hotline, the holding unit and the household only; never to analysts', async () => {
    move(0);
    const byHotline = await file(hotline, { householdId: HOUSEHOLD });
    const byWater = await file(hotline, { categoryCode: 'WATER' });
    const cases: Array<[string, ReturnType<typeof as>, string, 'shown' | 'hidden' | 'forbidden']> = [
      ['hotline', hotline, byHotline.id, 'shown'],
      ['holding street', streetOfficer, byHotline.id, 'shown'],
      ['household', resident, byHotline.id, 'shown'],
      ['community staff', staff, byHotline.id, 'hidden'],
      ['analyst', analyst, byHotline.id, 'hidden'],
      ['city official', as('CITY_OFFICIAL', DEMO.cityId), byHotline.id, 'hidden'],
      ['another street', otherStreetOfficer, byHotline.id, 'forbidden'],
      ['another household', as('RESIDENT', OTHER_HOUSEHOLD), byHotline.id, 'forbidden'],
      ['a department not summoned', water, byHotline.id, 'forbidden'],
      ['another city’s hotline', as('HOTLINE_OPERATOR', DEMO.otherCityId), byHotline.id, 'forbidden'],
      ['holding department', water, byWater.id, 'shown'],
      ['street of the community, not holding', streetOfficer, byWater.id, 'hidden'],
    ];
    for (const [who, caller, id, expected] of cases) {
      const answer = await caller<{ request: RequestView | null }>('Request', { id });
      if (expected === 'forbidden') {
        expect(errorCodes(answer), who).toEqual(['FORBIDDEN']);
        expect(answer.data?.request ?? null, who).toBeNull();
      } else if (expected === 'shown') {
        expect(answer.errors, who).toBeUndefined();
        expect(answer.data!.request, who).toMatchObject({ callerName: '张阿姨', callerPhone: '13800001111' });
      } else {
        expect(errorCodes(answer), who).toEqual(['FORBIDDEN']);
        expect(answer.data!.request, who).toMatchObject({ id, callerName: null, callerPhone: null });
      }
    }
  });

  it('shows who did each step (role, scope and user) to the hotline, the holding unit and the household; the role alone to others', async () => {
    move(0);
    const request = await file(resident, { channel: 'APP', callerName: null, callerPhone: null });
    data(await streetOfficer('AcceptRequest', { id: request.id }));
    const query = `query History($id: ID!) { request(id: $id) { history { status by } } }`;
    const history = async (role: Role, scope: string) => {
      const answer = await graphql<{ request: { history: Array<{ status: string; by: string }> } }>(platform.gatewayUrl, query, {
        token: await tokenFor(role, scope),
        variables: { id: request.id },
        headers: { 'cache-control': 'no-cache' },
      });
      expect(answer.errors, role).toBeUndefined();
      return answer.data!.request.history.map((step) => step.by);
    };
    for (const [role, scope] of [['HOTLINE_OPERATOR', DEMO.cityId], ['STREET_OFFICER', STREET], ['RESIDENT', HOUSEHOLD]] as Array<[Role, string]>) {
      const by = await history(role, scope);
      expect(by[0], role).toMatch(new RegExp(`^RESIDENT:${HOUSEHOLD}:`));
      expect(by[1], role).toMatch(new RegExp(`^STREET_OFFICER:${STREET}:`));
    }
    for (const [role, scope] of [['ANALYST', DEMO.cityId], ['CITY_OFFICIAL', DEMO.cityId], ['COMMUNITY_STAFF', Q]] as Array<[Role, string]>) {
      expect(await history(role, scope), role).toEqual(['RESIDENT', 'STREET_OFFICER']);
    }
  });

  it('extends Household with its requests through federation, for the household itself and the staff of its community', async () => {
    move(0);
    const filed = await file(resident, { channel: 'APP', categoryCode: 'HEATING', callerName: null, callerPhone: null });
    const query = `query HouseholdRequests($id: ID!) { household(id: $id) { id requests { id status category { code } } } }`;
    const ask = async (role: Role, scope: string) =>
      graphql<{ household: { id: string; requests: Array<{ id: string; status: string }> | null } | null }>(platform.gatewayUrl, query, {
        token: await tokenFor(role, scope),
        variables: { id: HOUSEHOLD },
        headers: { 'cache-control': 'no-cache' },
      });
    const own = await ask('RESIDENT', HOUSEHOLD);
    expect(own.errors).toBeUndefined();
    expect(own.data!.household!.requests!.map((request) => request.id)).toContain(filed.id);
    const byStaff = await ask('COMMUNITY_STAFF', Q);
    expect(byStaff.errors).toBeUndefined();
    expect(byStaff.data!.household!.requests!.map((request) => request.id)).toContain(filed.id);
  });

  it('lists a region’s requests in pages with their total, for those whose scope holds it', async () => {
    const first = data(await streetOfficer<{ requests: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: RequestView }> } }>('Requests', { filter: { regionId: STREET }, first: 5 })).requests;
    expect(first.totalCount).toBeGreaterThan(5);
    expect(first.edges).toHaveLength(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const ids = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: RequestView }> } = data(
        await hotline<{ requests: typeof first }>('Requests', { filter: { regionId: STREET }, first: 7, after }),
      ).requests;
      for (const edge of page.edges) ids.add(edge.node.id);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids.size).toBe(first.totalCount);
    const closed = data(await analyst<{ requests: typeof first }>('Requests', { filter: { regionId: DEMO.cityId, status: 'CLOSED' } })).requests;
    expect(closed.edges.every((edge) => edge.node.status === 'CLOSED')).toBe(true);
    expect(closed.totalCount).toBeGreaterThan(0);
    const waterList = data(await water<{ requests: typeof first }>('Requests', { filter: { departmentId: WATER } })).requests;
    expect(waterList.edges.every((edge) => edge.node.department?.id === WATER)).toBe(true);
    expect(errorCodes(await otherStreetOfficer('Requests', { filter: { regionId: STREET } }))).toEqual(['FORBIDDEN']);
    const forged = Buffer.from(JSON.stringify(['not a time', 'not an id'])).toString('base64url');
    expect(errorCodes(await hotline('Requests', { filter: { regionId: STREET }, after: forged }))).toEqual(['BAD_USER_INPUT']);
    // A time PostgreSQL cannot hold, or that is not an ISO timestamp string, is refused before it reaches the database.
    const id = first.edges[0]!.node.id;
    for (const time of ['+275760-09-13T00:00:00.000Z', 8.64e15, '0000-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2026-13-45T00:00:00.000Z', '2026-11-02']) {
      const cursor = Buffer.from(JSON.stringify([time, id])).toString('base64url');
      expect(errorCodes(await hotline('Requests', { filter: { regionId: STREET }, after: cursor })), String(time)).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorCodes(await hotline('Requests', { filter: {} }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hotline('Requests', { filter: { departmentId: 'not-an-id' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hotline('Requests', { filter: { departmentId: demoId('no-such-department') } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await housing('Requests', { filter: { departmentId: WATER } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await resident('Requests', { filter: { regionId: Q } }))).toEqual(['FORBIDDEN']);
  });
});

describe('when the city does not answer', () => {
  it('refuses a filing it cannot check as SERVICE_UNAVAILABLE, stores nothing, and files the same key once the city is back', async () => {
    move(0);
    const input = { communityId: '420102002001', categoryCode: 'STREET_LIGHTS', description: '路灯不亮', channel: 'HOTLINE', idempotencyKey: 'city-down-1' };
    // A fresh requests service has kept no community as found, so it must ask the city.
    await platform.subgraphs.requests.stop();
    await platform.restart('requests');
    await platform.subgraphs.city.stop();
    try {
      const refused = await hotline('FileRequest', { input });
      expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
      const rows = (await platform.exec.requests(`SELECT count(*)::int AS n FROM requests WHERE idempotency_key = 'city-down-1'`)) as { rows: Array<{ n: number }> };
      expect(rows.rows[0]!.n).toBe(0);
    } finally {
      await platform.restart('city');
    }
    const filed = data(await hotline<{ fileRequest: RequestView }>('FileRequest', { input })).fileRequest;
    expect(filed).toMatchObject({ status: 'DISPATCHED', department: { id: department('urban-management') } });
  });

  it('answers a retry of a filing that succeeded with the same request, without asking the city', async () => {
    move(0);
    const input = { communityId: Q, categoryCode: 'NOISE', description: '夜间施工', channel: 'HOTLINE', idempotencyKey: 'city-down-retry' };
    const filed = data(await hotline<{ fileRequest: RequestView }>('FileRequest', { input })).fileRequest;
    // A fresh requests service has not kept the community as found (as another replica, or an hour later).
    await platform.subgraphs.requests.stop();
    await platform.restart('requests');
    await platform.subgraphs.city.stop();
    try {
      const retried = data(await hotline<{ fileRequest: RequestView }>('FileRequest', { input })).fileRequest;
      expect(retried.id).toBe(filed.id);
      expect(errorCodes(await hotline('FileRequest', { input: { ...input, description: '夜间施工，已经三天' } }))).toEqual(['CONFLICT']);
    } finally {
      await platform.restart('city');
    }
  });
});

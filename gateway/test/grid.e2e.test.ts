// The micro-grid (微网实格) through the gateway on real PostgreSQL: levels and parents, a building in one micro-grid
// (concurrent requests too), coverage and oversize counts, workers' places, party groups following floor assignments,
// a grid worker's scope, care overdue by the clock, idempotent visits, personal data per role, and statement counts.
import { Supergraph } from '@apollo/federation-internals';
import { committedSupergraph } from '@cgov/schema';
import { DEMO, demoId, demoIds, fixedClock, type Role } from '@cgov/shared';
import { errorCodes, graphql, tokenFor, type GraphQLResponse } from '@cgov/shared/testing';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './harness.js';

// The micro-grid operations of the contract's grid.graphql, word for word (readiness.e2e.test.ts runs its readiness
// operations; the whole file is in schema/test/operations).
const OPERATIONS = `
mutation CreateGrid($input: CreateGridInput!) {
  # input: { communityId: ID!, parentId: ID, level: GridLevel!, name: String!, buildingIds: [ID!] }
  # GridLevel: COMMUNITY | AREA | BUILDING | DEDICATED
  createGrid(input: $input) { ...GridFields }
}

mutation AssignGridWorker($input: AssignGridWorkerInput!) {
  # input: { gridId: ID!, name: String!, phone: String!, duty: GridDuty!, partyMemberId: ID }
  # GridDuty: GRID_LEADER | FULL_TIME | PART_TIME | BUILDING_LEAD | BACKUP
  assignGridWorker(input: $input) { id name duty grid { id } partyMember { id } }
}

mutation FlagHouseholdCare($input: FlagHouseholdCareInput!) {
  # input: { householdId: ID!, kind: CareKind!, visitEveryDays: Int! }
  # CareKind: ELDERLY_ALONE | DISABLED | CHILD_IN_DIFFICULTY | CHRONIC_ILLNESS
  flagHouseholdCare(input: $input) { household { id } kind visitEveryDays lastVisitAt nextVisitDue }
}

mutation RecordVisit($input: RecordVisitInput!) {
  # input: { householdId: ID!, note: String!, idempotencyKey: String! }
  recordVisit(input: $input) { id visitedAt household { id } }
}

query CommunityGrid($communityId: ID!) {
  community(id: $communityId) {
    id
    grids { ...GridFields parent { id } }
    gridCoverage { households householdsInMicroGrids microGridsWithoutWorker oversizeMicroGrids }
  }
}

query GridCare($gridId: ID!) {
  grid(id: $gridId) {
    ...GridFields
    careHouseholds { household { id room building { name } } kind lastVisitAt nextVisitDue overdue }
  }
}

fragment GridFields on Grid {
  id
  level
  name
  households
  workers { id duty }
  partyGroup { leader { id } members { id } }
}
`;
const document = parse(OPERATIONS);
/** One operation with the fragment it uses. */
function operation(name: string): string {
  const start = OPERATIONS.search(new RegExp(`(query|mutation) ${name}\\(`));
  const end = OPERATIONS.indexOf('\n}\n', start) + 3;
  const text = OPERATIONS.slice(start, end);
  return text.includes('...GridFields') ? `${text}\n${OPERATIONS.slice(OPERATIONS.indexOf('fragment GridFields'))}` : text;
}

const T0 = '2026-11-21T10:00:00+08:00';
const clock = fixedClock(T0);
const DAY = 86_400_000;
const after = (ms: number) => clock.set(new Date(Date.parse(T0) + ms));

const Q = DEMO.communityId;
const XF = '420102001002'; // 幸福社区: one compound, one building of 6 floors, 12 households; party members on floors 1–3 and 4–6
const YY = '420102002001'; // 友谊社区 (another street): the statement counts
const JS = '420103001001'; // 建设社区: two community grids at once
const A = demoIds.compound(Q, 'A小区');
const B = demoIds.compound(Q, 'B小区');
const QA1 = demoIds.building(A, '1栋');
const QA2 = demoIds.building(A, '2栋');
const QA3 = demoIds.building(A, '3栋');
const QB1 = demoIds.building(B, '1号楼');
const household = (buildingId: string, room: string) => demoIds.household(buildingId, room);
const grid = (key: string) => demoId(`grid:${Q}:${key}`);
const worker = (key: string) => demoIds.gridWorker(Q, key);
const member = (key: string) => demoId(`party-member:${key}`);
const neighbourBuilding = (communityId: string) => demoIds.building(demoIds.compound(communityId, '和谐家园'), '1栋');

interface GridView {
  id: string;
  level: string;
  name: string;
  households: number;
  workers: Array<{ id: string; duty: string }>;
  partyGroup: { leader: { id: string } | null; members: Array<{ id: string }> } | null;
  parent?: { id: string } | null;
  careHouseholds?: Array<{ household: { id: string; room: string; building: { name: string } }; kind: string; lastVisitAt: string | null; nextVisitDue: string; overdue: boolean }> | null;
}

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock });
});
afterAll(() => platform?.stop());

type Ask = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;
/** A caller in one role: sends an operation of OPERATIONS by name, or any document with `query`. */
type Call = (<T = Record<string, unknown>>(name: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>) & { query: Ask };
function as(role: Role, scope: string): Call {
  const token = tokenFor(role, scope);
  const send = <T>(text: string, variables?: Record<string, unknown>) =>
    token.then((value) => graphql<T>(platform.gatewayUrl, text, { token: value, variables, headers: { 'cache-control': 'no-cache' } }));
  const call = (<T>(name: string, variables?: Record<string, unknown>) => send<T>(operation(name), variables)) as Call;
  call.query = send;
  return call;
}
const data = <T>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};
const qStaff = as('COMMUNITY_STAFF', Q);
const xfStaff = as('COMMUNITY_STAFF', XF);

let names = 0;
/** Draws a grid as the staff of its community; throws on an error. */
async function draw(caller: Call, input: Record<string, unknown>): Promise<GridView> {
  return data(await caller<{ createGrid: GridView }>('CreateGrid', { input: { name: `网格${(names += 1)}`, ...input } })).createGrid;
}
const attemptDraw = (caller: Call, input: Record<string, unknown>) => caller('CreateGrid', { input: { name: `网格${(names += 1)}`, ...input } });

/** Adds a building with households to a community's compound 和谐家园 (test data: the API draws grids, not buildings). */
async function addBuilding(communityId: string, name: string, floors: number, perFloor: number): Promise<string> {
  const compoundId = demoIds.compound(communityId, '和谐家园');
  const id = demoId(`test-building:${communityId}:${name}`);
  // One statement a call: embedded PGlite prepares each statement and takes one command at a time.
  await platform.exec.community(`INSERT INTO buildings (id, compound_id, community_id, name, floors) VALUES ('${id}', '${compoundId}', '${communityId}', '${name}', ${floors})`);
  await platform.exec.community(
    `INSERT INTO households (id, building_id, compound_id, community_id, floor, room, head_of_household)
       SELECT gen_random_uuid(), '${id}', '${compoundId}', '${communityId}', f, f::text || lpad(d::text, 2, '0'), '住户'
       FROM generate_series(1, ${floors}) f, generate_series(1, ${perFloor}) d;`,
  );
  return id;
}

async function communityGrid(caller: Call, communityId: string) {
  return data(
    await caller<{ community: { grids: GridView[]; gridCoverage: { households: number; householdsInMicroGrids: number; microGridsWithoutWorker: number; oversizeMicroGrids: number } } }>(
      'CommunityGrid',
      { communityId },
    ),
  ).community;
}
const gridCare = async (caller: Call, gridId: string) => caller<{ grid: GridView }>('GridCare', { gridId });
const ids = (list: Array<{ id: string }> | undefined | null) => (list ?? []).map((each) => each.id).sort();

describe('the operations', () => {
  it('validate against the committed supergraph', () => {
    const schema = Supergraph.build(committedSupergraph()).apiSchema().toGraphQLJSSchema();
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});

describe("Q社区's micro-grid in the demo", () => {
  it('has its community grid, two area grids, a micro-grid per building, workers for all but one, party groups and care', async () => {
    const { grids, gridCoverage } = await communityGrid(qStaff, Q);
    expect(grids.map((each) => [each.level, each.name, each.parent?.id ?? null, each.households])).toEqual([
      ['COMMUNITY', 'Q社区总网格', null, 96],
      ['AREA', 'A小区片区网格', grid('q'), 76],
      ['AREA', 'B小区片区网格', grid('q'), 20],
      ['BUILDING', 'A小区1栋微网格', grid('a'), 36],
      ['BUILDING', 'A小区2栋微网格', grid('a'), 22],
      ['BUILDING', 'A小区3栋微网格', grid('a'), 18],
      ['BUILDING', 'B小区1号楼微网格', grid('b'), 12],
      ['BUILDING', 'B小区2号楼微网格', grid('b'), 8],
      ['DEDICATED', '青山菜市场专属网格', grid('q'), 0],
    ]);
    expect(gridCoverage).toEqual({ households: 96, householdsInMicroGrids: 96, microGridsWithoutWorker: 1, oversizeMicroGrids: 0 });
    const byName = new Map(grids.map((each) => [each.name, each]));
    expect(byName.get('A小区1栋微网格')!.workers).toEqual([{ id: worker('a1-lead'), duty: 'FULL_TIME' }, { id: worker('a1-backup'), duty: 'BACKUP' }]);
    // 张建华 (floors 1–8, and the backup) and 李卫东 (floors 9–18) of A小区 1栋; the area adds 王丽 of 2栋.
    expect(ids(byName.get('A小区1栋微网格')!.partyGroup!.members)).toEqual([member('zhang'), member('li')].sort());
    expect(byName.get('A小区1栋微网格')!.partyGroup!.leader).toEqual({ id: member('li') });
    expect(ids(byName.get('A小区片区网格')!.partyGroup!.members)).toEqual([member('zhang'), member('li'), member('wang')].sort());
    expect(byName.get('A小区3栋微网格')!.partyGroup).toEqual({ leader: null, members: [] });
    expect(byName.get('Q社区总网格')!.partyGroup).toBeNull();
    expect(byName.get('青山菜市场专属网格')!.partyGroup).toBeNull();
    // Care: three of six cared-for households are overdue (A小区1栋702 last visited 10 days ago, 3栋301 never, B小区1号楼101 12 days ago).
    const care = await qStaff.query<{ community: { gridCoverage: { careHouseholds: number; overdueCareHouseholds: number } } }>(
      'query ($id: ID!) { community(id: $id) { gridCoverage { careHouseholds overdueCareHouseholds } } }',
      { id: Q },
    );
    expect(data(care).community.gridCoverage).toEqual({ careHouseholds: 6, overdueCareHouseholds: 3 });
    const a = data(await gridCare(qStaff, grid('a'))).grid.careHouseholds!;
    expect(a.map((each) => [each.household.building.name, each.household.room, each.overdue]).sort()).toEqual(
      [
        ['1栋', '201', false],
        ['1栋', '702', true],
        ['1栋', '1201', false],
        ['2栋', '502', false],
        ['3栋', '301', true],
      ].sort(),
    );
  });
});

describe('levels and parents', () => {
  let root: GridView;
  let area: GridView;
  const building = neighbourBuilding(XF);

  it('draws the community grid once, areas and dedicated grids under it, micro-grids under an area', async () => {
    root = await draw(xfStaff, { communityId: XF, level: 'COMMUNITY', name: '幸福社区总网格' });
    expect(root).toMatchObject({ level: 'COMMUNITY', name: '幸福社区总网格', households: 0, workers: [], partyGroup: null });
    expect(errorCodes(await attemptDraw(xfStaff, { communityId: XF, level: 'COMMUNITY' }))).toEqual(['CONFLICT']);
    area = await draw(xfStaff, { communityId: XF, level: 'AREA', parentId: root.id, name: '和谐家园片区' });
    const micro = await draw(xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, name: '和谐家园1栋微网格', buildingIds: [building] });
    expect(micro.households).toBe(12);
    const market = await draw(xfStaff, { communityId: XF, level: 'DEDICATED', parentId: root.id, name: '幸福小学专属网格' });
    expect(market).toMatchObject({ households: 0, partyGroup: null });
    const { grids, gridCoverage } = await communityGrid(xfStaff, XF);
    expect(grids.map((each) => [each.name, each.parent?.id ?? null, each.households])).toEqual([
      ['幸福社区总网格', null, 12],
      ['和谐家园片区', root.id, 12],
      ['和谐家园1栋微网格', area.id, 12],
      ['幸福小学专属网格', root.id, 0],
    ]);
    expect(gridCoverage).toEqual({ households: 12, householdsInMicroGrids: 12, microGridsWithoutWorker: 1, oversizeMicroGrids: 0 });
  });

  it('refuses a grid out of its place, as BAD_USER_INPUT, NOT_FOUND, FORBIDDEN or CONFLICT, and changes nothing', async () => {
    const other = grid('a'); // an area grid of Q社区
    const attempts: Array<[Call, Record<string, unknown>, string]> = [
      [xfStaff, { communityId: XF, level: 'COMMUNITY', parentId: root.id }, 'BAD_USER_INPUT'],
      [xfStaff, { communityId: XF, level: 'AREA' }, 'BAD_USER_INPUT'], // no parent
      [xfStaff, { communityId: XF, level: 'AREA', parentId: area.id }, 'BAD_USER_INPUT'], // an area under an area
      [xfStaff, { communityId: XF, level: 'AREA', parentId: root.id, buildingIds: [building] }, 'BAD_USER_INPUT'],
      [xfStaff, { communityId: XF, level: 'BUILDING', parentId: root.id, buildingIds: [building] }, 'BAD_USER_INPUT'], // under the root
      [xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id }, 'BAD_USER_INPUT'], // no building
      [xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, buildingIds: [QA1] }, 'BAD_USER_INPUT'], // Q社区's building
      [xfStaff, { communityId: XF, level: 'BUILDING', parentId: other, buildingIds: [building] }, 'BAD_USER_INPUT'], // Q社区's area
      [xfStaff, { communityId: XF, level: 'DEDICATED', parentId: area.id }, 'BAD_USER_INPUT'],
      [xfStaff, { communityId: XF, level: 'AREA', parentId: demoId('no-such-grid') }, 'NOT_FOUND'],
      [xfStaff, { communityId: XF, level: 'AREA', parentId: 'not-an-id' }, 'NOT_FOUND'],
      [xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, buildingIds: [demoId('no-such-building')] }, 'NOT_FOUND'],
      [xfStaff, { communityId: XF, level: 'AREA', parentId: root.id, name: '和谐家园片区' }, 'CONFLICT'], // the name is taken
      [xfStaff, { communityId: XF, level: 'AREA', parentId: root.id, name: ' ' }, 'BAD_USER_INPUT'],
      [xfStaff, { communityId: '4201', level: 'COMMUNITY' }, 'BAD_USER_INPUT'],
      [qStaff, { communityId: XF, level: 'AREA', parentId: root.id }, 'FORBIDDEN'],
      [as('STREET_OFFICER', DEMO.streetId), { communityId: XF, level: 'AREA', parentId: root.id }, 'FORBIDDEN'],
      [as('GRID_WORKER', worker('q-leader')), { communityId: Q, level: 'AREA', parentId: grid('q') }, 'FORBIDDEN'],
    ];
    for (const [caller, input, code] of attempts) {
      const response = await caller('CreateGrid', { input: { name: `拒绝${(names += 1)}`, ...input } });
      expect(errorCodes(response), JSON.stringify(input)).toEqual([code]);
    }
    expect((await communityGrid(xfStaff, XF)).grids).toHaveLength(4);
  });

  it('draws one community grid when two are asked for at once', async () => {
    const answers = await Promise.all(
      ['建设社区总网格', '建设社区网格'].map((name) => as('COMMUNITY_STAFF', JS)('CreateGrid', { input: { communityId: JS, level: 'COMMUNITY', name } })),
    );
    expect(answers.map((answer) => errorCodes(answer)).sort()).toEqual([[], ['CONFLICT']]);
    expect((await communityGrid(as('COMMUNITY_STAFF', JS), JS)).grids).toHaveLength(1);
  });
});

describe('a building in at most one micro-grid', () => {
  it('refuses a building already in a micro-grid, with the whole grid, also when several ask for it at once', async () => {
    const [root] = (await communityGrid(xfStaff, XF)).grids;
    const area = await draw(xfStaff, { communityId: XF, level: 'AREA', parentId: root!.id });
    const free = await addBuilding(XF, '2栋', 3, 2);
    // The first building is held already: the whole micro-grid is refused, and 2栋 stays free.
    expect(errorCodes(await attemptDraw(xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, buildingIds: [free, neighbourBuilding(XF)] }))).toEqual(['CONFLICT']);
    expect(errorCodes(await attemptDraw(xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, buildingIds: [free, free] }))).toEqual(['BAD_USER_INPUT']);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => attemptDraw(xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, buildingIds: [free] })),
    );
    expect(answers.map((answer) => errorCodes(answer).join()).sort()).toEqual(['', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    // Two buildings asked for in opposite orders at once: one micro-grid takes both, the others are a CONFLICT (no deadlock).
    const [fourth, fifth] = [await addBuilding(XF, '4栋', 1, 2), await addBuilding(XF, '5栋', 1, 3)];
    const crossed = await Promise.all(
      Array.from({ length: 4 }, (_, i) => attemptDraw(xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, buildingIds: i % 2 ? [fourth, fifth] : [fifth, fourth] })),
    );
    expect(crossed.map((answer) => errorCodes(answer).join()).sort()).toEqual(['', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    const micro = (await communityGrid(xfStaff, XF)).grids.filter((each) => each.level === 'BUILDING');
    expect(micro.map((each) => each.households).sort((a, b) => a - b)).toEqual([5, 6, 12]);
  });
});

describe('coverage and oversize micro-grids', () => {
  it('counts households in micro-grids, micro-grids without a worker and those over 100 households', async () => {
    const staff = as('COMMUNITY_STAFF', '420103002001'); // 民主社区: one building of 12 households
    const root = await draw(staff, { communityId: '420103002001', level: 'COMMUNITY' });
    const area = await draw(staff, { communityId: '420103002001', level: 'AREA', parentId: root.id });
    const big = await addBuilding('420103002001', '大楼', 17, 6); // 102 households
    const exact = await addBuilding('420103002001', '二号楼', 20, 5); // 100 households: not over
    await addBuilding('420103002001', '未划入', 2, 2); // 4 households in no micro-grid
    expect((await communityGrid(staff, '420103002001')).gridCoverage).toEqual({ households: 218, householdsInMicroGrids: 0, microGridsWithoutWorker: 0, oversizeMicroGrids: 0 });
    const oversize = await draw(staff, { communityId: '420103002001', level: 'BUILDING', parentId: area.id, buildingIds: [big] });
    await draw(staff, { communityId: '420103002001', level: 'BUILDING', parentId: area.id, buildingIds: [exact] });
    // A micro-grid of two buildings counts the households of both.
    const pair = await draw(staff, { communityId: '420103002001', level: 'BUILDING', parentId: area.id, buildingIds: [neighbourBuilding('420103002001'), await addBuilding('420103002001', '小楼', 1, 1)] });
    expect(pair.households).toBe(13);
    expect((await communityGrid(staff, '420103002001')).gridCoverage).toEqual({ households: 219, householdsInMicroGrids: 215, microGridsWithoutWorker: 3, oversizeMicroGrids: 1 });
    data(await staff('AssignGridWorker', { input: { gridId: oversize.id, name: '赵敏', phone: '13700009001', duty: 'FULL_TIME' } }));
    // A worker of the area does not staff its micro-grids.
    data(await staff('AssignGridWorker', { input: { gridId: area.id, name: '钱军', phone: '13700009002', duty: 'FULL_TIME' } }));
    expect((await communityGrid(staff, '420103002001')).gridCoverage).toEqual({ households: 219, householdsInMicroGrids: 215, microGridsWithoutWorker: 2, oversizeMicroGrids: 1 });
  });
});

describe('grid workers', () => {
  it('gives a micro-grid one responsible worker and one backup, also under concurrent requests; other grids as many as needed', async () => {
    const [root] = (await communityGrid(xfStaff, XF)).grids;
    const area = await draw(xfStaff, { communityId: XF, level: 'AREA', parentId: root!.id });
    const micro = await draw(xfStaff, { communityId: XF, level: 'BUILDING', parentId: area.id, buildingIds: [await addBuilding(XF, '3栋', 2, 2)] });
    const assign = (gridId: string, duty: string, extra: Record<string, unknown> = {}) =>
      xfStaff<{ assignGridWorker: { id: string; name: string; duty: string; grid: { id: string }; partyMember: { id: string } | null } }>('AssignGridWorker', {
        input: { gridId, name: '网格员', phone: '13700008000', duty, ...extra },
      });
    const answers = await Promise.all(['FULL_TIME', 'BUILDING_LEAD', 'PART_TIME', 'GRID_LEADER'].map((duty) => assign(micro.id, duty)));
    expect(answers.map((answer) => errorCodes(answer).join()).sort()).toEqual(['', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    const backup = data(await assign(micro.id, 'BACKUP', { partyMemberId: member('xingfu-1') })).assignGridWorker;
    expect(backup).toMatchObject({ name: '网格员', duty: 'BACKUP', grid: { id: micro.id }, partyMember: { id: member('xingfu-1') } });
    expect(errorCodes(await assign(micro.id, 'BACKUP'))).toEqual(['CONFLICT']);
    for (const duty of ['GRID_LEADER', 'FULL_TIME', 'PART_TIME']) expect(errorCodes(await assign(area.id, duty))).toEqual([]);
    expect(errorCodes(await assign(area.id, 'FULL_TIME', { phone: 'call me' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await assign(area.id, 'FULL_TIME', { name: '' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await assign(area.id, 'FULL_TIME', { partyMemberId: member('li') }))).toEqual(['BAD_USER_INPUT']); // Q社区's
    expect(errorCodes(await assign(area.id, 'FULL_TIME', { partyMemberId: demoId('nobody') }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await assign(demoId('no-grid'), 'FULL_TIME'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await qStaff('AssignGridWorker', { input: { gridId: area.id, name: '某', phone: '13700008000', duty: 'FULL_TIME' } }))).toEqual(['FORBIDDEN']);
    const workers = data(await gridCare(xfStaff, micro.id)).grid.workers;
    expect(workers).toHaveLength(2);
    expect(workers.filter((each) => each.duty === 'BACKUP')).toHaveLength(1);
  });
});

describe('party groups', () => {
  it('follow the party members assigned to floors of the grid’s buildings and those working in it, with a leader the staff names', async () => {
    const a3 = async () => data(await gridCare(qStaff, grid('a3'))).grid.partyGroup!;
    expect(await a3()).toEqual({ leader: null, members: [] });
    const registered = data(
      await qStaff.query<{ registerPartyMember: { id: string } }>(
        'mutation ($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }',
        { input: { communityId: Q, name: '何志强', phone: '13900009999', workUnit: 'H市第一医院' } },
      ),
    ).registerPartyMember;
    // Not a member before floors are assigned: the leader cannot be named yet.
    const name = (gridId: string, partyMemberId: string, caller: Call = qStaff) =>
      caller.query<{ namePartyGroupLeader: GridView }>(
        'mutation ($input: NamePartyGroupLeaderInput!) { namePartyGroupLeader(input: $input) { id partyGroup { leader { id } members { id } } } }',
        { input: { gridId, partyMemberId } },
      );
    expect(errorCodes(await name(grid('a3'), registered.id))).toEqual(['BAD_USER_INPUT']);
    data(
      await qStaff.query('mutation ($input: AssignPartyMemberInput!) { assignPartyMember(input: $input) { id } }', {
        input: { partyMemberId: registered.id, buildingId: QA3, floorFrom: 1, floorTo: 3 },
      }),
    );
    expect(ids((await a3()).members)).toEqual([registered.id]);
    const area = data(await gridCare(qStaff, grid('a'))).grid.partyGroup!;
    expect(ids(area.members)).toEqual([member('zhang'), member('li'), member('wang'), registered.id].sort());
    expect(ids(data(await gridCare(qStaff, grid('b'))).grid.partyGroup!.members)).toEqual([member('chen')]);
    // Named leader; the staff of another community, a resident, a non-member and a grid without a party group are refused.
    expect(data(await name(grid('a3'), registered.id)).namePartyGroupLeader.partyGroup).toEqual({ leader: { id: registered.id }, members: [{ id: registered.id }] });
    expect(errorCodes(await name(grid('a3'), member('chen')))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await name(grid('q'), member('zhang')))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await name(grid('a3'), registered.id, xfStaff))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await name(grid('a3'), registered.id, as('RESIDENT', household(QA3, '101'))))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await name(demoId('no-grid'), registered.id))).toEqual(['NOT_FOUND']);
    // A party member working in a micro-grid is in its party group without floors there.
    const grid3 = (await communityGrid(xfStaff, XF)).grids.find((each) => each.level === 'BUILDING' && each.households === 4)!;
    expect(ids(grid3.partyGroup!.members)).toEqual([member('xingfu-1')]);
  });
});

describe("a grid worker's scope", () => {
  const liu = as('GRID_WORKER', worker('a1-lead')); // A小区1栋's micro-grid
  const areaWorker = as('GRID_WORKER', worker('a-full')); // A小区's area grid
  const HOUSEHOLD_QUERY = 'query ($id: ID!) { household(id: $id) { id room headOfHousehold phone } }';

  it("sees its grid's households with names, and the grids under it; another grid's household is refused", async () => {
    const own = await liu.query<{ household: { room: string; headOfHousehold: string | null } }>(HOUSEHOLD_QUERY, { id: household(QA1, '201') });
    expect(data(own).household).toMatchObject({ room: '201', headOfHousehold: expect.any(String) });
    const other = await liu.query<{ household: unknown }>(HOUSEHOLD_QUERY, { id: household(QA2, '502') });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(other.data?.household).toBeNull();
    // The area's worker sees 1栋 and 2栋 (its micro-grids'), not B小区.
    expect(errorCodes(await areaWorker.query(HOUSEHOLD_QUERY, { id: household(QA2, '502') }))).toEqual([]);
    expect(errorCodes(await areaWorker.query(HOUSEHOLD_QUERY, { id: household(QB1, '101') }))).toEqual(['FORBIDDEN']);
    // A building's household list: its own building, not another.
    const list = 'query ($id: ID!) { building(id: $id) { households { room } } }';
    expect(data(await liu.query<{ building: { households: unknown[] } }>(list, { id: QA1 })).building.households).toHaveLength(36);
    expect(errorCodes(await liu.query(list, { id: QA2 }))).toEqual(['FORBIDDEN']);
    // Care: its own grid's, not the area's (other grids' households) nor another micro-grid's.
    expect(data(await gridCare(liu, grid('a1'))).grid.careHouseholds).toHaveLength(3);
    for (const key of ['a', 'a2', 'b1']) {
      const refused = await gridCare(liu, grid(key));
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.data?.grid.careHouseholds).toBeNull();
    }
    expect(data(await gridCare(areaWorker, grid('a2'))).grid.careHouseholds).toHaveLength(1);
    // Visits: its grid's households only.
    const visit = (caller: Call, householdId: string, key: string) => caller('RecordVisit', { input: { householdId, note: '看望', idempotencyKey: key } });
    expect(errorCodes(await visit(liu, household(QA2, '502'), 'scope-1'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await visit(liu, household(QA1, '1801'), 'scope-2'))).toEqual([]);
    expect(errorCodes(await visit(as('GRID_WORKER', demoId('nobody')), household(QA1, '1801'), 'scope-3'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await visit(liu, demoId('no-household'), 'scope-4'))).toEqual(['NOT_FOUND']);
  });

  it('is known to other services by id: its community, without its name for an analyst', async () => {
    const query = 'query ($id: ID!) { gridWorker(id: $id) { id duty name community { id } grid { id level } } }';
    const analyst = await as('ANALYST', DEMO.cityId).query<{ gridWorker: { community: { id: string }; name: string | null } }>(query, { id: worker('a1-lead') });
    expect(analyst.data!.gridWorker).toMatchObject({ community: { id: Q }, name: null, grid: { id: grid('a1'), level: 'BUILDING' } });
    expect(errorCodes(analyst)).toEqual(['FORBIDDEN']); // the name only
    expect(data(await liu.query<{ gridWorker: { name: string } }>(query, { id: worker('a1-lead') })).gridWorker.name).toBe('刘芳');
    expect(data(await qStaff.query<{ gridWorker: { name: string } }>(query, { id: worker('a1-lead') })).gridWorker.name).toBe('刘芳');
    expect(errorCodes(await as('ANALYST', DEMO.otherCityId).query(query, { id: worker('a1-lead') }))).toEqual(['FORBIDDEN']);
    expect(data(await qStaff.query<{ gridWorker: null }>(query, { id: demoId('nobody') })).gridWorker).toBeNull();
  });
});

describe('care and visits', () => {
  it('is overdue when no visit came within visitEveryDays of the flag or of the last visit, by the clock', async () => {
    const target = household(QB1, '202');
    const flagged = data(await qStaff<{ flagHouseholdCare: Record<string, unknown> }>('FlagHouseholdCare', { input: { householdId: target, kind: 'DISABLED', visitEveryDays: 7 } })).flagHouseholdCare;
    expect(flagged).toEqual({ household: { id: target }, kind: 'DISABLED', visitEveryDays: 7, lastVisitAt: null, nextVisitDue: '2026-11-28T10:00:00+08:00' });
    const b1 = async () => data(await gridCare(as('GRID_WORKER', worker('b1-lead')), grid('b1'))).grid.careHouseholds!.find((each) => each.household.id === target)!;
    expect((await b1()).overdue).toBe(false);
    after(7 * DAY); // exactly due: not yet overdue
    expect((await b1()).overdue).toBe(false);
    after(7 * DAY + 60_000);
    expect(await b1()).toMatchObject({ overdue: true, lastVisitAt: null });
    const visited = data(
      await as('GRID_WORKER', worker('b1-lead'))<{ recordVisit: { id: string; visitedAt: string; household: { id: string } } }>('RecordVisit', {
        input: { householdId: target, note: '上门看望，轮椅需要维修。', idempotencyKey: 'b1-202-first' },
      }),
    ).recordVisit;
    expect(visited).toMatchObject({ visitedAt: '2026-11-28T10:01:00+08:00', household: { id: target } });
    expect(await b1()).toMatchObject({ overdue: false, lastVisitAt: '2026-11-28T10:01:00+08:00', nextVisitDue: '2026-12-05T10:01:00+08:00' });
    after(15 * DAY);
    expect((await b1()).overdue).toBe(true);
    // Flagging the same kind again changes the interval: 30 days from the last visit.
    data(await qStaff('FlagHouseholdCare', { input: { householdId: target, kind: 'DISABLED', visitEveryDays: 30 } }));
    expect(await b1()).toMatchObject({ overdue: false, nextVisitDue: '2026-12-28T10:01:00+08:00' });
    clock.set(T0);
  });

  it('records a visit once per key: the same visit again answers the first, another with that key is a CONFLICT', async () => {
    const liu = as('GRID_WORKER', worker('a1-lead'));
    const input = { householdId: household(QA1, '702'), note: '送药上门。', idempotencyKey: 'a1-702-visit' };
    const first = data(await liu<{ recordVisit: { id: string } }>('RecordVisit', { input })).recordVisit;
    after(DAY);
    const again = data(await liu<{ recordVisit: { id: string; visitedAt: string } }>('RecordVisit', { input })).recordVisit;
    expect(again).toEqual({ ...first, visitedAt: '2026-11-21T10:00:00+08:00' });
    expect(errorCodes(await liu('RecordVisit', { input: { ...input, note: '另一次看望。' } }))).toEqual(['CONFLICT']);
    // The same key of another worker is that worker's own.
    expect(errorCodes(await as('GRID_WORKER', worker('a1-backup'))('RecordVisit', { input }))).toEqual([]);
    const care = data(await gridCare(liu, grid('a1'))).grid.careHouseholds!.find((each) => each.household.room === '702')!;
    expect(care).toMatchObject({ overdue: false, lastVisitAt: '2026-11-22T10:00:00+08:00' });
    expect(errorCodes(await liu('RecordVisit', { input: { ...input, note: ' ', idempotencyKey: 'blank' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await qStaff('RecordVisit', { input: { ...input, idempotencyKey: 'staff' } }))).toEqual(['FORBIDDEN']);
    clock.set(T0);
  });

  it('is flagged by the community staff and the grid’s workers, within 1 to 90 days', async () => {
    const flag = (caller: Call, householdId: string, visitEveryDays = 14) =>
      caller('FlagHouseholdCare', { input: { householdId, kind: 'CHILD_IN_DIFFICULTY', visitEveryDays } });
    expect(errorCodes(await flag(as('GRID_WORKER', worker('a1-lead')), household(QA1, '1802')))).toEqual([]);
    expect(errorCodes(await flag(as('GRID_WORKER', worker('a1-lead')), household(QA2, '101')))).toEqual(['FORBIDDEN']);
    for (const [role, scope] of [
      ['COMMUNITY_STAFF', XF],
      ['STREET_OFFICER', DEMO.streetId],
      ['CITY_OFFICIAL', DEMO.cityId],
      ['ANALYST', DEMO.cityId],
      ['PARTY_MEMBER', member('li')],
      ['RESIDENT', household(QA1, '1802')],
    ] as const) {
      expect(errorCodes(await flag(as(role, scope), household(QA1, '1802'))), role).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await flag(qStaff, household(QA1, '1802'), 0))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await flag(qStaff, household(QA1, '1802'), 91))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await flag(qStaff, demoId('no-household')))).toEqual(['NOT_FOUND']);
  });
});

describe('personal data per role', () => {
  it('shows care flags to the staff and the grid’s workers; higher tiers and others get counts only', async () => {
    const figures = 'query ($id: ID!) { grid(id: $id) { careFigures { households overdue } } community(id: "420102001001") { gridCoverage { careHouseholds } } }';
    for (const [role, scope, sees] of [
      ['COMMUNITY_STAFF', Q, true],
      ['GRID_WORKER', worker('q-leader'), true],
      ['GRID_WORKER', worker('a-full'), true],
      ['GRID_WORKER', worker('b-full'), false],
      ['STREET_OFFICER', DEMO.streetId, false],
      ['CITY_OFFICIAL', DEMO.cityId, false],
      ['ANALYST', DEMO.cityId, false],
      ['PARTY_MEMBER', member('li'), false],
      ['RESIDENT', household(QA1, '201'), false],
    ] as const) {
      const care = await gridCare(as(role, scope), grid('a1'));
      if (sees) {
        expect(errorCodes(care), `${role} ${scope}`).toEqual([]);
        expect(care.data!.grid.careHouseholds!.length, role).toBeGreaterThan(0);
      } else {
        expect(errorCodes(care), `${role} ${scope}`).toEqual(['FORBIDDEN']);
        expect(care.data!.grid.careHouseholds, role).toBeNull();
        expect(care.data!.grid.workers.length, role).toBeGreaterThan(0);
      }
      const counts = await as(role, scope).query<{ grid: { careFigures: { households: number } }; community: { gridCoverage: { careHouseholds: number } } }>(figures, { id: grid('a1') });
      expect(errorCodes(counts), role).toEqual([]);
      expect(counts.data!.grid.careFigures.households, role).toBeGreaterThanOrEqual(3);
      expect(counts.data!.community.gridCoverage.careHouseholds, role).toBeGreaterThanOrEqual(6);
    }
    // A household's name: the staff and its grid's workers, never a higher tier.
    const name = 'query ($id: ID!) { household(id: $id) { headOfHousehold } }';
    expect(data(await as('GRID_WORKER', worker('a1-backup')).query<{ household: { headOfHousehold: string } }>(name, { id: household(QA1, '702') })).household.headOfHousehold).toEqual(expect.any(String));
    const street = await as('STREET_OFFICER', DEMO.streetId).query<{ household: { headOfHousehold: string | null } }>(name, { id: household(QA1, '702') });
    expect(errorCodes(street)).toEqual(['FORBIDDEN']);
    expect(street.data!.household.headOfHousehold).toBeNull();
    // Another community's staff and grids outside a region official's scope are refused outright.
    expect(errorCodes(await gridCare(xfStaff, grid('a1')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gridCare(as('STREET_OFFICER', '420102002'), grid('a1')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('STREET_OFFICER', '420102002')('CommunityGrid', { communityId: Q }))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('statements per request', () => {
  it('costs the same SQL statements for CommunityGrid with a small micro-grid and one five times its size', async () => {
    const staff = as('COMMUNITY_STAFF', YY);
    const root = await draw(staff, { communityId: YY, level: 'COMMUNITY' });
    const firstArea = await draw(staff, { communityId: YY, level: 'AREA', parentId: root.id });
    const micro = await draw(staff, { communityId: YY, level: 'BUILDING', parentId: firstArea.id, buildingIds: [neighbourBuilding(YY)] });
    data(await staff('AssignGridWorker', { input: { gridId: micro.id, name: '甲', phone: '13700007000', duty: 'FULL_TIME', partyMemberId: member('youyi') } }));
    data(await staff('FlagHouseholdCare', { input: { householdId: demoIds.household(neighbourBuilding(YY), '101'), kind: 'ELDERLY_ALONE', visitEveryDays: 7 } }));
    const cost = async () => {
      platform.counters.reset();
      const answer = await communityGrid(staff, YY);
      const statements = platform.counters.statements.community;
      platform.counters.reset();
      const care = data(await gridCare(staff, root.id)).grid;
      return { statements, grids: answer.grids.length, care: { statements: platform.counters.statements.community, households: care.households } };
    };
    const small = await cost();
    for (let i = 0; i < 4; i += 1) {
      const area = await draw(staff, { communityId: YY, level: 'AREA', parentId: root.id });
      for (let j = 0; j < 2; j += 1) {
        const buildingId = await addBuilding(YY, `${i}-${j}栋`, 4, 3);
        const each = await draw(staff, { communityId: YY, level: 'BUILDING', parentId: area.id, buildingIds: [buildingId] });
        data(await staff('AssignGridWorker', { input: { gridId: each.id, name: '乙', phone: '13700007001', duty: 'PART_TIME' } }));
        data(await staff('AssignGridWorker', { input: { gridId: each.id, name: '丙', phone: '13700007002', duty: 'BACKUP' } }));
        const registered = data(
          await staff.query<{ registerPartyMember: { id: string } }>('mutation ($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) { id } }', {
            input: { communityId: YY, name: `党员${i}${j}`, phone: `1390000${i}${j}00`, workUnit: '单位' },
          }),
        ).registerPartyMember;
        data(await staff.query('mutation ($input: AssignPartyMemberInput!) { assignPartyMember(input: $input) { id } }', { input: { partyMemberId: registered.id, buildingId, floorFrom: 1, floorTo: 4 } }));
      }
    }
    const large = await cost();
    expect(large.grids).toBe(small.grids + 12);
    expect(large.statements).toBe(small.statements);
    // The community grid's care list costs the same too.
    expect(large.care.households).toBe(small.care.households + 8 * 12);
    expect(large.care.statements).toBe(small.care.statements);
    // One statement a kind of record (grids, the buildings they hold, households per micro-grid, workers, floor assignments,
    // party members, the community's households, care flags), and at most one more batch of party members.
    expect(small.statements).toBeLessThanOrEqual(9);
  });
});

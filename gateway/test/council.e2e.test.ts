// Residents decide small projects (民生微实事) through the gateway on real PostgreSQL: the council, a round's phases by
// the clock, caps per kind, supports (3 a household, under concurrency, idempotent, withdrawable, only while
// SUPPORTING), the resolution (quorum, recusals, the pass rule on ALL members), funding in the contract's order on a
// round worked out by hand, progress within the estimate, acceptance, and regions' figures adding up their communities.
// The operations are the contract's council.graphql (schema/test/operations, validated in schema/test/supergraph.test.ts).
import { contractOperation } from '@cgov/schema/contract';
import { DEMO_REGIONS, demoIds, fixedClock, type Role } from '@cgov/shared';
import { errorCodes, type GraphQLResponse } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, startPlatform, type Platform } from './harness.js';

const T0 = '2026-11-21T10:00:00+08:00';
const clock = fixedClock(T0);
const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * MINUTE);
const move = (minutes: number) => clock.set(at(minutes));

/** 光明社区 (street 长江街道 420103001): the demo gives it no council, so the test registers one. */
const GUANGMING = '420103001002';
const JIANSHE = '420103001001';
const homes = (communityId: string) => {
  const building = demoIds.building(demoIds.compound(communityId, '和谐家园'), '1栋');
  return [1, 2, 3, 4, 5, 6].flatMap((floor) => [1, 2].map((door) => demoIds.household(building, `${floor}0${door}`)));
};
const H = homes(GUANGMING); // 12 households
const ELSEWHERE = homes(JIANSHE)[0]!;

interface Project {
  id: string;
  title: string;
  kind: string;
  status: string;
  estimatedCost: string;
  supports: number;
  votesFor: number | null;
  funded: boolean;
  percentDone: number;
  spent: string;
}
interface Round {
  id: string;
  status: string;
  budget: string;
  allocated: string;
  spent: string;
  remaining: string;
  projects?: Project[];
}

let platform: Platform;
beforeAll(async () => {
  // The group buys' scheduler sweeps once an hour here, so that only the queries' statements are counted.
  platform = await startPlatform({ clock, schedulerIntervalMs: 3_600_000 });
});
afterAll(() => platform?.stop());

function as(role: Role, scope: string) {
  return <T = Record<string, unknown>>(name: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
    callerFor(platform, role, scope, `${role}:${scope}`, { fresh: true }).query<T>(contractOperation(name), variables);
}
const staff = as('COMMUNITY_STAFF', GUANGMING);
const resident = (householdId: string) => as('RESIDENT', householdId);
const data = <T>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};

let members: Array<{ id: string; name: string; role: string }> = [];
const member = (i: number) => members[i]!.id;
const firstMembers = (n: number) => members.slice(0, n).map((m) => m.id);

async function openRound(title: string, budget: string, proposalsInMinutes = 60, supportsInMinutes = 120): Promise<Round> {
  const now = clock.now().getTime();
  return data(
    await staff<{ openProjectRound: Round }>('OpenProjectRound', {
      input: {
        communityId: GUANGMING,
        title,
        budget,
        proposalsUntil: new Date(now + proposalsInMinutes * MINUTE).toISOString(),
        supportsUntil: new Date(now + supportsInMinutes * MINUTE).toISOString(),
      },
    }),
  ).openProjectRound;
}

function propose(roundId: string, input: Record<string, unknown>, caller = resident(H[0]!)) {
  return caller<{ proposeMicroProject: Project }>('ProposeMicroProject', {
    input: { roundId, title: '加装楼道扶手', kind: 'WORKS', description: '1栋楼道加装扶手,方便老人上下楼', estimatedCost: '1000.00', ...input },
  });
}

let keys = 0;
function support(projectId: string, householdId: string, idempotencyKey = `support-${(keys += 1)}`) {
  return resident(householdId)<{ supportMicroProject: { id: string; supports: number } }>('SupportMicroProject', { input: { projectId, householdId, idempotencyKey } });
}

const readRound = async (id: string, caller = staff) => data(await caller<{ projectRound: Round }>('ProjectRound', { id })).projectRound;

describe('the council', () => {
  it('is registered by the community staff only, with one chair, once', async () => {
    const input = {
      communityId: GUANGMING,
      members: [
        { name: '陈光明', role: 'CHAIR', householdId: H[11] },
        { name: '王书记', role: 'PARTY_REPRESENTATIVE' },
        ...['李', '张', '刘', '赵', '孙', '周', '吴'].map((surname) => ({ name: `${surname}委员`, role: 'MEMBER' })),
      ],
    };
    expect(errorCodes(await as('COMMUNITY_STAFF', JIANSHE)('RegisterResidentsCouncil', { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await resident(H[0]!)('RegisterResidentsCouncil', { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await staff('RegisterResidentsCouncil', { input: { ...input, members: input.members.slice(1) } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await staff('RegisterResidentsCouncil', { input: { ...input, members: [{ ...input.members[0], householdId: ELSEWHERE }, ...input.members.slice(1)] } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // A round needs the council first.
    expect(errorCodes(await staff('OpenProjectRound', { input: { communityId: GUANGMING, title: '试', budget: '1.00', proposalsUntil: at(60).toISOString(), supportsUntil: at(120).toISOString() } }))).toEqual(['CONFLICT']);
    const registered = data(await staff<{ registerResidentsCouncil: { id: string; members: typeof members } }>('RegisterResidentsCouncil', { input })).registerResidentsCouncil;
    expect(registered.members).toHaveLength(9);
    members = registered.members;
    expect(errorCodes(await staff('RegisterResidentsCouncil', { input }))).toEqual(['CONFLICT']);
  });
});

describe('a round', () => {
  it('refuses windows that could not work and budgets of nothing', async () => {
    const attempt = (input: Record<string, unknown>) =>
      staff('OpenProjectRound', { input: { communityId: GUANGMING, title: '2026年民生微实事', budget: '300000.00', proposalsUntil: at(60).toISOString(), supportsUntil: at(120).toISOString(), ...input } });
    expect(errorCodes(await attempt({ proposalsUntil: at(-1).toISOString() }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt({ supportsUntil: at(60).toISOString() }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt({ budget: '0.00' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt({ budget: '-5.00' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await as('COMMUNITY_STAFF', JIANSHE)('OpenProjectRound', { input: { communityId: GUANGMING, title: '越权', budget: '1.00', proposalsUntil: at(60).toISOString(), supportsUntil: at(120).toISOString() } }))).toEqual(['FORBIDDEN']);
  });

  it('caps projects by kind: works 500,000.00, services and goods 200,000.00', async () => {
    move(0);
    const round = await openRound('上限检验', '1000000.00');
    const cost = async (kind: string, estimatedCost: string) => propose(round.id, { kind, estimatedCost, title: `${kind} ${estimatedCost}` });
    expect(data(await cost('WORKS', '500000.00')).proposeMicroProject).toMatchObject({ kind: 'WORKS', estimatedCost: '500000.00', status: 'PROPOSED', supports: 0, funded: false });
    expect(errorCodes(await cost('WORKS', '500000.01'))).toEqual(['BAD_USER_INPUT']);
    expect(data(await cost('SERVICE', '200000.00')).proposeMicroProject.estimatedCost).toBe('200000.00');
    expect(errorCodes(await cost('SERVICE', '200000.01'))).toEqual(['BAD_USER_INPUT']);
    expect(data(await cost('GOODS', '200000.00')).proposeMicroProject.estimatedCost).toBe('200000.00');
    expect(errorCodes(await cost('GOODS', '200001.00'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await cost('GOODS', '0.00'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await cost('GOODS', '-1.00'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await cost('GOODS', '12.345'))).toEqual(['BAD_USER_INPUT']);
    expect((await readRound(round.id)).projects).toHaveLength(3);
  });

  it('takes proposals from its own residents (and staff) while COLLECTING only', async () => {
    move(0);
    const round = await openRound('提案窗口', '50000.00');
    expect((await readRound(round.id)).status).toBe('COLLECTING');
    expect(errorCodes(await propose(round.id, { householdId: H[1] }))).toEqual(['FORBIDDEN']); // another household
    expect(errorCodes(await propose(round.id, {}, resident(ELSEWHERE)))).toEqual(['FORBIDDEN']); // another community
    expect(errorCodes(await propose(round.id, {}, as('ANALYST', '4201')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await propose(round.id, { title: '  ' }))).toEqual(['BAD_USER_INPUT']);
    expect(data(await propose(round.id, { householdId: H[5], title: '代老人提出:楼下加装座椅' }, staff)).proposeMicroProject.status).toBe('PROPOSED');
    move(60);
    expect((await readRound(round.id)).status).toBe('SUPPORTING');
    expect(errorCodes(await propose(round.id, {}))).toEqual(['CONFLICT']);
  });

  it('takes supports while SUPPORTING only: idempotent, 3 a household, withdrawable', async () => {
    move(0);
    const round = await openRound('支持窗口', '50000.00');
    const projects: Project[] = [];
    for (let i = 0; i < 4; i += 1) projects.push(data(await propose(round.id, { title: `项目${i}` })).proposeMicroProject);
    const [p0, p1, p2, p3] = projects.map((project) => project.id) as [string, string, string, string];
    expect(errorCodes(await support(p0, H[2]!))).toEqual(['CONFLICT']); // still COLLECTING
    move(60);
    expect(data(await support(p0, H[2]!, 'same')).supportMicroProject.supports).toBe(1);
    expect(data(await support(p0, H[2]!, 'same')).supportMicroProject.supports).toBe(1); // the same key again
    expect(data(await support(p0, H[2]!)).supportMicroProject.supports).toBe(1); // the same support under a new key
    expect(errorCodes(await support(p1, H[2]!, 'same'))).toEqual(['CONFLICT']); // the key for another support
    expect(errorCodes(await as('RESIDENT', H[3]!)('SupportMicroProject', { input: { projectId: p0, householdId: H[2], idempotencyKey: 'x' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await support(p0, ELSEWHERE))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await staff('SupportMicroProject', { input: { projectId: p0, householdId: H[2], idempotencyKey: 'staff' } }))).toEqual(['FORBIDDEN']);
    data(await support(p1, H[2]!, 'p1'));
    data(await support(p2, H[2]!));
    expect(errorCodes(await support(p3, H[2]!))).toEqual(['CONFLICT']); // a fourth
    const withdrawn = data(await resident(H[2]!)<{ withdrawSupport: { supports: number } }>('WithdrawSupport', { projectId: p1, householdId: H[2] })).withdrawSupport;
    expect(withdrawn.supports).toBe(0);
    expect(data(await resident(H[2]!)<{ withdrawSupport: { supports: number } }>('WithdrawSupport', { projectId: p1, householdId: H[2] })).withdrawSupport.supports).toBe(0);
    // A late retry of the withdrawn support's key changes nothing.
    expect(data(await support(p1, H[2]!, 'p1')).supportMicroProject.supports).toBe(0);
    expect(data(await support(p3, H[2]!)).supportMicroProject.supports).toBe(1); // the place is free again
    move(120);
    expect((await readRound(round.id)).status).toBe('RESOLVING');
    expect(errorCodes(await support(p1, H[4]!))).toEqual(['CONFLICT']);
    expect(errorCodes(await resident(H[2]!)('WithdrawSupport', { projectId: p3, householdId: H[2] }))).toEqual(['CONFLICT']);
    const supports = Object.fromEntries((await readRound(round.id)).projects!.map((project) => [project.id, project.supports]));
    expect(supports).toEqual({ [p0]: 1, [p1]: 0, [p2]: 1, [p3]: 1 });
  });

  it('holds the limit of 3 under concurrent supports from one household', async () => {
    move(0);
    const round = await openRound('并发支持', '50000.00');
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(data(await propose(round.id, { title: `并发${i}` })).proposeMicroProject.id);
    move(60);
    const answers = await Promise.all(ids.map((id) => support(id, H[7]!)));
    expect(answers.filter((answer) => !answer.errors).length).toBe(3);
    expect(answers.filter((answer) => answer.errors).flatMap(errorCodes)).toEqual(Array(5).fill('CONFLICT'));
    const rows = (await platform.exec.selforg(`SELECT count(*)::int AS n FROM micro_project_supports WHERE round_id = '${round.id}'`)) as { rows: Array<{ n: number }> };
    expect(rows.rows[0]!.n).toBe(3);
    expect((await readRound(round.id)).projects!.reduce((sum, project) => sum + project.supports, 0)).toBe(3);
    // Many households at once on one project: every support counted once.
    const many = await Promise.all(H.slice(0, 7).map((household) => support(ids[7]!, household)));
    many.forEach((answer) => expect(answer.errors).toBeUndefined());
    const last = (await readRound(round.id)).projects!.find((project) => project.id === ids[7])!;
    expect(last.supports).toBe(7 + (answers[7]!.errors ? 0 : 1));
  });
});

describe('a round worked out by hand', () => {
  // Budget 300,000.00; 9 council members, so a quorum is 6 present and a project passes with 5 votes for.
  //   P1 WORKS   150,000.00  for 6, 2 supports   → funded second (ties P2 on votes, fewer supports)
  //   P2 SERVICE 120,000.00  for 6, 5 supports   → funded first                          left 180,000 → 30,000
  //   P3 GOODS    80,000.00  for 5, 5 supports, proposed before P4 → does not fit: NOT_FUNDED
  //   P4 GOODS    30,000.00  for 5, 5 supports   → fits what is left                     left 0
  //   P5 SERVICE  40,000.00  for 4 of 6 present (most of those present, not of all 9) → REJECTED
  //   P6 WORKS    20,000.00  for 5, 1 recused, 0 supports → nothing left: NOT_FUNDED
  let round: Round;
  const p: Record<string, string> = {};

  it('collects, supports and reaches RESOLVING by the clock', async () => {
    move(0);
    round = await openRound('2026年光明社区民生微实事', '300000.00');
    const plan: Array<[string, string, string]> = [
      ['P1', 'WORKS', '150000.00'],
      ['P2', 'SERVICE', '120000.00'],
      ['P3', 'GOODS', '80000.00'],
      ['P4', 'GOODS', '30000.00'],
      ['P5', 'SERVICE', '40000.00'],
      ['P6', 'WORKS', '20000.00'],
    ];
    for (const [i, [name, kind, estimatedCost]] of plan.entries()) {
      move(i + 1);
      p[name] = data(await propose(round.id, { title: name, kind, estimatedCost }, resident(H[i]!))).proposeMicroProject.id;
    }
    move(60);
    for (const household of H.slice(0, 5)) {
      data(await support(p.P2!, household));
      data(await support(p.P3!, household));
    }
    for (const household of H.slice(5, 10)) data(await support(p.P4!, household));
    for (const household of H.slice(5, 7)) data(await support(p.P1!, household));
    data(await support(p.P5!, H[10]!));
    data(await resident(H[10]!)('WithdrawSupport', { projectId: p.P5, householdId: H[10] }));
    // Too early to resolve.
    expect(errorCodes(await staff('RecordCouncilResolution', { input: { roundId: round.id, membersPresent: firstMembers(9), votes: [] } }))).toEqual(['CONFLICT']);
    move(120);
    const read = await readRound(round.id);
    expect(read.status).toBe('RESOLVING');
    expect(Object.fromEntries(read.projects!.map((project) => [project.title, project.supports]))).toEqual({ P1: 2, P2: 5, P3: 5, P4: 5, P5: 0, P6: 0 });
  });

  const votes = () => [
    { projectId: p.P1, for: 6, against: 0, abstain: 0 },
    { projectId: p.P2, for: 6, against: 0, abstain: 0 },
    { projectId: p.P3, for: 5, against: 1, abstain: 0 },
    { projectId: p.P4, for: 5, against: 0, abstain: 1 },
    { projectId: p.P5, for: 4, against: 1, abstain: 1 },
    { projectId: p.P6, for: 5, against: 0, abstain: 0, recused: [member(5)] },
  ];
  const resolve = (input: Record<string, unknown>, caller = staff) =>
    caller<{ recordCouncilResolution: Round }>('RecordCouncilResolution', { input: { roundId: round.id, membersPresent: firstMembers(6), votes: votes(), ...input } });

  it('refuses a resolution without a quorum, with too many votes for those present less the recused, or by anyone but the staff', async () => {
    expect(errorCodes(await resolve({ membersPresent: firstMembers(5) }))).toEqual(['BAD_USER_INPUT']); // 5 of 9 < two thirds
    expect(errorCodes(await resolve({ membersPresent: [...firstMembers(5), member(0)] }))).toEqual(['BAD_USER_INPUT']); // named twice
    expect(errorCodes(await resolve({ membersPresent: [...firstMembers(5), H[0]] }))).toEqual(['BAD_USER_INPUT']); // not a member
    const tooMany = votes().map((vote) => (vote.projectId === p.P6 ? { ...vote, abstain: 1 } : vote)); // 6 votes, 6 present, 1 recused
    expect(errorCodes(await resolve({ votes: tooMany }))).toEqual(['BAD_USER_INPUT']);
    const recusedAbsent = votes().map((vote) => (vote.projectId === p.P6 ? { ...vote, recused: [member(8)] } : vote));
    expect(errorCodes(await resolve({ votes: recusedAbsent }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await resolve({ votes: votes().slice(1) }))).toEqual(['BAD_USER_INPUT']); // P1 not voted on
    expect(errorCodes(await resolve({ votes: [...votes(), votes()[0]] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await resolve({ votes: votes().map((vote) => ({ ...vote, against: -1 })) }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await resolve({}, as('COMMUNITY_STAFF', JIANSHE)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await resolve({}, resident(H[0]!)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await resolve({}, as('STREET_OFFICER', '420103001')))).toEqual(['FORBIDDEN']);
    expect((await readRound(round.id)).status).toBe('RESOLVING'); // nothing was recorded
  });

  it('passes on more than half of ALL members and funds in order of votes, supports and proposal while it fits', async () => {
    const resolved = data(await resolve({})).recordCouncilResolution;
    expect(resolved).toMatchObject({ status: 'PUBLICISED', budget: '300000.00', allocated: '300000.00', spent: '0.00', remaining: '0.00' });
    const byTitle = Object.fromEntries(resolved.projects!.map((project) => [project.title, project]));
    expect(Object.fromEntries(Object.entries(byTitle).map(([title, project]) => [title, [project.status, project.funded, project.votesFor]]))).toEqual({
      P1: ['FUNDED', true, 6],
      P2: ['FUNDED', true, 6],
      P3: ['NOT_FUNDED', false, 5],
      P4: ['FUNDED', true, 5],
      P5: ['REJECTED', false, 4],
      P6: ['NOT_FUNDED', false, 5],
    });
    expect(errorCodes(await resolve({}))).toEqual(['CONFLICT']); // once
    const fundedCost = resolved.projects!.filter((project) => project.funded).reduce((sum, project) => sum + Number(project.estimatedCost), 0);
    expect(fundedCost).toBeLessThanOrEqual(300_000);
  });

  it('keeps spending within the estimate and progress going forward', async () => {
    move(24 * 60);
    const report = (projectId: string, percentDone: number, spent: string, caller = staff) =>
      caller<{ reportProjectProgress: Project }>('ReportProjectProgress', { input: { projectId, percentDone, note: '施工中', spent } });
    expect(data(await report(p.P2!, 50, '60000.00')).reportProjectProgress).toMatchObject({ status: 'IN_PROGRESS', percentDone: 50, spent: '60000.00' });
    expect(errorCodes(await report(p.P2!, 60, '120000.01'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await report(p.P2!, 60, '50000.00'))).toEqual(['CONFLICT']); // spent going back
    expect(errorCodes(await report(p.P2!, 40, '70000.00'))).toEqual(['CONFLICT']); // progress going back
    expect(errorCodes(await report(p.P2!, 101, '70000.00'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await report(p.P3!, 10, '1.00'))).toEqual(['CONFLICT']); // not funded
    expect(errorCodes(await report(p.P2!, 60, '70000.00', resident(H[0]!)))).toEqual(['FORBIDDEN']);
    const accept = (projectId: string, accepted: boolean) =>
      staff<{ acceptMicroProject: Project }>('AcceptMicroProject', { input: { projectId, accepted, note: accepted ? '验收合格' : '居民议事会决定终止' } });
    expect(errorCodes(await accept(p.P2!, true))).toEqual(['CONFLICT']); // 50% done
    data(await report(p.P2!, 100, '118000.00'));
    expect(data(await accept(p.P2!, true)).acceptMicroProject).toMatchObject({ status: 'ACCEPTED', spent: '118000.00' });
    expect(errorCodes(await accept(p.P2!, true))).toEqual(['CONFLICT']);
    expect(errorCodes(await report(p.P2!, 100, '119000.00'))).toEqual(['CONFLICT']); // accepted: no more reports

    data(await report(p.P1!, 10, '10000.00'));
    expect(data(await accept(p.P1!, false)).acceptMicroProject.status).toBe('DROPPED');
    // P1 keeps the 10,000.00 it spent; the 140,000.00 it did not goes back.
    expect(await readRound(round.id)).toMatchObject({ status: 'PUBLICISED', allocated: '160000.00', spent: '128000.00', remaining: '140000.00' });

    data(await report(p.P4!, 100, '30000.00'));
    data(await accept(p.P4!, true));
    const closed = await readRound(round.id);
    expect(closed).toMatchObject({ status: 'CLOSED', budget: '300000.00', allocated: '160000.00', spent: '158000.00', remaining: '140000.00' });
    const spent = closed.projects!.reduce((sum, project) => sum + Math.round(Number(project.spent) * 100), 0);
    expect(spent).toBe(15_800_000);
    expect(errorCodes(await report(p.P4!, 100, '30000.00'))).toEqual(['CONFLICT']);
  });
});

describe('the figures', () => {
  interface Figures { rounds: number; budget: string; allocated: string; spent: string; remaining: string; projects: number; fundedProjects: number; acceptedProjects: number }
  const FIELDS = 'rounds budget allocated spent remaining projects fundedProjects acceptedProjects';
  const analyst = () => callerFor(platform, 'ANALYST', '4201', 'analyst', { fresh: true });
  const fen = (money: string) => Math.round(Number(money) * 100);

  it('of a street, district and city are the sums of their communities', async () => {
    const communities = DEMO_REGIONS.filter((region) => region.id.length === 12 && region.id.startsWith('4201')).map((region) => region.id);
    const read = async (level: 'community' | 'street' | 'district' | 'city', id: string) => {
      const answer = await analyst().query<Record<string, { microProjectFigures: Figures }>>(`query ($id: ID!) { ${level}(id: $id) { microProjectFigures(year: 2026) { ${FIELDS} } } }`, { id });
      expect(answer.errors).toBeUndefined();
      return answer.data![level]!.microProjectFigures;
    };
    const byCommunity = new Map<string, Figures>();
    for (const id of communities) byCommunity.set(id, await read('community', id));
    const guangming = byCommunity.get(GUANGMING)!;
    expect(guangming.rounds).toBe(5);
    expect(fen(guangming.budget)).toBe(fen('1000000.00') + 3 * fen('50000.00') + fen('300000.00'));
    expect(guangming).toMatchObject({ allocated: '160000.00', spent: '158000.00', fundedProjects: 3, acceptedProjects: 2 });
    const sum = (ids: string[]) => {
      const total = { rounds: 0, budget: 0, allocated: 0, spent: 0, remaining: 0, projects: 0, fundedProjects: 0, acceptedProjects: 0 };
      for (const id of ids) {
        const figures = byCommunity.get(id)!;
        total.rounds += figures.rounds;
        total.projects += figures.projects;
        total.fundedProjects += figures.fundedProjects;
        total.acceptedProjects += figures.acceptedProjects;
        for (const money of ['budget', 'allocated', 'spent', 'remaining'] as const) total[money] += fen(figures[money]);
      }
      return total;
    };
    const asFen = (figures: Figures) => ({ ...figures, budget: fen(figures.budget), allocated: fen(figures.allocated), spent: fen(figures.spent), remaining: fen(figures.remaining) });
    for (const region of DEMO_REGIONS.filter((r) => r.id.startsWith('4201') && r.id.length < 12)) {
      const level = ({ 4: 'city', 6: 'district', 9: 'street' } as const)[region.id.length as 4 | 6 | 9];
      expect(asFen(await read(level, region.id)), region.name).toEqual(sum(communities.filter((id) => id.startsWith(region.id))));
    }
    for (const figures of byCommunity.values()) expect(fen(figures.allocated) + fen(figures.remaining)).toBe(fen(figures.budget));
  });

  it('cost the same statements and fetches however many rounds there are: one fetch and one statement for every level at once', async () => {
    const TREE = `query { city(id: "4201") { microProjectFigures(year: 2026) { ${FIELDS} }
      districts { microProjectFigures(year: 2026) { ${FIELDS} } streets { microProjectFigures(year: 2026) { ${FIELDS} }
      communities { microProjectFigures(year: 2026) { ${FIELDS} } } } } } }`;
    const cost = async () => {
      platform.counters.reset();
      expect((await analyst().query(TREE)).errors).toBeUndefined();
      return { statements: platform.counters.statements.selforg, fetches: platform.counters.fetches.selforg };
    };
    const before = await cost();
    for (let i = 0; i < 3; i += 1) {
      const round = await openRound(`追加${i}`, '1000.00');
      data(await propose(round.id, { title: `追加项目${i}`, estimatedCost: '500.00' }));
    }
    expect(await cost()).toEqual(before);
    // The four levels' fetches go as one (batchedFetches.ts), and the subgraph's loader reads their regions in one statement.
    expect(before).toEqual({ fetches: 1, statements: 1 });
  });

  it('are for the region scopes that hold them; a bad year is BAD_USER_INPUT', async () => {
    const figures = (caller: ReturnType<typeof callerFor>, year = 2026) =>
      caller.query(`query ($id: ID!, $year: Int!) { street(id: $id) { microProjectFigures(year: $year) { rounds } } }`, { id: '420103001', year });
    expect(errorCodes(await figures(callerFor(platform, 'STREET_OFFICER', '420102001', 's', { fresh: true })))).toEqual(['FORBIDDEN']);
    expect((await figures(callerFor(platform, 'STREET_OFFICER', '420103001', 's', { fresh: true }))).errors).toBeUndefined();
    expect(errorCodes(await figures(analyst(), 20260))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('reading a round', () => {
  it('is for its community and the officials above it, and tells a resident what its household supports', async () => {
    const listing = await callerFor(platform, 'RESIDENT', H[5]!, 'r', { fresh: true }).query<{
      community: { residentsCouncil: { members: Array<{ name: string }> }; projectRounds: Array<{ id: string; title: string; projects: Array<{ title: string; supportedByMyHousehold: boolean | null }> }> };
    }>(`query ($id: ID!) { community(id: $id) { residentsCouncil { members { name } } projectRounds { id title projects { title supportedByMyHousehold } } } }`, { id: GUANGMING });
    expect(listing.errors).toBeUndefined();
    expect(listing.data!.community.residentsCouncil.members).toHaveLength(9);
    const worked = listing.data!.community.projectRounds.find((r) => r.title === '2026年光明社区民生微实事')!;
    expect(worked.projects.filter((project) => project.supportedByMyHousehold).map((project) => project.title)).toEqual(['P1', 'P4']);
    expect(errorCodes(await resident(ELSEWHERE)('ProjectRound', { id: worked.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('STREET_OFFICER', '420102001')('ProjectRound', { id: worked.id }))).toEqual(['FORBIDDEN']);
    expect(data(await as('STREET_OFFICER', '420103001')<{ projectRound: Round }>('ProjectRound', { id: worked.id })).projectRound.status).toBe('CLOSED');
    expect(data(await staff<{ projectRound: Round | null }>('ProjectRound', { id: '00000000-0000-4000-8000-000000000000' })).projectRound).toBeNull();
  });
});

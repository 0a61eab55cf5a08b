// The demo a new user meets: the tokens docs/api.md lists work at once, and every view has something true to show
// for the days around today.
import { readFileSync } from 'node:fs';
import { addDays, DEMO_ACTORS, demoId, demoIds, fixedClock, type Role } from '@cgov/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, startPlatform, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock });
});
afterAll(() => platform?.stop());

/** The development tokens docs/api.md tells a new user to make: its table's rows of who, role and scope. */
const documented = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => /^\| (.+?) \| `([A-Z_]+)` \| `([^`]+)` \|$/.exec(line))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([, who, role, scope]) => ({ who: who!, role: role as Role, scope: scope! }));

/** A value down a dotted path of an answer's data. */
const at = (data: unknown, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
const count = (data: unknown, path: string) => Number(at(data, path));
const list = <T>(data: unknown, path: string) => at(data, path) as T[];

/** What each role asks first, and a check that the demo answered it with something to show. */
const FIRST_LOOK: Record<string, { query: string; shows(data: unknown): boolean }> = {
  CITY_OFFICIAL: {
    query: 'query ($s: ID!, $d: Date!) { city(id: $s) { name orderStats(date: $d) { orders } subsidyBudget { spent } } }',
    shows: (d) => count(d, 'city.orderStats.orders') > 0 && count(d, 'city.subsidyBudget.spent') > 0,
  },
  ANALYST: {
    query: 'query ($s: ID!, $d: Date!) { orders(filter: { regionId: $s, dateFrom: $d, dateTo: $d }, first: 1) { totalCount } }',
    shows: (d) => count(d, 'orders.totalCount') > 0,
  },
  STREET_OFFICER: {
    query: 'query ($s: ID!, $d: Date!) { street(id: $s) { communities { orderStats(date: $d) { orders } volunteerCoverage { partyMembers } } } }',
    shows: (d) => list(d, 'street.communities').every((c) => count(c, 'orderStats.orders') > 0 && count(c, 'volunteerCoverage.partyMembers') > 0),
  },
  COMMUNITY_STAFF: {
    query: 'query ($s: ID!, $d: Date!) { community(id: $s) { orderStats(date: $d) { orders delivered } volunteerCoverage { buildingsCovered } } }',
    shows: (d) => count(d, 'community.orderStats.orders') > 0 && count(d, 'community.volunteerCoverage.buildingsCovered') > 0,
  },
  PARTY_MEMBER: {
    query: 'query ($s: ID!, $d: Date!) { partyMember(id: $s) { name deliveries(date: $d) { id } record { ordersCollected deliveriesMade } } }',
    shows: (d) => list(d, 'partyMember.deliveries').length > 0 && count(d, 'partyMember.record.deliveriesMade') > 0,
  },
  OWNER_COMMITTEE: {
    query: 'query ($s: ID!) { compound(id: $s) { name groupBuys { title status } } }',
    shows: (d) => list(d, 'compound.groupBuys').some((groupBuy) => at(groupBuy, 'status') === 'OPEN'),
  },
  RESIDENT: { query: 'query ($s: ID!) { household(id: $s) { room orders { id } } }', shows: (d) => list(d, 'household.orders').length > 0 },
  GRID_WORKER: {
    query: 'query ($s: ID!) { gridWorker(id: $s) { name grid { name careHouseholds { household { room } overdue } } } }',
    shows: (d) => list<{ overdue: boolean }>(d, 'gridWorker.grid.careHouseholds').some((care) => care.overdue),
  },
  HOTLINE_OPERATOR: {
    query: 'query ($s: ID!) { requestCategories(cityId: $s) { code responsibleDepartment { id } } departments(cityId: $s) { id } }',
    shows: (d) => list(d, 'requestCategories').length > 0 && list(d, 'departments').length > 0,
  },
  // The water company holds some of the demo's requests.
  DEPARTMENT_OFFICER: {
    query: 'query ($s: ID!) { requests(filter: { departmentId: $s }, first: 1) { totalCount } }',
    shows: (d) => count(d, 'requests.totalCount') > 0,
  },
};

describe('the demo a new user meets', () => {
  it('lists in docs/api.md tokens of every role that work at once, each with something to show today', async () => {
    // The console's sign-in page lists the same actors, in the same order (DEMO_ACTORS, GET /auth/dev-actors).
    expect(documented.map(({ role, scope }) => ({ role, scope }))).toEqual(DEMO_ACTORS.map(({ role, scope }) => ({ role, scope })));
    expect(new Set(documented.map((row) => row.role))).toEqual(new Set(Object.keys(FIRST_LOOK)));
    for (const { who, role, scope } of documented) {
      const look = FIRST_LOOK[role]!;
      const response = await callerFor(platform, role, scope).query(look.query, look.query.includes('$d') ? { s: scope, d: TODAY } : { s: scope });
      expect(response.errors, who).toBeUndefined();
      expect(look.shows(response.data), `${who}: ${JSON.stringify(response.data)}`).toBe(true);
    }
  });

  it('has orders in the city every day of the last 14 and tomorrow, in more than one street', async () => {
    const analyst = callerFor(platform, 'ANALYST', '4201');
    const series = await analyst.query<{ orderStatsSeries: Array<{ date: string; stats: { orders: number; delivered: number } }> }>(
      'query ($from: Date!, $to: Date!) { orderStatsSeries(regionId: "4201", from: $from, to: $to) { date stats { orders delivered } } }',
      { from: addDays(TODAY, -13), to: TOMORROW },
    );
    expect(series.errors).toBeUndefined();
    expect(series.data!.orderStatsSeries.map((day) => day.date)).toEqual(Array.from({ length: 15 }, (_, i) => addDays(TODAY, i - 13)));
    for (const day of series.data!.orderStatsSeries) expect(day.stats.orders, day.date).toBeGreaterThan(0);
    // Past days delivered in full; today's deliveries under way at 10:00; tomorrow's not yet.
    for (const day of series.data!.orderStatsSeries.slice(0, 13)) expect(day.stats.delivered, day.date).toBe(day.stats.orders);
    expect(series.data!.orderStatsSeries.at(-1)!.stats.delivered).toBe(0);
    for (const street of ['420102001', '420102002', '420103001', '420103002']) {
      const stats = await analyst.query<{ street: { orderStats: { orders: number } } }>('query ($s: ID!, $d: Date!) { street(id: $s) { orderStats(date: $d) { orders } } }', { s: street, d: TODAY });
      expect(stats.data!.street.orderStats.orders, street).toBeGreaterThan(0);
    }
  });

  it('has group buys open in three compounds', async () => {
    const open = await callerFor(platform, 'ANALYST', '4201').query<{ groupBuys: { totalCount: number; edges: Array<{ node: { compound: { id: string } } }> } }>(
      'query { groupBuys(filter: { regionId: "4201", status: OPEN }) { totalCount edges { node { compound { id } } } } }',
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!.groupBuys.totalCount).toBe(3);
    expect(new Set(open.data!.groupBuys.edges.map((edge) => edge.node.compound.id)).size).toBe(3);
  });

  it("has Q社区's council with rounds in every phase across two communities, one publicised with funded and not-funded projects", async () => {
    const street = callerFor(platform, 'STREET_OFFICER', '420102001');
    const answer = await street.query<{ q: Rounds; xingfu: Rounds; street: { microProjectFigures: { rounds: number; allocated: string; spent: string } } }>(
      `query { q: community(id: "420102001001") { ...R } xingfu: community(id: "420102001002") { ...R }
        street(id: "420102001") { microProjectFigures(year: 2026) { rounds allocated spent } } }
      fragment R on Community { residentsCouncil { members { name role } } projectRounds { title status budget allocated remaining projects { status } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const { q, xingfu } = answer.data!;
    expect(q.residentsCouncil.members.length).toBeGreaterThanOrEqual(7);
    const phases = [...q.projectRounds, ...xingfu.projectRounds].map((round) => round.status);
    for (const phase of ['COLLECTING', 'SUPPORTING', 'RESOLVING', 'PUBLICISED', 'CLOSED']) expect(phases).toContain(phase);
    const publicised = q.projectRounds.find((round) => round.status === 'PUBLICISED')!;
    const statuses = publicised.projects.map((project) => project.status);
    expect(statuses).toEqual(expect.arrayContaining(['NOT_FUNDED', 'REJECTED', 'ACCEPTED', 'IN_PROGRESS']));
    expect(Number(publicised.allocated) + Number(publicised.remaining)).toBe(Number(publicised.budget));
    expect(answer.data!.street.microProjectFigures.rounds).toBeGreaterThanOrEqual(3);
    expect(Number(answer.data!.street.microProjectFigures.spent)).toBeGreaterThan(0);
  });

  it("has needs and offers in Q社区's two compounds, some matched and completed with credits moved, a verified helper and an assisted posting", async () => {
    const staff = callerFor(platform, 'COMMUNITY_STAFF', '420102001001');
    const liAyi = demoIds.household(demoIds.building(demoIds.compound('420102001001', 'B小区'), '1号楼'), '302');
    const answer = await staff.query<{
      community: { sharing: { openNeeds: number; openOffers: number; completedMatches: number; activeHouseholds: number; matchedWithin48hRate: number } };
      offer: { title: string; status: string; householdVerified: boolean };
      tap: { status: string; hours: number; actions: Array<{ status: string; actorRole: string; assisted: boolean }> };
      helper: { verified: boolean; timeCredits: { balance: number } };
      open: { compound: { id: string } }[];
    }>(
      `query ($offer: ID!, $tap: ID!, $helper: ID!) {
        community(id: "420102001001") { sharing { openNeeds openOffers completedMatches activeHouseholds matchedWithin48hRate } }
        offer: listing(id: $offer) { title status householdVerified }
        tap: match(id: $tap) { status hours actions { status actorRole assisted } }
        helper: household(id: $helper) { verified timeCredits { balance } }
      }`,
      { offer: demoId('listing:q:li-repair-3'), tap: demoId('match:q:tap'), helper: liAyi },
    );
    expect(answer.errors).toBeUndefined();
    const { community, offer, tap, helper } = answer.data!;
    // Five needs posted, three accepted within 48 hours (the wheelchair, the tap, the light; the maths is only proposed).
    expect(community.sharing).toMatchObject({ openNeeds: 1, openOffers: 3, completedMatches: 3, activeHouseholds: 10, matchedWithin48hRate: 0.6 });
    expect(offer).toEqual({ title: '义务维修水电(独居老人优先)', status: 'OPEN', householdVerified: true });
    expect(tap).toMatchObject({ status: 'COMPLETED', hours: 2 });
    expect(tap.actions.find((action) => action.status === 'PROPOSED')).toMatchObject({ actorRole: 'RESIDENT', assisted: false });
    expect(helper).toEqual({ verified: true, timeCredits: { balance: 3 } });
    // The elderly neighbour's need was posted by the grid worker of her building.
    const posted = await staff.query<{ listing: { assisted: boolean; compound: { id: string } } }>('query ($id: ID!) { listing(id: $id) { assisted compound { id } } }', {
      id: demoId('listing:q:a1-201-tap'),
    });
    expect(posted.data!.listing).toEqual({ assisted: true, compound: { id: demoIds.compound('420102001001', 'A小区') } });
  });
});

type Rounds = {
  residentsCouncil: { members: Array<{ name: string; role: string }> };
  projectRounds: Array<{ title: string; status: string; budget: string; allocated: string; remaining: string; projects: Array<{ status: string }> }>;
};

// Issue 10, section 3: a refused part leaves the rest of the answer standing. An owners' committee reads the
// building and room of the households on its own pickup list (never names or phones); a field the caller may
// not see, or that another subgraph could not give, is null with one FORBIDDEN a kind, carrying its path.
import { addDays, DEMO, fixedClock } from '@cgov/shared';
import { graphql, tokenFor, type GraphQLResponse } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A_COMPOUND, B1, B_COMPOUND, DEMO_FRUIT, LI, room, TOWER, ZHANG } from './demo-ids.js';
import { callerFor, startPlatform, type Caller, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);

let platform: Platform;
let committee: Caller;
beforeAll(async () => {
  platform = await startPlatform({ clock });
  committee = callerFor(platform, 'OWNER_COMMITTEE', B_COMPOUND, 'committee-b', { fresh: true });
});
afterAll(() => platform?.stop());

const forbiddenPaths = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => {
    expect(error.extensions?.code).toBe('FORBIDDEN');
    return error.path;
  });

interface PickupLine {
  amount: string;
  household: { id: string; building: { name: string } | null; room: string; headOfHousehold?: string | null; phone?: string | null; needsDoorToDoor?: boolean | null; orders?: unknown } | null;
}
type PickupList = { groupBuy: { title: string; participantCount: number; participations: PickupLine[] } | null };

describe('the owners’ committee’s pickup list', () => {
  const PICKUP = `query ($id: ID!) { groupBuy(id: $id) { title participantCount participations { amount household { id building { name } room } } } }`;

  it('shows the building and room of every household that joined its group buy (the issue’s input)', async () => {
    const response = await committee.query<PickupList>(PICKUP, { id: DEMO_FRUIT });
    expect(response.errors).toBeUndefined();
    const groupBuy = response.data!.groupBuy!;
    expect(groupBuy).toMatchObject({ title: expect.any(String), participantCount: 4 });
    expect(groupBuy.participations).toHaveLength(4);
    for (const line of groupBuy.participations) {
      expect(line.household).toMatchObject({ id: expect.any(String), building: { name: expect.stringMatching(/号楼$/) }, room: expect.stringMatching(/^\d+$/) });
    }
  });

  it('never names or phones: asked for them, the list stands with one FORBIDDEN a kind, each with the path of the first field it nulled', async () => {
    const response = await committee.query<PickupList>(
      // Orders of a date: a household's whole history under each of 500 participations is refused by the cost limit (limits.test.ts).
      `query ($id: ID!, $date: Date!) { groupBuy(id: $id) { title participations { amount household { id room building { name } headOfHousehold phone needsDoorToDoor orders(date: $date) { id } } } } }`,
      { id: DEMO_FRUIT, date: addDays(TODAY, 1) },
    );
    const lines = response.data!.groupBuy!.participations;
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line.household).toMatchObject({ room: expect.any(String), building: { name: expect.any(String) }, headOfHousehold: null, phone: null, needsDoorToDoor: null, orders: null });
    }
    const paths = forbiddenPaths(response);
    expect(paths).toHaveLength(3); // names and phones, the door-to-door flag, orders: once each, not once a household
    for (const path of paths) expect(path!.slice(0, 2)).toEqual(['groupBuy', 'participations']);
    expect(paths.map((path) => path!.at(-1)).sort()).toEqual(['headOfHousehold', 'needsDoorToDoor', 'orders']);
  });

  it('is the committee’s own only: other households of its compound stay refused, and another compound’s committee gets nothing', async () => {
    const household = await committee.query<{ household: unknown }>('query ($id: ID!) { household(id: $id) { room } }', { id: room(B1, '101') });
    expect(household.data?.household ?? null).toBeNull();
    expect(household.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    const building = await committee.query<{ building: { name: string; households: unknown } }>('query ($id: ID!) { building(id: $id) { name households { room } } }', { id: B1 });
    expect(building.data!.building).toEqual({ name: '1号楼', households: null });
    expect(forbiddenPaths(building)).toEqual([['building', 'households']]);

    const other = await callerFor(platform, 'OWNER_COMMITTEE', A_COMPOUND, 'committee-a', { fresh: true }).query<PickupList>(PICKUP, { id: DEMO_FRUIT });
    expect(other.data?.groupBuy ?? null).toBeNull();
    expect(other.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('trusts no participation it did not see: a representation naming a household of another compound is refused by the community tier', async () => {
    const token = await tokenFor('OWNER_COMMITTEE', B_COMPOUND, 'committee-b');
    const forged = await graphql<{ _entities: Array<{ household: unknown } | null> }>(
      platform.subgraphs.community.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Participation { household { room } } } }',
      { token, variables: { r: [{ __typename: 'Participation', id: '00000000-0000-4000-8000-000000000001', householdId: room(TOWER, '101'), compoundId: B_COMPOUND }] } },
    );
    expect(forged.data!._entities[0]).toEqual({ household: null });
    expect(forged.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('a refused part leaves its parents standing', () => {
  it('an analyst reads a group buy without its pickup list: the group buy stands, the list is null with one FORBIDDEN at its path', async () => {
    const analyst = callerFor(platform, 'ANALYST', DEMO.cityId, 'analyst', { fresh: true });
    const response = await analyst.query<{ groupBuy: { title: string; participations: unknown; compound: { name: string } } }>(
      'query ($id: ID!) { groupBuy(id: $id) { title participations { amount } compound { name } } }',
      { id: DEMO_FRUIT },
    );
    expect(response.data!.groupBuy).toMatchObject({ participations: null, compound: { name: 'B小区' } });
    expect(forbiddenPaths(response)).toEqual([['groupBuy', 'participations']]);
  });

  it('an analyst reads a compound’s rooms but no names: one FORBIDDEN for every name in the answer', async () => {
    const analyst = callerFor(platform, 'ANALYST', DEMO.cityId, 'analyst', { fresh: true });
    const response = await analyst.query<{ compound: { name: string; buildings: Array<{ households: Array<{ room: string; headOfHousehold: string | null }> }> } }>(
      'query ($id: ID!) { compound(id: $id) { name buildings { name households { room headOfHousehold } } } }',
      { id: A_COMPOUND },
    );
    const households = response.data!.compound.buildings.flatMap((building) => building.households);
    expect(households.length).toBeGreaterThan(30);
    expect(households.every((household) => household.room && household.headOfHousehold === null)).toBe(true);
    const paths = forbiddenPaths(response);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.slice(0, 2)).toEqual(['compound', 'buildings']);
    expect(paths[0]!.at(-1)).toBe('headOfHousehold');
  });

  it('a resident reads its compound: names of buildings stand, the household lists and the order report are null, one FORBIDDEN a kind', async () => {
    const resident = callerFor(platform, 'RESIDENT', room(TOWER, '101'), 'resident-101', { fresh: true });
    const response = await resident.query<{ compound: { name: string; orderReport: unknown; buildings: Array<{ name: string; households: unknown; assignments: unknown }> } }>(
      'query ($id: ID!, $date: Date!) { compound(id: $id) { name orderReport(date: $date) { units } buildings { name households { room } assignments { floorFrom } } } }',
      { id: A_COMPOUND, date: addDays(TODAY, 1) },
    );
    const compound = response.data!.compound;
    expect(compound).toMatchObject({ name: 'A小区', orderReport: null });
    expect(compound.buildings.length).toBeGreaterThan(1);
    for (const building of compound.buildings) expect(building).toMatchObject({ name: expect.any(String), households: null, assignments: null });
    const paths = forbiddenPaths(response);
    expect(paths.map((path) => path!.at(-1)).sort()).toEqual(['assignments', 'households', 'orderReport']);
  });

  it('a party member reads another party member: its work unit stands, its name and its lists are null, one FORBIDDEN a kind', async () => {
    const zhang = callerFor(platform, 'PARTY_MEMBER', ZHANG, 'pm-zhang', { fresh: true });
    const response = await zhang.query<{ partyMember: { workUnit: string; name: unknown; households: unknown; deliveries: unknown } }>(
      'query ($id: ID!, $date: Date!) { partyMember(id: $id) { workUnit name phone households { room } deliveries(date: $date) { id } } }',
      { id: LI, date: addDays(TODAY, 1) },
    );
    expect(response.data!.partyMember).toMatchObject({ workUnit: expect.any(String), name: null, phone: null, households: null, deliveries: null });
    expect(forbiddenPaths(response).map((path) => path!.join('.')).sort()).toEqual(['partyMember.households', 'partyMember.name']);
  });

  it('a street officer reads the city: names stand, every budget outside its street is null under one FORBIDDEN', async () => {
    const officer = callerFor(platform, 'STREET_OFFICER', DEMO.streetId, 'officer', { fresh: true });
    const response = await officer.query<{ city: { name: string; subsidyBudget: unknown; districts: Array<{ name: string; subsidyBudget: unknown }> } }>(
      'query ($id: ID!) { city(id: $id) { name subsidyBudget { allocated } districts { name subsidyBudget { allocated } } } }',
      { id: DEMO.cityId },
    );
    const city = response.data!.city;
    expect(city).toMatchObject({ name: expect.any(String), subsidyBudget: null });
    for (const district of city.districts) expect(district).toMatchObject({ name: expect.any(String), subsidyBudget: null });
    expect(forbiddenPaths(response)).toEqual([['city', 'subsidyBudget']]);
  });

  it('one mutation refused among several: the others’ answers stand, the refused one is null at its path', async () => {
    const official = callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId, 'official');
    const response = await official.query<{ mine: { name: string } | null; elsewhere: null }>(
      `mutation { mine: designateSupplier(input: { regionId: "${DEMO.cityId}", name: "新供应商" }) { name }
        elsewhere: designateSupplier(input: { regionId: "4202", name: "外市供应商" }) { name } }`,
    );
    expect(response.data).toEqual({ mine: { name: '新供应商' }, elsewhere: null });
    expect(forbiddenPaths(response)).toEqual([['elsewhere']]);
  });

  it('the city tier down: a compound still answers with its name, its community null', async () => {
    await platform.subgraphs.city.stop();
    try {
      const response = await committee.query<{ compound: { name: string; community: unknown } }>('query ($id: ID!) { compound(id: $id) { name community { name } } }', { id: B_COMPOUND });
      expect(response.data!.compound).toEqual({ name: 'B小区', community: null });
      expect(response.errors?.length).toBeGreaterThan(0);
    } finally {
      await platform.restart('city');
    }
  });

  it('the community tier down: a group buy still answers with its title, its compound and households null', async () => {
    await platform.subgraphs.community.stop();
    try {
      const response = await committee.query<{ groupBuy: { title: string; compound: unknown; participations: PickupLine[] } }>(
        'query ($id: ID!) { groupBuy(id: $id) { title compound { name } participations { amount household { room } } } }',
        { id: DEMO_FRUIT },
      );
      const groupBuy = response.data!.groupBuy;
      expect(groupBuy.title).toEqual(expect.any(String));
      expect(groupBuy.compound).toBeNull();
      expect(groupBuy.participations).toHaveLength(4);
      for (const line of groupBuy.participations) expect(line).toMatchObject({ amount: expect.any(String), household: null });
      expect(response.errors?.length).toBeGreaterThan(0);
    } finally {
      await platform.restart('community');
    }
  });
});

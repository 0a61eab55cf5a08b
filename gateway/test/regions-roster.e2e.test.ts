import { DEMO, demoIds } from '@cgov/shared';
import { errorCodes, graphql, tokenFor } from '@cgov/shared/testing';
import { contractOperation } from '@cgov/schema/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './harness.js';

let platform: Platform;
let staff: string;
beforeAll(async () => {
  platform = await startPlatform();
  staff = await tokenFor('COMMUNITY_STAFF', DEMO.communityId);
});
afterAll(() => platform?.stop());

interface Tree {
  city: {
    id: string;
    name: string;
    districts: Array<{ id: string; name: string; streets: Array<{ id: string; name: string; communities: Array<{ id: string; name: string }> }> }>;
  } | null;
}

interface Roster {
  community: {
    id: string;
    name: string;
    compounds: Array<{
      id: string;
      name: string;
      buildings: Array<{ id: string; name: string; floors: number; households: Array<{ id: string; floor: number; room: string }> }>;
    }>;
  } | null;
}

describe('CityTree', () => {
  it('drills H市 down to its communities, every code nested in its parent’s', async () => {
    const response = await graphql<Tree>(platform.gatewayUrl, contractOperation('CityTree'), {
      token: await tokenFor('ANALYST', DEMO.cityId),
      variables: { cityId: DEMO.cityId },
    });
    expect(response.errors).toBeUndefined();
    const city = response.data!.city!;
    expect(city.name).toBe('H市');
    expect(city.districts.length).toBeGreaterThanOrEqual(2);
    const streets = city.districts.flatMap((district) => district.streets.map((street) => ({ district, street })));
    expect(streets.length).toBeGreaterThanOrEqual(2);
    for (const { district, street } of streets) {
      expect(district.id.startsWith(city.id) && district.id.length).toBe(6);
      expect(street.id.startsWith(district.id) && street.id.length).toBe(9);
      for (const community of street.communities) expect(community.id.startsWith(street.id) && community.id.length).toBe(12);
    }
    const communities = streets.flatMap(({ street }) => street.communities);
    expect(communities).toContainEqual({ id: DEMO.communityId, name: 'Q社区' });
    expect(communities.length).toBeGreaterThanOrEqual(2);
  });

  it('answers null for an unknown city and BAD_USER_INPUT for a code that is not a city’s', async () => {
    const token = await tokenFor('ANALYST', DEMO.cityId);
    const unknown = await graphql<Tree>(platform.gatewayUrl, contractOperation('CityTree'), { token, variables: { cityId: '9999' } });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.city).toBeNull();
    const wrong = await graphql(platform.gatewayUrl, contractOperation('CityTree'), { token, variables: { cityId: DEMO.communityId } });
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors?.[0]?.message).toMatch(/division code of a city \(4 digits\)/);
  });
});

describe('CommunityRoster', () => {
  it('shows Q社区’s compounds, the 18-floor building with households on every floor, and B小区', async () => {
    const response = await graphql<Roster>(platform.gatewayUrl, contractOperation('CommunityRoster'), {
      token: staff,
      variables: { communityId: DEMO.communityId },
    });
    expect(response.errors).toBeUndefined();
    const community = response.data!.community!;
    expect(community.name).toBe('Q社区');
    expect(community.compounds.map((compound) => compound.name)).toEqual(expect.arrayContaining(['A小区', 'B小区']));
    const tall = community.compounds.flatMap((compound) => compound.buildings).find((building) => building.floors === 18)!;
    expect(tall).toBeDefined();
    for (let floor = 1; floor <= 18; floor += 1) {
      expect(tall.households.filter((household) => household.floor === floor).length, `floor ${floor}`).toBeGreaterThanOrEqual(2);
    }
    const b = community.compounds.find((compound) => compound.name === 'B小区')!;
    expect(b.buildings.flatMap((building) => building.households).length).toBeGreaterThanOrEqual(8);
  });

  it('is read by the street officer and city official above Q社区, without names', async () => {
    for (const [role, scope] of [
      ['STREET_OFFICER', DEMO.streetId],
      ['CITY_OFFICIAL', DEMO.cityId],
      ['ANALYST', DEMO.cityId],
    ] as const) {
      const response = await graphql<Roster>(platform.gatewayUrl, contractOperation('CommunityRoster'), {
        token: await tokenFor(role, scope),
        variables: { communityId: DEMO.communityId },
      });
      expect(response.errors, role).toBeUndefined();
      expect(response.data?.community?.compounds.length, role).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses the household list to a resident, who still sees its own household', async () => {
    const compoundId = demoIds.compound(DEMO.communityId, 'A小区');
    const householdId = demoIds.household(demoIds.building(compoundId, '1栋'), '1801');
    const token = await tokenFor('RESIDENT', householdId);
    const list = await graphql(platform.gatewayUrl, contractOperation('CommunityRoster'), { token, variables: { communityId: DEMO.communityId } });
    expect(errorCodes(list)).toContain('FORBIDDEN');
    const own = await graphql<{ household: { floor: number; room: string; headOfHousehold: string } }>(
      platform.gatewayUrl,
      'query ($id: ID!) { household(id: $id) { floor room headOfHousehold } }',
      { token, variables: { id: householdId } },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.household).toMatchObject({ floor: 18, room: '1801' });
    expect(own.data?.household.headOfHousehold).toBeTruthy();
  });
});

describe('personal data', () => {
  const query = `query ($id: ID!) { community(id: $id) { compounds { buildings { households { id headOfHousehold phone needsDoorToDoor } } } } }`;
  type Households = { community: { compounds: Array<{ buildings: Array<{ households: Array<{ headOfHousehold: string | null; phone: string | null; needsDoorToDoor: boolean }> }> }> } | null };

  it('shows names and phones to the community’s staff, and marks who needs a visit at the door', async () => {
    const response = await graphql<Households>(platform.gatewayUrl, query, { token: staff, variables: { id: DEMO.communityId } });
    expect(response.errors).toBeUndefined();
    const households = response.data!.community!.compounds.flatMap((c) => c.buildings.flatMap((b) => b.households));
    expect(households.every((household) => household.headOfHousehold)).toBe(true);
    const doorToDoor = households.filter((household) => household.needsDoorToDoor);
    expect(doorToDoor.length).toBeGreaterThan(0);
    expect(doorToDoor.every((household) => household.phone === null)).toBe(true);
  });

  it('never gives names or phones to analysts, city officials or street officers', async () => {
    for (const [role, scope] of [
      ['ANALYST', DEMO.cityId],
      ['CITY_OFFICIAL', DEMO.cityId],
      ['STREET_OFFICER', DEMO.streetId],
    ] as const) {
      const response = await graphql<Households>(platform.gatewayUrl, query, { token: await tokenFor(role, scope), variables: { id: DEMO.communityId } });
      expect(new Set(errorCodes(response)), role).toEqual(new Set(['FORBIDDEN']));
      expect(JSON.stringify(response.data ?? null)).not.toMatch(/[\u4e00-\u9fa5]{2,3}"|138\d{8}/);
    }
  });
});

describe('_entities lookups', () => {
  it('resolves City, District, Street and Community in the city subgraph', async () => {
    const response = await graphql<{ _entities: Array<{ id: string; name: string } | null> }>(
      platform.subgraphs.city.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on City { id name } ... on District { id name } ... on Street { id name } ... on Community { id name } } }`,
      {
        token: staff,
        variables: {
          r: [
            { __typename: 'City', id: DEMO.cityId },
            { __typename: 'District', id: DEMO.districtId },
            { __typename: 'Street', id: DEMO.streetId },
            { __typename: 'Community', id: DEMO.communityId },
            { __typename: 'Community', id: '999999999999' },
          ],
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.map((entity) => entity?.name ?? null)).toEqual(['H市', '东城区', '青山街道', 'Q社区', null]);
  });

  it('resolves Community, Compound, Building and Household in the community subgraph', async () => {
    const compoundId = demoIds.compound(DEMO.communityId, 'A小区');
    const buildingId = demoIds.building(compoundId, '1栋');
    const householdId = demoIds.household(buildingId, '801');
    const response = await graphql<{ _entities: Array<Record<string, unknown> | null> }>(
      platform.subgraphs.community.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Community { id compounds { name } } ... on Compound { name } ... on Building { name floors }
        ... on Household { floor room } } }`,
      {
        token: staff,
        variables: {
          r: [
            { __typename: 'Community', id: DEMO.communityId },
            { __typename: 'Compound', id: compoundId },
            { __typename: 'Building', id: buildingId },
            { __typename: 'Household', id: householdId },
            { __typename: 'Household', id: 'not-a-uuid' },
          ],
        },
      },
    );
    expect(response.errors).toBeUndefined();
    const [community, compound, building, household, missing] = response.data!._entities;
    expect((community?.compounds as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(compound).toEqual({ name: 'A小区' });
    expect(building).toEqual({ name: '1栋', floors: 18 });
    expect(household).toEqual({ floor: 8, room: '801' });
    expect(missing).toBeNull();
  });

  it('resolves Compound and OwnerCommittee in the selforg subgraph', async () => {
    const compoundId = demoIds.compound(DEMO.communityId, 'B小区');
    const response = await graphql<{ _entities: Array<Record<string, unknown> | null> }>(
      platform.subgraphs.selforg.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Compound { id ownerCommittee { name } } ... on OwnerCommittee { id name } } }`,
      {
        token: staff,
        variables: {
          r: [
            { __typename: 'Compound', id: compoundId },
            { __typename: 'OwnerCommittee', id: '00000000-0000-4000-8000-000000000000' },
          ],
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([{ id: compoundId, ownerCommittee: { name: 'B小区业主委员会' } }, null]);
  });
});

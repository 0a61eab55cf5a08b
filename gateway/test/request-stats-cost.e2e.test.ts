// The request dashboard, the month's ranking and a page of requests cost the same SQL statements and subgraph fetches
// whatever the number of requests (or of rows on the page). The scheduler sweeps once an hour here, so that only the
// queries' statements are counted.
import { DEMO, fixedClock } from '@cgov/shared';
import { graphql, tokenFor } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './harness.js';

const DASHBOARD = `query RequestDashboard($cityId: ID!, $month: String!) {
  city(id: $cityId) {
    id
    requestStats(month: $month) { received open overdue responseRate resolutionRate satisfactionRate }
    frequentProblems(month: $month) { category { code name } count previousMonthCount }
    districts {
      id
      requestStats(month: $month) { received open overdue responseRate resolutionRate satisfactionRate }
      streets {
        id
        name
        requestStats(month: $month) { received open overdue responseRate resolutionRate satisfactionRate }
        communities { id requestStats(month: $month) { received open overdue responseRate resolutionRate satisfactionRate } }
      }
    }
  }
}`;
const RANKING = `query RequestRanking($cityId: ID!, $month: String!, $unitKind: RequestUnitKind!) {
  requestRanking(cityId: $cityId, month: $month, unitKind: $unitKind) { rank unitId unitName dispatched responseRate resolutionRate satisfactionRate score ranked }
}`;
const MONTH = '2025-03';
const clock = fixedClock('2024-06-15T10:00:00+08:00'); // the demo's requests fall around June 2024

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock, schedulerIntervalMs: 3_600_000 });
  clock.set('2025-03-10T09:00:00+08:00');
});
afterAll(() => platform?.stop());

let key = 0;
/** Files `count` requests across the demo's communities and categories (street-held and department-held), some answered. */
async function seed(count: number) {
  const hotline = await tokenFor('HOTLINE_OPERATOR', DEMO.cityId);
  const communities = ['420102001001', '420102001002', '420102002001', '420103001001', '420103001002', '420103002001'];
  const categories = ['PROPERTY', 'NOISE', 'WATER', 'SANITATION', 'STREET_LIGHTS', 'HEATING'];
  for (let i = 0; i < count; i += 1) {
    const answer = await graphql<{ fileRequest: { id: string } }>(platform.gatewayUrl, `mutation ($input: FileRequestInput!) { fileRequest(input: $input) { id } }`, {
      token: hotline,
      variables: {
        input: { communityId: communities[i % communities.length], categoryCode: categories[i % categories.length], description: `诉求 ${key}`, channel: 'HOTLINE', idempotencyKey: `cost-${key++}` },
      },
    });
    expect(answer.errors).toBeUndefined();
  }
}

async function cost(query: string, variables: Record<string, unknown>) {
  platform.counters.reset();
  const answer = await graphql(platform.gatewayUrl, query, { token: await tokenFor('ANALYST', DEMO.cityId), variables, headers: { 'cache-control': 'no-cache' } });
  expect(answer.errors).toBeUndefined();
  return { statements: platform.counters.statements.requests, fetches: platform.counters.fetches.requests };
}

async function measure() {
  return {
    dashboard: await cost(DASHBOARD, { cityId: DEMO.cityId, month: MONTH }),
    streets: await cost(RANKING, { cityId: DEMO.cityId, month: MONTH, unitKind: 'STREET' }),
    departments: await cost(RANKING, { cityId: DEMO.cityId, month: MONTH, unitKind: 'DEPARTMENT' }),
  };
}

describe('request figures at two sizes', () => {
  it('cost the same statements and fetches for the dashboard and the ranking with 12 or 72 requests in the month', async () => {
    await seed(12);
    const small = await measure();
    await seed(60);
    const large = await measure();
    expect(large).toEqual(small);
    // The dashboard: the requests tier's four fetches (the city and each level below it) go to the subgraph as one
    // (batchedFetches.ts); its loaders read every level's counts in one statement, and the city's categories and their
    // names in two more (3).
    expect(small.dashboard).toEqual({ statements: 3, fetches: 1 });
    // The ranking: the units' month (street names come from the city's API, kept an hour), and the departments.
    expect(small.streets.statements).toBe(1);
    expect(small.departments.statements).toBe(2);
  });
});

describe('a page of requests', () => {
  it('costs one statement a level, not a row, for a page of 5 requests as for a page of 20, with their categories, departments and summons', async () => {
    const query = `query Page($filter: RequestFilter!, $first: Int) { requests(filter: $filter, first: $first) { totalCount edges { node { id category { code name } department { name } street { id } summons { department { name } reportedAt } } } } }`;
    // The newest 25 requests are all held by departments, so that both pages load every level but the summoned
    // departments (none was whistled): the same levels for 5 rows as for 20.
    clock.set('2025-03-20T09:00:00+08:00');
    const token = await tokenFor('HOTLINE_OPERATOR', DEMO.cityId);
    for (let i = 0; i < 25; i += 1) {
      const filed = await graphql(platform.gatewayUrl, `mutation ($input: FileRequestInput!) { fileRequest(input: $input) { id } }`, {
        token,
        variables: { input: { communityId: '420102001001', categoryCode: i % 2 ? 'WATER' : 'HEATING', description: `部门诉求 ${i}`, channel: 'HOTLINE', idempotencyKey: `page-${i}` } },
      });
      expect(filed.errors).toBeUndefined();
    }
    const page = async (first: number) => {
      platform.counters.reset();
      const answer = await graphql<{ requests: { edges: unknown[] } }>(platform.gatewayUrl, query, { token, variables: { filter: { regionId: DEMO.cityId }, first }, headers: { 'cache-control': 'no-cache' } });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.requests.edges).toHaveLength(first);
      return { statements: platform.counters.statements.requests, fetches: platform.counters.fetches.requests };
    };
    // One statement a level whatever the rows: the page, its count, the categories, the departments holding them, the
    // summons (none, so no summoned departments to load).
    const small = await page(5);
    expect(await page(20)).toEqual(small);
    expect(small).toEqual({ statements: 5, fetches: 1 });
  });
});

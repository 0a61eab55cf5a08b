// A subgraph down: its part of the answer is null with one SERVICE_UNAVAILABLE error per failed fetch, naming
// the service and the paths it nulled; the rest of the answer stands.
import { once } from 'node:events';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEMO } from '@cgov/shared';
import { contractOperation } from '@cgov/schema/contract';
import { graphql, tokenFor, type GraphQLResponse } from '@cgov/shared/testing';
import { createGateway } from '../src/server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B_COMPOUND, DEMO_FRUIT, packageOf, room, TOWER } from './demo-ids.js';
import { callerFor, startPlatform, testGatewayConfig, type Platform } from './harness.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ schedulerIntervalMs: 3_600_000 });
}, 120_000);
afterAll(() => platform?.stop());

type Path = Array<string | number>;
interface CommunityPart { id: string; name: string; volunteerCoverage: unknown; groupBuys: unknown[] | null; orderStats: unknown }
interface Dashboard {
  city: {
    id: string;
    name: string;
    subsidyBudget: { allocated: string; spent: string | null } | null;
    orderStats: unknown;
    districts: Array<{ id: string; orderStats: unknown; streets: Array<{ id: string; orderStats: unknown; communities: CommunityPart[] }> }>;
  };
}

/** Every community of the answer with its path. */
function communities(data: Dashboard): Array<{ path: Path; community: CommunityPart }> {
  return data.city.districts.flatMap((district, d) =>
    district.streets.flatMap((street, s) =>
      street.communities.map((community, c) => ({ path: ['city', 'districts', d, 'streets', s, 'communities', c], community })),
    ),
  );
}

/** What every unavailability error must be: the code, the service, a path, its paths, and no two alike. */
function expectUnavailable(response: GraphQLResponse<unknown>, service: string) {
  const errors = response.errors ?? [];
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: service, unavailableService: service });
    expect(error.message).toMatch(new RegExp(`The ${service} service is unavailable`));
    expect(error.path).toBeDefined();
    const paths = error.extensions!.paths as Path[];
    expect(paths[0]).toEqual(error.path);
    expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost|unavailableFetch/);
  }
  expect(new Set(errors.map((error) => JSON.stringify(error))).size).toBe(errors.length);
  return errors;
}

const dashboardQuery = (caller: ReturnType<typeof callerFor>) => caller.op<Dashboard>('CityDashboard', { cityId: DEMO.cityId, date: '2020-02-20' });

describe('a subgraph that is down', () => {
  it('selforg: every group buy list of the dashboard is null, in one error listing their paths; the rest stands', async () => {
    const official = callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId, undefined, { fresh: true });
    const before = await dashboardQuery(official);
    expect(before.errors).toBeUndefined();
    await platform.subgraphs.selforg.stop();
    try {
      const response = await dashboardQuery(official);
      const [error, ...others] = expectUnavailable(response, 'selforg');
      expect(others).toEqual([]);
      const all = communities(response.data!);
      expect(error!.extensions!.paths).toEqual(all.map(({ path }) => [...path, 'groupBuys']));
      expect(error!.message).toMatch(new RegExp(`the ${all.length} fields it serves are null`));
      for (const { community } of all) {
        expect(community.groupBuys).toBeNull();
        expect(community.volunteerCoverage).not.toBeNull();
      }
      // Everything the other subgraphs serve is as it was.
      const strip = (data: Dashboard) => JSON.stringify(data, (key, value) => (key === 'groupBuys' ? undefined : value));
      expect(strip(response.data!)).toEqual(strip(before.data!));
    } finally {
      await platform.restart('selforg');
    }
  });

  it('community: the fields it serves are null at their own paths, root or nested; the city’s fields stand', async () => {
    const staff = callerFor(platform, 'COMMUNITY_STAFF', DEMO.communityId, undefined, { fresh: true });
    await platform.subgraphs.community.stop();
    try {
      const response = await staff.query<{ cities: Array<{ id: string }>; roster: unknown; other: unknown }>(
        'query ($id: ID!) { cities { id } roster: community(id: $id) { id compounds { id } } other: household(id: "00000000-0000-4000-8000-000000000000") { id } }',
        { id: DEMO.communityId },
      );
      expect(response.data!.cities.map((city) => city.id)).toContain(DEMO.cityId);
      expect(response.data!.roster).toEqual({ id: DEMO.communityId, compounds: null });
      expect(response.data!.other).toBeNull();
      const errors = expectUnavailable(response, 'community');
      expect(errors.flatMap((error) => error.extensions!.paths as Path[]).sort()).toEqual([['other'], ['roster', 'compounds']]);

      // The dashboard: the figures are null, the region tree and the budget's allocation stand.
      const dashboard = await dashboardQuery(callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId, undefined, { fresh: true }));
      expect(dashboard.data!.city.name).toBe('H市');
      expect(dashboard.data!.city.orderStats).toBeNull();
      expect(dashboard.data!.city.subsidyBudget).toMatchObject({ spent: null });
      expect(communities(dashboard.data!).length).toBeGreaterThan(1);
      const nulled = expectUnavailable(dashboard, 'community').flatMap((error) => error.extensions!.paths as Path[]);
      expect(nulled).toContainEqual(['city', 'orderStats']);
      expect(nulled).toContainEqual(['city', 'districts', 0, 'streets', 0, 'communities', 0, 'volunteerCoverage']);
      expect(new Set(nulled.map((path) => JSON.stringify(path))).size).toBe(nulled.length);
    } finally {
      await platform.restart('community');
    }
  });

  it('mutations: the field is null at its path with SERVICE_UNAVAILABLE, and nothing changed', async () => {
    const committee = callerFor(platform, 'OWNER_COMMITTEE', B_COMPOUND);
    await platform.subgraphs.selforg.stop();
    try {
      const closed = await committee.op('CloseGroupBuy', { id: DEMO_FRUIT });
      expect(closed.data).toEqual({ closeGroupBuy: null });
      const [error, ...others] = expectUnavailable(closed, 'selforg');
      expect(others).toEqual([]);
      expect(error!.path).toEqual(['closeGroupBuy']);
    } finally {
      await platform.restart('selforg');
    }
    const groupBuy = await committee.query<{ groupBuy: { status: string } }>('query ($id: ID!) { groupBuy(id: $id) { status } }', { id: DEMO_FRUIT });
    expect(groupBuy.data!.groupBuy.status).toBe('OPEN');

    const staff = callerFor(platform, 'COMMUNITY_STAFF', DEMO.communityId);
    await platform.subgraphs.community.stop();
    try {
      const submitted = await staff.op('SubmitOrders', {
        input: { idempotencyKey: 'outage', orders: [{ householdId: room(TOWER, '701'), packageId: packageOf('2020-02-20', 'pork'), quantity: 1, channel: 'PHONE' }] },
      });
      expect(submitted.data).toEqual({ submitOrders: null });
      expect(expectUnavailable(submitted, 'community').map((error) => error.path)).toEqual([['submitOrders']]);
    } finally {
      await platform.restart('community');
    }
  });
});

describe('a subgraph that takes the connection but never answers', () => {
  it('is SERVICE_UNAVAILABLE after the gateway\'s subgraph timeout, and the rest of the answer stands', async () => {
    // A socket that accepts and stays silent: what a hung process or a stuck proxy looks like from the gateway.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const gateway = await createGateway({
      config: testGatewayConfig(
        { city: platform.subgraphs.city.url, community: platform.subgraphs.community.url, selforg: silentUrl, requests: platform.subgraphs.requests.url },
        { responseCacheMegabytes: 0, subgraphTimeoutMs: 500 },
      ),
    });
    try {
      const started = Date.now();
      const response = await graphql<Dashboard>(gateway.url, contractOperation('CityDashboard'), {
        token: await tokenFor('CITY_OFFICIAL', DEMO.cityId),
        variables: { cityId: DEMO.cityId, date: '2020-02-20' },
      });
      const elapsed = Date.now() - started;
      const [error, ...others] = expectUnavailable(response, 'selforg');
      expect(others).toEqual([]);
      expect(error!.extensions!.paths).toEqual(communities(response.data!).map(({ path }) => [...path, 'groupBuys']));
      expect(response.data!.city.name).toBe('H市');
      expect(communities(response.data!).every(({ community }) => community.volunteerCoverage !== null)).toBe(true);
      // One timeout (the selforg fetch), not one per field, and well before a client would give up.
      expect(elapsed).toBeLessThan(10_000);

      // A mutation that may have reached the subgraph before the deadline: its outcome is unknown, and the
      // answer says to read it back before sending it again.
      const closed = await graphql(gateway.url, contractOperation('CloseGroupBuy'), {
        token: await tokenFor('OWNER_COMMITTEE', B_COMPOUND),
        variables: { id: DEMO_FRUIT },
      });
      expect(closed.data).toEqual({ closeGroupBuy: null });
      const [unknown] = expectUnavailable(closed, 'selforg');
      expect(unknown!.extensions).toMatchObject({ outcome: 'UNKNOWN' });
      expect(unknown!.message).toMatch(/whether the change was made is unknown/);
    } finally {
      await gateway.stop();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});

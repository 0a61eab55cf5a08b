// The platform as it runs with NODE_ENV=production: what a client reaching it (or a subgraph port) may learn.
import { createServer as createCity } from '@cgov/city';
import { DEMO, DEVELOPMENT_JWT_SECRET, INTERNAL_CREDENTIAL_HEADER, internalCredential } from '@cgov/shared';
import { createTestDatabase, errorCodes, graphql, testSubgraphConfig, tokenFor, usingPostgresServer } from '@cgov/shared/testing';
import { contractOperation } from '@cgov/schema/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A_COMPOUND } from './demo-ids.js';
import { startPlatform, type Platform } from './harness.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ production: true });
});
afterAll(() => platform?.stop());

const subgraphUrls = () => Object.entries(platform.subgraphs).map(([name, subgraph]) => [name, subgraph.url] as const);

describe('in production', () => {
  it('never suggests schema names ("Did you mean …"), at the gateway or at a subgraph', async () => {
    const token = await tokenFor('ANALYST', DEMO.cityId);
    const mistakes = [
      ['{ citis { id } }', /Cannot query field "citis" on type "Query"\.$/],
      [`{ city(id: "${DEMO.cityId}") { nme } }`, /Cannot query field "nme" on type "City"\.$/],
      [`{ community(id: "${DEMO.communityId}") { groupBuys(status: OPN) { id } } }`, /Value "OPN" does not exist in "GroupBuyStatus" enum\.$/],
    ] as const;
    for (const [document, message] of mistakes) {
      const response = await graphql(platform.gatewayUrl, document, { token });
      expect(errorCodes(response), document).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message, document).toMatch(message);
      expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/);
    }
    for (const [name, url] of subgraphUrls()) {
      const response = await graphql(url, '{ compund(id: "x") { id } cty(id: "x") { id } }', { token });
      expect(errorCodes(response).length, name).toBeGreaterThan(0);
      expect(JSON.stringify(response.errors), name).not.toMatch(/Did you mean/);
    }
  });

  it('answers _service and _entities at a subgraph only to the gateway: any token alone is FORBIDDEN', async () => {
    const token = await tokenFor('CITY_OFFICIAL', DEMO.cityId);
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id } } }`;
    const variables = { r: [{ __typename: 'Community', id: DEMO.communityId }] };
    const hidden = '{ ...Root } fragment Root on Query { ... on Query { _service { sdl } } }';
    for (const [name, url] of subgraphUrls()) {
      for (const [document, vars] of [['{ _service { sdl } }', undefined], [hidden, undefined], [entities, variables]] as const) {
        const response = await graphql(url, document, { token, variables: vars });
        expect(response.status, `${name} ${document}`).toBe(403);
        expect(errorCodes(response), `${name} ${document}`).toEqual(['FORBIDDEN']);
        expect(response.errors?.[0]?.message).toMatch(/answered to the gateway only/);
        expect(JSON.stringify(response)).not.toMatch(/@inaccessible|CacheControlScope/);
      }
      const forged = await graphql(url, '{ _service { sdl } }', { token, headers: { [INTERNAL_CREDENTIAL_HEADER]: 'forged' } });
      expect(errorCodes(forged), name).toEqual(['FORBIDDEN']);
      // A client's token is no credential either.
      const tokenAsCredential = await graphql(url, '{ _service { sdl } }', { token, headers: { [INTERNAL_CREDENTIAL_HEADER]: token } });
      expect(errorCodes(tokenAsCredential), name).toEqual(['FORBIDDEN']);
      // What the gateway sends is accepted.
      const gateway = await graphql<{ _service: { sdl: string } }>(url, '{ _service { sdl } }', {
        token,
        headers: { [INTERNAL_CREDENTIAL_HEADER]: internalCredential(DEVELOPMENT_JWT_SECRET) },
      });
      expect(gateway.errors, name).toBeUndefined();
      expect(gateway.data?._service.sdl, name).toMatch(/type Query/);
    }
  });

  it('still serves, through the gateway, the operations that join subgraphs by _entities', async () => {
    const staff = await tokenFor('COMMUNITY_STAFF', DEMO.communityId);
    const roster = await graphql(platform.gatewayUrl, contractOperation('CommunityRoster'), { token: staff, variables: { communityId: DEMO.communityId } });
    expect(roster.errors).toBeUndefined();
    const compound = await graphql<{ compound: { id: string; community: { name: string } } }>(
      platform.gatewayUrl,
      `{ compound(id: "${A_COMPOUND}") { id community { name } } }`,
      { token: staff },
    );
    expect(compound.errors).toBeUndefined();
    expect(compound.data?.compound.community.name).toBe('Q社区');
  });

  it('shows no landing page that loads code from elsewhere or reports telemetry', async () => {
    // The gateway sends a browser to the console's own IDE (served from this origin, see console-routes.test.ts).
    const gateway = await fetch(platform.gatewayUrl, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(gateway.status).toBe(302);
    expect(gateway.headers.get('location')).toBe('/ide');
    for (const url of subgraphUrls().map(([, each]) => each)) {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      const body = await response.text();
      expect(body, url).not.toMatch(/runTelemetry|apollographql\.com|embeddable-sandbox|cdn\./i);
      expect(response.headers.get('content-type') ?? '', url).not.toMatch(/text\/html/);
    }
  });
});

// A database server that goes away (embedded PGlite cannot: it lives in the process, and has no address to leak).
const onPostgresServer = await usingPostgresServer();

describe('GET /health of a subgraph whose database is gone', () => {
  it.skipIf(!onPostgresServer)('says "database unreachable" without the database’s address or the driver’s words', async () => {
    const database = await createTestDatabase('health');
    const city = await createCity({ config: testSubgraphConfig('city', database, { production: true, loadDemoData: false }) });
    try {
      const ok = await fetch(city.url.replace(/\/graphql$/, '/health'));
      expect(ok.status).toBe(200);
      await database.drop();
      const response = await fetch(city.url.replace(/\/graphql$/, '/health'));
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(JSON.parse(text)).toMatchObject({ service: 'city', status: 'unavailable', checks: { database: 'database unreachable' } });
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|5432|ECONNREFUSED|cgov_test|does not exist/);
    } finally {
      await city.stop().catch(() => undefined);
      await database.drop().catch(() => undefined);
    }
  });
});

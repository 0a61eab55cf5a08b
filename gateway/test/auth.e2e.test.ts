import { DEMO, DEVELOPMENT_JWT_SECRET, signToken } from '@cgov/shared';
import { errorCodes, graphql, tokenFor } from '@cgov/shared/testing';
import { contractOperation } from '@cgov/schema/contract';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './harness.js';
import { EVERY_HOUSEHOLD, fragmentFanOut, orderHistoriesDocument, thousandCopiesDocument } from './costly-documents.js';
import { A_COMPOUND, B_HOUSEHOLDS } from './demo-ids.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const cities = contractOperation('Cities');
const roster = contractOperation('CommunityRoster');

describe('authentication through the gateway', () => {
  it('refuses a request without a token with UNAUTHENTICATED and a plain message', async () => {
    const response = await graphql(platform.gatewayUrl, cities);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses a forged signature', async () => {
    const forged = await signToken({ sub: 'mallory', role: 'CITY_OFFICIAL', scope: DEMO.cityId }, 'not-the-platform-secret');
    const response = await graphql(platform.gatewayUrl, cities, { token: forged });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an expired token and a header that is not Bearer', async () => {
    const expired = await signToken(
      { sub: 'u', role: 'CITY_OFFICIAL', scope: DEMO.cityId },
      DEVELOPMENT_JWT_SECRET,
      Math.floor(Date.now() / 1000) - 10,
    );
    const late = await graphql(platform.gatewayUrl, cities, { token: expired });
    expect(errorCodes(late)).toEqual(['UNAUTHENTICATED']);
    expect(late.errors?.[0]?.message).toMatch(/expired/);
    const basic = await graphql(platform.gatewayUrl, cities, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(errorCodes(basic)).toEqual(['UNAUTHENTICATED']);
  });

  it('is no way around the token to reach a subgraph directly', async () => {
    for (const name of ['city', 'community', 'selforg'] as const) {
      const response = await graphql(platform.subgraphs[name].url, '{ _service { sdl } }');
      expect(errorCodes(response), name).toEqual(['UNAUTHENTICATED']);
      const forged = await signToken({ sub: 'm', role: 'CITY_OFFICIAL', scope: DEMO.cityId }, 'wrong');
      expect(errorCodes(await graphql(platform.subgraphs[name].url, '{ _service { sdl } }', { token: forged })), name).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
  });

  it('refuses at the gateway and at every subgraph a token whose scope does not have the shape its role needs', async () => {
    for (const [role, scope] of [['RESIDENT', DEMO.cityId], ['STREET_OFFICER', DEMO.cityId], ['COMMUNITY_STAFF', 'Q社区']] as const) {
      const token = await tokenFor(role, scope);
      for (const [name, url] of [['gateway', platform.gatewayUrl], ...Object.entries(platform.subgraphs).map(([key, value]) => [key, value.url])]) {
        const response = await graphql(url!, cities, { token });
        expect(errorCodes(response), `${role} ${scope} at ${name}`).toEqual(['UNAUTHENTICATED']);
        expect(response.errors?.[0]?.message).toMatch(/scope does not fit its role/);
      }
    }
  });

  it('never shows a stack trace, SQL or internal names in an error', async () => {
    const response = await graphql(platform.gatewayUrl, '{ city(id: "abc") { id } }', { token: await tokenFor('ANALYST', DEMO.cityId) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|at .*\.ts|SELECT|regions/);
  });
});

describe('scopes through the gateway', () => {
  it('gives FORBIDDEN to staff of another community reading Q社区’s roster', async () => {
    const token = await tokenFor('COMMUNITY_STAFF', '420102001002');
    const response = await graphql(platform.gatewayUrl, roster, { token, variables: { communityId: DEMO.communityId } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors?.[0]?.message).toMatch(/outside your scope/);
  });

  it('gives FORBIDDEN to a city official and an analyst of another city, and a street officer of another street', async () => {
    for (const [role, scope] of [
      ['CITY_OFFICIAL', DEMO.otherCityId],
      ['ANALYST', DEMO.otherCityId],
      ['STREET_OFFICER', '420102002'],
    ] as const) {
      const response = await graphql(platform.gatewayUrl, roster, {
        token: await tokenFor(role, scope),
        variables: { communityId: DEMO.communityId },
      });
      expect(errorCodes(response), role).toEqual(['FORBIDDEN']);
    }
  });

  it('lets the region tree be read by every role, whatever its scope', async () => {
    for (const [role, scope] of [
      ['RESIDENT', '00000000-0000-0000-0000-000000000000'],
      ['PARTY_MEMBER', '00000000-0000-4000-8000-000000000001'],
      ['OWNER_COMMITTEE', '00000000-0000-4000-8000-000000000002'],
      ['STREET_OFFICER', '420201001'],
    ] as const) {
      const response = await graphql<{ cities: Array<{ id: string }> }>(platform.gatewayUrl, cities, { token: await tokenFor(role, scope) });
      expect(response.errors, role).toBeUndefined();
      expect(response.data?.cities.map((city) => city.id)).toEqual([DEMO.cityId, DEMO.otherCityId]);
    }
  });
});

describe('malformed requests', () => {
  it('answers a body that is not JSON, a syntax error and an unknown field with BAD_USER_INPUT in plain words', async () => {
    const token = await tokenFor('ANALYST', DEMO.cityId);
    const notJson = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] });

    const syntax = await graphql(platform.gatewayUrl, '{ cities { id ', { token });
    expect(errorCodes(syntax)).toEqual(['BAD_USER_INPUT']);
    expect(syntax.errors?.[0]?.message).toMatch(/Syntax Error/);
    const unknown = await graphql(platform.gatewayUrl, '{ cities { id mayor } }', { token });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors?.[0]?.message).toMatch(/Cannot query field "mayor" on type "City"/);
  });
});

describe('query limits', () => {
  it('refuses documents too deep or with too many aliases before planning, and still serves introspection', async () => {
    const token = await tokenFor('ANALYST', DEMO.cityId);
    const deep = `{ city(id: "4201") { districts { city { districts { city { districts { city { districts { city { districts { city { districts { id } } } } } } } } } } } } }`;
    const tooDeep = await graphql(platform.gatewayUrl, deep, { token });
    expect(errorCodes(tooDeep)).toEqual(['BAD_USER_INPUT']);
    expect(tooDeep.errors?.[0]?.message).toMatch(/at most 12 are served/);
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: cities { id }`).join(' ')} }`;
    const tooMany = await graphql(platform.gatewayUrl, aliases, { token });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors?.[0]?.message).toMatch(/31 aliases/);
    const introspection = await graphql(platform.gatewayUrl, getIntrospectionQuery(), { token });
    expect(introspection.errors).toBeUndefined();
  });

  it('refuses the thousand copies of a compound’s households (aliases inside fragments) before planning, with HTTP 400', async () => {
    const token = await tokenFor('COMMUNITY_STAFF', DEMO.communityId);
    platform.counters.reset();
    const response = await graphql(platform.gatewayUrl, thousandCopiesDocument(), { token, variables: { c: A_COMPOUND } });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/uses 1110 aliases once its fragments are expanded.*at most 30 are served\. Use fewer aliases/);
    expect(response.data ?? null).toBeNull();
    expect(platform.counters.fetches).toEqual({ city: 0, community: 0, selforg: 0, requests: 0 });
    // The same limits hold at a subgraph's own port, for anyone but our own services.
    const direct = await graphql(platform.subgraphs.community.url, thousandCopiesDocument(), { token, variables: { c: A_COMPOUND } });
    expect(direct.status).toBe(400);
    expect(errorCodes(direct)).toEqual(['BAD_USER_INPUT']);
    expect(direct.errors?.[0]?.message).toMatch(/uses 1110 aliases once its fragments are expanded/);
    const deep = await graphql(platform.subgraphs.community.url, `{ building(id: "x") { ${'compound { buildings { '.repeat(6)}id${' } }'.repeat(6)} } }`, { token });
    expect(errorCodes(deep)).toEqual(['BAD_USER_INPUT']);
    expect(deep.errors?.[0]?.message).toMatch(/nests 14 levels deep; at most 12 are served/);
  });

  it('refuses a query whose lists multiply past the cost limit, before planning, saying what to change', async () => {
    const token = await tokenFor('ANALYST', DEMO.cityId);
    platform.counters.reset();
    const response = await graphql(platform.gatewayUrl, EVERY_HOUSEHOLD, { token });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/could return about \d+ objects .*at most 60000 are served\. Ask for fewer fields/);
    expect(platform.counters.fetches).toEqual({ city: 0, community: 0, selforg: 0, requests: 0 });
    const fanOut = await graphql(platform.gatewayUrl, fragmentFanOut(), { token });
    expect(fanOut.status).toBe(400);
    expect(errorCodes(fanOut)).toEqual(['BAD_USER_INPUT']);
    expect(fanOut.errors?.[0]?.message).toMatch(/more than 20000 fields once its fragments are expanded\. Ask for fewer fields/);
    expect(platform.counters.fetches).toEqual({ city: 0, community: 0, selforg: 0, requests: 0 });
    // A page is weighed by its first: 100 orders with their household's building are served.
    const page = await graphql(platform.gatewayUrl, `{ orders(filter: { regionId: "${DEMO.cityId}" }, first: 100) { edges { node { id } } } }`, { token });
    expect(page.errors).toBeUndefined();
  });

  it('refuses order histories under a package’s ratings (lists that grow with time), naming what to narrow, at the gateway and the subgraph', async () => {
    const token = await tokenFor('COMMUNITY_STAFF', DEMO.communityId);
    const household = B_HOUSEHOLDS[0]!;
    platform.counters.reset();
    for (const url of [platform.gatewayUrl, platform.subgraphs.community.url]) {
      const response = await graphql(url, orderHistoriesDocument(household), { token });
      expect(response.status, url).toBe(400);
      expect(errorCodes(response), url).toEqual(['BAD_USER_INPUT']);
      expect(response.data ?? null).toBeNull();
      const message = response.errors?.[0]?.message ?? '';
      expect(message).toMatch(/could return about \d+ objects .*at most 60000 are served\. Ask for fewer fields/);
      expect(message).toMatch(/Household\.orders counted at 1830 \(give it a date: one day’s orders count 5\)/);
      expect(message).toMatch(/Package\.ratings counted at 2000/);
    }
    expect(platform.counters.fetches).toEqual({ city: 0, community: 0, selforg: 0, requests: 0 });
    expect(platform.counters.statements.community).toBe(0);
    // Asked for one day, a household's orders are served.
    const day = await graphql(platform.gatewayUrl, 'query ($id: ID!) { household(id: $id) { orders(date: "2026-11-22") { id quantity payable status } } }', { token, variables: { id: household } });
    expect(day.errors).toBeUndefined();
  });

  it('refuses variables that do not fit before counting, as BAD_USER_INPUT', async () => {
    const token = await tokenFor('ANALYST', DEMO.cityId);
    const response = await graphql(platform.gatewayUrl, 'query ($id: ID!) { city(id: $id) { id } }', { token });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/\$id/);
  });

  it('refuses 3,000 nested braces or brackets plainly, at the gateway and at every subgraph, never with a stack overflow', async () => {
    const token = await tokenFor('ANALYST', DEMO.cityId);
    const documents = [
      `{ ${'cities { '.repeat(3000)}id${' }'.repeat(3000)} }`,
      `{ city(id: ${'['.repeat(3000)}"4201"${']'.repeat(3000)}) { id } }`,
      `{ city(id: "4201") { id } }${' '.repeat(10)}${'{'.repeat(3000)}`,
    ];
    const urls = [platform.gatewayUrl, ...Object.values(platform.subgraphs).map((subgraph) => subgraph.url)];
    for (const url of urls) {
      for (const document of documents) {
        const response = await graphql(url, document, { token });
        expect(response.status, url).toBe(400);
        expect(errorCodes(response), url).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0]?.message, `${url} ${document.slice(0, 30)}`).not.toMatch(/call stack/i);
      }
      const nested = await graphql(url, documents[0]!, { token });
      expect(nested.errors?.[0]?.message, url).toMatch(/nests braces, brackets or parentheses more than 100 deep/);
      // Long but flat: refused by its token count before it is parsed further.
      const long = await graphql(url, `{ ${'__typename '.repeat(2500)}}`, { token });
      expect(long.status, url).toBe(400);
      expect(errorCodes(long), url).toEqual(['BAD_USER_INPUT']);
      expect(long.errors?.[0]?.message, url).toMatch(/^This document has more than \d+ tokens .* Send a shorter document/);
    }
  });
});

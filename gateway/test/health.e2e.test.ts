import { DEMO } from '@cgov/shared';
import { errorCodes, graphql, tokenFor } from '@cgov/shared/testing';
import { contractOperation } from '@cgov/schema/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './harness.js';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

async function health() {
  const response = await fetch(`${platform.gatewayBaseUrl}/health`);
  return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
}

describe('GET /health', () => {
  it('answers 200 without a token when every subgraph answers', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.checks).toEqual({ city: 'ok', community: 'ok', selforg: 'ok', requests: 'ok' });
  });

  it('answers 503 naming the subgraph that is down, keeps serving the rest, and recovers with the data kept', async () => {
    const token = await tokenFor('COMMUNITY_STAFF', DEMO.communityId);
    const roster = contractOperation('CommunityRoster');
    const before = await graphql(platform.gatewayUrl, roster, { token, variables: { communityId: DEMO.communityId } });
    expect(before.errors).toBeUndefined();

    await platform.subgraphs.community.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.checks).toEqual({ city: 'ok', community: 'unreachable', selforg: 'ok', requests: 'ok' });

    const cities = await graphql<{ cities: unknown[] }>(platform.gatewayUrl, contractOperation('Cities'), { token });
    expect(cities.errors).toBeUndefined();
    expect(cities.data?.cities.length).toBeGreaterThan(0);
    const partial = await graphql(platform.gatewayUrl, roster, { token, variables: { communityId: DEMO.communityId } });
    expect(partial.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(partial.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);

    await platform.restart('community');
    expect((await health()).status).toBe(200);
    const after = await graphql(platform.gatewayUrl, roster, { token, variables: { communityId: DEMO.communityId } });
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
  });
});

describe('request ids', () => {
  it('gives every answer an x-request-id, and keeps one the caller sent', async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42', authorization: `Bearer ${await tokenFor('ANALYST', DEMO.cityId)}` },
      body: JSON.stringify({ query: '{ cities { id } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    const anonymous = await graphql(platform.gatewayUrl, '{ cities { id } }');
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

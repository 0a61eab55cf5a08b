// The gateway's routes for the web console, without the subgraphs: the built console at / with its security headers,
// browsers at GET /graphql sent to the IDE, and the development sign-in (absent in production).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ACTORS, verifyToken, DEVELOPMENT_JWT_SECRET, type RunningServer } from '@cgov/shared';
import { tokenFor } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../src/consoleRoutes.js';
import { createGateway } from '../src/server.js';
import { testGatewayConfig } from './harness.js';

const nowhere = { city: 'http://127.0.0.1:1/graphql', community: 'http://127.0.0.1:1/graphql', selforg: 'http://127.0.0.1:1/graphql', requests: 'http://127.0.0.1:1/graphql' };
const built = mkdtempSync(path.join(tmpdir(), 'cgov-console-'));
const unbuilt = mkdtempSync(path.join(tmpdir(), 'cgov-console-empty-'));
mkdirSync(path.join(built, 'assets'));
writeFileSync(path.join(built, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
writeFileSync(path.join(built, 'assets', 'index-Bx12ab.js'), 'console.log(1)');
writeFileSync(path.join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let gateway: RunningServer;
let empty: RunningServer;
let production: RunningServer;
const base = (server: RunningServer) => server.url.replace(/\/graphql$/, '');
beforeAll(async () => {
  gateway = await createGateway({ config: testGatewayConfig(nowhere, { consoleDir: built }) });
  empty = await createGateway({ config: testGatewayConfig(nowhere, { consoleDir: unbuilt }) });
  production = await createGateway({ config: testGatewayConfig(nowhere, { consoleDir: built, production: true }) });
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), empty?.stop(), production?.stop()]);
  rmSync(built, { recursive: true, force: true });
  rmSync(unbuilt, { recursive: true, force: true });
});

const page = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('the console at /', () => {
  it('serves index.html revalidated every time, and hashed assets for a year, all with a CSP that allows no other origin', async () => {
    const index = await fetch(`${base(gateway)}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<div id="root">');
    expectSecurityHeaders(index);
    expect(CONSOLE_CSP).toMatch(/default-src 'self'/);
    expect(CONSOLE_CSP).toMatch(/frame-ancestors 'none'/);
    expect(CONSOLE_CSP).not.toMatch(/https?:|\*/);

    const asset = await fetch(`${base(gateway)}/assets/index-Bx12ab.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    expectSecurityHeaders(asset);
    expect((await fetch(`${base(gateway)}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a browser’s page on any console path with index.html, but never on the API’s paths or for a program', async () => {
    for (const pathname of ['/ide', '/dashboard/4201/420102', '/policies?region=4201']) {
      const response = await fetch(`${base(gateway)}${pathname}`, { headers: page });
      expect(response.status, pathname).toBe(200);
      expect(await response.text(), pathname).toContain('<div id="root">');
      expectSecurityHeaders(response);
    }
    const head = await fetch(`${base(gateway)}/ide`, { method: 'HEAD', headers: page });
    expect(head.status).toBe(200);
    expect((await fetch(`${base(gateway)}/dashboard`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${base(gateway)}/assets/missing.js`)).status).toBe(404);
    for (const pathname of ['/auth/nothing', '/export/nothing', '/health/x']) {
      const response = await fetch(`${base(gateway)}${pathname}`, { headers: page });
      expect(response.status, pathname).toBe(404);
      expect(await response.text(), pathname).not.toContain('<div id="root">');
    }
    expect((await fetch(`${base(gateway)}/ide`, { method: 'POST', headers: page })).status).toBe(404);
  });

  it('says how to build the console when it is not built, never crashing', async () => {
    for (const pathname of ['/', '/ide']) {
      const response = await fetch(`${base(empty)}${pathname}`, { headers: page });
      expect(response.status, pathname).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/the console is not built: run `npm run build -w @cgov\/console`/i);
    }
    expect((await fetch(`${base(empty)}/health`)).status).toBe(503);
  });
});

describe('GET /graphql', () => {
  it('sends a browser to the console’s IDE', async () => {
    const response = await fetch(gateway.url, { headers: page, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/ide');
  });

  it('keeps its meaning for programs: a query in the URL, or a POST', async () => {
    const authorization = `Bearer ${await tokenFor('ANALYST', '4201')}`;
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', authorization, 'apollo-require-preflight': 'true' },
      redirect: 'manual',
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    // Even a browser's Accept gets the answer when the URL carries the query.
    const fromBrowser = await fetch(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { ...page, authorization, 'apollo-require-preflight': 'true' },
      redirect: 'manual',
    });
    expect(fromBrowser.status).toBe(200);
    const post = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const withoutQuery = await fetch(gateway.url, {
      headers: { accept: 'application/json', authorization, 'apollo-require-preflight': 'true' },
      redirect: 'manual',
    });
    // A program's GET without a query is GraphQL's own refusal, not the browser's redirect to the IDE.
    expect(withoutQuery.status).toBe(400);
    expect(await withoutQuery.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/non-empty `query`/), extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('development sign-in', () => {
  it('lists the demo’s actors, as the README’s table does', async () => {
    const response = await fetch(`${base(gateway)}/auth/dev-actors`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { actors: unknown[] };
    expect(body).toEqual({ actors: DEMO_ACTORS });
    expect(body.actors).toHaveLength(11);
    expect(body.actors[0]).toEqual({ id: 'city-command', role: 'CITY_OFFICIAL', scope: '4201', label: { 'zh-CN': 'H市疫情防控指挥部', 'en-US': "H city's epidemic command" } });
  });

  it('mints a 12-hour token the platform accepts, as `npm run token` does', async () => {
    const before = Date.now();
    const response = await fetch(`${base(gateway)}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'STREET_OFFICER', scope: '420102001' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    await expect(verifyToken(token, DEVELOPMENT_JWT_SECRET)).resolves.toEqual({ sub: 'dev-street_officer', role: 'STREET_OFFICER', scope: '420102001' });
    expect(expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    const hours = (Date.parse(expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(11.99);
    expect(hours).toBeLessThanOrEqual(12.001);
    const answer = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(answer.status).toBe(200);
  });

  it('refuses an unknown role, a scope of the wrong shape, and a body that is not JSON, with 400 BAD_USER_INPUT', async () => {
    const ask = (body: string, contentType = 'application/json') =>
      fetch(`${base(gateway)}/auth/dev-token`, { method: 'POST', headers: { 'content-type': contentType }, body });
    for (const [body, message] of [
      [JSON.stringify({ role: 'MAYOR', scope: '4201' }), /role must be one of CITY_OFFICIAL/],
      [JSON.stringify({ role: 'RESIDENT', scope: '4201' }), /scope: RESIDENT acts for one household/],
      [JSON.stringify({ role: 'CITY_OFFICIAL' }), /Send a JSON body/],
      ['{not json', /must be JSON/],
    ] as const) {
      const response = await ask(body);
      expect(response.status, body).toBe(400);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code, body).toBe('BAD_USER_INPUT');
      expect(answer.error.message, body).toMatch(message);
    }
    expect((await ask('role=CITY_OFFICIAL&scope=4201', 'application/x-www-form-urlencoded')).status).toBe(400);
  });

  it('does not exist in production', async () => {
    expect((await fetch(`${base(production)}/auth/dev-actors`)).status).toBe(404);
    expect((await fetch(`${base(production)}/auth/dev-actors`, { headers: page })).status).toBe(404);
    const mint = await fetch(`${base(production)}/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'CITY_OFFICIAL', scope: '4201' }) });
    expect(mint.status).toBe(404);
    expect(JSON.stringify(await mint.text())).not.toMatch(/eyJ/);
    expect((await fetch(`${base(production)}/`)).status).toBe(200);
  });
});

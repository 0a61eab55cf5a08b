// What travels on the wire: the gateway's answers are compact JSON (no indentation), compressed (Brotli or gzip) for
// a client that accepts it (the console's dashboard is about a megabyte), and sent as they are to a client that does
// not; subgraphs, whose one client is the gateway, never compress. Identical requests at once answer as one alone.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { contractOperation } from '@cgov/schema/contract';
import { DEMO } from '@cgov/shared';
import { tokenFor } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './harness.js';

let platform: Platform;
let token: string;
beforeAll(async () => {
  platform = await startPlatform();
  token = await tokenFor('CITY_OFFICIAL', DEMO.cityId);
});
afterAll(() => platform?.stop());

/** The city's dashboard (the contract's operation): an answer of several kilobytes. */
const DASHBOARD = { query: contractOperation('CityDashboard'), variables: { cityId: DEMO.cityId, date: '2026-11-22' } };

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** POSTs a GraphQL request with node:http (which never decompresses): the status, headers and the body's raw bytes. */
function post(url: string, headers: Record<string, string>, request: object = DASHBOARD): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'cache-control': 'no-cache', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(JSON.stringify(request));
  });
}

describe('answers on the wire', () => {
  it('sends compact JSON as it is to a client that does not accept compression', async () => {
    const plain = await post(platform.gatewayUrl, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = plain.body.toString('utf8');
    expect(text).not.toMatch(/\n/);
    const answer = JSON.parse(text) as { data: { city: { id: string } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.city.id).toBe(DEMO.cityId);
    expect(text.length).toBeGreaterThan(1024);
  });

  it('compresses the same answer for a client that accepts it: Brotli when offered (as browsers do), else gzip', async () => {
    const plain = JSON.parse((await post(platform.gatewayUrl, {})).body.toString('utf8')) as unknown;
    const size = (await post(platform.gatewayUrl, {})).body.length;
    const cases = [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
    ] as const;
    for (const [accepted, encoding, decompress] of cases) {
      const zipped = await post(platform.gatewayUrl, { 'accept-encoding': accepted });
      expect(zipped.status, accepted).toBe(200);
      expect(zipped.headers['content-encoding'], accepted).toBe(encoding);
      expect(zipped.body.length, accepted).toBeLessThan(size / 3);
      expect(JSON.parse(decompress(zipped.body).toString('utf8')), accepted).toEqual(plain);
    }
  });

  it('a subgraph answers uncompressed even when asked for gzip', async () => {
    // The service's SDL: tens of kilobytes, which the gateway would compress.
    const answer = await post(platform.subgraphs.community.url, { 'accept-encoding': 'gzip' }, { query: '{ _service { sdl } }' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.length).toBeGreaterThan(10_000);
    expect((JSON.parse(answer.body.toString('utf8')) as { data: { _service: { sdl: string } } }).data._service.sdl).toMatch(/type Community/);
  });
});

describe('identical requests at once', () => {
  it('answer each exactly as one alone does, whether or not their subgraph fetches were shared', async () => {
    const fetches = () => Object.values(platform.counters.fetches).reduce((sum, n) => sum + n, 0);
    platform.counters.reset();
    const alone = JSON.parse((await post(platform.gatewayUrl, {})).body.toString('utf8')) as unknown;
    const one = fetches();
    expect(one).toBeGreaterThan(1);
    platform.counters.reset();
    const together = await Promise.all(Array.from({ length: 6 }, () => post(platform.gatewayUrl, {})));
    for (const answer of together) expect(JSON.parse(answer.body.toString('utf8'))).toEqual(alone);
    // Never more subgraph fetches than six asked one by one (fewer when they overlapped and shared).
    expect(fetches()).toBeLessThanOrEqual(6 * one);
  });
});

describe('the console\'s files', () => {
  it('are sent uncompressed (hashed files browsers keep a year are not compressed afresh on every download)', async () => {
    const page = await fetch(`${platform.gatewayBaseUrl}/`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBeNull();
    // The console's script: hundreds of kilobytes, which /graphql would compress.
    const script = /<script[^>]+src="([^"]+)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    const file = await fetch(new URL(script!, platform.gatewayBaseUrl), { headers: { 'accept-encoding': 'gzip, br' } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-encoding')).toBeNull();
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });
});

// Identical subgraph fetches in flight share one request to the subgraph, over real HTTP: only queries, only with the
// same URL, body and headers (the request id aside), and only a fetch sent after the sharing request reached the
// gateway, so a shared answer is never staler than the request's own fetch would have been.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Fetcher } from '@apollo/utils.fetcher';
import fetch from 'node-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shareableFetches, sharingInFlight } from '../src/sharedFetches.js';

let server: http.Server;
let url: string;
let hits = 0;
/** Each answer says which hit it was, after 100 ms, so fetches sent meanwhile overlap it. */
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits += 1;
    const hit = hits;
    req.resume();
    req.on('end', () => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=5, public' }).end(JSON.stringify({ data: { hit } })), 100));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  hits = 0;
});

const shared = sharingInFlight(fetch as unknown as Fetcher);
const init = (headers: Record<string, string> = {}, body = '{"query":"{ a }"}') => ({ method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x', ...headers }, body });
/** Fetches as a query of a request that reached the gateway at `receivedAt`, and reads the answer's hit number and cache header. */
const ask = (receivedAt: number, headers?: Record<string, string>, body?: string) =>
  shareableFetches(receivedAt, async () => {
    const response = await shared(url, init(headers, body));
    return { hit: ((await response.json()) as { data: { hit: number } }).data.hit, cacheControl: response.headers.get('cache-control') };
  });

describe('identical fetches in flight', () => {
  it('share one fetch when both requests arrived before it was sent, each with its own copy of the answer and headers', async () => {
    const arrived = performance.now();
    const answers = await Promise.all([ask(arrived, { 'x-request-id': 'a' }), ask(arrived, { 'x-request-id': 'b' }), ask(arrived, { 'x-request-id': 'c' })]);
    expect(hits).toBe(1);
    expect(answers).toEqual([1, 1, 1].map((hit) => ({ hit, cacheControl: 'max-age=5, public' })));
  });

  it('are not shared with a request that arrived after the fetch was sent: it asks afresh', async () => {
    const first = ask(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = ask(performance.now());
    expect((await Promise.all([first, later])).map((answer) => answer.hit).sort()).toEqual([1, 2]);
    expect(hits).toBe(2);
  });

  it('are not shared across callers, bodies, or once the first has been answered', async () => {
    const arrived = performance.now();
    await Promise.all([ask(arrived), ask(arrived, { authorization: 'Bearer y' }), ask(arrived, {}, '{"query":"{ b }"}')]);
    expect(hits).toBe(3);
    await ask(arrived - 1_000_000);
    expect(hits).toBe(4);
  });

  it('are never shared for a fetch outside a query (a mutation)', async () => {
    const answers = await Promise.all([shared(url, init()), shared(url, init())]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(hits).toBe(2);
  });
});

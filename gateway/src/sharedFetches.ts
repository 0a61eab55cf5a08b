import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { Headers, Response } from 'node-fetch';

/** Headers that differ between two requests asking the same thing (the request id is each caller's own). */
const NOT_PART_OF_THE_QUESTION = new Set(['x-request-id']);

/** What a subgraph answered, kept once and read by every request that shares the fetch. */
interface Answer {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  /** The bytes as they came (decoded and parsed by each reader: never decoded, encoded and decoded again). */
  body: Buffer;
}

interface Shared {
  /** When the fetch was sent (performance.now(), ms). */
  sentAt: number;
  answer: Promise<Answer>;
}

/** When the incoming request a subgraph fetch serves reached the gateway (performance.now(), ms); unset for mutations. */
const incoming = new AsyncLocalStorage<{ receivedAt: number }>();

/** Runs `work` (a data source's fetch for a query) so that its fetches may share identical fetches already in flight. */
export function shareableFetches<T>(receivedAt: number, work: () => Promise<T>): Promise<T> {
  return incoming.run({ receivedAt }, work);
}

/**
 * Identical subgraph requests in flight share one fetch (as Hive Gateway and the Router do): a query's fetch with
 * the same URL, body and headers (the request id aside) as one already in flight waits for that one's answer instead
 * of asking the subgraph again, and reads its own copy of the answer (its own headers, its own parsed body, so
 * nothing one request's plan does to its results reaches another's).
 *
 * Never staler than a fetch of its own: a request joins only a fetch sent after the request reached the gateway, so
 * the answer holds every write committed before the request was made (a `Cache-Control: no-cache` request is still
 * computed afresh). Mutations, and fetches outside `shareableFetches`, are never shared. The subgraph logs the first
 * request's id only.
 */
export function sharingInFlight(fetcher: Fetcher, now: () => number = () => performance.now()): Fetcher {
  const inFlight = new Map<string, Shared>();
  return async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const request = incoming.getStore();
    if (!request || typeof init?.body !== 'string') return fetcher(url, init);
    const headers = [...new Headers(init.headers as Record<string, string> | undefined)].filter(([name]) => !NOT_PART_OF_THE_QUESTION.has(name));
    const key = `${init.method ?? 'GET'} ${url}\n${headers.map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${init.body}`;
    const current = inFlight.get(key);
    if (current && current.sentAt >= request.receivedAt) return responseOf(await current.answer);
    const shared: Shared = {
      sentAt: now(),
      answer: fetcher(url, init).then(async (response) => ({ status: response.status, statusText: response.statusText, headers: [...response.headers], body: Buffer.from(await response.arrayBuffer()) })),
    };
    inFlight.set(key, shared);
    const forget = () => {
      if (inFlight.get(key) === shared) inFlight.delete(key);
    };
    shared.answer.then(forget, forget);
    return responseOf(await shared.answer);
  };
}

function responseOf(answer: Answer): FetcherResponse {
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers }) as unknown as FetcherResponse;
}

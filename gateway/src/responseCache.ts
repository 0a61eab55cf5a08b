import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { RequestHandler, Viewer } from '@cgov/shared';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './context.js';

/**
 * A whole answer kept for identical requests until `expiresAt` (ms since the epoch), with its JSON ready to send:
 * as the string Apollo Server sends (`stringifyResult`), and as bytes once a request is served straight from the cache.
 */
interface CachedAnswer {
  result: FormattedExecutionResult;
  json: string;
  bytes?: Buffer;
  storedAt: number;
  expiresAt: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

/** How long a request whose answer has a field without a hint is answered without looking for a kept one. */
const UNCACHEABLE_FOR_MS = 10_000;
/** How long identical requests wait for the one computing their answer before computing it themselves. */
const LEADER_TIMEOUT_MS = 30_000;

export interface ResponseCacheOptions {
  /** How many bytes of answers are kept at most (least recently used go first). */
  maxBytes: number;
  /** The verified caller of an HTTP request; throws when its token is missing or invalid. */
  viewerOf: (authorization: string | undefined) => Promise<Viewer>;
  /** The time in ms since the epoch (injected in tests). */
  now?: () => number;
  /** Told of every query answered from the cache (counted in tests and the benchmark). */
  onHit?: () => void;
}

export interface ResponseCache {
  /**
   * Apollo Server's `stringifyResult`: an answer this cache has just kept (or serves) is sent as the JSON it
   * kept, not stringified a second time (about a megabyte for the city's dashboard); any other compactly.
   */
  stringifyResult: (result: FormattedExecutionResult) => string;
  /** Keeps answers, shares one computation among identical requests, serves past-max-age answers while one is recomputed. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Sends a fresh kept answer's JSON straight away, before the request reaches Apollo Server. */
  middleware: RequestHandler;
}

/** What identifies a request: its document, operation and variables as sent, and the caller's role and region. */
interface RequestKey {
  query: string | undefined;
  operationName: string | undefined;
  variables: unknown;
  caller: string;
}

/**
 * Whole-answer cache for queries whose every field the subgraphs declare cacheable (`@cacheControl`):
 * the dashboard's statistics, coverage and open group buys, for a few seconds. The subgraphs' hints reach
 * the gateway as `Cache-Control` headers on their answers, and the gateway keeps the answer for the
 * smallest max-age among them; an answer with errors, or with any field without a hint, is never kept.
 *
 * Answers are kept per role and region of the caller (the scope every hinted field is authorised by), so
 * no caller is ever served what another scope may not read. Identical requests that arrive while the
 * first is being answered wait for it instead of asking the subgraphs again: at the full city, one
 * dashboard costs about a second of CPU across the subgraphs and the gateway, and a crowd of officials
 * refreshing it at the same moment would otherwise multiply that. Once an answer is past its max-age, the
 * next request computes its successor and, while it does, the others are served the old one (for at most
 * one more max-age), so only one request per max-age waits. A request with `Cache-Control: no-cache` is
 * answered afresh (and refreshes the kept answer). A caller's mutation through this gateway process
 * retires the answers kept for its role and region, so its own writes show in its next read.
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const now = options.now ?? Date.now;
  // Sized by the answers' JSON: each is kept as objects, as a JSON string (up to two bytes a character) and,
  // once served from here, as UTF-8 bytes: about four times its length in memory. Dropped by the cache itself
  // once past the time it could still be served stale.
  const answers = new LRUCache<string, CachedAnswer>({
    maxSize: options.maxBytes,
    sizeCalculation: (answer) => answer.json.length * 4 + 1,
  });
  const inFlight = new Map<string, Promise<CachedAnswer | undefined>>();
  // The JSON kept for an answer's data, for `stringifyResult`: an answer without errors or extensions is `{"data":…}`.
  const jsonOfData = new WeakMap<object, string>();
  const stringifyResult = (result: FormattedExecutionResult) =>
    (result.data && result.errors === undefined && result.extensions === undefined ? jsonOfData.get(result.data) : undefined) ?? JSON.stringify(result);
  // Requests whose last answer had a field without a hint: for a while they run side by side at once
  // rather than wait for one another.
  const uncacheableUntil = new LRUCache<string, number>({ max: 10_000 });
  // A caller's mutation moves its role and region on to a new generation, taken from one counter that only
  // grows, so answers kept for an earlier generation are never served to it again. A caller whose
  // generation was forgotten (least recently used) starts from the highest one ever forgotten, never
  // from one it had before.
  let newestGeneration = 0;
  let forgottenGeneration = 0;
  const generations = new LRUCache<string, number>({
    max: 100_000,
    dispose: (generation, _caller, reason) => {
      if (reason === 'evict') forgottenGeneration = Math.max(forgottenGeneration, generation);
    },
  });
  const generationOf = (caller: string) => generations.get(caller) ?? forgottenGeneration;
  const retire = (caller: string) => void generations.set(caller, (newestGeneration += 1));
  const callerOf = (viewer: Viewer) => `${viewer.role}:${viewer.scope}`;
  const keyOf = ({ query, operationName, variables, caller }: RequestKey) =>
    createHash('sha256')
      .update(JSON.stringify([query ?? null, operationName ?? null, variables ?? {}, caller, generationOf(caller)]))
      .digest('base64url');
  const refreshAsked = (cacheControl: string | undefined | null) => /\bno-cache\b/.test(cacheControl ?? '');
  const ageOf = (answer: CachedAnswer) => String(Math.floor((now() - answer.storedAt) / 1000));
  const remainingOf = (answer: CachedAnswer) => Math.max(0, Math.floor((answer.expiresAt - now()) / 1000));

  const serve = (context: GraphQLRequestContext<GatewayContext>, answer: CachedAnswer) => {
    options.onHit?.();
    context.overallCachePolicy.replace({ maxAge: remainingOf(answer), scope: answer.scope });
    const headers = new HeaderMap([['age', ageOf(answer)]]);
    return { http: { status: undefined, headers }, body: { kind: 'single' as const, singleResult: answer.result } };
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      let key: string | undefined;
      let mutatedBy: string | undefined;
      let store = false;
      let finish: ((answer: CachedAnswer | undefined) => void) | undefined;
      return {
        async responseForOperation(context) {
          const caller = callerOf(context.contextValue.viewer);
          if (context.operation.operation === 'mutation') {
            // Retired as it starts and again once it is done: a read racing the write keeps nothing the
            // caller would be served afterwards.
            retire(caller);
            mutatedBy = caller;
          }
          if (context.operation.operation !== 'query') return null;
          const { request } = context;
          key = keyOf({ query: request.query, operationName: request.operationName, variables: request.variables, caller });
          if ((uncacheableUntil.get(key) ?? 0) > now()) return null;
          const kept = answers.get(key);
          const pending = inFlight.get(key);
          if (!refreshAsked(request.http?.headers.get('cache-control'))) {
            if (kept && kept.expiresAt > now()) return serve(context, kept);
            // Past its max-age while another request computes its successor: served at once rather than
            // waited on, so only one request per max-age ever waits for a computation.
            if (kept && pending && now() < kept.expiresAt + (kept.expiresAt - kept.storedAt)) return serve(context, kept);
            if (pending) {
              const awaited = await pending;
              if (awaited) return serve(context, awaited);
              store = true; // the first could not keep its answer: this one computes its own
              return null;
            }
          }
          // From here on this request asks the subgraphs and keeps what they answer.
          store = true;
          if (!pending) {
            // Identical requests arriving meanwhile wait for this one (for a while).
            let resolve!: (answer: CachedAnswer | undefined) => void;
            const promise = new Promise<CachedAnswer | undefined>((done) => (resolve = done));
            const timer = setTimeout(() => finish?.(undefined), LEADER_TIMEOUT_MS).unref();
            const ownKey = key;
            inFlight.set(ownKey, promise);
            finish = (answer) => {
              clearTimeout(timer);
              if (inFlight.get(ownKey) === promise) inFlight.delete(ownKey);
              finish = undefined;
              resolve(answer);
            };
          }
          return null;
        },
        async willSendResponse(context) {
          if (mutatedBy) retire(mutatedBy);
          if (!store || !key) return;
          let answer: CachedAnswer | undefined;
          try {
            const { body } = context.response;
            const policy = context.overallCachePolicy.policyIfCacheable();
            if (!policy) {
              uncacheableUntil.set(key, now() + UNCACHEABLE_FOR_MS);
            } else if (body.kind === 'single' && !body.singleResult.errors && body.singleResult.data) {
              // An answer with errors (a subgraph down) is not kept, but identical requests still share one computation.
              const storedAt = now();
              const json = JSON.stringify(body.singleResult);
              if (Object.keys(body.singleResult).every((field) => field === 'data' || body.singleResult[field as keyof FormattedExecutionResult] === undefined)) {
                jsonOfData.set(body.singleResult.data, json);
              }
              answer = { result: body.singleResult, json, storedAt, expiresAt: storedAt + policy.maxAge * 1000, scope: policy.scope };
              answers.set(key, answer, { ttl: 2 * policy.maxAge * 1000 });
            }
          } finally {
            finish?.(answer);
          }
        },
      };
    },
  };

  // The common case, a fresh kept answer, needs neither parsing nor planning: only the caller's token is
  // checked, and the JSON kept with the answer is sent as it is.
  const middleware: RequestHandler = (req, res, next) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } | undefined;
    if (req.method !== 'POST' || typeof body?.query !== 'string' || refreshAsked(req.header('cache-control'))) return next();
    // Only a request Apollo Server would take as it is: a persisted-query hash, a non-string operationName or
    // variables that are not an object are for Apollo Server to check (and refuse), never answered from here.
    const wellFormed =
      body.extensions === undefined &&
      (body.operationName == null || typeof body.operationName === 'string') &&
      (body.variables == null || (typeof body.variables === 'object' && !Array.isArray(body.variables)));
    if (!wellFormed) return next();
    options.viewerOf(req.header('authorization')).then(
      (viewer) => {
        const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
        let answer: CachedAnswer | undefined;
        try {
          answer = answers.get(keyOf({ query: body.query as string, operationName, variables: body.variables, caller: callerOf(viewer) }));
        } catch {
          return next(); // variables no key can be made of: Apollo Server says what is wrong with them
        }
        if (!answer || answer.expiresAt <= now()) return next();
        options.onHit?.();
        res
          .status(200)
          .set({ 'content-type': 'application/json; charset=utf-8', 'cache-control': `max-age=${remainingOf(answer)}, ${answer.scope.toLowerCase()}`, age: ageOf(answer) })
          .end((answer.bytes ??= Buffer.from(answer.json)));
      },
      () => next(), // Apollo Server refuses the request in GraphQL's words
    );
  };

  return { plugin, middleware, stringifyResult };
}

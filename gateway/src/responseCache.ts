import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './context.js';

/** A whole answer kept for identical requests until `expiresAt` (ms since the epoch). */
interface CachedAnswer {
  result: FormattedExecutionResult;
  storedAt: number;
  expiresAt: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

/** How long a request whose answer could not be kept is answered without looking for a kept one. */
const UNCACHEABLE_FOR_MS = 10_000;

export interface ResponseCacheOptions {
  /** How many answers are kept at most (least recently used go first). */
  maxEntries: number;
  /** The time in ms since the epoch (injected in tests). */
  now?: () => number;
  /** Told of every query answered from the cache (counted in tests and the benchmark). */
  onHit?: () => void;
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
 * dashboard costs about a second of CPU across the subgraphs, and a crowd of officials refreshing it at the
 * same moment would otherwise multiply that. Once an answer is past its max-age, the next request computes
 * its successor and, while it does, the others are served the old one (for at most one more max-age), so
 * only one request per max-age waits. A request with `Cache-Control: no-cache` is answered afresh (and
 * refreshes the kept answer).
 */
export function responseCache(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  const now = options.now ?? Date.now;
  const answers = new LRUCache<string, CachedAnswer>({ max: options.maxEntries });
  const inFlight = new Map<string, Promise<CachedAnswer | undefined>>();
  // Requests whose last answer could not be kept (a field without a hint, an error): for a while they run
  // side by side at once rather than wait for one another.
  const uncacheableUntil = new LRUCache<string, number>({ max: options.maxEntries });
  // A caller's own writes show in its next read: a mutation through this gateway moves its role and region
  // on to a new generation, so answers kept for the old one are never served to it again.
  const generations = new LRUCache<string, number>({ max: options.maxEntries });
  const viewerKey = ({ viewer }: GatewayContext) => `${viewer.role}:${viewer.scope}`;

  const serve = (context: GraphQLRequestContext<GatewayContext>, answer: CachedAnswer) => {
    options.onHit?.();
    const remaining = Math.max(0, Math.floor((answer.expiresAt - now()) / 1000));
    context.overallCachePolicy.replace({ maxAge: remaining, scope: answer.scope });
    const headers = new HeaderMap([['age', String(Math.floor((now() - answer.storedAt) / 1000))]]);
    return { http: { status: undefined, headers }, body: { kind: 'single' as const, singleResult: answer.result } };
  };

  return {
    async requestDidStart() {
      let key: string | undefined;
      let store = false;
      let finish: ((answer: CachedAnswer | undefined) => void) | undefined;
      return {
        async responseForOperation(context) {
          if (context.operation.operation === 'mutation') {
            const caller = viewerKey(context.contextValue);
            generations.set(caller, (generations.get(caller) ?? 0) + 1);
          }
          if (context.operation.operation !== 'query') return null;
          const caller = viewerKey(context.contextValue);
          key = createHash('sha256')
            .update(JSON.stringify([context.source, context.operationName ?? null, context.request.variables ?? {}, caller, generations.get(caller) ?? 0]))
            .digest('base64url');
          if ((uncacheableUntil.get(key) ?? 0) > now()) return null;
          const refresh = /\bno-cache\b/.test(context.request.http?.headers.get('cache-control') ?? '');
          const kept = answers.get(key);
          const pending = inFlight.get(key);
          if (!refresh) {
            if (kept && kept.expiresAt > now()) return serve(context, kept);
            // Past its max-age while another request computes its successor: served at once rather than
            // waited on, so only one request per max-age ever waits for a computation.
            if (kept && pending && now() < kept.expiresAt + (kept.expiresAt - kept.storedAt)) return serve(context, kept);
            const awaited = await pending;
            if (awaited) return serve(context, awaited);
          }
          // This request asks the subgraphs and keeps what they answer; identical ones arriving meanwhile wait for it.
          store = true;
          if (!pending) {
            let resolve!: (answer: CachedAnswer | undefined) => void;
            inFlight.set(key, new Promise((done) => (resolve = done)));
            finish = resolve;
          }
          return null;
        },
        async willSendResponse(context) {
          if (!store || !key) return;
          const { body } = context.response;
          const policy = context.overallCachePolicy.policyIfCacheable();
          let answer: CachedAnswer | undefined;
          if (policy && body.kind === 'single' && !body.singleResult.errors && body.singleResult.data) {
            const storedAt = now();
            answer = { result: body.singleResult, storedAt, expiresAt: storedAt + policy.maxAge * 1000, scope: policy.scope };
            answers.set(key, answer);
          } else {
            uncacheableUntil.set(key, now() + UNCACHEABLE_FOR_MS);
          }
          if (finish) {
            inFlight.delete(key);
            finish(answer);
          }
        },
      };
    },
  };
}

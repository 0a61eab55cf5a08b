import http from 'node:http';
import https from 'node:https';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLIENT_KEEP_ALIVE_IDLE_MS, ErrorCode, INTERNAL_CREDENTIAL_HEADER, type Logger } from '@cgov/shared';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import fetch from 'node-fetch';
import type { GatewayContext } from './context.js';
import { unavailableResponse } from './outage.js';
import { mergeFetches } from './batchedFetches.js';
import { shareableFetches, sharingInFlight } from './sharedFetches.js';

/** At most this many open sockets from the gateway to each subgraph; kept alive between requests. */
export const SOCKETS_PER_SUBGRAPH = 64;

/**
 * node-fetch with sockets kept alive between requests, and a deadline: a subgraph that accepts the connection
 * but does not answer within `timeoutMs` is treated like one that refuses it (its part SERVICE_UNAVAILABLE). An idle
 * socket is closed by the gateway after CLIENT_KEEP_ALIVE_IDLE_MS (Node's agent destroys a free socket on its
 * timeout), before the subgraph's server would close it under a request being sent.
 */
function keepAliveFetcher(url: string, timeoutMs: number): Fetcher {
  const options = { keepAlive: true, maxSockets: SOCKETS_PER_SUBGRAPH, timeout: CLIENT_KEEP_ALIVE_IDLE_MS };
  const agent = url.startsWith('https:') ? new https.Agent(options) : new http.Agent(options);
  return ((input: string, init?: Record<string, unknown>) =>
    fetch(input, { ...init, agent, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

/** What the gateway's data source for one subgraph needs. */
export interface SubgraphSourceOptions {
  /** The subgraph's name in the supergraph (city, community, selforg). */
  name: string;
  /** Its GraphQL endpoint. */
  url: string;
  /** How long, in ms, to wait for its answer. */
  timeoutMs: number;
  /** Told of every fetch the gateway makes to this subgraph (fetch counting in tests and benchmarks). */
  onFetch?: (subgraph: string) => void;
  /** Sent on every request (INTERNAL_CREDENTIAL_HEADER): the subgraphs answer _service and _entities only with it. */
  credential?: string;
  /** Told of each fetch the subgraph did not answer (warn). */
  logger?: Logger;
}

/** The HTTP status each subgraph error came with (errorFromResponse). */
const statusOf = new WeakMap<GraphQLError, number>();
/** Statuses with which a subgraph refuses a document itself (unparsable, invalid, too large): merged fetches are then sent one by one. */
const DOCUMENT_REFUSED = new Set([400, 413]);

/** A fetch of a query plan for an incoming request (not a health check nor the schema's loading). */
type PlanFetch = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>;
/** What a subgraph's Cache-Control header says, as RemoteGraphQLDataSource hands it to the request's cache policy. */
type CacheHint = { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' };

/** A query fetch waiting to be merged with the others its request starts in the same turn. */
interface Waiting {
  options: PlanFetch;
  resolve: (response: Awaited<ReturnType<RemoteGraphQLDataSource['process']>>) => void;
  reject: (error: unknown) => void;
}

/** Whether a fetch may wait to be merged: a query plan's query fetch for an incoming request, without a trace asked of the subgraph. */
function mergeable(options: GraphQLDataSourceProcessOptions<GatewayContext>): options is PlanFetch {
  return (
    'incomingRequestContext' in options &&
    'receivedAt' in options.context &&
    !options.request.http &&
    !isMutation(options.request.query)
  );
}

/** Whether a fetch's operation is a mutation (its fields run one after another; it is never shared nor merged). */
function isMutation(query: string | undefined): boolean {
  return /^\s*mutation\b/.test(query ?? '');
}

/** Sends each subgraph request with the caller's token and request id, so every subgraph checks the token itself. */
export class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly name: string;
  private readonly onFetch?: (subgraph: string) => void;
  private readonly credential?: string;
  private readonly logger?: Logger;

  constructor(options: SubgraphSourceOptions) {
    super({ url: options.url, fetcher: sharingInFlight(keepAliveFetcher(options.url, options.timeoutMs)) });
    this.name = options.name;
    this.onFetch = options.onFetch;
    this.credential = options.credential;
    this.logger = options.logger;
  }

  /** The query fetches of one incoming request to this subgraph waiting for the next turn of the event loop, by the request's context. */
  private readonly waiting = new WeakMap<object, Waiting[]>();

  /**
   * A subgraph that does not answer leaves the rest of the answer standing: the fields this fetch would have
   * filled are null, each with a SERVICE_UNAVAILABLE error naming the service (never its address or the
   * socket error) that the gateway gives the field's path; `outageErrors` merges them into one per fetch.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await (mergeable(options) ? this.merged(options) : this.send(options));
    } catch (error) {
      if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code in ErrorCode) throw error;
      const requestId = 'requestId' in options.context ? options.context.requestId : undefined;
      this.logger?.warn({ subgraph: this.name, requestId, reason: error instanceof Error ? error.message : String(error) }, `${this.name} subgraph did not answer`);
      const document = 'document' in options ? options.document : undefined;
      return unavailableResponse(this.name, document, options.request.query, options.request.variables, error);
    }
  }

  /** Sends one request to the subgraph: a query's may share an identical one in flight (sharedFetches.ts); a mutation's never does. */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    this.onFetch?.(this.name);
    const receivedAt = 'receivedAt' in options.context ? options.context.receivedAt : undefined;
    if (receivedAt !== undefined && !isMutation(options.request.query)) return shareableFetches(receivedAt, () => super.process(options));
    return super.process(options);
  }

  /**
   * The query plan's fetches to this subgraph that an incoming request starts in the same turn of the event loop (the
   * branches of a Parallel node: the dashboard's order statistics of the city, its districts, streets and communities)
   * go as one request (batchedFetches.ts), and each reads its own part of the answer. When the subgraph refuses the
   * merged document (HTTP 400 or 413) or answers it without data, each fetch is sent on its own, so an error is never
   * shared by fetches that would not have had it (and a refused combination is not merged again); any other failure
   * (no answer, 401, 5xx) is every fetch's own, as it would have been.
   */
  private merged(options: PlanFetch): ReturnType<RemoteGraphQLDataSource['process']> {
    return new Promise((resolve, reject) => {
      let queue = this.waiting.get(options.context);
      if (!queue) {
        const started: Waiting[] = [];
        queue = started;
        this.waiting.set(options.context, started);
        setImmediate(() => {
          this.waiting.delete(options.context);
          // Whatever goes wrong, no fetch is left waiting (settling a settled one does nothing).
          this.sendWaiting(started).catch((error: unknown) => started.forEach((waiting) => waiting.reject(error)));
        });
      }
      queue.push({ options, resolve, reject });
    });
  }

  private async sendWaiting(queue: Waiting[]): Promise<void> {
    const alone = (waiting: Waiting) => this.send(waiting.options).then(waiting.resolve, waiting.reject);
    const merged = queue.length > 1 ? mergeFetches(queue.map((waiting) => waiting.options.request)) : undefined;
    if (!merged) {
      await Promise.all(queue.map(alone));
      return;
    }
    const [first] = queue as [Waiting];
    // The merged answer's Cache-Control restricts the request's cache policy only once its data is used.
    const hints: CacheHint[] = [];
    const incomingRequestContext = { ...first.options.incomingRequestContext, overallCachePolicy: { restrict: (hint: CacheHint) => void hints.push(hint) } };
    let response: Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
    try {
      response = await this.send({ ...first.options, incomingRequestContext, request: { ...first.options.request, ...merged.request, http: undefined }, document: undefined } as GraphQLDataSourceProcessOptions<GatewayContext>);
    } catch (error) {
      if (!(error instanceof GraphQLError && DOCUMENT_REFUSED.has(statusOf.get(error) ?? 0))) throw error;
      merged.refused();
      await Promise.all(queue.map(alone));
      return;
    }
    if (!response.data) {
      await Promise.all(queue.map(alone));
      return;
    }
    const policy = first.options.incomingRequestContext.overallCachePolicy;
    if (policy && 'restrict' in policy) hints.forEach((hint) => policy.restrict(hint));
    merged.split(response).forEach((part, i) => queue[i]!.resolve({ ...response, data: part.data, errors: part.errors }));
  }

  /**
   * A subgraph refuses some requests with an HTTP error status and GraphQL errors in the body (a variable
   * of the wrong shape is a 400, a missing token a 401): pass its first error on as it said it, code and all,
   * instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await this.subgraphError(response);
    statusOf.set(error, response.status);
    return error;
  }

  private async subgraphError(response: FetcherResponse): Promise<GraphQLError> {
    const text = await response.clone().text();
    try {
      const body = JSON.parse(text) as { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> };
      const [first] = body.errors ?? [];
      if (first && typeof first.message === 'string' && typeof first.extensions?.code === 'string') {
        return new GraphQLError(first.message, { extensions: first.extensions });
      }
    } catch {
      // not JSON: fall through to the gateway's own account of the failure
    }
    return super.errorFromResponse(response);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (headers && this.credential) headers.set(INTERNAL_CREDENTIAL_HEADER, this.credential);
    if (!headers || !('authorization' in context)) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    headers.set('x-request-id', context.requestId);
  }
}

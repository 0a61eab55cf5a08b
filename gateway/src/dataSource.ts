import http from 'node:http';
import https from 'node:https';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLIENT_KEEP_ALIVE_IDLE_MS, ErrorCode, INTERNAL_CREDENTIAL_HEADER, type Logger } from '@cgov/shared';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import fetch from 'node-fetch';
import type { GatewayContext } from './context.js';
import { unavailableResponse } from './outage.js';
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

  /**
   * A subgraph that does not answer leaves the rest of the answer standing: the fields this fetch would have
   * filled are null, each with a SERVICE_UNAVAILABLE error naming the service (never its address or the
   * socket error) that the gateway gives the field's path; `outageErrors` merges them into one per fetch.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    this.onFetch?.(this.name);
    try {
      // A query's fetch may share an identical one in flight (sharedFetches.ts); a mutation's never does.
      const receivedAt = 'receivedAt' in options.context ? options.context.receivedAt : undefined;
      if (receivedAt !== undefined && !/^\s*mutation\b/.test(options.request.query ?? '')) return await shareableFetches(receivedAt, () => super.process(options));
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code in ErrorCode) throw error;
      const requestId = 'requestId' in options.context ? options.context.requestId : undefined;
      this.logger?.warn({ subgraph: this.name, requestId, reason: error instanceof Error ? error.message : String(error) }, `${this.name} subgraph did not answer`);
      const document = 'document' in options ? options.document : undefined;
      return unavailableResponse(this.name, document, options.request.query, options.request.variables, error);
    }
  }

  /**
   * A subgraph refuses some requests with an HTTP error status and GraphQL errors in the body (a variable
   * of the wrong shape is a 400, a missing token a 401): pass its first error on as it said it, code and all,
   * instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
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

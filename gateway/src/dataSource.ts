import http from 'node:http';
import https from 'node:https';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import fetch from 'node-fetch';
import type { GatewayContext } from './context.js';

/** At most this many open sockets from the gateway to each subgraph; kept alive between requests. */
export const SOCKETS_PER_SUBGRAPH = 64;

function keepAliveFetcher(url: string): Fetcher {
  const agent = url.startsWith('https:')
    ? new https.Agent({ keepAlive: true, maxSockets: SOCKETS_PER_SUBGRAPH })
    : new http.Agent({ keepAlive: true, maxSockets: SOCKETS_PER_SUBGRAPH });
  return ((input: string, init?: Record<string, unknown>) => fetch(input, { ...init, agent })) as unknown as Fetcher;
}

/** Sends each subgraph request with the caller's token and request id, so every subgraph checks the token itself. */
export class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    super({ url, fetcher: keepAliveFetcher(url) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('authorization' in context)) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    headers.set('x-request-id', context.requestId);
  }
}

import { DEVELOPMENT_JWT_SECRET, signToken, type Role } from '../auth.js';
import type { SubgraphConfig, SubgraphName } from '../config.js';
import type { TestDatabase } from './database.js';

export * from './database.js';

/** A subgraph configuration for tests: its throwaway database, any free port, the development secret. */
export function testSubgraphConfig(
  name: SubgraphName,
  database: TestDatabase,
  overrides: Partial<SubgraphConfig> = {},
): SubgraphConfig {
  return {
    name,
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    dataDir: database.dataDir,
    jwtSecret: DEVELOPMENT_JWT_SECRET,
    logLevel: 'silent',
    loadDemoData: true,
    production: false,
    subgraphUrls: { city: 'http://127.0.0.1:1/graphql', community: 'http://127.0.0.1:1/graphql', selforg: 'http://127.0.0.1:1/graphql', requests: 'http://127.0.0.1:1/graphql' },
    schedulerIntervalMs: 100,
    ...overrides,
  };
}

/** A development token for a role and scope. */
export function tokenFor(role: Role, scope: string, sub = `test-${role.toLowerCase()}`): Promise<string> {
  return signToken({ sub, role, scope }, DEVELOPMENT_JWT_SECRET);
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

/** Sends one GraphQL request over real HTTP, as a client would. */
export async function graphql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; authorization?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
  if (authorization) headers.authorization = authorization;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLResponse['errors'] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/** The `extensions.code` of each error of a response. */
export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

// Starts the whole platform for a test file: four subgraphs on throwaway databases and the gateway, over real HTTP.
import { createServer as createCity } from '@cgov/city';
import { createServer as createCommunity } from '@cgov/community';
import { createServer as createRequests } from '@cgov/requests';
import { createServer as createSelforg } from '@cgov/selforg';
import {
  DEVELOPMENT_JWT_SECRET,
  systemClock,
  type Clock,
  type Database,
  type GatewayConfig,
  type Role,
  type RunningServer,
  type StartSubgraphOptions,
  type SubgraphConfig,
  type SubgraphName,
} from '@cgov/shared';
import { contractOperation } from '@cgov/schema/contract';
import { sql } from 'drizzle-orm';
import {
  createTestDatabase,
  graphql,
  testSubgraphConfig,
  tokenFor,
  type GraphQLResponse,
  type TestDatabase,
} from '@cgov/shared/testing';
import { createGateway } from '../src/server.js';

type RunningSubgraph = RunningServer & { engine: string; db: Database };
const starters: Record<SubgraphName, (options: StartSubgraphOptions) => Promise<RunningSubgraph>> = {
  city: createCity,
  community: createCommunity,
  selforg: createSelforg,
  requests: createRequests,
};

/** What a request cost: subgraph fetches the gateway made, and SQL statements each subgraph ran. */
export interface Counters {
  fetches: Record<SubgraphName, number>;
  statements: Record<SubgraphName, number>;
  /** Queries the gateway answered from its response cache. */
  cacheHits: number;
  reset(): void;
}

export interface Platform {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  gatewayBaseUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  databases: Record<SubgraphName, TestDatabase>;
  counters: Counters;
  /** Runs raw SQL on a subgraph's database (test data generation only). */
  exec: Record<SubgraphName, (sql: string) => Promise<unknown>>;
  /** Starts a stopped subgraph again on the same database and port. */
  restart(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/** A gateway's configuration for tests: on a free port of 127.0.0.1, silent, with the development secret. */
export function testGatewayConfig(subgraphUrls: GatewayConfig['subgraphUrls'], overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    jwtSecret: DEVELOPMENT_JWT_SECRET,
    logLevel: 'silent',
    subgraphUrls,
    supergraphPath: undefined,
    apolloTelemetry: false,
    workers: 1,
    responseCacheMegabytes: 64,
    subgraphTimeoutMs: 30_000,
    consoleDir: undefined,
    // Every answer of every test shaped twice, ours compared with @apollo/gateway's (a difference fails the request).
    resultShaping: 'check',
    production: false,
    ...overrides,
  };
}

/** Starts four subgraphs on throwaway databases (demo data loaded unless asked not to) and the gateway in front of them. */
export async function startPlatform(
  /** production: every service as with NODE_ENV=production (no suggestions, _service/_entities for the gateway only). */
  options: {
    clock?: Clock;
    loadDemoData?: boolean;
    schedulerIntervalMs?: number;
    production?: boolean;
    /** The gateway's: its config beyond the subgraphs' URLs, and the most rows one CSV export holds. */
    gateway?: { config?: Partial<GatewayConfig>; exportRowLimit?: number };
  } = {},
): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  const names = Object.keys(starters) as SubgraphName[];
  const zero = () => ({ city: 0, community: 0, selforg: 0, requests: 0 });
  const counters: Counters = {
    fetches: zero(),
    statements: zero(),
    cacheHits: 0,
    reset() {
      counters.fetches = zero();
      counters.statements = zero();
      counters.cacheHits = 0;
    },
  };
  const databases = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await createTestDatabase(name)] as const)),
  ) as Record<SubgraphName, TestDatabase>;
  const configs = Object.fromEntries(
    names.map((name) => [name, testSubgraphConfig(name, databases[name], {
        loadDemoData: options.loadDemoData ?? true,
        production: options.production ?? false,
        ...(options.schedulerIntervalMs ? { schedulerIntervalMs: options.schedulerIntervalMs } : {}),
      })]),
  ) as Record<SubgraphName, SubgraphConfig>;
  // In the order they ask each other: the community tier asks the city, the self-organisation and requests tiers the community.
  const subgraphs = {} as Platform['subgraphs'];
  for (const name of ['city', 'community', 'selforg', 'requests'] as const) {
    subgraphs[name] = await starters[name]({ config: configs[name], clock, onQuery: () => void (counters.statements[name] += 1) });
    for (const other of names) configs[other].subgraphUrls = { ...configs[other].subgraphUrls, [name]: subgraphs[name].url };
  }
  const gateway = await createGateway({
    config: testGatewayConfig(
      { city: subgraphs.city.url, community: subgraphs.community.url, selforg: subgraphs.selforg.url, requests: subgraphs.requests.url },
      { production: options.production ?? false, ...options.gateway?.config },
    ),
    exportRowLimit: options.gateway?.exportRowLimit,
    onSubgraphFetch: (name) => void (counters.fetches[name as SubgraphName] += 1),
    onCacheHit: () => void (counters.cacheHits += 1),
    now: () => clock.now().getTime(),
  });
  return {
    gatewayUrl: gateway.url,
    gatewayBaseUrl: gateway.url.replace(/\/graphql$/, ''),
    subgraphs,
    databases,
    counters,
    exec: Object.fromEntries(names.map((name) => [name, async (text: string) => subgraphs[name].db.execute(sql.raw(text))])) as Platform['exec'],
    async restart(name) {
      subgraphs[name] = await starters[name]({
        config: { ...configs[name], port: subgraphs[name].port },
        clock,
        onQuery: () => void (counters.statements[name] += 1),
      });
    },
    async stop() {
      await gateway.stop();
      await Promise.allSettled(names.map((name) => subgraphs[name].stop()));
      await Promise.all(names.map((name) => databases[name].drop()));
    },
  };
}

/** A caller of the platform in one role and scope, sending the contract's operations (or any document) through the gateway. */
export interface Caller {
  op<TData = Record<string, unknown>>(name: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>>;
  query<TData = Record<string, unknown>>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>>;
}

export function callerFor(platform: Platform, role: Role, scope: string, sub?: string, options: { fresh?: boolean } = {}): Caller {
  const token = tokenFor(role, scope, sub);
  // `fresh`: every query asks the subgraphs (Cache-Control: no-cache) instead of taking the gateway's kept answer.
  const headers = options.fresh ? { 'cache-control': 'no-cache' } : undefined;
  return {
    op: async (name, variables) => graphql(platform.gatewayUrl, contractOperation(name), { token: await token, variables, headers }),
    query: async (document, variables) => graphql(platform.gatewayUrl, document, { token: await token, variables, headers }),
  };
}

import path from 'node:path';
import { z } from 'zod';
import { DEVELOPMENT_JWT_SECRET } from './auth.js';

export type Environment = Record<string, string | undefined>;

/** A configuration the process must not start with; the message says what to set. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The four subgraphs, each with its own port, database and data folder. */
export const SUBGRAPHS = {
  city: { port: 4001, portVariable: 'CITY_PORT', databaseVariable: 'CITY_DATABASE_URL', urlVariable: 'CITY_URL' },
  community: {
    port: 4002,
    portVariable: 'COMMUNITY_PORT',
    databaseVariable: 'COMMUNITY_DATABASE_URL',
    urlVariable: 'COMMUNITY_URL',
  },
  selforg: { port: 4003, portVariable: 'SELFORG_PORT', databaseVariable: 'SELFORG_DATABASE_URL', urlVariable: 'SELFORG_URL' },
  requests: { port: 4004, portVariable: 'REQUESTS_PORT', databaseVariable: 'REQUESTS_DATABASE_URL', urlVariable: 'REQUESTS_URL' },
} as const;
export type SubgraphName = keyof typeof SUBGRAPHS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPHS) as SubgraphName[];

const port = z.coerce.number().int().min(0).max(65535);
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
  .optional();

/** Where each subgraph answers, by its own variable or from its port on localhost. */
const peerVariables = z.object({
  CITY_PORT: port.default(SUBGRAPHS.city.port),
  COMMUNITY_PORT: port.default(SUBGRAPHS.community.port),
  SELFORG_PORT: port.default(SUBGRAPHS.selforg.port),
  REQUESTS_PORT: port.default(SUBGRAPHS.requests.port),
  CITY_URL: z.url().optional(),
  COMMUNITY_URL: z.url().optional(),
  SELFORG_URL: z.url().optional(),
  REQUESTS_URL: z.url().optional(),
});

function subgraphUrlsFrom(values: z.infer<typeof peerVariables>): Record<SubgraphName, string> {
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => {
      const spec = SUBGRAPHS[name];
      return [name, values[spec.urlVariable] ?? `http://localhost:${values[spec.portVariable]}/graphql`];
    }),
  ) as Record<SubgraphName, string>;
}

const common = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUTH_JWT_SECRET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('.data'),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).default(15_000),
});

function parse<T extends z.ZodType>(schema: T, env: Environment): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`The environment is not valid: ${problems}`);
  }
  return result.data;
}

/** The fewest bytes (UTF-8) a production token secret may have: 256 bits, as HS256 wants. */
export const MIN_PRODUCTION_SECRET_BYTES = 32;

/**
 * The token secret: AUTH_JWT_SECRET, or the development secret anywhere but production. In production
 * it must be set, must not be the published development secret, and must be at least
 * MIN_PRODUCTION_SECRET_BYTES long; otherwise a ConfigError says what to set.
 */
export function jwtSecret(env: Environment): string {
  const { NODE_ENV, AUTH_JWT_SECRET } = parse(common, env);
  if (NODE_ENV !== 'production') return AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
  if (!AUTH_JWT_SECRET) {
    throw new ConfigError('AUTH_JWT_SECRET must be set when NODE_ENV=production; refusing to start with the development secret.');
  }
  if (AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigError('AUTH_JWT_SECRET is the published development secret; set a secret of your own when NODE_ENV=production (e.g. `openssl rand -base64 48`).');
  }
  if (Buffer.byteLength(AUTH_JWT_SECRET, 'utf8') < MIN_PRODUCTION_SECRET_BYTES) {
    throw new ConfigError(
      `AUTH_JWT_SECRET has ${Buffer.byteLength(AUTH_JWT_SECRET, 'utf8')} bytes; at least ${MIN_PRODUCTION_SECRET_BYTES} are required when NODE_ENV=production (e.g. \`openssl rand -base64 48\`).`,
    );
  }
  return AUTH_JWT_SECRET;
}

export interface SubgraphConfig {
  name: SubgraphName;
  port: number;
  host: string;
  /** A PostgreSQL server to use; absent means embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  jwtSecret: string;
  logLevel: string;
  loadDemoData: boolean;
  production: boolean;
  /** Where the other subgraphs answer, for the few calls one service makes to another's API. */
  subgraphUrls: Record<SubgraphName, string>;
  /** How often a subgraph's background jobs run (closing group buys at their deadline). */
  schedulerIntervalMs: number;
}

/** Reads and validates a subgraph's environment once, at start. */
export function loadSubgraphConfig(name: SubgraphName, env: Environment): SubgraphConfig {
  const spec = SUBGRAPHS[name];
  const values = parse(
    common.extend({
      [spec.portVariable]: port.default(spec.port),
      [spec.databaseVariable]: postgresUrl,
    }),
    env,
  ) as z.infer<typeof common> & Record<string, unknown>;
  return {
    name,
    port: values[spec.portVariable] as number,
    host: values.HOST,
    databaseUrl: values[spec.databaseVariable] as string | undefined,
    dataDir: path.resolve(values.DATA_DIR, name),
    jwtSecret: jwtSecret(env),
    logLevel: values.LOG_LEVEL,
    loadDemoData: values.DEMO_DATA === 'true',
    production: values.NODE_ENV === 'production',
    subgraphUrls: subgraphUrlsFrom(parse(peerVariables, env)),
    schedulerIntervalMs: values.SCHEDULER_INTERVAL_MS,
  };
}

export interface GatewayConfig {
  port: number;
  host: string;
  jwtSecret: string;
  logLevel: string;
  /** Where each subgraph answers GraphQL. */
  subgraphUrls: Record<SubgraphName, string>;
  /** The composed supergraph file the gateway serves. */
  supergraphPath: string | undefined;
  /** How many gateway processes share the port (node cluster): one per core when measuring throughput. */
  workers: number;
  /** How many megabytes of whole answers each gateway process keeps for identical cacheable queries (0: none kept). */
  responseCacheMegabytes: number;
  /** Whether @apollo/gateway may send its usage metrics to Apollo (and probe cloud metadata endpoints): off unless asked. */
  apolloTelemetry: boolean;
  /** How long, in ms, the gateway waits for a subgraph's answer before its part is SERVICE_UNAVAILABLE. */
  subgraphTimeoutMs: number;
  /** The built web console (index.html, assets/) the gateway serves at /; by default the repository's console/dist. */
  consoleDir: string | undefined;
  /**
   * How answers are shaped from the subgraphs' parts: `compiled` (the gateway's own, steps prepared once per answer),
   * `apollo` (@apollo/gateway's `computeResponse`), `check` (both, a request failing where they differ; the tests).
   */
  resultShaping: ResultShapingMode;
  production: boolean;
}

/** How the gateway shapes answers from the subgraphs' parts (`GATEWAY_RESULT_SHAPING`; see `GatewayConfig.resultShaping`). */
export const RESULT_SHAPING_MODES = ['compiled', 'apollo', 'check'] as const;
/** One of `RESULT_SHAPING_MODES`. */
export type ResultShapingMode = (typeof RESULT_SHAPING_MODES)[number];

/** The gateway's own variables, beside the common ones and the subgraphs' URLs. */
const gatewayVariables = {
  PORT: port.default(4000),
  SUPERGRAPH_PATH: z.string().optional(),
  CONSOLE_DIR: z.string().min(1).optional(),
  APOLLO_TELEMETRY_DISABLED: z.enum(['true', 'false', '1', '0']).default('true'),
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  GATEWAY_RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(256),
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  GATEWAY_RESULT_SHAPING: z.enum(RESULT_SHAPING_MODES).default('compiled'),
};

/** Reads and validates the gateway's environment once, at start. */
export function loadGatewayConfig(env: Environment): GatewayConfig {
  const values = parse(common.extend(gatewayVariables), env);
  const subgraphUrls = subgraphUrlsFrom(parse(peerVariables, env));
  return {
    port: values.PORT,
    host: values.HOST,
    jwtSecret: jwtSecret(env),
    logLevel: values.LOG_LEVEL,
    subgraphUrls,
    supergraphPath: values.SUPERGRAPH_PATH,
    apolloTelemetry: values.APOLLO_TELEMETRY_DISABLED === 'false' || values.APOLLO_TELEMETRY_DISABLED === '0',
    workers: values.GATEWAY_WORKERS,
    responseCacheMegabytes: values.GATEWAY_RESPONSE_CACHE_MB,
    subgraphTimeoutMs: values.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    consoleDir: values.CONSOLE_DIR === undefined ? undefined : path.resolve(values.CONSOLE_DIR),
    resultShaping: values.GATEWAY_RESULT_SHAPING,
    production: values.NODE_ENV === 'production',
  };
}

/** Every environment variable the platform reads: the README lists them, and the compose-file test checks against them. */
export const ENVIRONMENT_VARIABLES: readonly string[] = [
  ...Object.keys(common.shape),
  ...Object.keys(gatewayVariables),
  ...SUBGRAPH_NAMES.flatMap((name) => {
    const spec = SUBGRAPHS[name];
    return [spec.portVariable, spec.databaseVariable, spec.urlVariable];
  }),
];

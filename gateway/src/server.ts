import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { checkSharedScalars, createLogger, internalCredential, QUERY_LIMITS, queryLimitRules, queryLimitsPlugin, serve, viewerFromAuthorization, type GatewayConfig, type Logger, type RunningServer } from '@cgov/shared';
import type { GraphQLSchema } from 'graphql';
import { consoleRoutes, DEFAULT_CONSOLE_DIR } from './consoleRoutes.js';
import { createContext, type GatewayContext } from './context.js';
import { devSignInRoutes } from './devSignIn.js';
import { exportRoutes } from './exportCsv.js';
import { AuthForwardingDataSource } from './dataSource.js';
import { checkSubgraphs } from './health.js';
import { outageErrors } from './outage.js';
import { createResponseCache } from './responseCache.js';
import { installResultShaping } from './resultShaping.js';

/** The committed supergraph, composed at build time by schema/ (never introspected at run time). */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

export interface GatewayOptions {
  config: GatewayConfig;
  logger?: Logger;
  /** The supergraph SDL; by default the file at config.supergraphPath or the committed one. */
  supergraphSdl?: string;
  /** Told of every subgraph fetch (fetch counting in tests and the benchmark). */
  onSubgraphFetch?: (subgraph: string) => void;
  /** Told of every query answered from the response cache. */
  onCacheHit?: () => void;
  /** The time in ms since the epoch, for the response cache and export file names (injected in tests). */
  now?: () => number;
  /** The most rows one CSV export holds (tests only; EXPORT_ROW_LIMIT otherwise). */
  exportRowLimit?: number;
}

/** Starts the gateway: loads the supergraph, routes each subgraph to its configured URL, serves /graphql and /health. */
export async function createGateway(options: GatewayOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  if (!config.apolloTelemetry) {
    // @apollo/gateway reads this variable itself when it is constructed; without it, it starts a metrics
    // exporter to Apollo and probes cloud metadata addresses (169.254.169.254) on every start.
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  }
  installResultShaping(config.resultShaping, (message) => logger.warn(message));
  const supergraphSdl = options.supergraphSdl ?? readFileSync(config.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name as keyof GatewayConfig['subgraphUrls']] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      return new AuthForwardingDataSource({
        name,
        url: target,
        timeoutMs: config.subgraphTimeoutMs,
        onFetch: options.onSubgraphFetch,
        credential: internalCredential(config.jwtSecret),
        logger,
      });
    },
  });
  // Money, Date and DateTime refused at the gateway as in the subgraphs: a 400 before any fetch.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    checkSharedScalars(loaded.apiSchema);
    apiSchema = loaded.apiSchema;
  });
  const cache =
    config.responseCacheMegabytes > 0
      ? createResponseCache({
          maxBytes: config.responseCacheMegabytes * 2 ** 20,
          viewerOf: (authorization) => viewerFromAuthorization(authorization, config.jwtSecret),
          now: options.now,
          onHit: options.onCacheHit,
        })
      : undefined;
  const server = await serve<GatewayContext>({
    name: 'gateway',
    logger,
    port: config.port,
    host: config.host,
    production: config.production,
    maxTokens: QUERY_LIMITS.maxTokens,
    compress: true,
    apollo: {
      gateway,
      validationRules: queryLimitRules(),
      plugins: [queryLimitsPlugin<GatewayContext>(), outageErrors(), ...(cache ? [cache.plugin] : [])],
      ...(cache ? { stringifyResult: cache.stringifyResult } : {}),
    },
    beforeGraphql: cache?.middleware,
    // Before /graphql: development sign-in (never in production), CSV exports, and the console itself.
    routes: (app, self) => {
      if (!config.production) devSignInRoutes(app, { jwtSecret: config.jwtSecret });
      exportRoutes(app, { schema: () => apiSchema, graphqlUrl: self.graphqlUrl, jwtSecret: config.jwtSecret, logger, now: options.now, rowLimit: options.exportRowLimit });
      consoleRoutes(app, { dir: config.consoleDir ?? DEFAULT_CONSOLE_DIR });
    },
    context: ({ req, requestId }) => createContext(req.header('authorization'), requestId, config.jwtSecret),
    health: () => checkSubgraphs(config.subgraphUrls),
  });
  logger.info({ pid: process.pid }, `gateway serving at ${server.url}; ready once every subgraph answers (GET /health is 200 then)`);
  return server;
}

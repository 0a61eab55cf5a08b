import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { Kind, parse, type DocumentNode } from 'graphql';
import { viewerFromAuthorization, type Viewer } from './auth.js';
import { cacheControlFromHints } from './cachePolicy.js';
import type { SubgraphConfig } from './config.js';
import { systemClock, type Clock } from './dates.js';
import { openDatabase, type Database } from './db.js';
import { guardEntities } from './entities.js';
import { runMain, serve, stopOnSignals, type RequestContext, type RunningServer } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { scalarResolvers } from './scalars.js';

/** What every subgraph's per-request context holds before the service adds its loaders. */
export interface SubgraphContextBase extends RequestContext {
  viewer: Viewer;
  clock: Clock;
}

/** What a subgraph's per-request context may build on: its database, and what lives as long as the process. */
export interface SubgraphRuntime<TTables extends Record<string, unknown>> {
  db: Database<TTables>;
  config: SubgraphConfig;
  logger: Logger;
}

/** A subgraph as a value: its SDL, resolvers, tables, migrations and demo data. */
export interface SubgraphDefinition<TTables extends Record<string, unknown>, TContext extends SubgraphContextBase> {
  name: SubgraphConfig['name'];
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  tables: TTables;
  migrationsFolder: string;
  /**
   * Called once at start with the process-long runtime; returns the per-request context builder
   * (loaders, repositories around the verified viewer).
   */
  createContext(runtime: SubgraphRuntime<TTables>): (base: SubgraphContextBase) => TContext;
  /** Loads the demo data into an empty database; running it again changes nothing. */
  loadDemoData(db: Database<TTables>, clock: Clock): Promise<void>;
  /** Background work of the process (a scheduler), started after the server; returns how to stop it. */
  startBackground?(runtime: SubgraphRuntime<TTables> & { clock: Clock }): () => Promise<void>;
}

export interface StartSubgraphOptions {
  config: SubgraphConfig;
  clock?: Clock;
  logger?: Logger;
  /** Sees every SQL statement (statement counting). */
  onQuery?: (query: string) => void;
}

export interface RunningSubgraph<TTables extends Record<string, unknown>> extends RunningServer {
  db: Database<TTables>;
  engine: 'postgres' | 'pglite';
}

/** The shared scalars (Money, Date, DateTime) that an SDL declares, with their resolvers. */
function scalarsDeclaredIn(typeDefs: DocumentNode): Partial<typeof scalarResolvers> {
  const declared = new Set(
    typeDefs.definitions.flatMap((definition) => (definition.kind === Kind.SCALAR_TYPE_DEFINITION ? [definition.name.value] : [])),
  );
  return Object.fromEntries(Object.entries(scalarResolvers).filter(([name]) => declared.has(name)));
}

/** Reads a subgraph's SDL file. */
export function readTypeDefs(file: URL): DocumentNode {
  return parse(readFileSync(file, 'utf8'));
}

/**
 * A subgraph definition from its parts and its service folder, where `schema.graphql` and the
 * committed `drizzle/` migrations live (`new URL('..', import.meta.url)` from `src/server.ts`).
 */
export function defineSubgraph<TTables extends Record<string, unknown>, TContext extends SubgraphContextBase>(
  serviceRoot: URL,
  parts: Omit<SubgraphDefinition<TTables, TContext>, 'typeDefs' | 'migrationsFolder'>,
): SubgraphDefinition<TTables, TContext> {
  return {
    ...parts,
    typeDefs: readTypeDefs(new URL('schema.graphql', serviceRoot)),
    migrationsFolder: fileURLToPath(new URL('drizzle', serviceRoot)),
  };
}

/** Opens the database, migrates it, loads the demo data when asked, and serves the subgraph. */
export async function startSubgraph<TTables extends Record<string, unknown>, TContext extends SubgraphContextBase>(
  definition: SubgraphDefinition<TTables, TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph<TTables>> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(definition.name, config.logLevel);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    schema: definition.tables,
    migrationsFolder: definition.migrationsFolder,
    onQuery: options.onQuery,
  });
  try {
    if (config.loadDemoData) await definition.loadDemoData(database.db, clock);
    const createContext = definition.createContext({ db: database.db, config, logger });
    const schema = buildSubgraphSchema([
      {
        typeDefs: definition.typeDefs,
        resolvers: { ...scalarsDeclaredIn(definition.typeDefs), ...definition.resolvers } as GraphQLResolverMap<unknown>,
      },
    ]);
    guardEntities(schema);
    const server = await serve<TContext>({
      name: definition.name,
      logger,
      port: config.port,
      host: config.host,
      // Cache-Control from the schema's hints, worked out per document rather than per resolved field.
      apollo: { schema, plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), cacheControlFromHints<TContext>()] },
      context: async ({ req, requestId }) => {
        const viewer = await viewerFromAuthorization(req.header('authorization'), config.jwtSecret);
        return createContext({ requestId, viewer, clock });
      },
      health: async () => {
        await database.ping();
        return { ok: true, checks: { database: 'ok' } };
      },
    });
    const stopBackground = definition.startBackground?.({ db: database.db, config, logger, clock });
    logger.info({ engine: database.engine }, `${definition.name} subgraph ready at ${server.url}`);
    return {
      ...server,
      db: database.db,
      engine: database.engine,
      stop: async () => {
        await stopBackground?.();
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** A subgraph process's whole start: read the config, start, stop cleanly on SIGINT/SIGTERM. */
export function runSubgraph<TTables extends Record<string, unknown>, TContext extends SubgraphContextBase>(
  definition: SubgraphDefinition<TTables, TContext>,
  loadConfig: () => SubgraphConfig,
): void {
  const logger = createLogger(definition.name);
  runMain(logger, async () => {
    const config = loadConfig();
    logger.level = config.logLevel;
    const server = await startSubgraph(definition, { config, logger });
    stopOnSignals(logger, [server.stop]);
  });
}

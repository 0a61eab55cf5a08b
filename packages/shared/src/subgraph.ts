import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { defaultFieldResolver, Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { viewerFromAuthorization, type Viewer } from './auth.js';
import { cacheControlFromHints } from './cachePolicy.js';
import { compiledExecution } from './compiledExecution.js';
import type { SubgraphConfig } from './config.js';
import { systemClock, type Clock } from './dates.js';
import { INTERNAL_CREDENTIAL_HEADER, internalOnlyFields, isInternalCredential } from './internalCredential.js';
import { queryLimitsPlugin } from './queryLimits.js';
import { openDatabase, type Database } from './db.js';
import { RequestCaches } from './loaders.js';
import { Refusals } from './refusals.js';
import { guardEntities } from './entities.js';
import { runMain, serve, stopOnSignals, type RequestContext, type RunningServer } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { scalarResolvers } from './scalars.js';

/** What every subgraph's per-request context holds before the service adds its loaders. */
export interface SubgraphContextBase extends RequestContext {
  viewer: Viewer;
  clock: Clock;
  /** What the request keeps of what it read: the service adds its loaders here; every mutation clears it. */
  caches: RequestCaches;
  /** Refuses a field the viewer may not see, once per kind in the request (see `Refusals`); the field is then null. */
  refuse(kind: string, message: string): null;
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
   * (loaders, repositories around the verified viewer). The DataLoaders among the context's `loaders` are
   * cleared around every mutation root field by themselves; anything else the context keeps of what it
   * read goes through `base.caches` (`memo`, `memoByKey`) to be cleared with them.
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

/**
 * Makes every mutation root field of the schema read fresh: it clears the request's caches (`ctx.caches`)
 * before it runs and again once it has written, so what it returns, and every root field after it (graphql
 * runs mutation root fields one after another), reflects every write made before it in the request.
 * Two `joinGroupBuy` aliases in one request: the second's `remaining` counts the first's units.
 */
export function freshAfterWrites(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: SubgraphContextBase, info) => {
      context.caches.clearAll();
      try {
        return await resolve(source, args, context, info);
      } finally {
        context.caches.clearAll();
      }
    };
  }
  return schema;
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

/** A PostgreSQL URL without its password (`postgres://app@db:5432/city`), fit for a log line or a banner. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'a PostgreSQL server (its URL could not be read)';
  }
}

/** Where a subgraph keeps its data, in words: the server's URL without password, or the folder of embedded PostgreSQL. */
export function describeStorage(config: Pick<SubgraphConfig, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl ? `PostgreSQL server ${withoutPassword(config.databaseUrl)}` : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
}

/** Opens the database, migrates it, loads the demo data when asked, and serves the subgraph; logs each step. */
export async function startSubgraph<TTables extends Record<string, unknown>, TContext extends SubgraphContextBase>(
  definition: SubgraphDefinition<TTables, TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph<TTables>> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(definition.name, config.logLevel);
  logger.info(`opening ${describeStorage(config)} and applying migrations`);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    schema: definition.tables,
    migrationsFolder: definition.migrationsFolder,
    onQuery: options.onQuery,
  });
  try {
    if (config.loadDemoData) {
      logger.info(`loading the demo data (the first start writes it; later starts find it there)`);
      await definition.loadDemoData(database.db, clock);
    }
    const createContext = definition.createContext({ db: database.db, config, logger });
    const schema = buildSubgraphSchema([
      {
        typeDefs: definition.typeDefs,
        resolvers: { ...scalarsDeclaredIn(definition.typeDefs), ...definition.resolvers } as GraphQLResolverMap<unknown>,
      },
    ]);
    guardEntities(schema);
    freshAfterWrites(schema);
    // The gateway's fetches and ServiceClient calls between subgraphs: the gateway checked the client's inputs and limits.
    const internalRequest = (request: { http?: { headers: { get(name: string): string | null | undefined } } }) => isInternalCredential(request.http?.headers.get(INTERNAL_CREDENTIAL_HEADER), config.jwtSecret);
    const server = await serve<TContext>({
      name: definition.name,
      logger,
      port: config.port,
      host: config.host,
      production: config.production,
      internalRequest,
      // Cache-Control from the schema's hints, worked out per document rather than per resolved field. In
      // production, _service (the SDL with its @inaccessible parts) and _entities answer the gateway only.
      apollo: {
        // The gateway's queries run compiled (graphql-jit); a client's own requests and mutations through graphql-js.
        gateway: compiledExecution(schema, { compiled: internalRequest }),
        plugins: [
          ApolloServerPluginInlineTraceDisabled(),
          ApolloServerPluginCacheControlDisabled(),
          cacheControlFromHints<TContext>(),
          ...(config.production ? [internalOnlyFields<TContext>(config.jwtSecret)] : []),
          // A client reaching this port directly meets the gateway's limits; the gateway's own requests do not.
          queryLimitsPlugin<TContext>({
            checkShape: true,
            exempt: internalRequest,
          }),
        ],
      },
      context: async ({ req, requestId }) => {
        const viewer = await viewerFromAuthorization(req.header('authorization'), config.jwtSecret);
        const refusals = new Refusals();
        const caches = new RequestCaches();
        const context = createContext({ requestId, viewer, clock, caches, refuse: (kind, message) => refusals.refuse(kind, message) });
        // Every service's loaders, without the service having to remember: a mutation clears them all.
        if ('loaders' in context && typeof context.loaders === 'object' && context.loaders) caches.add(context.loaders);
        return context;
      },
      // The health answer is public: it says the database is unreachable, the log says why and where.
      health: async () => {
        try {
          await database.ping();
          return { ok: true, checks: { database: 'ok' } };
        } catch (error) {
          logger.warn({ err: error }, 'health check: database unreachable');
          return { ok: false, checks: { database: 'database unreachable' } };
        }
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

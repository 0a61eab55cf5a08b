import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext, type GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type Request } from 'express';
import type { FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { accessLog } from './accessLog.js';
import { MAX_NESTING, nestingRefusal } from './documentLimits.js';
import { SUBGRAPH_MAX_TOKENS } from './queryLimits.js';
import { formatError, INTERNAL_ERROR_MESSAGE, isUnexpectedError } from './errors.js';
import type { Logger } from './logger.js';
import { MAX_BODY_DEPTH, nestsDeeperThan, requestChecks } from './requestChecks.js';

/** What `/health` says: ok, and for each part checked whether it answered. */
export interface HealthReport {
  ok: boolean;
  checks: Record<string, 'ok' | string>;
}

/** Every request's context carries the id that its log lines and x-request-id header share. */
export interface RequestContext extends BaseContext {
  requestId: string;
}

/** An HTTP handler in front of GraphQL (see `ServeOptions.beforeGraphql`). */
export type RequestHandler = express.RequestHandler;
/** The express application a service's extra routes are mounted on (see `ServeOptions.routes`). */
export type HttpApp = express.Express;
export type HttpRequest = express.Request;
export type HttpResponse = express.Response;
export type HttpNext = express.NextFunction;
/** Serves the files of a folder (express.static, i.e. serve-static): for routes mounted through `ServeOptions.routes`. */
export const staticFiles = express.static;
/** Reads a JSON body (express.json): for routes mounted through `ServeOptions.routes`. */
export const jsonBody = express.json;

/** What a service's extra routes may know of the server they are mounted on. */
export interface ServerSelf {
  /** This server's own /graphql on its bound address (a loopback address when it listens on every interface); known once it listens. */
  graphqlUrl(): string;
}

export interface ServeOptions<TContext extends RequestContext> {
  name: string;
  logger: Logger;
  port: number;
  host?: string;
  /** A schema or a gateway, and any plugins of the caller's own. */
  apollo: ApolloServerOptions<TContext>;
  /** Builds the per-request context; throwing a GraphQLError refuses the request. */
  context: (input: { req: Request; requestId: string }) => Promise<TContext>;
  health: () => Promise<HealthReport>;
  /** Runs on each /graphql request after its body is read, before Apollo Server (the gateway's kept answers). */
  beforeGraphql?: RequestHandler;
  /** Mounts routes of the service's own (the gateway's console, sign-in and exports) after /health, before /graphql. */
  routes?: (app: HttpApp, self: ServerSelf) => void;
  /** Production: errors never suggest schema names ("Did you mean …"). */
  production?: boolean;
  /** The most tokens a document may have; a longer one is refused before it is parsed further (default SUBGRAPH_MAX_TOKENS). */
  maxTokens?: number;
  /** True for our own services' requests (a subgraph: the internal credential); requestChecks does not walk their variables again. */
  internalRequest?: (request: GraphQLRequest) => boolean;
  /**
   * Compresses GraphQL answers of 1 KiB or more for clients that accept it (Brotli or gzip, by Accept-Encoding):
   * the gateway's. Only /graphql: other routes' files (the console's, hashed and kept by browsers for a year) would
   * be compressed afresh on every download. Subgraphs leave it off: their one client is the gateway, on a fast
   * link, where compressing would only spend CPU on both ends.
   */
  compress?: boolean;
}


const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Apollo `formatError` that in production also drops graphql's "Did you mean …?" hints, which name
 * fields, types, arguments and enum values of the schema to a caller who may not read the schema.
 */
function formatErrorFor(production: boolean) {
  if (!production) return formatError;
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const result = formatError(formatted, raw);
    return { ...result, message: result.message.replace(SUGGESTION, '').trim() };
  };
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://localhost:4001/graphql. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Answers a request refused before Apollo Server sees it, in GraphQL's shape: BAD_USER_INPUT (with Apollo's `reason` when given). */
function sendRefusal(res: express.Response, status: number, message: string, reason?: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) } }] });
}

/** What each of the body reader's refusals (its `type`) tells the client. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'charset.unsupported': 'The request body must be JSON in UTF-8.',
  'encoding.unsupported': "The request body's Content-Encoding is not supported: send it as it is, or gzip or deflate it.",
  'request.aborted': 'The request body was cut off before its end.',
  'request.size.invalid': 'The request body is not as long as its Content-Length says.',
};

function loggingPlugin<TContext extends RequestContext>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors as readonly GraphQLError[]) {
            if (!isUnexpectedError(error)) continue;
            logger.error(
              { err: error.originalError ?? error, requestId: contextValue.requestId, operationName, path: error.path },
              'unexpected error in a GraphQL request',
            );
          }
        },
      };
    },
  };
}

/**
 * How long a client of ours (the gateway's agent to each subgraph) keeps an idle socket before closing it itself (ms).
 * Shorter than SERVER_KEEP_ALIVE_MS, so that no request is sent on a socket the server is closing at that instant
 * (which the client sees as a reset connection, and the gateway as the service unavailable).
 */
export const CLIENT_KEEP_ALIVE_IDLE_MS = 30_000;
/** How long the servers keep an idle keep-alive connection open (ms): longer than any client of ours keeps one. */
export const SERVER_KEEP_ALIVE_MS = 65_000;

/** Serves GraphQL on POST/GET /graphql and a health check on GET /health, logs each request (`accessLog`), and stops gracefully. */
export async function serve<TContext extends RequestContext>(options: ServeOptions<TContext>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(accessLog(options.logger));
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  httpServer.headersTimeout = SERVER_KEEP_ALIVE_MS + 1_000;
  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorFor(options.production ?? false),
    parseOptions: { maxTokens: options.maxTokens ?? SUBGRAPH_MAX_TOKENS },
    // Compact JSON: Apollo Server's default indents every answer, which for a dashboard of a whole city is
    // a fifth more bytes and a slower stringify on every request (issue 16's profile: 8 % of the gateway's time).
    stringifyResult: options.apollo.stringifyResult ?? ((result: FormattedExecutionResult) => JSON.stringify(result)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default landing page loads an IDE from Apollo's CDN and reports telemetry: no page of ours calls out.
      ApolloServerPluginLandingPageDisabled(),
      loggingPlugin<TContext>(options.logger),
      requestChecks<TContext>({ internal: options.internalRequest }),
      ...(options.apollo.plugins ?? []),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();

  app.get('/health', async (_req, res) => {
    // Anyone may ask: the answer says what is down, never an address or an error's own words (those are logged).
    const report = await options.health().catch((error: unknown): HealthReport => {
      options.logger.warn({ err: error }, 'health check failed');
      return { ok: false, checks: { self: 'failed' } };
    });
    res.status(report.ok ? 200 : 503).json({ service: options.name, status: report.ok ? 'ok' : 'unavailable', ...report });
  });
  const bound: { url?: string } = {};
  options.routes?.(app, {
    graphqlUrl: () => {
      if (!bound.url) throw new Error(`${options.name} is not listening yet`);
      return bound.url;
    },
  });
  if (options.compress) app.use('/graphql', compression({ threshold: 1024 }));
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    // Before anything walks the body recursively (a cache key, Apollo Server, graphql's coercion): past a few
    // thousand levels any of them would overflow the stack.
    (req, res, next) => {
      if (!nestsDeeperThan(req.body, MAX_BODY_DEPTH)) return next();
      sendRefusal(res, 400, `The request body nests deeper than ${MAX_BODY_DEPTH} levels; no request of this API needs more than a few.`);
    },
    // Refused before Apollo Server parses it: a document nested deep enough to exhaust the parser's stack.
    (req, res, next) => {
      const document: unknown = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
      const refusal = nestingRefusal(document, MAX_NESTING, options.maxTokens ?? SUBGRAPH_MAX_TOKENS);
      if (!refusal) return next();
      sendRefusal(res, 400, refusal, 'GRAPHQL_PARSE_FAILED');
    },
    options.beforeGraphql ?? ((_req, _res, next) => next()),
    expressMiddleware(apollo, {
      context: ({ req, res }) => options.context({ req, requestId: res.locals.requestId as string }),
    }),
  );

  // A body that is not JSON, or too large, is answered in GraphQL's shape, never with an HTML stack trace.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status < 500 ? error.status : 500;
    if (status < 500) return sendRefusal(res, status, BODY_ERRORS[error.type ?? ''] ?? 'The request could not be read.');
    options.logger.error({ err: error, requestId: res.locals.requestId }, 'unexpected error in an HTTP request');
    res.status(status).json({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  bound.url = `http://${loopbackFor(options.host ?? '0.0.0.0')}:${port}/graphql`;
  options.logger.info({ port }, `${options.name} listening`);
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}

/** The host to reach a server listening on `host` from the same machine: a loopback address for "every interface". */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '::1') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Stops the servers on SIGINT or SIGTERM, then runs `after`, and exits. */
export function stopOnSignals(logger: Logger, stops: Array<() => Promise<void>>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      for (const each of stops) await each();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'did not stop cleanly');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Runs a process's start-up, and on failure says why in one log line and exits 1 (no stack for bad config). */
export function runMain(logger: Logger, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    if (error instanceof Error && error.name === 'ConfigError') logger.fatal(error.message);
    else logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  });
}

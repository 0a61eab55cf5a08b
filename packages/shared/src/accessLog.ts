import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { serializeError, type Logger } from './logger.js';

/** A request id a caller may choose (x-request-id): word characters, dots, colons and dashes, at most 100. */
const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * The first named operation of a GraphQL document, when the request does not name one (`query CityDashboard(...)`).
 * Linear in the text (no backtracking across lines), and only looked for in its first OPERATION_NAME_WITHIN
 * characters: a log line must not cost more than the request.
 */
const OPERATION_NAME = /(?:^|[\s,{}])(?:query|mutation|subscription)[\s,]+([_A-Za-z][_0-9A-Za-z]*)/;
const OPERATION_NAME_WITHIN = 4096;

/** The path a request asked for, without its query string (express's originalUrl: a mounted router rewrites url). */
function pathOf(req: IncomingMessage): string {
  return ((req as Partial<Request>).originalUrl ?? req.url ?? '').split('?')[0]!;
}

/** The operation a /graphql request asked for: its `operationName`, or the name of the document's first operation. */
export function operationNameOf(req: Pick<Request, 'body' | 'query'>): string | undefined {
  const source = (req.body && typeof req.body === 'object' ? req.body : req.query) as { operationName?: unknown; query?: unknown } | undefined;
  if (typeof source?.operationName === 'string' && source.operationName) return source.operationName.slice(0, 200);
  return typeof source?.query === 'string' ? OPERATION_NAME.exec(source.query.slice(0, OPERATION_NAME_WITHIN))?.[1] : undefined;
}

/**
 * Gives every request an id (the caller's x-request-id when well-formed, else a new UUID), sends it back in
 * x-request-id, keeps it in `res.locals.requestId`, and logs one line when the answer is sent: request id,
 * method, path (no query string), operation name, status and duration in ms. Never headers (the token),
 * variables, the query text or anything of the answer. /health is logged at debug.
 */
export function accessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      (res as Response).locals.requestId = id;
      res.setHeader('x-request-id', id);
      return id;
    },
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
      err: (err: Error) => {
        const { type, message } = serializeError(err) as { type?: string; message?: string };
        return { type, message };
      },
    },
    customProps: (req: IncomingMessage) => {
      const operationName = operationNameOf(req as Request);
      return operationName ? { operationName } : {};
    },
    // /health is asked every few seconds by start scripts and orchestrators, and answers 503 during an outage.
    customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) => {
      if (pathOf(req) === '/health') return 'debug';
      return err || res.statusCode >= 500 ? 'error' : 'info';
    },
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  }) as unknown as RequestHandler;
}

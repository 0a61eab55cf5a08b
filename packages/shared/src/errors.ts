import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The error codes of the public contract, and what each means to a client. */
export const ErrorCode = {
  /** No token, or a token that is forged, malformed or expired. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A valid token whose role or scope does not allow this. */
  FORBIDDEN: 'FORBIDDEN',
  /** The input itself is wrong; sending it again will fail again. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The thing named does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The request clashes with the current state (a status move, stock, a cut-off, a reused key). */
  CONFLICT: 'CONFLICT',
  /** A service that serves part of the answer did not answer: the rest stands, the error names the service and the paths it nulled; retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

function error(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const unauthenticated = (message: string) =>
  error(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
export const forbidden = (message: string) => error(ErrorCode.FORBIDDEN, message);
export const badInput = (message: string, field?: string) =>
  error(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (message: string) => error(ErrorCode.NOT_FOUND, message);
export const conflict = (message: string) => error(ErrorCode.CONFLICT, message);
/** A request refused as written, before anything runs (too costly, malformed): BAD_USER_INPUT with HTTP 400. */
export const requestRefused = (message: string) => error(ErrorCode.BAD_USER_INPUT, message, { http: { status: 400 } });

/**
 * What graphql and Apollo call a malformed request (a syntax error, an unknown field, a variable of the
 * wrong type): for the contract these are all BAD_USER_INPUT; the original code stays in `reason`.
 */
const MALFORMED_REQUEST_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Codes a client may see: the contract's own. */
const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), ...MALFORMED_REQUEST_CODES]);

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on our side. It has been logged; quote the x-request-id response header when you report it.';

/** Apollo Server's own words for some refusals it gives without a code, said plainly. */
const PLAIN_WORDS: Record<string, string> = {
  'provided sha does not match query':
    'The persisted query\'s sha256Hash is not the SHA-256 of the query sent with it: send the hash of this exact query text, or leave the persistedQuery extension out.',
  'Unsupported persisted query version': 'Only version 1 of the persistedQuery extension is supported.',
};

/** graphql's refusal of a document over `maxTokens` ("Document contains more that N tokens", its wording). */
const TOO_MANY_TOKENS = /Document contains more th[ae]t (\d+) tokens/;

/** A parse refusal in words that say what to change (graphql's own token-limit message does not). */
function plainParseMessage(message: string): string {
  const tooMany = TOO_MANY_TOKENS.exec(message);
  if (!tooMany) return message;
  return `This document has more than ${tooMany[1]} tokens (names, punctuation and values); at most ${tooMany[1]} are read. Send a shorter document: fewer fields, fragments for repeated selections, and variables instead of long literal values.`;
}

/** True when an error is one a client is meant to read, not an unexpected failure. */
export function isPublicError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/** The HTTP status Apollo Server was told to answer an error with (`extensions.http.status`), if any. */
function httpStatusOf(error: GraphQLError): number | undefined {
  const http = error.extensions.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/**
 * Apollo `formatError`: passes the contract's errors through, turns a scalar's refusal inside a
 * query literal into BAD_USER_INPUT, and a refusal Apollo Server makes with a 4xx status but no code
 * (a persisted query whose hash does not match) too; masks everything else (no stack, SQL or internal names).
 */
export function formatError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const original = raw instanceof GraphQLError ? raw.originalError : undefined;
  if (
    formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
    original instanceof GraphQLError &&
    original.extensions.code === ErrorCode.BAD_USER_INPUT
  ) {
    return { message: original.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (isPublicError(formatted)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    const code = extensions.code as string;
    if (MALFORMED_REQUEST_CODES.has(code)) {
      return { ...formatted, message: plainParseMessage(formatted.message), extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    return { ...formatted, extensions };
  }
  if (raw instanceof GraphQLError && raw.extensions.code === undefined) {
    const status = httpStatusOf(raw);
    if (status !== undefined && status >= 400 && status < 500) {
      return {
        message: PLAIN_WORDS[raw.message] ?? raw.message,
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'BAD_REQUEST' },
      };
    }
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** True when `formatError` masks an error as ours (INTERNAL_SERVER_ERROR): the ones worth logging. */
export function isUnexpectedError(error: GraphQLError): boolean {
  const formatted = { message: error.message, extensions: { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' } };
  return formatError(formatted, error).extensions?.code === 'INTERNAL_SERVER_ERROR';
}

import type { HttpResponse } from '@cgov/shared';

/** The JSON a non-GraphQL route answers with when it refuses: `{ "error": { "code", "message" } }` (the contract's codes). */
export function sendError(res: HttpResponse, status: number, code: string, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

/** The HTTP status that matches a contract error code. */
export function statusOfCode(code: unknown): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return 400;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}

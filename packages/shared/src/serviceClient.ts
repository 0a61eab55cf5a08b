import { GraphQLError } from 'graphql';
import { signToken, type Viewer } from './auth.js';
import { ErrorCode } from './errors.js';
import { INTERNAL_CREDENTIAL_HEADER, internalCredential } from './internalCredential.js';
import type { Logger } from './logger.js';

/** Another subgraph did not answer (refused connection, timeout, 5xx): callers say so plainly and change nothing. */
export class ServiceUnreachable extends Error {
  override name = 'ServiceUnreachable';
}

/**
 * The GraphQL error a client sees when a service this one depends on does not answer: SERVICE_UNAVAILABLE,
 * naming it in `unavailableService` (the gateway sets `serviceName` to the subgraph that reported the error).
 */
export function serviceUnreachable(what: string, service: string): GraphQLError {
  return new GraphQLError(
    `${what}: the ${service} service does not answer right now. Nothing was changed; try again shortly.`,
    { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, unavailableService: service } },
  );
}

export interface ServiceClientOptions {
  /** The other subgraph's GraphQL endpoint. */
  url: string;
  /** Used in log lines and errors: "city", "community". */
  service: string;
  /** Who this service is, as the token's sub: "service:community". */
  caller: string;
  jwtSecret: string;
  logger: Logger;
  timeoutMs?: number;
}

/** Whose rights a service's question is asked with: a role and its scope, as in a viewer's token. */
export type AskedAs = Pick<Viewer, 'role' | 'scope'>;

/**
 * How one subgraph asks another's API on a write path (never its database): with a short-lived token of
 * the city's ANALYST (read-only, and only inside that city) or of the viewer itself (to read what only it may,
 * such as where its own household is), a timeout, and a plain error when unreachable.
 */
export class ServiceClient {
  private readonly tokens = new Map<string, { expires: number; token: Promise<string> }>();

  constructor(private readonly options: ServiceClientOptions) {}

  /** Runs a query as a read-only analyst of the city `cityId`. */
  query<TData>(cityId: string, query: string, variables: Record<string, unknown>): Promise<TData> {
    return this.queryAs({ role: 'ANALYST', scope: cityId }, query, variables);
  }

  /** Runs a query with the rights of `as` (a role and scope, such as the viewer's own): the answer is what that viewer may read. */
  async queryAs<TData>(as: AskedAs, query: string, variables: Record<string, unknown>): Promise<TData> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await this.token(as)}`,
          [INTERNAL_CREDENTIAL_HEADER]: internalCredential(this.options.jwtSecret),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
      });
    } catch (error) {
      this.options.logger.warn({ err: error, url: this.options.url }, `${this.options.service} subgraph unreachable`);
      throw new ServiceUnreachable(`${this.options.service} subgraph unreachable`);
    }
    if (response.status >= 500) throw new ServiceUnreachable(`${this.options.service} subgraph answered ${response.status}`);
    const body = (await response.json()) as { data?: TData | null; errors?: Array<{ message: string }> };
    if (!body.data) {
      throw new Error(`The ${this.options.service} subgraph refused a query: ${body.errors?.map((e) => e.message).join('; ')}`);
    }
    return body.data;
  }

  private token(as: AskedAs): Promise<string> {
    const now = Date.now();
    const key = `${as.role}:${as.scope}`;
    const hit = this.tokens.get(key);
    if (hit && hit.expires > now) return hit.token;
    const token = signToken({ sub: this.options.caller, role: as.role, scope: as.scope }, this.options.jwtSecret, '15m');
    // Viewers' own tokens (one a household) would grow the map without end: past 10,000 the oldest goes first.
    this.tokens.delete(key);
    if (this.tokens.size >= 10_000) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(key, { expires: now + 10 * 60 * 1000, token });
    return token;
  }
}

/** Asks another service; if it does not answer, says so plainly for `what` (SERVICE_UNAVAILABLE, nothing changed). */
export async function askService<T>(service: string, what: string, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof ServiceUnreachable) throw serviceUnreachable(what, service);
    throw error;
  }
}

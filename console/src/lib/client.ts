import { authExchange } from '@urql/exchange-auth';
import { Client, cacheExchange, fetchExchange, type CombinedError, type OperationContext } from 'urql';
import { fetchNotingAge } from './answerAge.js';
import { currentSession, signOut } from './session.js';

/** The contract's error codes (extensions.code). */
export const ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The contract codes an urql error carries, in order, without repeats. */
export function errorCodes(error: CombinedError | undefined): ErrorCode[] {
  const codes = (error?.graphQLErrors ?? []).map((e) => e.extensions?.code).filter((code): code is ErrorCode => ERROR_CODES.includes(code as ErrorCode));
  return [...new Set(codes)];
}

/**
 * useQuery contexts for lists a mutation changes: urql's document cache re-runs a query after a mutation returns a type
 * the query's result held, so a list that was empty (no typename to go by) would stay stale without naming its type.
 * Module-level, so the context object stays the same between renders.
 */
export const REFRESHED_BY = {
  policies: { additionalTypenames: ['SubsidyPolicy'] },
  budgets: { additionalTypenames: ['SubsidyBudget'] },
  suppliers: { additionalTypenames: ['Supplier'] },
  /** Request lists: a filing, a status move, a whistle or a callback answers a Request. */
  requests: { additionalTypenames: ['Request'] },
  /** Every one of those mutations writes an audit entry. */
  audit: { additionalTypenames: ['SubsidyPolicy', 'SubsidyBudget', 'Supplier'] },
} satisfies Record<string, Partial<OperationContext>>;

/** Whether an answer's error says the caller's token is missing, invalid or expired. */
function isUnauthenticated(error: CombinedError): boolean {
  return error.response?.status === 401 || errorCodes(error).includes('UNAUTHENTICATED');
}

/**
 * The console's one GraphQL client: the gateway's /graphql on this origin, the tab's token on every request, and
 * UNAUTHENTICATED ends the session (the router then sends the user to sign in, remembering the page); each result's
 * extensions say when its answer was made (`answerMadeAt`), as the gateway's cache may serve one a few seconds old.
 */
export const client = new Client({
  url: '/graphql',
  // POST always: the gateway's CSRF prevention refuses GET queries without a preflight header (urql v5 sends GETs by default).
  preferGetMethod: false,
  fetch: fetchNotingAge,
  exchanges: [
    cacheExchange,
    authExchange(async (utils) => ({
      addAuthToOperation(operation) {
        const session = currentSession();
        return session ? utils.appendHeaders(operation, { Authorization: `Bearer ${session.token}` }) : operation;
      },
      didAuthError: isUnauthenticated,
      async refreshAuth() {
        signOut();
      },
    })),
    fetchExchange,
  ],
});

// The request rules the pages show before the platform is asked (docs/api.md, "Resident requests"): which deadline a
// request waits on, in what order an inbox lists them, whether it may still be returned, and a span as a clock reads it.
import type { RequestStatus } from '../../../gql/graphql.js';

/** A unit returns a request within 2 hours of its dispatch (the contract's rule). */
export const RETURN_WINDOW_MS = 2 * 60 * 60 * 1000;

/** The deadline a request waits on now: the first response while dispatched, the reply while accepted or reopened. */
export function pendingDeadline(request: { status: RequestStatus; responseDeadline: string; resolutionDeadline: string }): { kind: 'response' | 'resolution'; at: string } | null {
  if (request.status === 'DISPATCHED') return { kind: 'response', at: request.responseDeadline };
  if (request.status === 'ACCEPTED' || request.status === 'REOPENED') return { kind: 'resolution', at: request.resolutionDeadline };
  return null;
}

/** Open requests in the order they must be dealt with: the one whose deadline falls (or fell) first, first; overdue ones are on top. */
export function byDeadline<T extends { status: RequestStatus; responseDeadline: string; resolutionDeadline: string }>(requests: readonly T[]): T[] {
  const due = (request: T) => Date.parse(pendingDeadline(request)?.at ?? '9999-12-31T00:00:00Z');
  return [...requests].sort((a, b) => due(a) - due(b));
}

/** Why a request cannot be returned now, or null when it can. */
export function whyNotReturnable(request: { status: string; returnCount: number; dispatchedAt: string }, now: number): 'returnedOnce' | 'windowPassed' | 'notDispatched' | null {
  if (request.returnCount >= 1) return 'returnedOnce';
  if (request.status !== 'DISPATCHED') return 'notDispatched';
  if (now - Date.parse(request.dispatchedAt) > RETURN_WINDOW_MS) return 'windowPassed';
  return null;
}

/** A span of time as a clock reads it: "05:07:09", with whole days before it ("2天 05:07:09" / "2 d 05:07:09"). */
export function formatSpan(ms: number, daysLabel: (days: number) => string): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86_400);
  const clock = [Math.floor((seconds % 86_400) / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${daysLabel(days)} ${clock}` : clock;
}

import { conflict } from '@cgov/shared';
import type { RequestRow, RequestStatus, Urgency } from '../db/schema.js';

const HOUR = 3_600_000;

/** First response and resolution, in hours from dispatch, by urgency (the contract's catalogue rules). */
export const DEADLINE_HOURS: Record<Urgency, { response: number; resolution: number }> = {
  URGENT: { response: 2, resolution: 24 },
  NORMAL: { response: 24, resolution: 7 * 24 },
  COMPLEX: { response: 24, resolution: 15 * 24 },
};

/** A unit may return a request within this long after its dispatch, once in the request's life. */
export const RETURN_WINDOW_MS = 2 * HOUR;
/** A summoned department reports within this long. */
export const REPORT_WINDOW_MS = 24 * HOUR;
/** The most departments summoned on one request over its life (the gateway weighs Request.summons at this). */
export const MAX_SUMMONS = 20;
/** The reopening that summons the category's department by itself. */
export const AUTOMATIC_SUMMONS_REOPENING = 3;

/** Both deadlines of a request dispatched at `dispatchedAt`. */
export function deadlinesFrom(urgency: Urgency, dispatchedAt: Date) {
  const hours = DEADLINE_HOURS[urgency];
  return {
    responseDeadline: new Date(dispatchedAt.getTime() + hours.response * HOUR),
    resolutionDeadline: new Date(dispatchedAt.getTime() + hours.resolution * HOUR),
  };
}

/** A reopened request's resolution deadline: counted again from the reopening. */
export function resolutionDeadlineFrom(urgency: Urgency, reopenedAt: Date): Date {
  return new Date(reopenedAt.getTime() + DEADLINE_HOURS[urgency].resolution * HOUR);
}

/** The street of a community: the first 9 digits of its 12-digit division code (首接负责). */
export function streetOfCommunity(communityId: string): string {
  return communityId.slice(0, 9);
}

/** The moves of the state machine: which action takes a request from which statuses to which. */
export const MOVES = {
  accept: { from: ['DISPATCHED'], to: 'ACCEPTED' },
  return: { from: ['DISPATCHED'], to: 'RETURNED' },
  dispatch: { from: ['RETURNED'], to: 'DISPATCHED' },
  reply: { from: ['ACCEPTED', 'REOPENED'], to: 'REPLIED' },
  callbackClose: { from: ['REPLIED'], to: 'CLOSED' },
  callbackReopen: { from: ['REPLIED'], to: 'REOPENED' },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus }>;
export type Move = keyof typeof MOVES;

const ACTION_WORDS: Record<Move, string> = {
  accept: 'accepted',
  return: 'returned',
  dispatch: 're-dispatched',
  reply: 'replied to',
  callbackClose: 'called back',
  callbackReopen: 'called back',
};

/** Refuses a move the state machine does not allow from the request's status (CONFLICT). */
export function assertMove(request: Pick<RequestRow, 'status'>, move: Move): RequestStatus {
  const rule = MOVES[move];
  if (!(rule.from as readonly RequestStatus[]).includes(request.status)) {
    throw conflict(`A ${request.status} request cannot be ${ACTION_WORDS[move]}; that needs a request that is ${rule.from.join(' or ')}.`);
  }
  return rule.to;
}

/** Refuses a return outside the rules: once in a request's life, within 2 hours of its dispatch. */
export function assertReturnable(request: Pick<RequestRow, 'status' | 'returnCount' | 'dispatchedAt'>, now: Date): void {
  if (request.returnCount >= 1) {
    throw conflict('This request was returned once already; a request is returned at most once, and the hotline decides who takes it.');
  }
  assertMove(request, 'return');
  if (now.getTime() - request.dispatchedAt.getTime() > RETURN_WINDOW_MS) {
    throw conflict('A request is returned within 2 hours of its dispatch; that time has passed, so it is yours to answer.');
  }
}

/** First response after the response deadline (or none yet, the deadline passed). */
export function respondedLate(request: Pick<RequestRow, 'respondedAt' | 'responseDeadline'>, now: Date): boolean {
  return (request.respondedAt ?? now).getTime() > request.responseDeadline.getTime();
}

/** Reply after the (last) resolution deadline (or none yet, the deadline passed). */
export function resolvedLate(request: Pick<RequestRow, 'repliedAt' | 'resolutionDeadline' | 'status'>, now: Date): boolean {
  const at = request.status === 'REOPENED' || !request.repliedAt ? now : request.repliedAt;
  return at.getTime() > request.resolutionDeadline.getTime();
}

/**
 * Overdue: not closed nor answered (REPLIED) and past a deadline it has not met — the first response not given by
 * the response deadline, or no reply by the (last) resolution deadline. The scheduler marks these; every move works
 * it out afresh.
 */
export function isOverdue(request: Pick<RequestRow, 'status' | 'respondedAt' | 'responseDeadline' | 'resolutionDeadline'>, now: Date): boolean {
  if (request.status === 'CLOSED' || request.status === 'REPLIED') return false;
  const t = now.getTime();
  return (request.respondedAt === null && request.responseDeadline.getTime() < t) || request.resolutionDeadline.getTime() < t;
}

/** The fingerprint of a filing: the same key with another input is a CONFLICT. */
export function filingFingerprint(input: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(input).sort().map((key) => [key, input[key] ?? null]));
}

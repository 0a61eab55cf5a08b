import { badInput, conflict, formatDateTime } from '@cgov/shared';
import type { ListingKind, ListingState, ListingType, MatchStatus } from '../db/schema.js';

/** A listing is open at most this long after posting (14 days), unless availableTo is sooner. */
export const LISTING_LIFETIME_MS = 14 * 24 * 3_600_000;
/** A need counts as matched in time when a match of it is accepted within 48 hours of posting. */
export const MATCHED_IN_TIME_MS = 48 * 3_600_000;
/** The lowest a household's time credit balance may go: −12 hours, in minutes. */
export const CREDIT_FLOOR_MINUTES = -12 * 60;
/** The most hours one completed match may move. */
export const MAX_MATCH_HOURS = 24;
/** How many suggested matches a listing shows. */
export const SUGGESTIONS = 20;

/** Where a listing stands at an instant: its stored state, or EXPIRED when it was open and its window has closed. */
export type ListingStatus = ListingState | 'EXPIRED';

/** When a listing stops being open: availableTo, or 14 days after posting if sooner. */
export function expiresAt(postedAt: Date, availableTo: Date): Date {
  return new Date(Math.min(availableTo.getTime(), postedAt.getTime() + LISTING_LIFETIME_MS));
}

/** A listing's status at `now`. */
export function listingStatus(listing: { state: ListingState; expiresAt: Date }, now: Date): ListingStatus {
  return listing.state === 'OPEN' && listing.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : listing.state;
}

/** Checks the window of a listing to post: from before to, and to in the future. */
export function assertListingWindow(availableFrom: Date, availableTo: Date, now: Date): void {
  if (availableTo.getTime() <= availableFrom.getTime()) {
    throw badInput(`availableTo (${formatDateTime(availableTo)}) must come after availableFrom (${formatDateTime(availableFrom)}).`, 'availableTo');
  }
  if (availableTo.getTime() <= now.getTime()) throw badInput(`availableTo (${formatDateTime(availableTo)}) must be in the future: it is ${formatDateTime(now)} now.`, 'availableTo');
  const expires = expiresAt(now, availableTo);
  if (availableFrom.getTime() >= expires.getTime()) {
    throw badInput(`availableFrom (${formatDateTime(availableFrom)}) must come before the listing expires (${formatDateTime(expires)}: 14 days after posting at most).`, 'availableFrom');
  }
}

/** A listing as matching weighs it. */
export interface Matchable {
  id: string;
  householdId: string;
  communityId: string;
  compoundId: string;
  kind: ListingKind;
  type: ListingType;
  state: ListingState;
  availableFrom: Date;
  availableTo: Date;
  expiresAt: Date;
  verifiedOnly: boolean;
}

/**
 * Whether two listings may be matched at `now`: a need and an offer of the same type, both open, of two households of
 * one community, whose windows (availableFrom to expiresAt) overlap, each verifiedOnly side with a verified other side.
 * Returns why not, or null when they may.
 */
export function whyNotMatchable(a: Matchable, b: Matchable, verified: (householdId: string) => boolean, now: Date): string | null {
  if (a.kind === b.kind) return `both are ${a.kind === 'NEED' ? 'needs' : 'offers'}`;
  if (a.type !== b.type) return `one is ${a.type}, the other ${b.type}`;
  if (a.householdId === b.householdId) return "a household's own need and offer are not matched";
  if (a.communityId !== b.communityId) return 'they are in two communities';
  for (const listing of [a, b]) {
    const status = listingStatus(listing, now);
    if (status !== 'OPEN') return `${listing.kind === 'NEED' ? 'the need' : 'the offer'} is ${status}`;
  }
  if (!(a.availableFrom.getTime() < b.expiresAt.getTime() && b.availableFrom.getTime() < a.expiresAt.getTime())) return 'their windows do not overlap';
  if (a.verifiedOnly && !verified(b.householdId)) return `the ${a.kind === 'NEED' ? 'need' : 'offer'} is for verified households only`;
  if (b.verifiedOnly && !verified(a.householdId)) return `the ${b.kind === 'NEED' ? 'need' : 'offer'} is for verified households only`;
  return null;
}

/** The contract's order of suggestions for `listing`: the same compound first, then the rest of the community; each soonest-expiring first. */
export function suggestionOrder(listing: { compoundId: string }) {
  return (a: Matchable & { postedAt: Date }, b: Matchable & { postedAt: Date }) =>
    Number(b.compoundId === listing.compoundId) - Number(a.compoundId === listing.compoundId) ||
    a.expiresAt.getTime() - b.expiresAt.getTime() ||
    a.postedAt.getTime() - b.postedAt.getTime() ||
    a.id.localeCompare(b.id);
}

/** The moves a match takes: PROPOSED → ACCEPTED → COMPLETED; PROPOSED or ACCEPTED → CANCELLED. Anything else is a CONFLICT. */
export function assertMatchMove(from: MatchStatus, to: MatchStatus): void {
  const allowed: Record<MatchStatus, MatchStatus[]> = { PROPOSED: ['ACCEPTED', 'CANCELLED'], ACCEPTED: ['COMPLETED', 'CANCELLED'], COMPLETED: [], CANCELLED: [] };
  if (!allowed[from].includes(to)) throw conflict(`A ${from} match cannot become ${to}${allowed[from].length ? `; it may become ${allowed[from].join(' or ')}` : ''}.`);
}

/** True for the types whose completed help moves time credit. */
export const movesCredit = (type: ListingType) => type === 'SKILL' || type === 'ACTIVITY';

/** The minutes a completion moves: hours given (1 by default), in quarter hours, more than 0 and at most 24; none for goods and spaces. */
export function creditMinutes(type: ListingType, hours: number | null | undefined): number | null {
  if (!movesCredit(type)) {
    if (hours !== null && hours !== undefined) throw badInput(`Only SKILL and ACTIVITY matches move time credit; this one is ${type}, so give no hours.`, 'hours');
    return null;
  }
  const given = hours ?? 1;
  if (!Number.isFinite(given) || given <= 0 || given > MAX_MATCH_HOURS || !Number.isInteger(given * 4)) {
    throw badInput(`hours must be more than 0 and at most ${MAX_MATCH_HOURS}, in quarter hours (got ${given}).`, 'hours');
  }
  return Math.round(given * 60);
}

/** Refuses a debit that would take a balance below −12 hours. */
export function assertAboveFloor(balanceMinutes: number, debitMinutes: number): void {
  if (balanceMinutes - debitMinutes < CREDIT_FLOOR_MINUTES) {
    throw conflict(
      `The needing household's time credit is ${balanceMinutes / 60} hours; ${debitMinutes / 60} more would take it below the floor of ${CREDIT_FLOOR_MINUTES / 60} hours.`,
    );
  }
}

/** A rate with four places, null when nothing is counted. */
export const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

import { addDays, type CalendarDate } from '@cgov/shared';

/** A plan is current while reviewed within this many months. */
export const PLAN_CURRENT_MONTHS = 12;

/** Supplies count as expiring when they expire within this many days of today (or have expired). */
export const EXPIRY_WARNING_DAYS = 30;

/** The emergency uses a community needs a space for, each at least once, for the spaces' part of the score. */
export const REQUIRED_SPACE_USES = ['OBSERVATION_POINT', 'SUPPLY_DEPOT', 'DELIVERY_POINT'] as const;

/** Accepted volunteers per 1,000 households that earn the volunteers' full part of the score. */
export const VOLUNTEERS_PER_THOUSAND_TARGET = 10;

const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** When a plan reviewed on a date is next due for review: 12 months later (29 February gives 28 February), as PostgreSQL's `+ interval '1 year'`. */
export function nextReviewDue(reviewedOn: CalendarDate): CalendarDate {
  const year = Number(reviewedOn.slice(0, 4)) + PLAN_CURRENT_MONTHS / 12;
  const monthDay = reviewedOn.slice(5);
  return `${year}-${monthDay === '02-29' && !isLeap(year) ? '02-28' : monthDay}`;
}

/** True when a plan reviewed on a date is current today: reviewed within the last 12 months (its review is not yet overdue). */
export function isPlanCurrent(reviewedOn: CalendarDate | null, today: CalendarDate): boolean {
  return reviewedOn !== null && nextReviewDue(reviewedOn) >= today;
}

/** The last expiry date that counts as expiring within 30 days of today. */
export const expiryHorizon = (today: CalendarDate): CalendarDate => addDays(today, EXPIRY_WARNING_DAYS);

/** A supply item as read: below its minimum, and whether what is on hand expires within 30 days (or has expired). */
export function supplyStatus(item: { onHand: number; minimum: number | null; expiresOn: CalendarDate | null }, today: CalendarDate) {
  return {
    belowMinimum: item.minimum !== null && item.onHand < item.minimum,
    expiringWithin30Days: item.onHand > 0 && item.expiresOn !== null && item.expiresOn <= expiryHorizon(today),
  };
}

/** A region's readiness counts, the sums of its communities' (decided at read time where the clock matters). */
export interface ReadinessCounts {
  communities: number;
  communitiesWithCurrentPlan: number;
  /** Communities with at least one space for each of OBSERVATION_POINT, SUPPLY_DEPOT and DELIVERY_POINT. */
  communitiesWithEverySpace: number;
  /** Communities with no supply below its minimum. */
  communitiesWithoutShortage: number;
  spaces: number;
  spaceCapacity: number;
  suppliesBelowMinimum: number;
  suppliesExpiringWithin30Days: number;
  volunteers: number;
  households: number;
}

/** Nothing counted: a region with no community the community tier keeps. */
export const NO_READINESS: ReadinessCounts = {
  communities: 0,
  communitiesWithCurrentPlan: 0,
  communitiesWithEverySpace: 0,
  communitiesWithoutShortage: 0,
  spaces: 0,
  spaceCapacity: 0,
  suppliesBelowMinimum: 0,
  suppliesExpiringWithin30Days: 0,
  volunteers: 0,
  households: 0,
};

/** Rounds half up to `places` decimals (a hair added so that 12.25 stays 12.3 despite binary fractions). */
const round = (value: number, places: number) => Math.round(value * 10 ** places + 1e-9) / 10 ** places;

/** Accepted volunteers per 1,000 households, unrounded; null when there are no households. */
const perThousand = (counts: ReadinessCounts) => (counts.households > 0 ? (counts.volunteers * 1000) / counts.households : null);

/**
 * The contract's readiness score (0–100, one place): 30 × share with a current epidemic plan + 20 × share with a space
 * of each required use + 25 × share with no supply below its minimum + 25 × min(1, volunteers per 1,000 households ÷ 10);
 * null for a region with no community.
 */
export function readinessScore(counts: ReadinessCounts): number | null {
  if (counts.communities === 0) return null;
  const share = (n: number) => n / counts.communities;
  const volunteers = Math.min(1, (perThousand(counts) ?? 0) / VOLUNTEERS_PER_THOUSAND_TARGET);
  return round(30 * share(counts.communitiesWithCurrentPlan) + 20 * share(counts.communitiesWithEverySpace) + 25 * share(counts.communitiesWithoutShortage) + 25 * volunteers, 1);
}

/** A region's readiness as the API answers it: its counts, volunteers per 1,000 households (two places) and the score. */
export function readinessFigures(counts: ReadinessCounts) {
  const volunteersPerThousand = perThousand(counts);
  return {
    ...counts,
    volunteersPerThousandHouseholds: volunteersPerThousand === null ? null : round(volunteersPerThousand, 2),
    score: readinessScore(counts),
  };
}
export type ReadinessFigures = ReturnType<typeof readinessFigures>;

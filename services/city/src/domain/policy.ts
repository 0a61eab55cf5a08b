import { addDays, badInput, conflict, formatMoney, type CalendarDate, type Fen, type PackageCategory } from '@cgov/shared';

/** Where a policy stands on a given day. */
export type PolicyStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'REVOKED';

export interface PolicyDates {
  effectiveFrom: CalendarDate;
  effectiveTo: CalendarDate | null;
  revokedAt: Date | null;
}

/** REVOKED once revoked; otherwise SCHEDULED before its first day, ENDED after its last, ACTIVE between. */
export function policyStatus(policy: PolicyDates, today: CalendarDate): PolicyStatus {
  if (policy.revokedAt) return 'REVOKED';
  if (today < policy.effectiveFrom) return 'SCHEDULED';
  if (policy.effectiveTo !== null && policy.effectiveTo < today) return 'ENDED';
  return 'ACTIVE';
}

/** True when the policy applies on the date (a revoked one applies up to its shortened last day). */
export function inForce(policy: PolicyDates, date: CalendarDate): boolean {
  return policy.effectiveFrom <= date && (policy.effectiveTo === null || date <= policy.effectiveTo);
}

export interface PolicyTerms {
  category: PackageCategory;
  subsidyPerUnit: Fen;
  maxListPrice: Fen;
  perHouseholdDailyLimit: number;
  effectiveFrom: CalendarDate;
  effectiveTo: CalendarDate | null;
}

/** The most units a policy can grant a household a day: a guard against a typo of 1000 for 10. */
export const MAX_DAILY_LIMIT = 100;

/** Refuses terms a city official could not mean, in words they can act on. */
export function validateTerms(terms: PolicyTerms, today: CalendarDate): void {
  if (terms.maxListPrice <= 0) throw badInput('maxListPrice must be more than 0.00: it is the highest list price the subsidy applies to.', 'maxListPrice');
  if (terms.subsidyPerUnit > terms.maxListPrice) {
    throw badInput(
      `subsidyPerUnit (${formatMoney(terms.subsidyPerUnit)}) cannot be more than maxListPrice (${formatMoney(terms.maxListPrice)}).`,
      'subsidyPerUnit',
    );
  }
  if (!Number.isInteger(terms.perHouseholdDailyLimit) || terms.perHouseholdDailyLimit < 0) {
    throw badInput(`perHouseholdDailyLimit cannot be negative (got ${terms.perHouseholdDailyLimit}).`, 'perHouseholdDailyLimit');
  }
  if (terms.perHouseholdDailyLimit > MAX_DAILY_LIMIT) {
    throw badInput(`perHouseholdDailyLimit is at most ${MAX_DAILY_LIMIT} units a day (got ${terms.perHouseholdDailyLimit}).`, 'perHouseholdDailyLimit');
  }
  if (terms.effectiveFrom <= today) {
    throw badInput(
      `effectiveFrom must be tomorrow (${addDays(today, 1)}) or later: nobody changes today's prices (got ${terms.effectiveFrom}).`,
      'effectiveFrom',
    );
  }
  if (terms.effectiveTo !== null && terms.effectiveTo < terms.effectiveFrom) {
    throw badInput(`effectiveTo (${terms.effectiveTo}) cannot be before effectiveFrom (${terms.effectiveFrom}).`, 'effectiveTo');
  }
}

export interface VersionOnRecord {
  id: string;
  version: number;
  effectiveFrom: CalendarDate;
  effectiveTo: CalendarDate | null;
}

/**
 * What publishing a new version starting on `effectiveFrom` does to the versions already on record for
 * the same region and category: each that would still run on or after that day ends the day before.
 * A version that itself starts on or after that day cannot be cut to nothing: that is a CONFLICT.
 */
export function planSupersession(
  versions: readonly VersionOnRecord[],
  effectiveFrom: CalendarDate,
): { endings: Array<{ id: string; effectiveTo: CalendarDate }>; nextVersion: number } {
  const overlapping = versions.filter((version) => version.effectiveTo === null || version.effectiveTo >= effectiveFrom);
  const blocking = overlapping.find((version) => version.effectiveFrom >= effectiveFrom);
  if (blocking) {
    throw conflict(
      `Version ${blocking.version} of this policy already starts on ${blocking.effectiveFrom}; a new version must start after that day. Revoke version ${blocking.version} first to replace it.`,
    );
  }
  return {
    endings: overlapping.map((version) => ({ id: version.id, effectiveTo: addDays(effectiveFrom, -1) })),
    nextVersion: Math.max(0, ...versions.map((version) => version.version)) + 1,
  };
}

/** Revoking ends a policy early: on a day from today on, no later than it was to end. */
export function validateRevocation(policy: PolicyDates & { version: number }, effectiveTo: CalendarDate, today: CalendarDate): void {
  if (policy.revokedAt) throw conflict(`Version ${policy.version} of this policy is already revoked.`);
  if (policy.effectiveTo !== null && policy.effectiveTo < today) {
    throw conflict(`Version ${policy.version} of this policy already ended on ${policy.effectiveTo}; there is nothing left to revoke.`);
  }
  if (effectiveTo < today) {
    throw badInput(`effectiveTo must be today (${today}) or later: a revocation cannot reach into the past (got ${effectiveTo}).`, 'effectiveTo');
  }
  if (policy.effectiveTo !== null && effectiveTo > policy.effectiveTo) {
    throw badInput(
      `effectiveTo cannot be later than the policy's current last day, ${policy.effectiveTo} (got ${effectiveTo}).`,
      'effectiveTo',
    );
  }
}

/** From the policies in force on a date along a region's lineage, the most specific region's per category. */
export function mostSpecificPerCategory<T extends { regionId: string; category: PackageCategory; version: number }>(
  policies: readonly T[],
): T[] {
  const best = new Map<PackageCategory, T>();
  for (const policy of policies) {
    const current = best.get(policy.category);
    if (
      !current ||
      policy.regionId.length > current.regionId.length ||
      (policy.regionId.length === current.regionId.length && policy.version > current.version)
    ) {
      best.set(policy.category, policy);
    }
  }
  return [...best.values()].sort((a, b) => a.category.localeCompare(b.category));
}

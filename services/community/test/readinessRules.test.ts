import { describe, expect, it } from 'vitest';
import { isPlanCurrent, nextReviewDue, NO_READINESS, readinessFigures, readinessScore, supplyStatus } from '../src/domain/readinessRules.js';

describe('plan currency', () => {
  it('is due 12 months after the review (29 February gives 28 February) and current through that day', () => {
    expect(nextReviewDue('2025-12-01')).toBe('2026-12-01');
    expect(nextReviewDue('2024-02-29')).toBe('2025-02-28');
    expect(nextReviewDue('2028-02-29')).toBe('2029-02-28');
    expect(isPlanCurrent('2025-12-01', '2026-12-01')).toBe(true);
    expect(isPlanCurrent('2025-12-01', '2026-12-02')).toBe(false);
    expect(isPlanCurrent(null, '2026-12-01')).toBe(false);
  });
});

describe('a supply item', () => {
  it('is below its minimum when on hand is less, and expiring when stock on hand expires within 30 days or has expired', () => {
    expect(supplyStatus({ onHand: 4, minimum: 5, expiresOn: null }, '2026-11-21')).toEqual({ belowMinimum: true, expiringWithin30Days: false });
    expect(supplyStatus({ onHand: 5, minimum: 5, expiresOn: '2026-12-21' }, '2026-11-21')).toEqual({ belowMinimum: false, expiringWithin30Days: true });
    expect(supplyStatus({ onHand: 5, minimum: null, expiresOn: '2026-12-22' }, '2026-11-21').expiringWithin30Days).toBe(false);
    expect(supplyStatus({ onHand: 5, minimum: null, expiresOn: '2026-01-01' }, '2026-11-21').expiringWithin30Days).toBe(true);
    expect(supplyStatus({ onHand: 0, minimum: null, expiresOn: '2026-11-22' }, '2026-11-21').expiringWithin30Days).toBe(false);
  });
});

describe('the readiness score', () => {
  const counts = { ...NO_READINESS, communities: 3, communitiesWithCurrentPlan: 2, communitiesWithEverySpace: 1, communitiesWithoutShortage: 2, volunteers: 4, households: 120 };

  it('weighs plans 30, spaces 20, supplies 25 and volunteers 25 (full at 10 per 1,000 households), to one place', () => {
    expect(readinessScore(counts)).toBe(68.3);
    // 1 volunteer of 200 households is 5 per 1,000: half the volunteers' part.
    expect(readinessScore({ ...NO_READINESS, communities: 1, volunteers: 1, households: 200 })).toBe(12.5);
    expect(readinessScore({ ...NO_READINESS, communities: 4, communitiesWithCurrentPlan: 1, households: 10 })).toBe(7.5);
    expect(readinessScore(NO_READINESS)).toBeNull();
    // No households: no volunteers' part, and no rate to show.
    expect(readinessFigures({ ...NO_READINESS, communities: 1, communitiesWithoutShortage: 1 })).toMatchObject({ volunteersPerThousandHouseholds: null, score: 25 });
    expect(readinessFigures(counts).volunteersPerThousandHouseholds).toBe(33.33);
  });
});

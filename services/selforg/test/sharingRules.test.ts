// The shared community's rules without I/O: expiry, matchability, the suggestions' order, the lifecycle's moves,
// hours of credit and the −12 h floor, at their boundaries.
import { describe, expect, it } from 'vitest';
import {
  assertAboveFloor,
  assertListingWindow,
  assertMatchMove,
  creditMinutes,
  expiresAt,
  listingStatus,
  rate,
  suggestionOrder,
  whyNotMatchable,
  type Matchable,
} from '../src/domain/sharingRules.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-21T10:00:00+08:00');
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'OK';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

const listing = (over: Partial<Matchable> = {}): Matchable => ({
  id: 'x',
  householdId: 'h1',
  communityId: '420102001001',
  compoundId: 'c1',
  kind: 'NEED',
  type: 'SKILL',
  state: 'OPEN',
  availableFrom: at(0),
  availableTo: at(48),
  expiresAt: at(48),
  verifiedOnly: false,
  ...over,
});

describe('expiry', () => {
  it('is 14 days after posting unless availableTo is sooner, and EXPIRED from that instant', () => {
    expect(expiresAt(NOW, at(24 * 30))).toEqual(at(24 * 14));
    expect(expiresAt(NOW, at(5))).toEqual(at(5));
    const open = { state: 'OPEN' as const, expiresAt: at(5) };
    expect(listingStatus(open, at(5 - 1 / 3600))).toBe('OPEN');
    expect(listingStatus(open, at(5))).toBe('EXPIRED');
    expect(listingStatus({ ...open, state: 'COMPLETED' }, at(6))).toBe('COMPLETED');
  });

  it('refuses windows that could not work', () => {
    expect(codeOf(() => assertListingWindow(at(2), at(1), NOW))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertListingWindow(at(-2), at(0), NOW))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertListingWindow(at(24 * 14), at(24 * 20), NOW))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => assertListingWindow(at(-2), at(1), NOW))).toBe('OK');
  });
});

describe('matching', () => {
  const offer = listing({ id: 'o', householdId: 'h2', kind: 'OFFER' });
  const none = () => false;
  it('needs an opposite kind, the same type, two households of one community, both open, windows overlapping', () => {
    expect(whyNotMatchable(listing(), offer, none, NOW)).toBeNull();
    expect(whyNotMatchable(listing(), listing({ householdId: 'h2' }), none, NOW)).toMatch(/needs/);
    expect(whyNotMatchable(listing(), { ...offer, type: 'GOODS' }, none, NOW)).toMatch(/GOODS/);
    expect(whyNotMatchable(listing(), { ...offer, householdId: 'h1' }, none, NOW)).toMatch(/own/);
    expect(whyNotMatchable(listing(), { ...offer, communityId: '420102001002' }, none, NOW)).toMatch(/communities/);
    expect(whyNotMatchable(listing(), { ...offer, state: 'MATCHED' }, none, NOW)).toMatch(/MATCHED/);
    expect(whyNotMatchable(listing(), offer, none, at(48))).toMatch(/EXPIRED/);
    // Windows touching at one instant do not overlap.
    expect(whyNotMatchable(listing({ expiresAt: at(10) }), { ...offer, availableFrom: at(10) }, none, NOW)).toMatch(/windows/);
    expect(whyNotMatchable(listing({ expiresAt: at(10) }), { ...offer, availableFrom: at(9) }, none, NOW)).toBeNull();
  });

  it('respects verifiedOnly on either side', () => {
    expect(whyNotMatchable(listing({ verifiedOnly: true }), offer, none, NOW)).toMatch(/verified/);
    expect(whyNotMatchable(listing({ verifiedOnly: true }), offer, (id) => id === 'h2', NOW)).toBeNull();
    expect(whyNotMatchable(listing(), { ...offer, verifiedOnly: true }, (id) => id === 'h2', NOW)).toMatch(/verified/);
  });

  it('orders suggestions: the same compound first, then soonest-expiring', () => {
    const of = (id: string, compoundId: string, hours: number) => ({ ...offer, id, compoundId, expiresAt: at(hours), postedAt: NOW });
    const sorted = [of('far', 'c2', 5), of('near-late', 'c1', 40), of('far-soon', 'c2', 3), of('near', 'c1', 20)].sort(suggestionOrder({ compoundId: 'c1' }));
    expect(sorted.map((l) => l.id)).toEqual(['near', 'near-late', 'far-soon', 'far']);
  });
});

describe('the lifecycle', () => {
  it('moves PROPOSED → ACCEPTED → COMPLETED, or to CANCELLED before completion; nothing else', () => {
    expect(codeOf(() => assertMatchMove('PROPOSED', 'ACCEPTED'))).toBe('OK');
    expect(codeOf(() => assertMatchMove('ACCEPTED', 'COMPLETED'))).toBe('OK');
    expect(codeOf(() => assertMatchMove('PROPOSED', 'CANCELLED'))).toBe('OK');
    expect(codeOf(() => assertMatchMove('ACCEPTED', 'CANCELLED'))).toBe('OK');
    expect(codeOf(() => assertMatchMove('PROPOSED', 'COMPLETED'))).toBe('CONFLICT');
    expect(codeOf(() => assertMatchMove('COMPLETED', 'CANCELLED'))).toBe('CONFLICT');
    expect(codeOf(() => assertMatchMove('CANCELLED', 'ACCEPTED'))).toBe('CONFLICT');
  });
});

describe('time credits', () => {
  it('move quarter hours for skills and activities only, 1 hour by default', () => {
    expect(creditMinutes('SKILL', undefined)).toBe(60);
    expect(creditMinutes('ACTIVITY', 2.25)).toBe(135);
    expect(creditMinutes('GOODS', undefined)).toBeNull();
    expect(codeOf(() => creditMinutes('SPACE', 1))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => creditMinutes('SKILL', 0))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => creditMinutes('SKILL', 24.25))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => creditMinutes('SKILL', 0.1))).toBe('BAD_USER_INPUT');
    expect(creditMinutes('SKILL', 24)).toBe(1440);
  });

  it('never take a balance below −12 hours', () => {
    expect(codeOf(() => assertAboveFloor(-600, 120))).toBe('OK');
    expect(codeOf(() => assertAboveFloor(-600, 121))).toBe('CONFLICT');
    expect(codeOf(() => assertAboveFloor(0, 721))).toBe('CONFLICT');
  });

  it('rates with four places, null on nothing', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
  });
});

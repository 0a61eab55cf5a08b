import { describe, expect, it } from 'vitest';
import { rankUnits, rate, score, statsDeltas, threeRates } from '../src/domain/stats.js';

const unit = (unitId: string, dispatched: number, respondedOnTime: number, callbacks: number, resolvedCallbacks: number, satisfiedCallbacks: number) => ({
  unitId,
  unitName: unitId,
  dispatched,
  respondedOnTime,
  callbacks,
  resolvedCallbacks,
  satisfiedCallbacks,
});

describe('the three rates and the score', () => {
  it('rounds to four places and is null when the divisor is 0', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
    expect(threeRates(unit('a', 12, 9, 0, 0, 0))).toEqual({ responseRate: 0.75, resolutionRate: null, satisfactionRate: null });
    expect(score({ responseRate: 0.75, resolutionRate: 0.8889, satisfactionRate: 0.8889 })).toBe(0.8611);
    expect(score({ responseRate: 0.75, resolutionRate: null, satisfactionRate: 0.5 })).toBeNull();
  });

  it('ranks units with 10 requests or more by score, equal scores sharing a place, a null score last; the rest after, unranked', () => {
    const ranking = rankUnits([
      unit('small', 9, 9, 9, 9, 9),
      unit('b', 10, 10, 10, 5, 5),
      unit('a', 10, 10, 10, 5, 5),
      unit('top', 20, 20, 10, 10, 10),
      unit('silent', 10, 10, 0, 0, 0),
      unit('none', 0, 0, 0, 0, 0),
    ]);
    expect(ranking.map((entry) => [entry.unitId, entry.rank, entry.ranked, entry.score])).toEqual([
      ['top', 1, true, 1],
      ['a', 2, true, 0.6],
      ['b', 2, true, 0.6],
      ['silent', 4, true, null],
      ['small', null, false, 1],
      ['none', null, false, null],
    ]);
  });
});

describe('what a write changes in the kept statistics', () => {
  const base = {
    cityId: '4201',
    communityId: '420102001001',
    categoryCode: 'NOISE',
    status: 'DISPATCHED' as const,
    streetId: '420102001',
    departmentId: null,
    receivedAt: new Date('2025-02-28T17:00:00Z'), // 1 March in Shanghai
    dispatchedAt: new Date('2025-02-28T17:00:00Z'),
    respondedAt: null,
    responseDeadline: new Date('2025-03-01T17:00:00Z'),
    dispatchCount: 1,
    callbackCount: 0,
    resolvedCallbacks: 0,
    satisfiedCallbacks: 0,
    overdue: false,
  };

  it('counts a filing in the Shanghai month it was received and dispatched', () => {
    const { community, units } = statsDeltas(null, base);
    expect(community).toMatchObject({ month: '2025-03', received: 1, open: 1, dispatched: 1, respondedOnTime: 0 });
    expect(units).toEqual([expect.objectContaining({ month: '2025-03', unitKind: 'STREET', unitId: '420102001', dispatched: 1 })]);
  });

  it('keeps an earlier dispatch counted for the unit it went to when the request is re-dispatched', () => {
    const returned = { ...base, status: 'RETURNED' as const };
    const redispatched = { ...returned, status: 'DISPATCHED' as const, streetId: '420102002', dispatchCount: 2, dispatchedAt: new Date('2025-03-31T17:00:00Z') };
    const { community, units } = statsDeltas(returned, redispatched);
    expect(community).toMatchObject({ received: 0, dispatched: 1 });
    expect(units).toEqual([expect.objectContaining({ month: '2025-04', unitId: '420102002', dispatched: 1 })]);
  });

  it('changes nothing when nothing counted changed', () => {
    expect(statsDeltas(base, { ...base, status: 'DISPATCHED' })).toEqual({ community: null, units: [] });
  });

  it('moves overdue, open and closed with the status, and counts each callback once', () => {
    const overdue = statsDeltas(base, { ...base, overdue: true });
    expect(overdue).toEqual({ community: expect.objectContaining({ received: 0, overdue: 1, open: 0 }), units: [] });
    const replied = { ...base, status: 'REPLIED' as const, respondedAt: new Date('2025-03-01T01:00:00Z') };
    const closed = { ...replied, status: 'CLOSED' as const, callbackCount: 1, resolvedCallbacks: 1, satisfiedCallbacks: 0 };
    expect(statsDeltas(replied, closed).community).toMatchObject({ open: -1, closed: 1, callbacks: 1, resolvedCallbacks: 1, satisfiedCallbacks: 0 });
    expect(statsDeltas({ ...closed, overdue: true }, closed).community).toBeNull(); // a closed request is never counted overdue
  });

  it('takes back, from the unit a request left, anything but the dispatch itself', () => {
    const accepted = { ...base, respondedAt: new Date('2025-03-01T00:00:00Z') }; // on time (had it been returned after it)
    const moved = { ...accepted, streetId: '420102002', dispatchCount: 2, respondedAt: null };
    expect(statsDeltas(accepted, moved).units).toEqual([
      expect.objectContaining({ unitId: '420102001', dispatched: 0, respondedOnTime: -1 }),
      expect.objectContaining({ unitId: '420102002', dispatched: 1, respondedOnTime: 0 }),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { everyMonth, monthRange, oneMonth, rangeInstants, total } from '../src/domain/partyMemberRecord.js';

describe("a party member's record by month", () => {
  it('spans Asia/Shanghai months: from 00:00 +08:00 on the first day to the start of the month after the last', () => {
    const { from, to } = rangeInstants({ from: '2026-11', to: '2026-12' });
    expect(from!.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(to!.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(rangeInstants(oneMonth(undefined))).toEqual({ from: null, to: null });
    expect(rangeInstants(oneMonth('2026-02')).to!.toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('refuses months not written YYYY-MM, from after to and more than 36 months', () => {
    expect(() => monthRange('2026-11', '2026-10')).toThrow(/after/);
    expect(() => monthRange('2026-1', '2026-10')).toThrow(/YYYY-MM/);
    expect(() => oneMonth('2026-13')).toThrow(/YYYY-MM/);
    expect(() => monthRange('2023-11', '2026-11')).toThrow(/36 months/);
    expect(monthRange('2023-12', '2026-11')).toEqual({ from: '2023-12', to: '2026-11' });
  });

  it('lists every month of the range, across a year, with 0 where nothing was counted', () => {
    const counts = [
      { partyMemberId: 'p', month: '2026-12', kind: 'emergencyShifts' as const, n: 2 },
      { partyMemberId: 'p', month: '2027-01', kind: 'visitsRecorded' as const, n: 1 },
      { partyMemberId: 'p', month: '2027-01', kind: 'ordersCollected' as const, n: 4 },
    ];
    expect(everyMonth('2026-11', '2027-01', counts)).toEqual([
      { month: '2026-11', ordersCollected: 0, deliveriesMade: 0, visitsRecorded: 0, emergencyShifts: 0 },
      { month: '2026-12', ordersCollected: 0, deliveriesMade: 0, visitsRecorded: 0, emergencyShifts: 2 },
      { month: '2027-01', ordersCollected: 4, deliveriesMade: 0, visitsRecorded: 1, emergencyShifts: 0 },
    ]);
    expect(total(counts)).toEqual({ ordersCollected: 4, deliveriesMade: 0, visitsRecorded: 1, emergencyShifts: 2 });
  });
});

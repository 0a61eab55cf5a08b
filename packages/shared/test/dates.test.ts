import { describe, expect, it } from 'vitest';
import { addDays, fixedClock, formatDateTime, isCalendarDate, parseDateTime, shanghaiInstant, today } from '../src/dates.js';

describe('dates in Asia/Shanghai', () => {
  it('knows real calendar dates', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2020-13-01')).toBe(false);
    expect(isCalendarDate('2020-2-1')).toBe(false);
  });

  it('takes today from the clock in Shanghai, not UTC', () => {
    // 17:00 UTC on 19 Feb is 01:00 on 20 Feb in Shanghai.
    expect(today(fixedClock('2020-02-19T17:00:00Z'))).toBe('2020-02-20');
    expect(today(fixedClock('2020-02-19T15:59:59Z'))).toBe('2020-02-19');
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('places a Shanghai wall-clock time on the right instant', () => {
    expect(shanghaiInstant('2020-02-19', 20).toISOString()).toBe('2020-02-19T12:00:00.000Z');
  });

  it('writes instants with the +08:00 offset and reads any offset', () => {
    expect(formatDateTime(new Date('2020-02-20T08:00:00Z'))).toBe('2020-02-20T16:00:00+08:00');
    expect(parseDateTime('2020-02-20T16:00:00+08:00').toISOString()).toBe('2020-02-20T08:00:00.000Z');
    expect(() => parseDateTime('2020-02-20 16:00')).toThrow(/ISO 8601/);
    expect(() => parseDateTime('2020-02-20T16:00:00')).toThrow(/offset/);
  });
});

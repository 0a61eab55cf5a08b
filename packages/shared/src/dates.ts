import { badInput } from './errors.js';

/** The platform's time zone: dates and cut-offs are those of Asia/Shanghai (UTC+8, no daylight saving). */
export const TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A calendar date, "2020-02-20". */
export type CalendarDate = string;

/** Where the current time comes from; tests inject a fixed or movable one, never sleep. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests of dates and cut-offs. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How many days a month (1–12) of a year has, by the Gregorian rule (29 February every 4 years, not every 100, every 400). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year, month and day name a day of the calendar (years 1000–9999): the one check `Date` and `DateTime` share. */
function isRealDay(year: number, month: number, day: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads a `Date` ("2020-02-20", a real day of the calendar); anything else is BAD_USER_INPUT naming `field`. */
export function parseCalendarDate(value: unknown, field = 'date'): CalendarDate {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw badInput(`${field} must be a date written YYYY-MM-DD, such as "2020-02-20" (got ${JSON.stringify(value)}).`, field);
  }
  return value;
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(at: Date): CalendarDate {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Asia/Shanghai by the given clock. */
export function today(clock: Clock): CalendarDate {
  return shanghaiDate(clock.now());
}

/** The date `days` after (or before, when negative) a calendar date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const base = new Date(`${date}T00:00:00Z`);
  base.setUTCDate(base.getUTCDate() + days);
  return base.toISOString().slice(0, 10);
}

/** The instant of a wall-clock time in Asia/Shanghai on a date, e.g. 20:00 the evening before delivery. */
export function shanghaiInstant(date: CalendarDate, hour: number, minute = 0): Date {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return new Date(`${date}T${hh}:${mm}:00+08:00`);
}

/** A calendar month in Asia/Shanghai, "2026-11". */
export type CalendarMonth = string;

const MONTH_PATTERN = /^([1-9][0-9]{3})-(0[1-9]|1[0-2])$/;

/** Reads a month written "YYYY-MM" (years 1000–9999); anything else is BAD_USER_INPUT naming `field`. */
export function parseCalendarMonth(value: unknown, field = 'month'): CalendarMonth {
  if (typeof value !== 'string' || !MONTH_PATTERN.test(value)) {
    throw badInput(`${field} must be a month written YYYY-MM, such as "2026-11" (got ${JSON.stringify(value)}).`, field);
  }
  return value;
}

/** The Asia/Shanghai calendar month of an instant. */
export function shanghaiMonth(at: Date): CalendarMonth {
  return shanghaiDate(at).slice(0, 7);
}

/** The month `months` after (or before, when negative) a month. */
export function addMonths(month: CalendarMonth, months: number): CalendarMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** ISO 8601 with the +08:00 offset, as people in the platform's time zone read it. */
export function formatDateTime(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * True for an ISO 8601 date and time with an offset whose every part is real: a day of the calendar,
 * 00:00–23:59:59, an offset up to ±14:59 ("2027-02-30T10:00:00+08:00" and "…T24:00…" are not).
 */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = match;
  return (
    isRealDay(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 14 &&
    Number(offsetMinutes) <= 59
  );
}

/** Reads a `DateTime` (ISO 8601 with an offset, every part real, see `isDateTime`); anything else is BAD_USER_INPUT naming `field`. */
export function parseDateTime(value: unknown, field = 'time'): Date {
  if (typeof value !== 'string' || !isDateTime(value)) {
    throw badInput(
      `${field} must be an ISO 8601 date and time with an offset, such as "2020-02-20T16:00:00+08:00", naming a real day and time (got ${JSON.stringify(value)}).`,
      field,
    );
  }
  return new Date(value);
}

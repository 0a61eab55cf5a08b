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

/** True for a real calendar date written "YYYY-MM-DD". */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

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

/** ISO 8601 with the +08:00 offset, as people in the platform's time zone read it. */
export function formatDateTime(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDateTime(value: unknown, field = 'time'): Date {
  if (typeof value !== 'string' || !DATE_TIME_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(
      `${field} must be an ISO 8601 date and time with an offset, such as "2020-02-20T16:00:00+08:00" (got ${JSON.stringify(value)}).`,
      field,
    );
  }
  return new Date(value);
}

import { addMonths, badInput, parseCalendarMonth, type CalendarMonth } from '@cgov/shared';
import { RECORD_KINDS, type MonthCount, type RecordKind } from '../repositories/partyMembers.js';

/** The most months one `monthlyRecord` answers. */
export const MOST_RECORD_MONTHS = 36;

/** A party member's record over some time: how many of each kind of work. */
export type RecordCounts = Record<RecordKind, number>;

/** One month of a party member's record ("YYYY-MM", Asia/Shanghai) with its counts. */
export type RecordMonth = RecordCounts & { month: CalendarMonth };

/** The months a record covers, from and to inclusive; both null for all time. */
export interface RecordRange {
  from: CalendarMonth | null;
  to: CalendarMonth | null;
}

const nothing = (): RecordCounts => Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as RecordCounts;

/** The instant a month begins in Asia/Shanghai (its first day at 00:00 +08:00). */
export const monthStart = (month: CalendarMonth): Date => new Date(`${month}-01T00:00:00+08:00`);

/** The instants a range of months spans: from the first month's start (inclusive) to the start of the month after the last (exclusive). */
export function rangeInstants({ from, to }: RecordRange): { from: Date | null; to: Date | null } {
  return { from: from ? monthStart(from) : null, to: to ? monthStart(addMonths(to, 1)) : null };
}

/** Reads `record(month)`: one month, or all time when left out; a month not written YYYY-MM is BAD_USER_INPUT. */
export function oneMonth(month: unknown): RecordRange {
  if (month == null) return { from: null, to: null };
  const parsed = parseCalendarMonth(month, 'month');
  return { from: parsed, to: parsed };
}

/** Reads `monthlyRecord(from, to)`: months written YYYY-MM, from not after to, at most 36 of them (else BAD_USER_INPUT). */
export function monthRange(from: unknown, to: unknown): { from: CalendarMonth; to: CalendarMonth } {
  const first = parseCalendarMonth(from, 'from');
  const last = parseCalendarMonth(to, 'to');
  if (first > last) throw badInput(`from (${first}) is after to (${last}).`, 'from');
  if (addMonths(first, MOST_RECORD_MONTHS - 1) < last) throw badInput(`A record spans at most ${MOST_RECORD_MONTHS} months (${first} to ${last} is more).`, 'to');
  return { from: first, to: last };
}

/** Every month from `from` to `to` (inclusive), each with the counts found (0 where none). */
export function everyMonth(from: CalendarMonth, to: CalendarMonth, counts: readonly MonthCount[]): RecordMonth[] {
  const months: RecordMonth[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push({ month, ...nothing() });
  const byMonth = new Map(months.map((month) => [month.month, month]));
  for (const count of counts) {
    const month = byMonth.get(count.month);
    if (month) month[count.kind] += count.n;
  }
  return months;
}

/** The counts of some months added up. */
export function total(counts: readonly MonthCount[]): RecordCounts {
  const sum = nothing();
  for (const count of counts) sum[count.kind] += count.n;
  return sum;
}

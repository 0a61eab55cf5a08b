import { addDays, shanghaiToday } from '../../../lib/dates.js';

const SHANGHAI_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' });

/**
 * The first delivery date a package can still be published for: orders close at 20:00 (Asia/Shanghai) the evening
 * before delivery, so tomorrow until 20:00 today, the day after from then on (the platform's rule, docs/api.md).
 */
export function firstOpenDate(now: Date = new Date()): string {
  const tomorrow = addDays(shanghaiToday(now), 1);
  return Number(SHANGHAI_HOUR.format(now)) < 20 ? tomorrow : addDays(tomorrow, 1);
}

/** Calendar days as the platform counts them: Asia/Shanghai, "YYYY-MM-DD". */

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Asia/Shanghai, wherever the browser is. */
export function shanghaiToday(now: Date = new Date()): string {
  return SHANGHAI_DAY.format(now);
}

/** The day `days` after (or before, when negative) a calendar day. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

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

const SHANGHAI_TIME: Record<string, Intl.DateTimeFormat> = {};

/**
 * An instant as people in the platform's time zone read it, in the console's language: "2月19日 20:00" (zh-CN),
 * "Feb 19, 20:00" (en-US); with the weekday when asked. The platform's times are Asia/Shanghai wherever the browser is.
 */
export function formatShanghaiTime(at: string | Date, language: string, options: { weekday?: boolean } = {}): string {
  const key = `${language}|${options.weekday ? 'w' : ''}`;
  const format = (SHANGHAI_TIME[key] ??= new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    ...(options.weekday ? { weekday: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));
  return format.format(typeof at === 'string' ? new Date(at) : at);
}

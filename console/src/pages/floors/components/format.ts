import { useTranslation } from 'react-i18next';

/** Dates and times as a party member reads them, in Asia/Shanghai and the page's language. */
export function useFloorsFormat() {
  const { i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'short' });
  // hourCycle h23, not hour12: false, which English reads as "24:05" after midnight.
  const time = new Intl.DateTimeFormat(i18n.language, { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    /** A calendar day ("2026-12-02") as "12月2日周三". */
    day: (date: string) => day.format(new Date(`${date}T00:00:00Z`)),
    /** An instant as "12月1日 20:00" in Shanghai. */
    time: (at: string) => time.format(new Date(at)),
  };
}

import { useTranslation } from 'react-i18next';

/** "2月20日周五" / "Fri, Feb 20": a delivery date (a calendar day, "2020-02-20") as people say it. */
export function useDayLabel(): (date: string) => string {
  const { i18n } = useTranslation();
  return (date: string) =>
    new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(`${date}T00:00:00Z`));
}

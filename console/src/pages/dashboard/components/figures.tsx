import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql/index.js';

/** The figures of one region for a date, as the cards, the table and the bar chart show them. */
export const Figures_OrderStatsFragment = graphql(`
  fragment Figures_OrderStats on OrderStats {
    orders
    households
    units
    listTotal
    subsidyTotal
    payableTotal
    delivered
  }
`);

/** A city's or district's subsidy budget. */
export const Figures_SubsidyBudgetFragment = graphql(`
  fragment Figures_SubsidyBudget on SubsidyBudget {
    allocated
    spent
    remaining
  }
`);

/** Formats the dashboard's figures in the console's language: money (a decimal string, never through a float) as ¥ with 2 places, counts, shares. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const money = new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const count = new Intl.NumberFormat(language);
    const percent = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return {
      /** "52.00" → "¥52.00" (Intl reads the string as an exact decimal). */
      money: (value: string) => money.format(value as Intl.StringNumericLiteral),
      count: (value: number) => count.format(value),
      /** A figure with exactly `places` decimals (a score, a rate). */
      decimal: (value: number, places: number) => new Intl.NumberFormat(language, { minimumFractionDigits: places, maximumFractionDigits: places }).format(value),
      /** delivered / orders; "—" when there were no orders. */
      share: (part: number, whole: number) => (whole === 0 ? '—' : percent.format(part / whole)),
    };
  }, [language]);
}

/** What a figure the platform did not give shows: outside the viewer's scope (never a 0), or simply not available. */
export function MissingFigure({ outside }: { outside: boolean }) {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{outside ? t('common.outsideScope') : t('dashboard.notAvailable')}</Typography.Text>;
}

import { Card, Statistic } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, type FragmentType } from '../../../gql/index.js';
import { Figures_OrderStatsFragment, Figures_SubsidyBudgetFragment, MissingFigure, useFormat } from './figures.js';

/** One headline figure: a card named by its visible label (a group), the value beside it. */
export function FigureCard({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card role="group" aria-labelledby={id} size="small">
      <Statistic title={<span id={id}>{label}</span>} valueRender={() => children} styles={{ content: { fontSize: 22 } }} />
    </Card>
  );
}

/**
 * The headline cards of the region shown: orders, households, packages, list / subsidy / payable totals, share
 * delivered, and the budget when the region has one (cities and districts).
 */
export function SummaryCards(props: {
  regionName: string;
  stats: FragmentType<typeof Figures_OrderStatsFragment> | null | undefined;
  budget?: FragmentType<typeof Figures_SubsidyBudgetFragment> | null | undefined;
  hasBudget: boolean;
  outsideScope: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = getFragmentData(Figures_OrderStatsFragment, props.stats);
  const budget = getFragmentData(Figures_SubsidyBudgetFragment, props.budget);
  const missing = <MissingFigure outside={props.outsideScope} />;
  return (
    <section aria-label={t('dashboard.cards.label', { region: props.regionName })}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}>
        <FigureCard label={t('dashboard.cards.orders')}>{stats ? format.count(stats.orders) : missing}</FigureCard>
        <FigureCard label={t('dashboard.cards.households')}>{stats ? format.count(stats.households) : missing}</FigureCard>
        <FigureCard label={t('dashboard.cards.units')}>{stats ? format.count(stats.units) : missing}</FigureCard>
        <FigureCard label={t('dashboard.cards.listTotal')}>{stats ? format.money(stats.listTotal) : missing}</FigureCard>
        <FigureCard label={t('dashboard.cards.subsidyTotal')}>{stats ? format.money(stats.subsidyTotal) : missing}</FigureCard>
        <FigureCard label={t('dashboard.cards.payableTotal')}>{stats ? format.money(stats.payableTotal) : missing}</FigureCard>
        <FigureCard label={t('dashboard.cards.deliveredShare')}>{stats ? format.share(stats.delivered, stats.orders) : missing}</FigureCard>
        {props.hasBudget ? (
          <>
            <FigureCard label={t('dashboard.cards.budgetAllocated')}>{budget ? format.money(budget.allocated) : missing}</FigureCard>
            <FigureCard label={t('dashboard.cards.budgetSpent')}>{budget?.spent != null ? format.money(budget.spent) : missing}</FigureCard>
            <FigureCard label={t('dashboard.cards.budgetRemaining')}>{budget?.remaining != null ? format.money(budget.remaining) : missing}</FigureCard>
          </>
        ) : null}
      </div>
    </section>
  );
}

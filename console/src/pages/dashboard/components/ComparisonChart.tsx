import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData } from '../../../gql/index.js';
import type { ChartOption } from '../../../lib/chart.js';
import { LazyChart as Chart } from './LazyChart.js';
import { Figures_OrderStatsFragment, useFormat } from './figures.js';
import type { RegionRow } from './RegionTable.js';

/** Bars of the regions within: what households pay with the city's subsidy stacked on it (the region table is its text alternative). */
export function ComparisonChart({ regionName, rows }: { regionName: string; rows: RegionRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = useMemo<ChartOption>(() => {
    const figures = rows.map((row) => getFragmentData(Figures_OrderStatsFragment, row.stats));
    // Chart heights only: the figures themselves are shown from the API's strings.
    const amounts = (pick: (s: NonNullable<(typeof figures)[number]>) => string) => figures.map((s) => (s ? Number(pick(s)) : null));
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? format.money(value.toFixed(2)) : '—') },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', name: t('dashboard.charts.amount'), nameTextStyle: { align: 'left' } },
      series: [
        { type: 'bar', stack: 'total', name: t('dashboard.charts.payable'), data: amounts((s) => s.payableTotal), itemStyle: { color: '#1677ff' } },
        { type: 'bar', stack: 'total', name: t('dashboard.charts.subsidy'), data: amounts((s) => s.subsidyTotal), itemStyle: { color: '#c41d1d' } },
      ],
    };
  }, [rows, t, format]);
  if (rows.every((row) => row.stats == null)) {
    return <Typography.Text type="secondary">{rows.some((row) => row.outsideScope) ? t('common.outsideScope') : t('dashboard.charts.empty')}</Typography.Text>;
  }
  return <Chart option={option} aria-label={t('dashboard.charts.comparisonLabel', { region: regionName })} />;
}

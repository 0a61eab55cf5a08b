import { Collapse, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import type { ChartOption } from '../../../lib/chart.js';
import { LazyChart as Chart } from './LazyChart.js';
import { useFormat } from './figures.js';
import { useLabelledTable } from './labelledTable.js';

/** The region's daily figures over the last 30 days. */
export const SeriesChart_DailyOrderStatsFragment = graphql(`
  fragment SeriesChart_DailyOrderStats on DailyOrderStats {
    date
    stats {
      orders
      delivered
      subsidyTotal
      payableTotal
    }
  }
`);

/** A line chart of the last 30 days (orders and delivered; subsidy and payable on a second axis), with the same figures in a table. */
export function SeriesChart({ regionName, series }: { regionName: string; series: ReadonlyArray<FragmentType<typeof SeriesChart_DailyOrderStatsFragment>> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = getFragmentData(SeriesChart_DailyOrderStatsFragment, series);
  const tableLabel = t('dashboard.charts.seriesTable', { region: regionName });
  const components = useLabelledTable(tableLabel);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: days.map((day) => day.date.slice(5)) },
      yAxis: [
        { type: 'value', name: t('dashboard.charts.count'), minInterval: 1, nameTextStyle: { align: 'left' } },
        { type: 'value', name: t('dashboard.charts.amount'), splitLine: { show: false }, nameTextStyle: { align: 'right' } },
      ],
      series: [
        { type: 'line', name: t('dashboard.charts.orders'), data: days.map((day) => day.stats.orders), yAxisIndex: 0 },
        { type: 'line', name: t('dashboard.charts.delivered'), data: days.map((day) => day.stats.delivered), yAxisIndex: 0 },
        // Line heights only: the table below shows the API's own strings.
        { type: 'line', name: t('dashboard.charts.subsidy'), data: days.map((day) => Number(day.stats.subsidyTotal)), yAxisIndex: 1, lineStyle: { type: 'dashed' } },
        { type: 'line', name: t('dashboard.charts.payable'), data: days.map((day) => Number(day.stats.payableTotal)), yAxisIndex: 1, lineStyle: { type: 'dashed' } },
      ],
    }),
    [days, t],
  );
  const columns: TableColumnsType<(typeof days)[number]> = [
    { key: 'date', title: t('dashboard.date'), render: (_, day) => day.date },
    { key: 'orders', title: t('dashboard.charts.orders'), align: 'right', render: (_, day) => format.count(day.stats.orders) },
    { key: 'delivered', title: t('dashboard.charts.delivered'), align: 'right', render: (_, day) => format.count(day.stats.delivered) },
    { key: 'subsidy', title: t('dashboard.charts.subsidy'), align: 'right', render: (_, day) => format.money(day.stats.subsidyTotal) },
    { key: 'payable', title: t('dashboard.charts.payable'), align: 'right', render: (_, day) => format.money(day.stats.payableTotal) },
  ];
  return (
    <>
      <Chart option={option} aria-label={t('dashboard.charts.seriesLabel', { region: regionName })} />
      <Collapse
        ghost
        items={[
          {
            key: 'table',
            label: t('dashboard.charts.showSeriesTable'),
            children: <Table rowKey="date" size="small" columns={columns} dataSource={days} components={components} pagination={false} scroll={{ x: 'max-content' }} />,
          },
        ]}
      />
    </>
  );
}

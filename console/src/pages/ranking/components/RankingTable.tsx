import { Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { Chart, type ChartOption } from '../../../lib/chart.js';
import { formatRate, formatScore } from './rates.js';

export const RankingTable_EntryFragment = graphql(`
  fragment RankingTable_Entry on RequestRankingEntry {
    rank
    unitId
    unitName
    dispatched
    responseRate
    resolutionRate
    satisfactionRate
    score
    ranked
  }
`);

/**
 * A month's ranking of one kind of unit (三率考核): the ranked units by score with their place, what was dispatched to
 * them and the three rates as percentages; then, greyed, the units with fewer than 10 requests, which are not ranked;
 * above it a bar chart of the three rates per unit (the table holds the same figures for a screen reader).
 */
export function RankingTable({ entries: masked, label }: { entries: ReadonlyArray<FragmentType<typeof RankingTable_EntryFragment>>; label: string }) {
  const { t, i18n } = useTranslation();
  const entries = getFragmentData(RankingTable_EntryFragment, masked);
  const rate = (value: number | null) => formatRate(value, i18n.language);
  const option = useMemo<ChartOption>(
    () => ({
      // Someone who asked their system for less motion gets bars drawn at once.
      animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—') },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: entries.map((entry) => entry.unitName), axisLabel: { interval: 0, rotate: entries.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: (['responseRate', 'resolutionRate', 'satisfactionRate'] as const).map((key) => ({
        type: 'bar' as const,
        name: t(`ranking.columns.${key}`),
        data: entries.map((entry) => (entry[key] === null ? null : Math.round(entry[key] * 1000) / 10)),
      })),
    }),
    [entries, t],
  );
  const columns: TableColumnsType<(typeof entries)[number]> = [
    {
      key: 'rank',
      title: t('ranking.columns.rank'),
      width: 200,
      render: (_, entry) => (entry.ranked ? entry.rank : <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('ranking.unranked')}</Typography.Text>),
    },
    { key: 'unit', title: t('ranking.columns.unit'), render: (_, entry) => entry.unitName },
    { key: 'dispatched', title: t('ranking.columns.dispatched'), align: 'right', render: (_, entry) => entry.dispatched },
    { key: 'response', title: t('ranking.columns.responseRate'), align: 'right', render: (_, entry) => rate(entry.responseRate) },
    { key: 'resolution', title: t('ranking.columns.resolutionRate'), align: 'right', render: (_, entry) => rate(entry.resolutionRate) },
    { key: 'satisfaction', title: t('ranking.columns.satisfactionRate'), align: 'right', render: (_, entry) => rate(entry.satisfactionRate) },
    { key: 'score', title: t('ranking.columns.score'), align: 'right', render: (_, entry) => formatScore(entry.score) },
  ];
  return (
    <>
      {entries.length > 0 ? <Chart option={option} aria-label={t('ranking.chartLabel', { what: label })} height={280} /> : null}
      <Table
        aria-label={label}
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('ranking.none')}</Typography.Text> }}
        onRow={(entry) => (entry.ranked ? {} : { style: { color: 'rgba(0, 0, 0, 0.6)', background: '#fafafa' } })}
      />
    </>
  );
}

import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getFragmentData, type FragmentType } from '../../../gql/index.js';
import { Figures_OrderStatsFragment, Figures_SubsidyBudgetFragment, MissingFigure, useFormat } from './figures.js';
import { useLabelledTable } from './labelledTable.js';

/** One region within the region shown: its figures (null where the platform gave none) and whether it lies outside the viewer's scope. */
export interface RegionRow {
  id: string;
  name: string;
  stats: FragmentType<typeof Figures_OrderStatsFragment> | null;
  budget?: FragmentType<typeof Figures_SubsidyBudgetFragment> | null;
  outsideScope: boolean;
}

/** The regions within the region shown, each with the headline figures and a link that drills down to it. */
export function RegionTable({ regionName, rows, hasBudget, date }: { regionName: string; rows: RegionRow[]; hasBudget: boolean; date: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t('dashboard.table.label', { region: regionName });
  const components = useLabelledTable(label);
  const stats = (row: RegionRow) => getFragmentData(Figures_OrderStatsFragment, row.stats);
  const budget = (row: RegionRow) => getFragmentData(Figures_SubsidyBudgetFragment, row.budget);
  const missing = (row: RegionRow) => <MissingFigure outside={row.outsideScope} />;
  const figure = (key: string, title: string, render: (row: RegionRow) => string | null | undefined) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, row: RegionRow) => render(row) ?? missing(row),
  });
  const columns: TableColumnsType<RegionRow> = [
    {
      key: 'name',
      title: t('dashboard.table.region'),
      fixed: 'left',
      render: (_, row) => <Link to={`/dashboard/${row.id}?date=${date}`}>{row.name}</Link>,
    },
    figure('orders', t('dashboard.cards.orders'), (row) => { const s = stats(row); return s && format.count(s.orders); }),
    figure('households', t('dashboard.cards.households'), (row) => { const s = stats(row); return s && format.count(s.households); }),
    figure('units', t('dashboard.cards.units'), (row) => { const s = stats(row); return s && format.count(s.units); }),
    figure('listTotal', t('dashboard.cards.listTotal'), (row) => { const s = stats(row); return s && format.money(s.listTotal); }),
    figure('subsidyTotal', t('dashboard.cards.subsidyTotal'), (row) => { const s = stats(row); return s && format.money(s.subsidyTotal); }),
    figure('payableTotal', t('dashboard.cards.payableTotal'), (row) => { const s = stats(row); return s && format.money(s.payableTotal); }),
    figure('delivered', t('dashboard.cards.deliveredShare'), (row) => { const s = stats(row); return s && format.share(s.delivered, s.orders); }),
    ...(hasBudget
      ? [
          figure('budgetAllocated', t('dashboard.cards.budgetAllocated'), (row) => { const b = budget(row); return b && format.money(b.allocated); }),
          figure('budgetSpent', t('dashboard.cards.budgetSpent'), (row) => { const b = budget(row); return b?.spent != null ? format.money(b.spent) : null; }),
          figure('budgetRemaining', t('dashboard.cards.budgetRemaining'), (row) => { const b = budget(row); return b?.remaining != null ? format.money(b.remaining) : null; }),
        ]
      : []),
  ];
  return (
    <Table<RegionRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      components={components}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('dashboard.table.empty') }}
    />
  );
}

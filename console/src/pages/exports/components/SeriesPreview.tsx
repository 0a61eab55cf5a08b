import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql/index.js';
import { PreviewTable } from './PreviewTable.js';

const SeriesPreviewQuery = graphql(`
  query ExportSeriesPreview($regionId: ID!, $from: Date!, $to: Date!) {
    orderStatsSeries(regionId: $regionId, from: $from, to: $to) {
      date
      stats { orders households units listTotal subsidyTotal payableTotal delivered }
    }
  }
`);

/** The daily order statistics over the range: one row a day, every day counted (the series is not paged). */
export function SeriesPreview({ args }: { args: { regionId: string; from: string; to: string } }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SeriesPreviewQuery, variables: args });
  const rows = data?.orderStatsSeries ?? [];
  return (
    <PreviewTable
      label={t('exports.lists.orderStatsSeries')}
      total={data?.orderStatsSeries?.length}
      rows={rows}
      rowKey={(row) => row.date}
      paginate
      fetching={fetching}
      error={error}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      columns={[
        { key: 'date', title: t('exports.columns.date'), dataIndex: 'date' },
        { key: 'orders', title: t('exports.columns.orders'), render: (_, row) => row.stats.orders, align: 'right' },
        { key: 'households', title: t('exports.columns.households'), render: (_, row) => row.stats.households, align: 'right' },
        { key: 'units', title: t('exports.columns.units'), render: (_, row) => row.stats.units, align: 'right' },
        { key: 'listTotal', title: t('exports.columns.listTotal'), render: (_, row) => row.stats.listTotal, align: 'right' },
        { key: 'subsidyTotal', title: t('exports.columns.subsidyTotal'), render: (_, row) => row.stats.subsidyTotal, align: 'right' },
        { key: 'payableTotal', title: t('exports.columns.payableTotal'), render: (_, row) => row.stats.payableTotal, align: 'right' },
        { key: 'delivered', title: t('exports.columns.delivered'), render: (_, row) => row.stats.delivered, align: 'right' },
      ]}
    />
  );
}

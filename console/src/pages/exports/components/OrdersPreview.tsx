import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql/index.js';
import type { OrderFilter } from '../../../gql/graphql.js';
import { PreviewTable } from './PreviewTable.js';

const OrdersPreviewQuery = graphql(`
  query ExportOrdersPreview($filter: OrderFilter!) {
    orders(filter: $filter, first: 20) {
      totalCount
      edges {
        node {
          id
          quantity
          payable
          status
          channel
          placedAt
          package { id date name category community { id name } }
        }
      }
    }
  }
`);

/** The orders under the filters: their count and the first 20, as the CSV will hold them. */
export function OrdersPreview({ filter }: { filter: OrderFilter }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrdersPreviewQuery, variables: { filter } });
  const rows = data?.orders?.edges.map((edge) => edge.node) ?? [];
  return (
    <PreviewTable
      label={t('exports.lists.orders')}
      total={data?.orders?.totalCount}
      rows={rows}
      rowKey={(row) => row.id}
      fetching={fetching}
      error={error}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      columns={[
        { key: 'id', title: t('exports.columns.orderId'), dataIndex: 'id' },
        { key: 'date', title: t('exports.columns.deliveryDate'), render: (_, row) => row.package.date },
        { key: 'community', title: t('exports.columns.community'), render: (_, row) => row.package.community?.name ?? row.package.community?.id },
        { key: 'package', title: t('exports.columns.package'), render: (_, row) => row.package.name },
        { key: 'category', title: t('exports.columns.category'), render: (_, row) => t(`common.enums.PackageCategory.${row.package.category}`) },
        { key: 'quantity', title: t('exports.columns.quantity'), dataIndex: 'quantity', align: 'right' },
        { key: 'payable', title: t('exports.columns.payable'), dataIndex: 'payable', align: 'right' },
        { key: 'status', title: t('exports.columns.status'), render: (_, row) => t(`common.enums.OrderStatus.${row.status}`) },
        { key: 'channel', title: t('exports.columns.channel'), render: (_, row) => t(`common.enums.OrderChannel.${row.channel}`) },
      ]}
    />
  );
}

import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql/index.js';
import type { GroupBuyFilter } from '../../../gql/graphql.js';
import { PreviewTable } from './PreviewTable.js';

const GroupBuysPreviewQuery = graphql(`
  query ExportGroupBuysPreview($filter: GroupBuyFilter!) {
    groupBuys(filter: $filter, first: 20) {
      totalCount
      edges {
        node { id title category status participantCount minParticipants deadline pickupPoint compound { id name } }
      }
    }
  }
`);

/** The group buys under the filters: their count and the first 20. */
export function GroupBuysPreview({ filter }: { filter: GroupBuyFilter }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: GroupBuysPreviewQuery, variables: { filter } });
  const rows = data?.groupBuys?.edges.map((edge) => edge.node) ?? [];
  return (
    <PreviewTable
      label={t('exports.lists.groupBuys')}
      total={data?.groupBuys?.totalCount}
      rows={rows}
      rowKey={(row) => row.id}
      fetching={fetching}
      error={error}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      columns={[
        { key: 'title', title: t('exports.columns.title'), dataIndex: 'title' },
        { key: 'category', title: t('exports.columns.category'), render: (_, row) => t(`common.enums.GroupBuyCategory.${row.category}`) },
        { key: 'status', title: t('exports.columns.status'), render: (_, row) => t(`common.enums.GroupBuyStatus.${row.status}`) },
        { key: 'compound', title: t('exports.columns.compound'), render: (_, row) => row.compound?.name ?? '' },
        { key: 'joined', title: t('exports.columns.participants'), render: (_, row) => `${row.participantCount} / ${row.minParticipants}`, align: 'right' },
        { key: 'deadline', title: t('exports.columns.deadline'), render: (_, row) => dayjs(row.deadline).format('YYYY-MM-DD HH:mm') },
        { key: 'pickup', title: t('exports.columns.pickupPoint'), dataIndex: 'pickupPoint' },
      ]}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql/index.js';
import type { PackageFilter } from '../../../gql/graphql.js';
import { PreviewTable } from './PreviewTable.js';

const PackagesPreviewQuery = graphql(`
  query ExportPackagesPreview($filter: PackageFilter!) {
    packages(filter: $filter, first: 20) {
      totalCount
      edges {
        node { id date name category listPrice subsidy residentPrice community { id name } supplier { id name } }
      }
    }
  }
`);

/** The packages under the filters: their count and the first 20. */
export function PackagesPreview({ filter }: { filter: PackageFilter }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PackagesPreviewQuery, variables: { filter } });
  const rows = data?.packages?.edges.map((edge) => edge.node) ?? [];
  return (
    <PreviewTable
      label={t('exports.lists.packages')}
      total={data?.packages?.totalCount}
      rows={rows}
      rowKey={(row) => row.id}
      fetching={fetching}
      error={error}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      columns={[
        { key: 'date', title: t('exports.columns.deliveryDate'), dataIndex: 'date' },
        { key: 'community', title: t('exports.columns.community'), render: (_, row) => row.community?.name ?? '' },
        { key: 'name', title: t('exports.columns.package'), dataIndex: 'name' },
        { key: 'category', title: t('exports.columns.category'), render: (_, row) => t(`common.enums.PackageCategory.${row.category}`) },
        { key: 'listPrice', title: t('exports.columns.listPrice'), dataIndex: 'listPrice', align: 'right' },
        { key: 'subsidy', title: t('exports.columns.subsidy'), dataIndex: 'subsidy', align: 'right' },
        { key: 'residentPrice', title: t('exports.columns.residentPrice'), dataIndex: 'residentPrice', align: 'right' },
        { key: 'supplier', title: t('exports.columns.supplier'), render: (_, row) => row.supplier?.name ?? '' },
      ]}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import type { PolicyFilter } from '../../../gql/graphql.js';
import { PreviewTable } from './PreviewTable.js';

const PoliciesPreviewQuery = graphql(`
  query ExportPoliciesPreview($filter: PolicyFilter!) {
    policies(filter: $filter, first: 20) {
      totalCount
      edges {
        node { id regionId category version subsidyPerUnit maxListPrice perHouseholdDailyLimit effectiveFrom effectiveTo status }
      }
    }
  }
`);

/** The subsidy policy versions under the filters: their count and the first 20. */
export function PoliciesPreview({ filter, regionName }: { filter: PolicyFilter; regionName: (id: string) => string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PoliciesPreviewQuery, variables: { filter }, context: REFRESHED_BY.policies });
  const rows = data?.policies?.edges.map((edge) => edge.node) ?? [];
  return (
    <PreviewTable
      label={t('exports.lists.policies')}
      total={data?.policies?.totalCount}
      rows={rows}
      rowKey={(row) => row.id}
      fetching={fetching}
      error={error}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
      columns={[
        { key: 'region', title: t('exports.columns.region'), render: (_, row) => regionName(row.regionId) },
        { key: 'category', title: t('exports.columns.category'), render: (_, row) => t(`common.enums.PackageCategory.${row.category}`) },
        { key: 'version', title: t('exports.columns.version'), dataIndex: 'version', align: 'right' },
        { key: 'subsidyPerUnit', title: t('exports.columns.subsidy'), dataIndex: 'subsidyPerUnit', align: 'right' },
        { key: 'maxListPrice', title: t('exports.columns.maxListPrice'), dataIndex: 'maxListPrice', align: 'right' },
        { key: 'limit', title: t('exports.columns.dailyLimit'), dataIndex: 'perHouseholdDailyLimit', align: 'right' },
        { key: 'from', title: t('exports.columns.effectiveFrom'), dataIndex: 'effectiveFrom' },
        { key: 'to', title: t('exports.columns.effectiveTo'), render: (_, row) => row.effectiveTo ?? t('exports.openEnded') },
        { key: 'status', title: t('exports.columns.status'), render: (_, row) => t(`common.enums.SubsidyPolicyStatus.${row.status}`) },
      ]}
    />
  );
}

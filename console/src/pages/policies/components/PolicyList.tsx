import { Alert, Button, Form, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import type { PackageCategory, PolicyListQuery, SubsidyPolicyStatus } from '../../../gql/graphql.js';
import { RegionSelect, type RegionIndex } from './regions.js';
import { StatusTag, STATUSES, useCategoryOptions } from './labels.js';
import { RevokeDialog } from './RevokeDialog.js';

const PolicyListQueryDocument = graphql(`
  query PolicyList($filter: PolicyFilter!) {
    policies(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          version
          regionId
          category
          subsidyPerUnit
          maxListPrice
          perHouseholdDailyLimit
          effectiveFrom
          effectiveTo
          status
          publishedBy
          publishedAt
          revokedAt
        }
      }
    }
  }
`);

type Policy = NonNullable<PolicyListQuery['policies']>['edges'][number]['node'];
/** A row of the table: the newest version of a region and category, its older versions as children. */
type Row = Policy & { children?: Row[] };

/** Groups versions by region and category: the newest version leads, the older ones follow, newest first. */
export function versionHistory(policies: readonly Policy[]): Row[] {
  const groups = new Map<string, Policy[]>();
  for (const policy of policies) {
    const key = `${policy.regionId}/${policy.category}`;
    groups.set(key, [...(groups.get(key) ?? []), policy]);
  }
  return [...groups.values()].map((versions) => {
    const [newest, ...older] = [...versions].sort((a, b) => b.version - a.version);
    return older.length > 0 ? { ...newest!, children: older } : newest!;
  });
}

/** Whether a version can still be revoked (the platform refuses the others with CONFLICT). */
function revocable(policy: Policy): boolean {
  return policy.status === 'SCHEDULED' || policy.status === 'ACTIVE';
}

/** The city's policies by region (with every region inside it) and category: status and version history; revoke from here. */
export function PolicyList({ index }: { index: RegionIndex }) {
  const { t } = useTranslation();
  const [regionId, setRegionId] = useState(index.city.id);
  const [category, setCategory] = useState<PackageCategory | undefined>();
  const [status, setStatus] = useState<SubsidyPolicyStatus | undefined>();
  const [revoking, setRevoking] = useState<Policy | null>(null);
  const categoryOptions = useCategoryOptions();
  const [result, refetch] = useQuery({ query: PolicyListQueryDocument, variables: { filter: { regionId, category, status } }, context: REFRESHED_BY.policies });
  const policies = result.data?.policies;
  const rows = useMemo(() => versionHistory(policies?.edges.map((edge) => edge.node) ?? []), [policies]);

  const regionName = (id: string) => index.byId.get(id)?.path ?? id;
  const describe = (policy: Policy) =>
    t('policies.list.versionOf', { region: index.byId.get(policy.regionId)?.name ?? policy.regionId, category: t(`common.enums.PackageCategory.${policy.category}`), version: policy.version });
  const columns: TableColumnsType<Row> = [
    { title: t('policies.fields.region'), dataIndex: 'regionId', render: (id: string) => regionName(id) },
    { title: t('policies.fields.category'), dataIndex: 'category', render: (value: PackageCategory) => t(`common.enums.PackageCategory.${value}`) },
    { title: t('policies.fields.version'), dataIndex: 'version', render: (version: number) => t('policies.list.version', { version }) },
    { title: t('policies.fields.subsidyPerUnit'), dataIndex: 'subsidyPerUnit', align: 'right' },
    { title: t('policies.fields.maxListPrice'), dataIndex: 'maxListPrice', align: 'right' },
    { title: t('policies.fields.perHouseholdDailyLimit'), dataIndex: 'perHouseholdDailyLimit', align: 'right' },
    {
      title: t('policies.fields.period'),
      key: 'period',
      render: (_, policy) => t('policies.list.period', { from: policy.effectiveFrom, to: policy.effectiveTo ?? t('policies.list.openEnded') }),
    },
    { title: t('policies.fields.status'), dataIndex: 'status', render: (value: SubsidyPolicyStatus) => <StatusTag status={value} /> },
    {
      title: t('policies.list.actions'),
      key: 'actions',
      render: (_, policy) =>
        revocable(policy) ? (
          <Button size="small" danger aria-label={t('policies.revoke.buttonFor', { policy: describe(policy) })} onClick={() => setRevoking(policy)}>
            {t('policies.revoke.button')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('policies.fields.region')} htmlFor="policy-list-region">
          <RegionSelect id="policy-list-region" index={index} deepest="STREET" value={regionId} onChange={(value) => setRegionId(value ?? index.city.id)} />
        </Form.Item>
        <Form.Item label={t('policies.fields.category')} htmlFor="policy-list-category">
          <Select id="policy-list-category" allowClear placeholder={t('policies.list.allCategories')} options={categoryOptions} value={category} onChange={setCategory} style={{ minWidth: 160 }} />
        </Form.Item>
        <Form.Item label={t('policies.fields.status')} htmlFor="policy-list-status">
          <Select
            id="policy-list-status"
            allowClear
            placeholder={t('policies.list.allStatuses')}
            options={STATUSES.map((value) => ({ value, label: t(`common.enums.SubsidyPolicyStatus.${value}`) }))}
            value={status}
            onChange={setStatus}
            style={{ minWidth: 120 }}
          />
        </Form.Item>
      </Form>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {policies && policies.totalCount > policies.edges.length ? (
        <Alert type="info" showIcon title={t('policies.list.truncated', { shown: policies.edges.length, total: policies.totalCount })} />
      ) : null}
      <Table<Row>
        aria-label={t('policies.list.tableLabel')}
        rowKey="id"
        size="middle"
        loading={result.fetching}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        expandable={{ indentSize: 12 }}
        locale={{ emptyText: t('policies.list.empty') }}
        footer={() => <Typography.Text type="secondary">{t('policies.list.total', { count: policies?.totalCount ?? 0 })}</Typography.Text>}
      />
      {revoking ? <RevokeDialog policy={revoking} title={describe(revoking)} onClose={() => setRevoking(null)} /> : null}
    </Space>
  );
}

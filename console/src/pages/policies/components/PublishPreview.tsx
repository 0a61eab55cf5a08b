import { Alert, Button, Descriptions, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { getFragmentData, graphql } from '../../../gql/index.js';
import { formatFen, formatFenChange } from '../../../lib/money.js';
import type { PolicyDraft } from './policyDraft.js';
import { communityChanges, inForceIndex, packageChanges, type CommunityChange, type PackageChange } from './preview.js';
import { communitiesUnder, type RegionIndex } from './regions.js';

const PreviewPackagesQuery = graphql(`
  query PublishPreviewPackages($filter: PackageFilter!) {
    packages(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          date
          listPrice
          subsidy
          residentPrice
          community {
            id
          }
        }
      }
    }
  }
`);

const PreviewMatrixFragment = graphql(`
  fragment PublishPreview_RegionDatePolicies on RegionDatePolicies {
    regionId
    date
    policies {
      id
      regionId
      category
      version
      subsidyPerUnit
      maxListPrice
    }
  }
`);

/**
 * The policies in force per community and date, in up to four batches of at most 500 communities (the most one
 * subsidyPolicyMatrix call takes) in one request; an unused batch is asked for no regions and answers none.
 */
const PreviewMatrixQuery = graphql(`
  query PublishPreviewMatrix($batch0: [ID!]!, $batch1: [ID!]!, $batch2: [ID!]!, $batch3: [ID!]!, $dates: [Date!]!) {
    batch0: subsidyPolicyMatrix(regionIds: $batch0, dates: $dates) {
      ...PublishPreview_RegionDatePolicies
    }
    batch1: subsidyPolicyMatrix(regionIds: $batch1, dates: $dates) {
      ...PublishPreview_RegionDatePolicies
    }
    batch2: subsidyPolicyMatrix(regionIds: $batch2, dates: $dates) {
      ...PublishPreview_RegionDatePolicies
    }
    batch3: subsidyPolicyMatrix(regionIds: $batch3, dates: $dates) {
      ...PublishPreview_RegionDatePolicies
    }
  }
`);

/** The most regions one subsidyPolicyMatrix call takes (the city service's limit), and the batches the preview asks. */
const MATRIX_BATCH = 500;
const MATRIX_BATCHES = 4;

/** The most delivery dates the preview asks the policy matrix about. */
const MAX_DATES = 31;

/** A change in words and colour: green when it helps residents (a lower price, a higher subsidy), red when it costs them. */
function Change({ fen, higherHelps = false }: { fen: number | null; higherHelps?: boolean }) {
  const { t } = useTranslation();
  if (fen === null) return <Typography.Text type="secondary">{t('policies.preview.unknown')}</Typography.Text>;
  if (fen === 0) return <Typography.Text type="secondary">{t('policies.preview.noChange')}</Typography.Text>;
  return <Typography.Text type={fen < 0 !== higherHelps ? 'success' : 'danger'}>{formatFenChange(fen)}</Typography.Text>;
}

/**
 * What publishing the draft changes, before it is confirmed: per community under its region, the subsidy per unit in force
 * on its first day now and after; per package of its category from that day on, the subsidy and resident price now and
 * after (a more specific region's policy keeps winning where there is one).
 */
export function PublishPreview({
  draft,
  index,
  publishing,
  onConfirm,
  onBack,
}: {
  draft: PolicyDraft;
  index: RegionIndex;
  publishing: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const allCommunities = useMemo(() => communitiesUnder(index, draft.regionId), [index, draft.regionId]);
  const communities = useMemo(() => allCommunities.slice(0, MATRIX_BATCH * MATRIX_BATCHES), [allCommunities]);
  const batches = useMemo(() => {
    const ids = communities.map((community) => community.id);
    const batch = (n: number) => ids.slice(n * MATRIX_BATCH, (n + 1) * MATRIX_BATCH);
    return { batch0: batch(0), batch1: batch(1), batch2: batch(2), batch3: batch(3) };
  }, [communities]);
  const [packagesResult] = useQuery({
    query: PreviewPackagesQuery,
    variables: { filter: { regionId: draft.regionId, category: draft.category, dateFrom: draft.effectiveFrom, dateTo: draft.effectiveTo ?? undefined } },
    requestPolicy: 'network-only',
  });
  const packages = useMemo(
    () =>
      (packagesResult.data?.packages?.edges ?? []).map(({ node }) => ({
        id: node.id,
        name: node.name,
        date: node.date,
        listPrice: node.listPrice,
        subsidy: node.subsidy,
        residentPrice: node.residentPrice,
        communityId: node.community?.id ?? null,
      })),
    [packagesResult.data],
  );
  const dates = useMemo(() => [...new Set([draft.effectiveFrom, ...packages.map((pkg) => pkg.date)])].sort().slice(0, MAX_DATES), [draft.effectiveFrom, packages]);
  const [matrixResult] = useQuery({
    query: PreviewMatrixQuery,
    variables: { ...batches, dates },
    pause: !packagesResult.data || communities.length === 0,
    requestPolicy: 'network-only',
  });
  const matrix = useMemo(() => {
    const data = matrixResult.data;
    if (!data) return undefined;
    return [data.batch0, data.batch1, data.batch2, data.batch3].flatMap((batch) => getFragmentData(PreviewMatrixFragment, batch ?? []));
  }, [matrixResult.data]);
  const inForce = useMemo(() => inForceIndex(matrix ?? [], draft.category), [matrix, draft.category]);
  const communityRows = useMemo(() => (matrix ? communityChanges(draft, communities.map((c) => c.id), draft.effectiveFrom, inForce) : []), [matrix, draft, communities, inForce]);
  const packageRows = useMemo(() => (matrix ? packageChanges(draft, packages.filter((pkg) => dates.includes(pkg.date)), inForce) : []), [matrix, draft, packages, dates, inForce]);

  const name = (id: string | null) => (id ? (index.byId.get(id)?.name ?? id) : '—');
  const policyWords = (policy: CommunityChange['current']) =>
    policy ? t('policies.preview.policyInForce', { region: name(policy.regionId), version: policy.version, subsidy: policy.subsidyPerUnit, cap: policy.maxListPrice }) : t('policies.preview.noPolicy');
  const keptWords = (regionId: string | null) => (regionId ? t('policies.preview.keptBy', { region: name(regionId) }) : null);

  const communityColumns: TableColumnsType<CommunityChange> = [
    { title: t('policies.preview.community'), key: 'community', render: (_, row) => index.byId.get(row.communityId)?.path ?? row.communityId },
    { title: t('policies.preview.inForceNow'), key: 'now', render: (_, row) => policyWords(row.current) },
    { title: t('policies.preview.subsidyBefore'), key: 'before', align: 'right', render: (_, row) => formatFen(row.oldSubsidyFen) },
    { title: t('policies.preview.subsidyAfter'), key: 'after', align: 'right', render: (_, row) => formatFen(row.newSubsidyFen) },
    {
      title: t('policies.preview.perUnitChange'),
      key: 'change',
      render: (_, row) => keptWords(row.keptBy) ?? <Change fen={row.newSubsidyFen - row.oldSubsidyFen} higherHelps />,
    },
  ];
  const packageColumns: TableColumnsType<PackageChange> = [
    { title: t('policies.preview.date'), key: 'date', render: (_, row) => row.pkg.date },
    { title: t('policies.preview.community'), key: 'community', render: (_, row) => name(row.pkg.communityId) },
    { title: t('policies.preview.package'), key: 'package', render: (_, row) => row.pkg.name },
    { title: t('policies.preview.listPrice'), key: 'list', align: 'right', render: (_, row) => formatFen(row.listFen) },
    {
      title: t('policies.preview.subsidy'),
      key: 'subsidy',
      align: 'right',
      render: (_, row) => t('policies.preview.fromTo', { from: row.oldSubsidyFen === null ? '—' : formatFen(row.oldSubsidyFen), to: formatFen(row.newSubsidyFen) }),
    },
    {
      title: t('policies.preview.residentPrice'),
      key: 'resident',
      align: 'right',
      render: (_, row) => t('policies.preview.fromTo', { from: row.oldResidentFen === null ? '—' : formatFen(row.oldResidentFen), to: formatFen(row.newResidentFen) }),
    },
    {
      title: t('policies.preview.residentChange'),
      key: 'change',
      render: (_, row) => (
        <Space size={4} wrap>
          {keptWords(row.keptBy) ?? <Change fen={row.changeFen} />}
          {row.aboveCap ? <Typography.Text type="warning">{t('policies.preview.aboveCap')}</Typography.Text> : null}
        </Space>
      ),
    },
  ];

  const error = packagesResult.error ?? matrixResult.error;
  const loading = packagesResult.fetching || matrixResult.fetching || (!matrix && !error && communities.length > 0);
  const total = packagesResult.data?.packages?.totalCount ?? 0;
  return (
    <section aria-labelledby="policy-preview-heading">
      <Typography.Title level={3} id="policy-preview-heading" style={{ fontSize: 18 }}>
        {t('policies.preview.title')}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('policies.fields.region')}>{index.byId.get(draft.regionId)?.path ?? draft.regionId}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.category')}>{t(`common.enums.PackageCategory.${draft.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.subsidyPerUnit')}>{draft.subsidyPerUnit}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.maxListPrice')}>{draft.maxListPrice}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.perHouseholdDailyLimit')}>{draft.perHouseholdDailyLimit}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.period')}>
          {t('policies.list.period', { from: draft.effectiveFrom, to: draft.effectiveTo ?? t('policies.list.openEnded') })}
        </Descriptions.Item>
      </Descriptions>
      <ErrorNotice error={error} />
      {allCommunities.length > communities.length ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('policies.preview.communitiesCut', { shown: communities.length, total: allCommunities.length })} />
      ) : null}
      {loading ? (
        <Spin description={t('policies.preview.loading')}>
          <div style={{ minHeight: 80 }} />
        </Spin>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Table<CommunityChange>
            aria-label={t('policies.preview.communitiesTable', { date: draft.effectiveFrom })}
            title={() => t('policies.preview.communitiesTable', { date: draft.effectiveFrom })}
            rowKey="communityId"
            size="small"
            columns={communityColumns}
            dataSource={communityRows}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
          {total === 0 ? (
            <Alert type="info" showIcon title={t('policies.preview.noPackages')} />
          ) : (
            <Table<PackageChange>
              aria-label={t('policies.preview.packagesTable')}
              title={() => t('policies.preview.packagesCount', { shown: packageRows.length, total })}
              rowKey={(row) => row.pkg.id}
              size="small"
              columns={packageColumns}
              dataSource={packageRows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
            />
          )}
        </Space>
      )}
      <Space wrap style={{ marginTop: 16 }}>
        <Button type="primary" onClick={onConfirm} loading={publishing} disabled={loading || Boolean(error)}>
          {t('policies.publish.confirm')}
        </Button>
        <Button onClick={onBack}>{t('policies.publish.back')}</Button>
      </Space>
    </section>
  );
}

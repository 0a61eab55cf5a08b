import { Button, DatePicker, Form, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery, type CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import type { AuditAction, PolicyAuditLogQuery } from '../../../gql/graphql.js';
import { detailChanges, DETAIL_KEYS, type DetailKey } from './auditDetails.js';
import { CATEGORIES } from './labels.js';
import { isWithin, RegionSelect, type RegionIndex } from './regions.js';

const AuditLogQuery = graphql(`
  query PolicyAuditLog($cityId: ID!, $before: ID) {
    auditLog(cityId: $cityId, first: 50, before: $before) {
      entries {
        id
        at
        actor
        actorRole
        action
        regionId
        subjectId
        details
      }
      nextBefore
    }
  }
`);

type Entry = NonNullable<PolicyAuditLogQuery['auditLog']>['entries'][number];
const ACTIONS = ['POLICY_PUBLISHED', 'POLICY_ENDED_BY_NEW_VERSION', 'POLICY_REVOKED', 'BUDGET_ALLOCATED', 'SUPPLIER_DESIGNATED'] as const satisfies readonly AuditAction[];

interface Filters {
  action?: AuditAction;
  regionId?: string;
  actor?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** Whether an entry passes the filters set on screen (over the pages loaded so far). */
function matches(entry: Entry, filters: Filters): boolean {
  if (filters.action && entry.action !== filters.action) return false;
  if (filters.regionId && !isWithin(entry.regionId, filters.regionId)) return false;
  if (filters.actor && !entry.actor.toLowerCase().includes(filters.actor.trim().toLowerCase())) return false;
  const day = entry.at.slice(0, 10);
  const [from, to] = filters.dates ?? [null, null];
  if (from && day < from.format('YYYY-MM-DD')) return false;
  if (to && day > to.format('YYYY-MM-DD')) return false;
  return true;
}

/** The city's audit log: who changed policies, budgets and suppliers, when, with old and new values; filterable, older pages on demand. */
export function AuditLog({ index }: { index: RegionIndex }) {
  const { t } = useTranslation();
  const client = useClient();
  const cityId = index.city.id;
  const [first, refetch] = useQuery({ query: AuditLogQuery, variables: { cityId }, requestPolicy: 'cache-and-network', context: REFRESHED_BY.audit });
  const [older, setOlder] = useState<{ entries: Entry[]; nextBefore: string | null; loading: boolean; error?: CombinedError } | null>(null);
  const [filters, setFilters] = useState<Filters>({});
  const entries = useMemo(() => [...(first.data?.auditLog?.entries ?? []), ...(older?.entries ?? [])], [first.data, older]);
  const shown = useMemo(() => entries.filter((entry) => matches(entry, filters)), [entries, filters]);
  const nextBefore = older ? older.nextBefore : (first.data?.auditLog?.nextBefore ?? null);

  async function loadOlder() {
    if (!nextBefore) return;
    setOlder((current) => ({ entries: current?.entries ?? [], nextBefore, loading: true }));
    const answer = await client.query(AuditLogQuery, { cityId, before: nextBefore }, { requestPolicy: 'network-only' }).toPromise();
    setOlder((current) => ({
      entries: [...(current?.entries ?? []), ...(answer.data?.auditLog?.entries ?? [])],
      nextBefore: answer.data?.auditLog ? answer.data.auditLog.nextBefore : nextBefore,
      loading: false,
      error: answer.error,
    }));
  }

  const keyLabel = (key: string) => ((DETAIL_KEYS as readonly string[]).includes(key) ? t(`policies.audit.keys.${key as DetailKey}`) : key);
  const valueText = (key: string, value: string | null | undefined) =>
    value === null ? (key === 'effectiveTo' ? t('policies.list.openEnded') : t('policies.audit.none')) : value === undefined ? '—' : key === 'category' && (CATEGORIES as readonly string[]).includes(value) ? t(`common.enums.PackageCategory.${value as (typeof CATEGORIES)[number]}`) : key === 'regionId' ? (index.byId.get(value)?.name ?? value) : value;
  const changesCell = (entry: Entry, side: 'before' | 'after') => {
    const changes = detailChanges(entry.details).filter((change) => side === 'after' || change.before !== undefined);
    if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
        {changes.map((change) => (
          <li key={change.key}>
            {keyLabel(change.key)}: {valueText(change.key, change[side])}
          </li>
        ))}
      </ul>
    );
  };
  const columns: TableColumnsType<Entry> = [
    { title: t('policies.audit.at'), dataIndex: 'at', render: (at: string) => at.slice(0, 19).replace('T', ' ') },
    { title: t('policies.audit.actor'), key: 'actor', render: (_, entry) => `${entry.actor} (${t(`common.roles.${entry.actorRole as 'CITY_OFFICIAL'}`, { defaultValue: entry.actorRole })})` },
    { title: t('policies.audit.action'), dataIndex: 'action', render: (action: AuditAction) => t(`policies.audit.actions.${action}`) },
    { title: t('policies.fields.region'), dataIndex: 'regionId', render: (id: string) => index.byId.get(id)?.path ?? id },
    { title: t('policies.audit.before'), key: 'before', render: (_, entry) => changesCell(entry, 'before') },
    { title: t('policies.audit.after'), key: 'after', render: (_, entry) => changesCell(entry, 'after') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form<Filters> layout="inline" style={{ rowGap: 8 }} onValuesChange={(_, all) => setFilters(all)}>
        <Form.Item name="action" label={t('policies.audit.action')}>
          <Select allowClear placeholder={t('policies.audit.allActions')} options={ACTIONS.map((value) => ({ value, label: t(`policies.audit.actions.${value}`) }))} style={{ minWidth: 160 }} />
        </Form.Item>
        <Form.Item name="regionId" label={t('policies.fields.region')}>
          <RegionSelect index={index} deepest="STREET" allowClear placeholder={t('policies.audit.allRegions')} />
        </Form.Item>
        <Form.Item name="actor" label={t('policies.audit.actor')}>
          <Input allowClear autoComplete="off" />
        </Form.Item>
        <Form.Item name="dates" label={t('policies.audit.dates')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </Form>
      <ErrorNotice error={first.error ?? older?.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Table<Entry>
        aria-label={t('policies.audit.tableLabel')}
        rowKey="id"
        size="middle"
        loading={first.fetching && !first.data}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('policies.audit.empty') }}
        footer={() => <Typography.Text type="secondary">{t('policies.audit.shown', { shown: shown.length, loaded: entries.length })}</Typography.Text>}
      />
      <Space wrap>
        <Button onClick={() => void loadOlder()} disabled={!nextBefore} loading={older?.loading}>
          {nextBefore ? t('policies.audit.loadOlder') : t('policies.audit.noOlder')}
        </Button>
        <Button onClick={() => { setOlder(null); refetch({ requestPolicy: 'network-only' }); }}>{t('policies.audit.reload')}</Button>
      </Space>
    </Space>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLanguage } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { GroupBuysPreview } from './components/GroupBuysPreview.js';
import { OrdersPreview } from './components/OrdersPreview.js';
import { PackagesPreview } from './components/PackagesPreview.js';
import { PoliciesPreview } from './components/PoliciesPreview.js';
import { RegionPicker, useScopeRegions } from './components/RegionPicker.js';
import { SeriesPreview } from './components/SeriesPreview.js';
import { ExportError, useExportDownload, type ExportOutcome } from './download.js';
import {
  EXPORT_LISTS,
  LIST_FILTERS,
  MAX_SERIES_DAYS,
  exportParams,
  groupBuyFilter,
  orderFilter,
  packageFilter,
  policyFilter,
  readFilters,
  seriesArguments,
  type ExportListName,
  type Filters,
} from './filters.js';

/** The enum labels of a filter: which API enum (its labels in `common.enums`) a list's category or status takes its values from. */
const CATEGORY_LABELS = { orders: 'PackageCategory', packages: 'PackageCategory', policies: 'PackageCategory', groupBuys: 'GroupBuyCategory', orderStatsSeries: null } as const;
const STATUS_LABELS = { orders: 'OrderStatus', packages: null, policies: 'SubsidyPolicyStatus', groupBuys: 'GroupBuyStatus', orderStatsSeries: null } as const;

/** Says why an export failed, in words: the contract's code when the gateway gave one, with its message. */
function ExportFailure({ error }: { error: Error }) {
  const { t } = useTranslation();
  if (!(error instanceof ExportError)) return <Alert type="error" showIcon role="alert" title={t('common.errors.unknown')} description={error.message} />;
  if (error.code === 'NETWORK') return <Alert type="error" showIcon role="alert" title={t('common.errors.network')} />;
  const known = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'SERVICE_UNAVAILABLE'] as const;
  const code = known.find((c) => c === error.code);
  return <Alert type="error" showIcon role="alert" title={`${t('exports.download.failed')}: ${code ? t(`common.errors.${code}`) : t('common.errors.unknown')}`} description={error.message} />;
}

/** Says how a saved file ended: whole (success), cut at the row limit (a warning; the file is kept), or broken off (an error). */
function ExportDone({ fileName, outcome }: { fileName: string; outcome: ExportOutcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'complete':
      return <Alert type="success" showIcon title={t('exports.download.done', { file: fileName })} />;
    case 'cut':
      return (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={outcome.total === null ? t('exports.download.cut', { count: outcome.rows, file: fileName }) : t('exports.download.cutOf', { count: outcome.rows, total: outcome.total, file: fileName })}
          description={t('exports.download.cutHint')}
        />
      );
    case 'failed':
      return <Alert type="error" showIcon role="alert" title={t('exports.download.brokeOff', { count: outcome.rows, file: fileName })} description={outcome.message} />;
  }
}

/** The first page of the chosen list under the filters. */
function Preview({ filters, nameOf }: { filters: Filters & { region: string }; nameOf: (id: string) => string }) {
  switch (filters.list) {
    case 'orders':
      return <OrdersPreview filter={orderFilter(filters)} />;
    case 'packages':
      return <PackagesPreview filter={packageFilter(filters)} />;
    case 'policies':
      return <PoliciesPreview filter={policyFilter(filters)} regionName={nameOf} />;
    case 'groupBuys':
      return <GroupBuysPreview filter={groupBuyFilter(filters)} />;
    case 'orderStatsSeries':
      return <SeriesPreview args={seriesArguments(filters)} />;
  }
}

/**
 * The analyst's exports: pick a list (orders, packages, policies, group buys, the daily series), set its filters (kept in
 * the URL), see its count and first rows, and download the whole list as CSV through the gateway, headed in the
 * console's language.
 */
export default function ExportsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const scope = session?.scope ?? '';
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams, scope);
  const offered = LIST_FILTERS[filters.list];
  const { nameOf } = useScopeRegions(scope, filters.list !== 'policies');
  const download = useExportDownload();
  const language = currentLanguage();

  /** Changes some filters in the URL; changing the list drops the filters the new list does not have. */
  const update = (patch: Partial<Filters>) => {
    const next: Record<string, string | undefined> = { ...filters, ...patch };
    if (patch.list && patch.list !== filters.list) Object.assign(next, { category: undefined, status: undefined, channel: undefined, from: undefined, to: undefined });
    if (next.list === 'policies' && next.region?.length === 12) next.region = next.region.slice(0, 9);
    setSearchParams(Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))), { replace: true });
    download.reset();
  };

  const series = filters.list === 'orderStatsSeries' ? seriesArguments(filters) : null;
  const range: [Dayjs, Dayjs] | null = series ? [dayjs(series.from), dayjs(series.to)] : filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;
  const categoryGroup = CATEGORY_LABELS[filters.list];
  const statusGroup = STATUS_LABELS[filters.list];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {t('exports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('exports.intro')}</Typography.Paragraph>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Radio.Group
            aria-label={t('exports.filters.list')}
            optionType="button"
            buttonStyle="solid"
            value={filters.list}
            onChange={(event) => update({ list: event.target.value as ExportListName })}
            options={EXPORT_LISTS.map((list) => ({ value: list, label: t(`exports.lists.${list}`) }))}
          />
          <Space wrap size="middle" align="center">
            <RegionPicker scope={scope} value={filters.region} communities={filters.list !== 'policies'} onChange={(region) => update({ region })} />
            <DatePicker.RangePicker
              aria-label={t(`exports.filters.dates.${filters.list}`)}
              placeholder={[t(`exports.filters.dates.${filters.list}`), t('exports.filters.to')]}
              value={range}
              allowClear={offered.dates === 'optional'}
              style={{ minWidth: 280 }}
              disabledDate={series ? (day, info) => Boolean(info.from && Math.abs(day.diff(info.from, 'day')) >= MAX_SERIES_DAYS) : undefined}
              onChange={(dates) => update({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })}
            />
            {categoryGroup && offered.categories ? (
              <Select
                aria-label={t('exports.filters.category')}
                placeholder={t('exports.filters.category')}
                allowClear
                style={{ minWidth: 160 }}
                value={filters.category}
                onChange={(category?: string) => update({ category })}
                options={offered.categories.map((value) => ({ value, label: t(`common.enums.${categoryGroup}.${value}` as 'common.enums.PackageCategory.MILK') }))}
              />
            ) : null}
            {statusGroup && offered.statuses ? (
              <Select
                aria-label={t('exports.filters.status')}
                placeholder={t('exports.filters.status')}
                allowClear
                style={{ minWidth: 140 }}
                value={filters.status}
                onChange={(status?: string) => update({ status })}
                options={offered.statuses.map((value) => ({ value, label: t(`common.enums.${statusGroup}.${value}` as 'common.enums.OrderStatus.PLACED') }))}
              />
            ) : null}
            {offered.channels ? (
              <Select
                aria-label={t('exports.filters.channel')}
                placeholder={t('exports.filters.channel')}
                allowClear
                style={{ minWidth: 140 }}
                value={filters.channel}
                onChange={(channel?: string) => update({ channel })}
                options={offered.channels.map((value) => ({ value, label: t(`common.enums.OrderChannel.${value}`) }))}
              />
            ) : null}
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={download.isPending}
              onClick={() => download.mutate({ list: filters.list, params: exportParams(filters), language })}
            >
              {t('exports.download.button')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('exports.download.hint', { language: language === 'zh-CN' ? t('common.language.zhCN') : t('common.language.enUS') })}</Typography.Text>
          {download.isError ? <ExportFailure error={download.error} /> : null}
          {download.isSuccess ? <ExportDone fileName={download.data.fileName} outcome={download.data.outcome} /> : null}
        </Space>
      </Card>
      <Card>
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>
          {t(`exports.lists.${filters.list}`)} · {nameOf(filters.region)}
        </Typography.Title>
        <Preview filters={filters} nameOf={nameOf} />
      </Card>
    </Space>
  );
}

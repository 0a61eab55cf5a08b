import { Alert, Breadcrumb, Card, Col, DatePicker, Flex, Result, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import type { DashboardQuery } from '../../gql/graphql.js';
import { answerMadeAt } from '../../lib/answerAge.js';
import { errorCodes } from '../../lib/client.js';
import { useSession } from '../../lib/session.js';
import { useOnline, useRefresh, useSecondsSince } from '../../lib/useRefresh.js';
import { ComparisonChart } from './components/ComparisonChart.js';
import { OpenGroupBuys } from './components/OpenGroupBuys.js';
import { ReadinessPanel } from './components/Readiness.js';
import { RegionTable } from './components/RegionTable.js';
import { SeriesChart } from './components/SeriesChart.js';
import { SummaryCards } from './components/SummaryCards.js';
import { VolunteerCoverage } from './components/VolunteerCoverage.js';
import { defaultRegion, insideScope, levelOf, parseDashboardSearch, type Level } from './region.js';
import { addDays } from '../../lib/dates.js';
import { toView } from './view.js';

/**
 * One request across the tiers for the region shown (the contract's CityDashboard, cut to the level): its figures and
 * budget, its children's, the communities' volunteer coverage and open group buys, and the last 30 days.
 */
const DashboardQueryDocument = graphql(`
  query Dashboard($id: ID!, $date: Date!, $from: Date!, $isCity: Boolean!, $isDistrict: Boolean!, $isStreet: Boolean!, $isCommunity: Boolean!) {
    city(id: $id) @include(if: $isCity) {
      id
      name
      subsidyBudget { ...Figures_SubsidyBudget }
      orderStats(date: $date) { ...Figures_OrderStats }
      districts {
        id
        name
        subsidyBudget { ...Figures_SubsidyBudget }
        orderStats(date: $date) { ...Figures_OrderStats }
        streets { id communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community } }
      }
    }
    district(id: $id) @include(if: $isDistrict) {
      id
      name
      city { id name }
      subsidyBudget { ...Figures_SubsidyBudget }
      orderStats(date: $date) { ...Figures_OrderStats }
      streets {
        id
        name
        orderStats(date: $date) { ...Figures_OrderStats }
        communities { ...VolunteerCoverage_Community ...OpenGroupBuys_Community }
      }
    }
    street(id: $id) @include(if: $isStreet) {
      id
      name
      district { id name city { id name } }
      orderStats(date: $date) { ...Figures_OrderStats }
      communities {
        id
        name
        orderStats(date: $date) { ...Figures_OrderStats }
        ...VolunteerCoverage_Community
        ...OpenGroupBuys_Community
      }
    }
    community(id: $id) @include(if: $isCommunity) {
      id
      name
      street { id name district { id name city { id name } } }
      orderStats(date: $date) { ...Figures_OrderStats }
      ...VolunteerCoverage_Community
      ...OpenGroupBuys_Community
    }
    orderStatsSeries(regionId: $id, from: $from, to: $date) { ...SeriesChart_DailyOrderStats }
  }
`);

/**
 * The last answer for the request shown, kept on screen while a refresh runs or fails, with the time it was made (when it
 * arrived, less the age of an answer the gateway's cache kept).
 */
function useKeptAnswer(key: string, data: DashboardQuery | undefined, error: CombinedError | undefined, fetching: boolean, madeAt: number | undefined) {
  const [kept, setKept] = useState<{ key: string; data: DashboardQuery; error: CombinedError | undefined; at: number } | undefined>();
  useEffect(() => {
    if (fetching) return;
    if (data) setKept({ key, data, error, at: madeAt ?? Date.now() });
    else if (error) setKept((previous) => (previous?.key === key ? { ...previous, error } : previous));
  }, [key, data, error, fetching, madeAt]);
  return kept?.key === key ? kept : undefined;
}

/** How old the figures are, and whether refreshing is paused. */
function Freshness({ at, paused, fetching }: { at: number | undefined; paused: boolean; fetching: boolean }) {
  const { t } = useTranslation();
  const online = useOnline();
  const seconds = useSecondsSince(at);
  const age = seconds === undefined ? null : seconds < 1 ? t('common.status.updatedJustNow') : t('common.status.updatedAgo', { seconds });
  return (
    <Typography.Text type="secondary">
      {age}
      {fetching ? ` · ${t('common.status.refreshing')}` : null}
      {paused ? ` · ${online ? t('common.status.paused') : t('common.status.offline')}` : null}
    </Typography.Text>
  );
}

/** A section of the page: a card with a heading. */
function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{title}</Typography.Title>} size="small" style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/**
 * Ant Design's secondary text (#8c8c8c) and link blue (#1677ff) fall short of 4.5:1 on white and on the layout's grey;
 * the page darkens them (the console's theme in main.tsx is the better home for this, for every page).
 */
/** A performance mark set once the page's first figures are on screen: `npm run measure` times navigation to it. */
const FIGURES_MARK = 'cgov:dashboard-figures';

/** The dashboard: a region's figures for a date across the tiers, its children, charts, volunteer coverage and open group buys, refreshed every 5 s. */
export default function DashboardPage() {
  const session = useSession();
  const params = useParams();
  const location = useLocation();
  if (!session) return null;
  if (!params.regionId) return <Navigate to={`/dashboard/${defaultRegion(session.scope)}${location.search}`} replace />;
  const level = levelOf(params.regionId);
  return level ? <Dashboard regionId={params.regionId} level={level} scope={session.scope} /> : <NotFound />;
}

/** A region the platform does not have (or a code that is none). */
function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('common.errors.NOT_FOUND')} extra={<Link to="/dashboard">{t('dashboard.title')}</Link>} />;
}

function Dashboard({ regionId, level, scope }: { regionId: string; level: Level; scope: string }) {
  const { t } = useTranslation();
  const dateId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const { date } = parseDashboardSearch(searchParams);
  const variables = {
    id: regionId,
    date,
    from: addDays(date, -29),
    isCity: level === 'city',
    isDistrict: level === 'district',
    isStreet: level === 'street',
    isCommunity: level === 'community',
  };
  const [result, reexecute] = useQuery({ query: DashboardQueryDocument, variables });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const { paused } = useRefresh(refresh, 5000);
  const kept = useKeptAnswer(`${regionId}|${date}`, result.data, result.error, result.fetching, answerMadeAt(result.extensions));
  useEffect(() => {
    if (kept && performance.getEntriesByName(FIGURES_MARK).length === 0) performance.mark(FIGURES_MARK);
  }, [kept]);

  const header = (regionName: string | undefined, tags?: React.ReactNode) => (
    <Flex wrap gap={12} justify="space-between" align="center">
      <Space wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {regionName ? t('dashboard.titleOf', { region: regionName }) : t('dashboard.title')}
        </Typography.Title>
        {tags}
      </Space>
      <Space wrap>
        <label htmlFor={dateId}>{t('dashboard.date')}</label>
        <DatePicker
          id={dateId}
          allowClear={false}
          value={dayjs(date)}
          onChange={(value) => value && setSearchParams({ date: value.format('YYYY-MM-DD') })}
          aria-label={t('dashboard.datePicker')}
        />
        <Freshness at={kept?.at} paused={paused} fetching={result.fetching && kept !== undefined} />
      </Space>
    </Flex>
  );

  if (!kept) {
    return (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {header(undefined)}
        {result.error && !result.fetching ? <ErrorNotice error={result.error} onRetry={refresh} /> : <PageLoading />}
      </Space>
    );
  }
  const view = toView(kept.data, level, scope);
  if (!view) return <NotFound />;
  const codes = errorCodes(kept.error);
  const othersThanForbidden = kept.error && (kept.error.networkError || codes.some((code) => code !== 'FORBIDDEN') || codes.length === 0);
  const outside = !insideScope(view.region.id, scope);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        aria-label={t('dashboard.breadcrumb')}
        items={[...view.ancestors, view.region].map((region, index, all) => ({
          key: region.id,
          title:
            index < all.length - 1 ? (
              <Link to={`/dashboard/${region.id}?date=${date}`}>{region.name}</Link>
            ) : (
              <span aria-current="page">{region.name}</span>
            ),
        }))}
      />
      {header(
        view.region.name,
        <>
          <Tag>{t(`dashboard.levels.${level}`)}</Tag>
          {outside ? <Tag>{t('common.outsideScope')}</Tag> : null}
        </>,
      )}
      {othersThanForbidden ? <ErrorNotice error={kept.error} onRetry={refresh} /> : null}
      {codes.includes('FORBIDDEN') ? <Alert type="info" showIcon title={t('dashboard.forbiddenNote')} /> : null}
      <SummaryCards regionName={view.region.name} stats={view.stats} budget={view.budget} hasBudget={view.hasBudget} outsideScope={outside} />
      {view.children ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Section title={t('dashboard.table.title')}>
              <RegionTable regionName={view.region.name} rows={view.children} hasBudget={view.childrenHaveBudget} date={date} />
            </Section>
          </Col>
          <Col xs={24} xl={10}>
            <Section title={t('dashboard.charts.comparison')}>
              <ComparisonChart regionName={view.region.name} rows={view.children} />
            </Section>
          </Col>
        </Row>
      ) : null}
      <Section title={t('readiness.title')}>
        <ReadinessPanel regionId={view.region.id} regionName={view.region.name} level={level} scope={scope} date={date} />
      </Section>
      <Section title={t('dashboard.charts.series')}>
        {view.series ? (
          <SeriesChart regionName={view.region.name} series={view.series} />
        ) : (
          <Typography.Text type="secondary">{outside ? t('common.outsideScope') : t('dashboard.charts.empty')}</Typography.Text>
        )}
      </Section>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Section title={t('dashboard.coverage.title')}>
            <VolunteerCoverage communities={view.communities} scope={scope} />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section title={t('dashboard.groupBuys.title')}>
            <OpenGroupBuys communities={view.communities} scope={scope} />
          </Section>
        </Col>
      </Row>
    </Space>
  );
}

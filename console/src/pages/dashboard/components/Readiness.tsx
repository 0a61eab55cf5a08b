import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import type { Readiness_FiguresFragment } from '../../../gql/graphql.js';
import { errorCodes } from '../../../lib/client.js';
import { insideScope, type Level } from '../region.js';
import { MissingFigure, useFormat } from './figures.js';
import { useLabelledTable } from './labelledTable.js';
import { FigureCard } from './SummaryCards.js';

/** A region's readiness (应急准备) as the contract's ReadinessFields. */
const Readiness_FiguresFragmentDocument = graphql(`
  fragment Readiness_Figures on Readiness {
    communities
    communitiesWithCurrentPlan
    spaces
    spaceCapacity
    suppliesBelowMinimum
    suppliesExpiringWithin30Days
    volunteers
    volunteersPerThousandHouseholds
    score
  }
`);

/** The region's readiness and its children's, at whatever level the dashboard shows (a community has no children). */
const DashboardReadinessDocument = graphql(`
  query DashboardReadiness($id: ID!, $isCity: Boolean!, $isDistrict: Boolean!, $isStreet: Boolean!, $isCommunity: Boolean!) {
    city(id: $id) @include(if: $isCity) {
      id
      readiness { ...Readiness_Figures }
      districts { id name readiness { ...Readiness_Figures } }
    }
    district(id: $id) @include(if: $isDistrict) {
      id
      readiness { ...Readiness_Figures }
      streets { id name readiness { ...Readiness_Figures } }
    }
    street(id: $id) @include(if: $isStreet) {
      id
      readiness { ...Readiness_Figures }
      communities { id name readiness { ...Readiness_Figures } }
    }
    community(id: $id) @include(if: $isCommunity) {
      id
      readiness { ...Readiness_Figures }
    }
  }
`);

/** Solid tags, white text with enough contrast: dark red for a region needing work, dark green for one ready. */
const WEAK_COLOR = '#a8071a';
const OK_COLOR = '#237804';

/** Below this score a region needs work. */
export const WEAK_SCORE = 60;

/** Why a region's readiness needs work: a score below 60, a supply below its minimum; empty when it does not. */
export function weaknesses(figures: Readiness_FiguresFragment): Array<'score' | 'shortage'> {
  return [
    ...(figures.score !== null && figures.score !== undefined && figures.score < WEAK_SCORE ? (['score'] as const) : []),
    ...(figures.suppliesBelowMinimum > 0 ? (['shortage'] as const) : []),
  ];
}

interface ReadinessRow {
  id: string;
  name: string;
  figures: Readiness_FiguresFragment | null;
  outsideScope: boolean;
}

type Child = { id: string; name: string; readiness?: FragmentType<typeof Readiness_FiguresFragmentDocument> | null };

/**
 * Readiness for the next emergency of the region shown: cards for its score and counts, and a table of the regions
 * within (districts, streets or communities as the dashboard drills down), those needing work picked out (a score below
 * 60 or a supply below its minimum) with a tag and in a list.
 */
export function ReadinessPanel({ regionId, regionName, level, scope, date }: { regionId: string; regionName: string; level: Level; scope: string; date: string }) {
  const { t } = useTranslation();
  const variables = { id: regionId, isCity: level === 'city', isDistrict: level === 'district', isStreet: level === 'street', isCommunity: level === 'community' };
  const [result, reexecute] = useQuery({ query: DashboardReadinessDocument, variables });
  if (!result.data) {
    return result.error && !result.fetching ? <ErrorNotice error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <PageLoading />;
  }
  const region = result.data.city ?? result.data.district ?? result.data.street ?? result.data.community;
  const children: Child[] | null = result.data.city?.districts ?? result.data.district?.streets ?? result.data.street?.communities ?? null;
  const figures = (fragment: Child['readiness']) => (fragment ? getFragmentData(Readiness_FiguresFragmentDocument, fragment) : null);
  const rows: ReadinessRow[] | null = children?.map((child) => ({ id: child.id, name: child.name, figures: figures(child.readiness), outsideScope: !insideScope(child.id, scope) })) ?? null;
  const forbidden = errorCodes(result.error).includes('FORBIDDEN');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {forbidden ? <Alert type="info" showIcon title={t('readiness.forbiddenNote')} /> : null}
      <ReadinessCards regionName={regionName} figures={figures(region?.readiness)} outsideScope={!insideScope(regionId, scope)} />
      {rows ? <ReadinessTable regionName={regionName} rows={rows} date={date} /> : null}
    </div>
  );
}

/** The headline readiness of the region shown. */
function ReadinessCards({ regionName, figures, outsideScope }: { regionName: string; figures: Readiness_FiguresFragment | null; outsideScope: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const missing = <MissingFigure outside={outsideScope} />;
  const weak = figures ? weaknesses(figures) : [];
  const card = (label: string, value: (f: Readiness_FiguresFragment) => string) => <FigureCard label={label}>{figures ? value(figures) : missing}</FigureCard>;
  return (
    <section aria-label={t('readiness.cardsLabel', { region: regionName })}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 12 }}>
        <FigureCard label={t('readiness.score')}>
          {figures ? (
            <span>
              {figures.score === null || figures.score === undefined ? '—' : format.decimal(figures.score, 1)}{' '}
              {weak.length ? <Tag color={WEAK_COLOR}>{t('readiness.weak')}</Tag> : <Tag color={OK_COLOR}>{t('readiness.ok')}</Tag>}
            </span>
          ) : (
            missing
          )}
        </FigureCard>
        {card(t('readiness.currentPlans'), (f) => t('readiness.plansOf', { count: f.communitiesWithCurrentPlan, total: f.communities }))}
        {card(t('readiness.spaces'), (f) => format.count(f.spaces))}
        {card(t('readiness.spaceCapacity'), (f) => format.count(f.spaceCapacity))}
        {card(t('readiness.belowMinimum'), (f) => format.count(f.suppliesBelowMinimum))}
        {card(t('readiness.expiring'), (f) => format.count(f.suppliesExpiringWithin30Days))}
        {card(t('readiness.volunteers'), (f) => format.count(f.volunteers))}
        {card(t('readiness.perThousand'), (f) => (f.volunteersPerThousandHouseholds == null ? '—' : format.decimal(f.volunteersPerThousandHouseholds, 2)))}
      </div>
    </section>
  );
}

/** The regions within, each with its readiness and a link that drills down; those needing work tagged and listed above the table. */
function ReadinessTable({ regionName, rows, date }: { regionName: string; rows: ReadinessRow[]; date: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const components = useLabelledTable(t('readiness.tableLabel', { region: regionName }));
  const figure = (key: string, title: string, render: (f: Readiness_FiguresFragment) => string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, row: ReadinessRow) => (row.figures ? render(row.figures) : <MissingFigure outside={row.outsideScope} />),
  });
  const reasons = (f: Readiness_FiguresFragment) => weaknesses(f).map((reason) => t(`readiness.weakReasons.${reason}`)).join(t('readiness.separator'));
  const columns: TableColumnsType<ReadinessRow> = [
    { key: 'name', title: t('readiness.region'), fixed: 'left', render: (_, row) => <Link to={`/dashboard/${row.id}?date=${date}`}>{row.name}</Link> },
    {
      key: 'status',
      title: t('readiness.status'),
      render: (_, row) => (row.figures ? weaknesses(row.figures).length ? <Tag color={WEAK_COLOR}>{t('readiness.weak')}</Tag> : <Tag color={OK_COLOR}>{t('readiness.ok')}</Tag> : null),
    },
    figure('score', t('readiness.score'), (f) => (f.score == null ? '—' : format.decimal(f.score, 1))),
    figure('plans', t('readiness.currentPlans'), (f) => t('readiness.plansOf', { count: f.communitiesWithCurrentPlan, total: f.communities })),
    figure('spaces', t('readiness.spaces'), (f) => format.count(f.spaces)),
    figure('capacity', t('readiness.spaceCapacity'), (f) => format.count(f.spaceCapacity)),
    figure('belowMinimum', t('readiness.belowMinimum'), (f) => format.count(f.suppliesBelowMinimum)),
    figure('expiring', t('readiness.expiring'), (f) => format.count(f.suppliesExpiringWithin30Days)),
    figure('volunteers', t('readiness.volunteers'), (f) => format.count(f.volunteers)),
    figure('perThousand', t('readiness.perThousand'), (f) => (f.volunteersPerThousandHouseholds == null ? '—' : format.decimal(f.volunteersPerThousandHouseholds, 2))),
  ];
  const weak = rows.filter((row) => row.figures && weaknesses(row.figures).length > 0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Typography.Text type="secondary">{t('readiness.rule')}</Typography.Text>
      {weak.length ? (
        <section aria-label={t('readiness.weakList')}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {weak.map((row) => (
              <li key={row.id}>{t('readiness.weakItem', { region: row.name, reasons: reasons(row.figures!) })}</li>
            ))}
          </ul>
        </section>
      ) : (
        <Typography.Text>{t('readiness.noneWeak')}</Typography.Text>
      )}
      <Table<ReadinessRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        components={components}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('readiness.empty') }}
      />
    </div>
  );
}

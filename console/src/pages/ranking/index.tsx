import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { z } from 'zod';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session.js';
import { RankingTable } from './components/RankingTable.js';
import { formatRate, lastMonth } from './components/rates.js';

const RankingPageQuery = graphql(`
  query RankingPage($cityId: ID!, $month: String!) {
    streets: requestRanking(cityId: $cityId, month: $month, unitKind: STREET) {
      unitId
      ...RankingTable_Entry
    }
    departments: requestRanking(cityId: $cityId, month: $month, unitKind: DEPARTMENT) {
      unitId
      ...RankingTable_Entry
    }
    city(id: $cityId) {
      id
      name
      requestStats(month: $month) {
        received
        open
        overdue
        closed
        responseRate
        resolutionRate
        satisfactionRate
      }
      frequentProblems(month: $month) {
        category {
          code
          name
        }
        count
        previousMonthCount
      }
    }
  }
`);

const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * The city's resident requests by month (三率考核): the month's figures (received, open, overdue, closed and the three
 * rates), the most frequent problems (每月一题) against the month before, and the ranking of streets and departments by
 * their three rates with a chart of them. The month defaults to last month.
 */
export default function RankingPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const cityId = session?.scope ?? '';
  const [params, setParams] = useSearchParams();
  const parsed = monthParam.safeParse(params.get('month'));
  const month = parsed.success ? parsed.data : lastMonth();
  const [result, refetch] = useQuery({ query: RankingPageQuery, variables: { cityId, month }, pause: !cityId });
  const data = result.data;
  const stats = data?.city?.requestStats;
  const rate = (value: number | null | undefined) => formatRate(value, i18n.language);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
          {t('ranking.title', { city: data?.city?.name ?? '' })}
        </Typography.Title>
        <label>
          <Typography.Text style={{ marginRight: 8 }}>{t('ranking.month')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            aria-label={t('ranking.month')}
            disabledDate={(date) => date.isAfter(dayjs(), 'month')}
            onChange={(date) => date && setParams({ month: date.format('YYYY-MM') })}
          />
        </label>
      </Flex>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!data ? (
        result.fetching ? <PageLoading /> : null
      ) : (
        <>
          <section aria-label={t('ranking.stats.title', { month })}>
            <Row gutter={[12, 12]}>
              {(
                [
                  ['received', stats?.received],
                  ['open', stats?.open],
                  ['overdue', stats?.overdue],
                  ['closed', stats?.closed],
                ] as const
              ).map(([key, value]) => (
                <Col key={key} xs={12} md={6} xl={3}>
                  <Card size="small">
                    <Statistic title={t(`ranking.stats.${key}`)} value={value ?? '—'} />
                  </Card>
                </Col>
              ))}
              {(['responseRate', 'resolutionRate', 'satisfactionRate'] as const).map((key) => (
                <Col key={key} xs={12} md={8} xl={4}>
                  <Card size="small">
                    <Statistic title={t(`ranking.columns.${key}`)} value={rate(stats?.[key])} />
                  </Card>
                </Col>
              ))}
            </Row>
          </section>
          <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('ranking.frequent.title')}</Typography.Title>}>
            <Table
              aria-label={t('ranking.frequent.title')}
              rowKey={(row) => row.category.code}
              size="small"
              pagination={false}
              dataSource={data.city?.frequentProblems ?? []}
              locale={{ emptyText: <Typography.Text type="secondary">{t('ranking.none')}</Typography.Text> }}
              columns={[
                { key: 'category', title: t('ranking.frequent.category'), render: (_, row) => row.category.name },
                { key: 'count', title: t('ranking.frequent.count'), align: 'right', render: (_, row) => row.count },
                { key: 'previous', title: t('ranking.frequent.previous'), align: 'right', render: (_, row) => row.previousMonthCount },
                {
                  key: 'change',
                  title: t('ranking.frequent.change'),
                  align: 'right',
                  render: (_, row) => {
                    const change = row.count - row.previousMonthCount;
                    return change === 0 ? '0' : change > 0 ? `+${change}` : String(change);
                  },
                },
              ]}
            />
          </Card>
          <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('ranking.rankingTitle', { month })}</Typography.Title>}>
            <Typography.Paragraph type="secondary">{t('ranking.rule')}</Typography.Paragraph>
            <Tabs
              items={[
                { key: 'streets', label: t('ranking.streets'), children: <RankingTable entries={data.streets} label={t('ranking.streetsTable', { month })} /> },
                { key: 'departments', label: t('ranking.departments'), children: <RankingTable entries={data.departments} label={t('ranking.departmentsTable', { month })} /> },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}

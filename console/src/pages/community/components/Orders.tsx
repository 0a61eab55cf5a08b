import { Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { addDays, shanghaiToday } from '../../../lib/dates.js';
import { useRefresh } from '../../../lib/useRefresh.js';
import type { CommunityInfo } from './community.js';
import { CompoundOrders } from './CompoundOrders.js';
import { DayPicker } from './DayPicker.js';

const CommunityOrdersQuery = graphql(`
  query CommunityOrders($communityId: ID!, $date: Date!) {
    community(id: $communityId) {
      id
      orderStats(date: $date) {
        orders
        households
        units
        subsidyTotal
        payableTotal
        delivered
      }
      compounds {
        id
        ...CompoundOrders_CompoundFragment
      }
    }
  }
`);

/** Orders bring Order into the answer; a day without any holds none, so name it for the lists to follow a move. */
const REFRESHED_BY_ORDERS = { additionalTypenames: ['Order'] };

/**
 * A delivery date's orders: the community's figures, then each compound's orders by status, the counts per package
 * the committee calls the supplier with, and the buttons that move the compound's orders on. The figures follow the
 * orders still coming in (every 5 s while the tab is visible and online).
 */
export function Orders({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => addDays(shanghaiToday(), 1));
  const [result, refetch] = useQuery({ query: CommunityOrdersQuery, variables: { communityId: community.id, date }, context: REFRESHED_BY_ORDERS });
  useRefresh(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));
  const stats = result.data?.community?.orderStats;
  const compounds = result.data?.community?.compounds;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <DayPicker id="orders-date" label={t('community.date.delivery')} value={date} onChange={setDate} />
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {stats ? (
        <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('community.orders.summaryTitle', { name: community.name, date })}</Typography.Title>}>
          <Row gutter={[12, 12]}>
            <Col span={8}>
              <Statistic title={t('community.orders.figures.orders')} value={stats.orders} />
            </Col>
            <Col span={8}>
              <Statistic title={t('community.orders.figures.households')} value={stats.households} />
            </Col>
            <Col span={8}>
              <Statistic title={t('community.orders.figures.units')} value={stats.units} />
            </Col>
            <Col span={12}>
              <Statistic title={t('community.orders.figures.subsidyTotal')} value={stats.subsidyTotal} />
            </Col>
            <Col span={12}>
              <Statistic title={t('community.orders.figures.payableTotal')} value={stats.payableTotal} />
            </Col>
          </Row>
        </Card>
      ) : null}
      {compounds ? (
        compounds.length ? (
          compounds.map((compound) => <CompoundOrders key={compound.id} compound={compound} date={date} />)
        ) : (
          <Empty description={t('community.orders.noCompounds')} />
        )
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Space>
  );
}

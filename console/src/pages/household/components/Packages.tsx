import { Alert, Card, Empty, Flex, Space, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import type { PackageCategory } from '../../../gql/graphql.js';
import { addDays, formatShanghaiTime, shanghaiToday } from '../../../lib/dates.js';
import { useNow } from './attempt.js';
import { useDayLabel } from './dayLabel.js';
import { OrderCard } from './OrderCard.js';
import { PackageCard } from './PackageCard.js';
import { ORDERS_CHANGE } from './refresh.js';

const HouseholdPackagesQuery = graphql(`
  query HouseholdPackages($communityId: ID!, $householdId: ID!, $date: Date!) {
    community(id: $communityId) {
      id
      packages(date: $date) {
        id
        orderCutoff
        ...PackageCard_Package
      }
    }
    household(id: $householdId) {
      id
      orders(date: $date) {
        id
        status
        subsidizedQuantity
        package {
          id
          category
        }
        ...OrderCard_Order
      }
    }
  }
`);

/**
 * Tomorrow's packages of the household's community: what each costs the household (the resident price within its daily
 * subsidised units, the list price beyond), ordering until the cut-off the page shows, and the household's orders for
 * that day, which it may cancel while they are still only placed.
 */
export function Packages({ householdId, communityId }: { householdId: string; communityId: string | null }) {
  const { t, i18n } = useTranslation();
  const dayLabel = useDayLabel();
  const now = useNow();
  const ordersId = useId();
  const date = addDays(shanghaiToday(new Date(now)), 1);
  const [result, refetch] = useQuery({
    query: HouseholdPackagesQuery,
    variables: { communityId: communityId ?? '', householdId, date },
    pause: !communityId,
    context: ORDERS_CHANGE,
  });
  const packages = result.data?.community?.packages ?? [];
  const orders = result.data?.household?.orders ?? [];
  const active = orders.filter((order) => order.status !== 'CANCELLED');
  const cutoff = packages[0]?.orderCutoff;
  const closed = cutoff ? now >= Date.parse(cutoff) : false;
  const subsidised = new Map<PackageCategory, number>();
  for (const order of active) subsidised.set(order.package.category, (subsidised.get(order.package.category) ?? 0) + order.subsidizedQuantity);

  if (!communityId) return <Alert type="warning" showIcon title={t('household.packages.noCommunity')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
        {t('household.packages.heading', { day: dayLabel(date) })}
      </Typography.Title>
      {cutoff ? (
        closed ? (
          <Alert type="warning" showIcon role="status" title={t('household.packages.cutoffPassed', { time: formatShanghaiTime(cutoff, i18n.language, { weekday: true }) })} />
        ) : (
          <Alert type="info" showIcon title={t('household.packages.cutoff', { time: formatShanghaiTime(cutoff, i18n.language, { weekday: true }) })} />
        )
      ) : null}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.data ? (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('household.packages.subsidyNote')}
          </Typography.Paragraph>
          {packages.length === 0 ? <Empty description={t('household.packages.none')} /> : null}
          {packages.map((pkg) => (
            <PackageCard key={pkg.id} package={pkg} householdId={householdId} closed={closed} subsidisedByCategory={subsidised} />
          ))}
          <section aria-labelledby={ordersId}>
            <Card
              size="small"
              title={
                <Typography.Title level={3} id={ordersId} style={{ fontSize: 16, margin: 0 }}>
                  {t('household.packages.ordersOfDay', { day: dayLabel(date) })}
                </Typography.Title>
              }
            >
              {orders.length === 0 ? (
                <Typography.Text type="secondary">{t('household.packages.noOrdersOfDay')}</Typography.Text>
              ) : (
                <Flex vertical gap={12}>
                  {[...subsidised].map(([category, count]) => (
                    <Typography.Text key={category}>{t('household.packages.usedSubsidy', { category: t(`common.enums.PackageCategory.${category}`), count })}</Typography.Text>
                  ))}
                  {orders.map((order) => (
                    <OrderCard key={order.id} order={order} now={now} compact />
                  ))}
                </Flex>
              )}
            </Card>
          </section>
        </>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Space>
  );
}

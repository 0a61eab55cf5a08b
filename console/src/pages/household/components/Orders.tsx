import { Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { useNow } from './attempt.js';
import { OrderCard } from './OrderCard.js';
import { ORDERS_CHANGE } from './refresh.js';

const HouseholdOrdersQuery = graphql(`
  query HouseholdOrders($householdId: ID!) {
    household(id: $householdId) {
      id
      orders {
        id
        ...OrderCard_Order
      }
    }
  }
`);

/** How many orders show before "earlier orders". */
const FIRST = 8;

/** The household's orders, newest delivery day first, each with where it is on its way to the door. */
export function Orders({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const [all, setAll] = useState(false);
  const [result, refetch] = useQuery({ query: HouseholdOrdersQuery, variables: { householdId }, context: ORDERS_CHANGE });
  const orders = result.data?.household?.orders;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
        {t('household.orders.heading')}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {orders ? (
        orders.length === 0 ? (
          <Empty description={t('household.orders.none')} />
        ) : (
          <>
            {(all ? orders : orders.slice(0, FIRST)).map((order) => (
              <OrderCard key={order.id} order={order} now={now} />
            ))}
            {!all && orders.length > FIRST ? (
              <Button size="large" onClick={() => setAll(true)}>
                {t('household.orders.earlier', { count: orders.length - FIRST })}
              </Button>
            ) : null}
          </>
        )
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Flex>
  );
}

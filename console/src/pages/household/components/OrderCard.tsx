import { Alert, Button, Card, Flex, Popconfirm, Steps, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import type { OrderStatus } from '../../../gql/graphql.js';
import { useDayLabel } from './dayLabel.js';
import { RateForm } from './RateForm.js';
import { refusalOf, RefusalNotice, type Refusal } from './refusal.js';

export const OrderCard_OrderFragment = graphql(`
  fragment OrderCard_Order on Order {
    id
    quantity
    subsidizedQuantity
    listPrice
    subsidy
    payable
    status
    channel
    placedAt
    package {
      id
      name
      category
      date
      orderCutoff
      ...RateForm_Package
    }
  }
`);

const HouseholdCancelOrderMutation = graphql(`
  mutation HouseholdCancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      id
      status
    }
  }
`);

/** The way of an order to the door. */
export const ORDER_PATH = ['PLACED', 'REPORTED', 'PROCURED', 'AT_GATE', 'DELIVERED'] as const satisfies readonly OrderStatus[];

// Solid tags with white text, dark enough for 4.5:1.
const STATUS_COLORS: Record<OrderStatus, string> = {
  PLACED: '#0958d9',
  REPORTED: '#1d39c4',
  PROCURED: '#531dab',
  AT_GATE: '#ad4e00',
  DELIVERED: '#237804',
  CANCELLED: '#595959',
};

/**
 * One order of the household: the package and day, units and how many carry the subsidy, what it pays, and where it is on
 * its way to the door (steps); cancelling while it is only placed and the cut-off has not passed; rating it once delivered.
 */
export function OrderCard({ order: masked, now, compact = false }: { order: FragmentType<typeof OrderCard_OrderFragment>; now: number; compact?: boolean }) {
  const { t } = useTranslation();
  const dayLabel = useDayLabel();
  const order = getFragmentData(OrderCard_OrderFragment, masked);
  const titleId = useId();
  const [cancelResult, cancel] = useMutation(HouseholdCancelOrderMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const step = ORDER_PATH.indexOf(order.status as (typeof ORDER_PATH)[number]);
  const cancellable = order.status === 'PLACED' && now < Date.parse(order.package.orderCutoff);

  async function confirmCancel() {
    const answer = await cancel({ id: order.id });
    if (answer.data?.cancelOrder) {
      setRefusal(null);
      setCancelled(true);
    } else if (answer.error) {
      setRefusal(refusalOf(answer.error, t, { CONFLICT: t('household.orders.cancelRefused') }));
    }
  }

  const body = (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong id={titleId}>
          {t('household.orders.what', { name: order.package.name, day: dayLabel(order.package.date) })}
        </Typography.Text>
        <Tag color={STATUS_COLORS[order.status]}>{t(`common.enums.OrderStatus.${order.status}`)}</Tag>
      </Flex>
      <Typography.Text>
        {t('household.orders.units', { quantity: order.quantity, subsidized: order.subsidizedQuantity })}
        {' · '}
        <Typography.Text strong>{t('household.orders.payable', { amount: order.payable })}</Typography.Text>
      </Typography.Text>
      {order.subsidizedQuantity < order.quantity ? (
        <Typography.Text type="secondary">{t('household.orders.beyondLimit', { count: order.quantity - order.subsidizedQuantity, list: order.listPrice })}</Typography.Text>
      ) : null}
      {step >= 0 ? (
        <div role="group" aria-label={t('household.orders.progress', { name: order.package.name })}>
          <Steps
            type="dot"
            size="small"
            responsive={false}
            titlePlacement="vertical"
            current={step}
            items={ORDER_PATH.map((status) => ({ title: <span style={{ fontSize: 12 }}>{t(`household.orders.steps.${status}`)}</span> }))}
          />
        </div>
      ) : null}
      {compact ? null : <Typography.Text type="secondary">{t(`common.enums.OrderChannel.${order.channel}`)}</Typography.Text>}
      {cancellable ? (
        <Popconfirm
          title={t('household.orders.cancelConfirm', { name: order.package.name })}
          okText={t('household.orders.cancelYes')}
          cancelText={t('household.orders.cancelNo')}
          onConfirm={() => confirmCancel()}
        >
          <Button danger size="large" loading={cancelResult.fetching} aria-label={t('household.orders.cancelNamed', { name: order.package.name })}>
            {t('household.orders.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
      {cancelled ? <Alert type="success" showIcon role="status" title={t('household.orders.cancelled', { name: order.package.name })} /> : null}
      <RefusalNotice refusal={refusal} />
      {order.status === 'DELIVERED' ? <RateForm package={order.package} /> : null}
    </Flex>
  );
  return <section aria-labelledby={titleId}>{compact ? body : <Card size="small">{body}</Card>}</section>;
}

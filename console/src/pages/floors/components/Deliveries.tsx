import { Button, Card, Empty, Radio, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stringifyDocument, useQuery } from 'urql';
import { z } from 'zod';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import type { FloorsDeliveriesQuery } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';
import { addDays, shanghaiToday } from '../../../lib/dates.js';
import { isPending, type Outbox, type OutboxEntry } from '../../../lib/outbox.js';
import { byBuildingAndFloor, doorOf, TAG_COLORS } from './checklist.js';
import { useFloorsFormat } from './format.js';

const FloorsDeliveriesQuery = graphql(`
  query FloorsDeliveries($id: ID!, $date: Date!) {
    partyMember(id: $id) {
      id
      deliveries(date: $date) {
        id
        quantity
        status
        package {
          id
          name
        }
        household {
          id
          floor
          room
          headOfHousehold
          needsDoorToDoor
          building {
            id
            name
          }
        }
      }
    }
  }
`);

const FloorsMarkDeliveredMutation = graphql(`
  mutation FloorsMarkDelivered($orderIds: [ID!]!, $idempotencyKey: String) {
    markDelivered(orderIds: $orderIds, idempotencyKey: $idempotencyKey) {
      orders {
        id
        status
      }
    }
  }
`);

/** The mutation as the queue keeps it. */
const MARK_DELIVERED = stringifyDocument(FloorsMarkDeliveredMutation);
const deliveredVariables = z.object({ orderIds: z.array(z.string()) });
const DELIVERIES_CONTEXT = { additionalTypenames: ['Order'] };

const DAYS = ['today', 'tomorrow'] as const;
type Day = (typeof DAYS)[number];

type Delivery = NonNullable<NonNullable<FloorsDeliveriesQuery['partyMember']>['deliveries']>[number];

/**
 * The deliveries of a day in the order a party member walks them (building, floor, door), with "delivered" per door
 * and for a whole floor: orders at the gate only, sent through the offline queue with one idempotency key per batch.
 */
export function Deliveries({ memberId, outbox, entries, compoundOf }: { memberId: string; outbox: Outbox; entries: readonly OutboxEntry[]; compoundOf: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const format = useFloorsFormat();
  const [day, setDay] = useState<Day>('today');
  const today = shanghaiToday();
  const date = day === 'today' ? today : addDays(today, 1);
  const [result, refetch] = useQuery({ query: FloorsDeliveriesQuery, variables: { id: memberId, date }, pause: !memberId, context: DELIVERIES_CONTEXT });
  const deliveries = useMemo(() => result.data?.partyMember?.deliveries ?? [], [result.data]);
  // The compound's name comes from the page's assignments: the list is kept small enough for the gateway's cost limit.
  const groups = useMemo(
    () => byBuildingAndFloor(deliveries, ({ household }) => ({ ...household, building: { ...household.building, compound: { name: compoundOf.get(household.building.id) ?? '' } } })),
    [deliveries, compoundOf],
  );

  /**
   * Orders whose "delivered" still waits in the queue, and those it has sent: the list is refreshed after a send, but
   * until it shows them delivered they are delivered all the same (another tap would only be refused as a conflict).
   */
  const { waiting, sent } = useMemo(() => {
    const waiting = new Set<string>();
    const sent = new Set<string>();
    for (const entry of entries) {
      if (entry.kind !== 'markDelivered') continue;
      const into = isPending(entry) ? waiting : entry.status === 'sent' ? sent : null;
      if (into) deliveredVariables.safeParse(entry.variables).data?.orderIds.forEach((id) => into.add(id));
    }
    return { waiting, sent };
  }, [entries]);
  const statusOf = (order: Delivery): Delivery['status'] => (order.status === 'AT_GATE' && sent.has(order.id) ? 'DELIVERED' : order.status);
  const deliverable = (order: Delivery) => statusOf(order) === 'AT_GATE' && !waiting.has(order.id);
  /** While a batch is being put in the queue: the buttons wait (a second tap would make a second batch with a new key). */
  const [enqueuing, setEnqueuing] = useState(false);
  const enqueuingRef = useRef(false);

  async function markDelivered(orders: readonly Delivery[]) {
    const ready = orders.filter(deliverable);
    if (ready.length === 0 || enqueuingRef.current) return;
    enqueuingRef.current = true;
    setEnqueuing(true);
    try {
      await outbox.enqueue({
        kind: 'markDelivered',
        query: MARK_DELIVERED,
        variables: (idempotencyKey) => ({ orderIds: ready.map((order) => order.id), idempotencyKey }),
        summary: { date, doors: [...new Set(ready.map((order) => doorOf(order.household)))], orders: ready.length, units: ready.reduce((sum, order) => sum + order.quantity, 0) },
      });
    } finally {
      enqueuingRef.current = false;
      setEnqueuing(false);
    }
  }

  const count = (status: Delivery['status']) => deliveries.filter((order) => statusOf(order) === status).length;
  return (
    <>
      <Radio.Group
        aria-label={t('floors.deliveries.day')}
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={day}
        onChange={(event) => setDay(z.enum(DAYS).parse(event.target.value))}
        options={DAYS.map((key) => ({ value: key, label: t(`floors.deliveries.${key}`, { date: format.day(key === 'today' ? today : addDays(today, 1)) }) }))}
        style={{ marginBottom: 12 }}
      />
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!result.data ? (
        result.fetching ? <PageLoading /> : null
      ) : deliveries.length === 0 ? (
        <Empty description={t('floors.deliveries.none', { date: format.day(date) })} />
      ) : (
        <>
          <Typography.Paragraph aria-live="polite">
            {t('floors.deliveries.summary', {
              orders: deliveries.length,
              delivered: count('DELIVERED'),
              atGate: count('AT_GATE'),
              notYet: deliveries.length - count('DELIVERED') - count('AT_GATE'),
            })}
          </Typography.Paragraph>
          {groups.map((group) => (
            <Card key={group.buildingId} size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{group.label}</Typography.Title>} style={{ marginBottom: 12 }}>
              {group.floors.map((floor) => {
                const ready = floor.items.filter(deliverable);
                const doors = byDoor(floor.items);
                return (
                  <section key={floor.floor} aria-label={t('floors.floor', { floor: floor.floor })} style={{ marginBottom: 8 }}>
                    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, padding: '8px 0' }}>
                      <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>
                        {t('floors.floor', { floor: floor.floor })}
                      </Typography.Title>
                      {ready.length > 0 ? (
                        <Button size="large" aria-label={t('floors.deliveries.floorAll', { floor: floor.floor })} disabled={enqueuing} onClick={() => void markDelivered(ready)}>
                          {t('floors.deliveries.floorButton', { count: ready.length })}
                        </Button>
                      ) : null}
                    </div>
                    {doors.map(({ household, orders }) => {
                      const door = doorOf(household);
                      const doorReady = orders.filter(deliverable);
                      return (
                        <div key={household.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
                          <div>
                            <Typography.Text strong>
                              {household.room} {household.headOfHousehold ?? ''}
                            </Typography.Text>
                            {orders.map((order) => (
                              <div key={order.id}>
                                <Space wrap size={4}>
                                  <span>{t('floors.deliveries.line', { package: order.package.name, quantity: order.quantity })}</span>
                                  <Tag color={statusOf(order) === 'DELIVERED' ? TAG_COLORS.done : statusOf(order) === 'AT_GATE' ? TAG_COLORS.ready : TAG_COLORS.neutral}>
                                    {t(`common.enums.OrderStatus.${statusOf(order)}`)}
                                  </Tag>
                                  {waiting.has(order.id) ? <Tag color={TAG_COLORS.attention}>{t('floors.deliveries.waiting')}</Tag> : null}
                                </Space>
                              </div>
                            ))}
                          </div>
                          {doorReady.length > 0 ? (
                            <Button type="primary" size="large" aria-label={t('floors.deliveries.door', { door })} disabled={enqueuing} onClick={() => void markDelivered(doorReady)}>
                              {t('floors.deliveries.doorButton')}
                            </Button>
                          ) : null}
                        </div>
                      );
                    })}
                  </section>
                );
              })}
            </Card>
          ))}
        </>
      )}
    </>
  );
}

/** A floor's orders by door, in room order. */
function byDoor(orders: readonly Delivery[]): Array<{ household: Delivery['household']; orders: Delivery[] }> {
  const doors: Array<{ household: Delivery['household']; orders: Delivery[] }> = [];
  for (const order of orders) {
    const last = doors.at(-1);
    if (last && last.household.id === order.household.id) last.orders.push(order);
    else doors.push({ household: order.household, orders: [order] });
  }
  return doors;
}

import { Alert, Button, Card, Empty, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stringifyDocument, useQuery } from 'urql';
import { z } from 'zod';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { getFragmentData, graphql } from '../../../gql/index.js';
import { addDays, shanghaiToday } from '../../../lib/dates.js';
import { isPending, ordersSummary, type Outbox, type OutboxEntry } from '../../../lib/outbox.js';
import { estimateHousehold, formatRange, subsidisedByCategory, sumRanges } from '../../../lib/pricing.js';
import { BatchStatus } from './BatchStatus.js';
import { byBuildingAndFloor, doorOf, MAX_BATCH, subsidisedBeforePicks, toBatch, type Pick } from './checklist.js';
import { useFloorsFormat } from './format.js';
import { HouseholdRow, HouseholdRow_OrderFragment } from './HouseholdRow.js';
import { PackageList } from './PackageList.js';
import { useNow } from './useNow.js';

const FloorsOrdersQuery = graphql(`
  query FloorsOrders($id: ID!, $date: Date!) {
    partyMember(id: $id) {
      id
      community {
        id
        packages(date: $date) {
          id
          name
          category
          listPrice
          subsidy
          perHouseholdDailyLimit
          orderCutoff
          ...PackageList_PackageFragment
        }
      }
      households {
        id
        floor
        room
        headOfHousehold
        phone
        needsDoorToDoor
        building {
          id
          name
          compound {
            id
            name
          }
        }
        orders(date: $date) {
          id
          ...HouseholdRow_OrderFragment
        }
      }
    }
  }
`);

const FloorsSubmitOrdersMutation = graphql(`
  mutation FloorsSubmitOrders($input: SubmitOrdersInput!) {
    submitOrders(input: $input) {
      orders {
        id
        quantity
        subsidizedQuantity
        listPrice
        subsidy
        payable
        status
        channel
        household {
          id
          floor
          room
          building {
            id
            name
          }
        }
        package {
          id
          name
          date
        }
      }
    }
  }
`);

/** The mutation as the queue keeps it: its text, sent as it is on every try. */
const SUBMIT_ORDERS = stringifyDocument(FloorsSubmitOrdersMutation);

/** The orders of a waiting batch, read back from the queue's stored variables. */
const batchVariables = z.object({ input: z.object({ orders: z.array(z.object({ householdId: z.string(), packageId: z.string(), quantity: z.number() })) }) });

/** The part of a sent batch's answer the estimate reads while the list does not show its orders yet. */
const sentAnswer = z.object({
  orders: z.array(z.object({ id: z.string(), status: z.string(), subsidizedQuantity: z.number(), household: z.object({ id: z.string() }), package: z.object({ id: z.string() }) })),
});

/** Lists of orders re-run after a batch is sent (an empty list has no typename to go by). Module-level: one object. */
const ORDERS_CONTEXT = { additionalTypenames: ['Order'] };

/**
 * Tonight's orders: every household on the party member's floors as a checklist by building and floor, packages and
 * quantities per household with the estimate, sent as one batch through the offline queue; then what became of it.
 */
export function OrderChecklist(props: { memberId: string; outbox: Outbox; entries: readonly OutboxEntry[]; lastBatch: string | null; onBatch: (id: string | null) => void }) {
  const { t } = useTranslation();
  const format = useFloorsFormat();
  const date = addDays(shanghaiToday(), 1);
  const [result, refetch] = useQuery({ query: FloorsOrdersQuery, variables: { id: props.memberId, date }, pause: !props.memberId, context: ORDERS_CONTEXT });
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const [sending, setSending] = useState(false);
  const now = useNow();
  const member = result.data?.partyMember;
  const packages = useMemo(() => member?.community?.packages ?? [], [member]);
  const households = useMemo(() => member?.households ?? [], [member]);
  const groups = useMemo(() => byBuildingAndFloor(households, (household) => household), [households]);

  /** What still waits in the queue for this day, by household: shown at its door so that nobody orders it twice. */
  const waiting = useMemo(() => {
    const byHousehold = new Map<string, Array<{ packageId: string; quantity: number }>>();
    for (const entry of props.entries) {
      if (entry.kind !== 'submitOrders' || !isPending(entry) || ordersSummary(entry)?.date !== date) continue;
      for (const order of batchVariables.safeParse(entry.variables).data?.input.orders ?? []) {
        byHousehold.set(order.householdId, [...(byHousehold.get(order.householdId) ?? []), order]);
      }
    }
    return byHousehold;
  }, [props.entries, date]);

  /**
   * The subsidised units each household has used before what is picked now, by category: its orders, those of a batch
   * just sent that the list does not show yet, and the lines still waiting in the queue (at the most they could use).
   */
  const usedBefore = useMemo(() => {
    const packageById = new Map(packages.map((pkg) => [pkg.id, pkg]));
    const ordersOf = new Map(households.map((household) => [household.id, [...getFragmentData(HouseholdRow_OrderFragment, household.orders ?? [])]]));
    const listed = new Set([...ordersOf.values()].flat().map((order) => order.id));
    const unlisted = new Map<string, Array<{ status: string; subsidizedQuantity: number; package: { category: string } }>>();
    for (const entry of props.entries) {
      if (entry.kind !== 'submitOrders' || entry.status !== 'sent' || ordersSummary(entry)?.date !== date) continue;
      for (const order of sentAnswer.safeParse(entry.answer).data?.orders ?? []) {
        const pkg = packageById.get(order.package.id);
        if (!pkg || listed.has(order.id)) continue;
        unlisted.set(order.household.id, [...(unlisted.get(order.household.id) ?? []), { status: order.status, subsidizedQuantity: order.subsidizedQuantity, package: { category: pkg.category } }]);
      }
    }
    return new Map(
      households.map((household) => {
        const orders = [...(ordersOf.get(household.id) ?? []), ...(unlisted.get(household.id) ?? [])];
        const lines = (waiting.get(household.id) ?? []).flatMap((order) => {
          const pkg = packageById.get(order.packageId);
          return pkg ? [{ pkg, quantity: order.quantity }] : [];
        });
        return [household.id, subsidisedBeforePicks(subsidisedByCategory(orders), lines)];
      }),
    );
  }, [households, packages, props.entries, date, waiting]);
  const usedBeforeOf = (householdId: string): ReadonlyMap<string, number> => usedBefore.get(householdId) ?? new Map<string, number>();

  const pickOf = (household: { id: string; needsDoorToDoor: boolean | null }): Pick => picks[household.id] ?? { quantities: {}, doorToDoor: household.needsDoorToDoor === true };
  const batch = toBatch(
    Object.fromEntries(households.map((household) => [household.id, pickOf(household)])),
    groups.flatMap((group) => group.floors.flatMap((floor) => floor.items.map((household) => household.id))),
    packages.map((pkg) => pkg.id),
  );
  const units = batch.reduce((sum, order) => sum + order.quantity, 0);
  const packageById = new Map(packages.map((pkg) => [pkg.id, pkg]));
  // Each household's lines in batch order, against what its orders and its waiting batches already had subsidised.
  const estimate = sumRanges(
    households.flatMap((household) => {
      const lines = batch.filter((order) => order.householdId === household.id).map((order) => ({ pkg: packageById.get(order.packageId)!, quantity: order.quantity }));
      if (!lines.length) return [];
      return estimateHousehold(lines, usedBeforeOf(household.id)).map((line) => line.payable);
    }),
  );
  const cutoff = packages[0]?.orderCutoff;
  // Read against a ticking clock: the cut-off passes while the page is open, and the platform would refuse the batch.
  const cutoffPassed = cutoff !== undefined && now >= Date.parse(cutoff);
  const lastEntry = props.entries.find((entry) => entry.id === props.lastBatch);

  async function send() {
    if (batch.length === 0 || batch.length > MAX_BATCH || cutoffPassed) return;
    setSending(true);
    try {
      const byId = new Map(households.map((household) => [household.id, household]));
      const doors = [...new Set(batch.map((order) => doorOf(byId.get(order.householdId)!)))];
      const entry = await props.outbox.enqueue({
        kind: 'submitOrders',
        query: SUBMIT_ORDERS,
        variables: (idempotencyKey) => ({ input: { idempotencyKey, orders: batch } }),
        summary: { date, doors, orders: batch.length, units },
      });
      props.onBatch(entry.id);
      setPicks({});
    } finally {
      setSending(false);
    }
  }

  if (!member) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('floors.orders.heading', { date: format.day(date) })}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {cutoff ? (
        cutoffPassed ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('floors.orders.cutoffPassed', { time: format.time(cutoff), date: format.day(date) })} />
        ) : (
          <Typography.Paragraph strong>{t('floors.orders.cutoff', { time: format.time(cutoff) })}</Typography.Paragraph>
        )
      ) : null}
      {lastEntry ? <BatchStatus entry={lastEntry} /> : null}
      {packages.length === 0 ? (
        <Empty description={t('floors.orders.noPackages', { date: format.day(date) })} />
      ) : (
        <>
          <PackageList packages={packages} />
          {groups.map((group) => (
            <Card
              key={group.buildingId}
              size="small"
              title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{group.label}</Typography.Title>}
              style={{ marginBottom: 12 }}
            >
              {group.floors.map((floor) => (
                <section key={floor.floor} aria-label={t('floors.floor', { floor: floor.floor })}>
                  <Typography.Title level={4} style={{ fontSize: 15, margin: '8px 0 0' }}>
                    {t('floors.floor', { floor: floor.floor })}
                  </Typography.Title>
                  {floor.items.map((household) => (
                    <HouseholdRow
                      key={household.id}
                      household={household}
                      orders={household.orders}
                      packages={packages}
                      pick={pickOf(household)}
                      subsidised={usedBeforeOf(household.id)}
                      onPick={(pick) => setPicks((current) => ({ ...current, [household.id]: pick }))}
                      waiting={(waiting.get(household.id) ?? []).map((order) => ({ name: packages.find((pkg) => pkg.id === order.packageId)?.name ?? '', quantity: order.quantity }))}
                    />
                  ))}
                </section>
              ))}
            </Card>
          ))}
          <div style={{ position: 'sticky', bottom: 0, background: '#fff', borderTop: '1px solid #f0f0f0', padding: '12px 0', zIndex: 2 }}>
            <Typography.Paragraph style={{ marginBottom: 8 }} aria-live="polite">
              {batch.length === 0
                ? t('floors.orders.nothingPicked')
                : `${t('floors.orders.selected', { households: new Set(batch.map((order) => order.householdId)).size, count: batch.length, units })} · ${t('floors.orders.batchEstimate', { amount: formatRange(estimate) })}`}
            </Typography.Paragraph>
            {batch.length > MAX_BATCH ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('floors.orders.tooMany', { max: MAX_BATCH })} /> : null}
            {cutoffPassed ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('floors.orders.closed')} /> : null}
            <Button type="primary" size="large" block disabled={batch.length === 0 || batch.length > MAX_BATCH || cutoffPassed} loading={sending} onClick={() => void send()}>
              {t('floors.orders.send')}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

import { Alert, Button, Card, Flex, InputNumber, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { errorCodes } from '../../../lib/client.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { formatFen, toFen } from '../../../lib/money.js';
import { useSession } from '../../../lib/session.js';
import { GroupBuyCategoryTag, GroupBuyStatusTag, useLineWords } from '../../group-buys/components/labels.js';
import { nameLines } from '../../group-buys/components/lines.js';
import { useAttemptKey } from './attempt.js';
import { JOINS_CHANGE } from './refresh.js';
import { refusalOf, RefusalNotice, type Refusal } from './refusal.js';

export const GroupBuyCard_GroupBuyFragment = graphql(`
  fragment GroupBuyCard_GroupBuy on GroupBuy {
    id
    title
    category
    status
    organizer
    minParticipants
    perHouseholdLimit
    participantCount
    deadline
    pickupAt
    pickupPoint
    items {
      id
      name
      unit
      unitPrice
      stock
      remaining
    }
  }
`);

/**
 * The household's own part of one group buy (a resident sees only its own participations), each line by its item.
 * Asked per group buy: the query cost limit weighs a group buy's participations at a whole compound's (500 × 50 lines,
 * each with its item: 50,501 of the 60,000 served) whoever asks, so the compound's list of a year's 52 group buys
 * cannot carry them (about 2.6 million).
 */
const HouseholdGroupBuyMineQuery = graphql(`
  query HouseholdGroupBuyMine($id: ID!) {
    groupBuy(id: $id) {
      id
      participations {
        id
        amount
        pickedUp
        lines {
          quantity
          unitPrice
          item {
            id
          }
        }
      }
    }
  }
`);

const HouseholdJoinGroupBuyMutation = graphql(`
  mutation HouseholdJoinGroupBuy($input: JoinGroupBuyInput!) {
    joinGroupBuy(input: $input) {
      id
      amount
      lines {
        quantity
        item {
          id
          name
          unit
        }
      }
      groupBuy {
        id
        participantCount
        items {
          id
          remaining
        }
      }
    }
  }
`);

/** The group buy as it is now, asked afresh to say why a join did not fit. */
const HouseholdGroupBuyNowQuery = graphql(`
  query HouseholdGroupBuyNow($id: ID!) {
    groupBuy(id: $id) {
      id
      status
      deadline
      perHouseholdLimit
      items {
        id
        name
        unit
        remaining
      }
      participations {
        id
        lines {
          quantity
        }
      }
    }
  }
`);

/** The most units a line may ask for when neither the stock nor the household limit says less. */
const MAX_UNITS = 99;

/**
 * One group buy of the compound: what it offers at what price and how much is left, when joining closes and where the
 * goods are picked up, what the household already takes; while it is open, a quantity per item and the join button.
 * The join's idempotency key is made when the button is first pressed and sent again after a failure; a join that does
 * not fit (CONFLICT) is explained from the group buy as it is now: what is left, the household's limit, or the deadline.
 */
export function GroupBuyCard({
  groupBuy: masked,
  householdId,
  now,
  onChanged,
}: {
  groupBuy: FragmentType<typeof GroupBuyCard_GroupBuyFragment>;
  householdId: string;
  now: number;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const groupBuy = getFragmentData(GroupBuyCard_GroupBuyFragment, masked);
  const session = useSession();
  const titleId = useId();
  const client = useClient();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  /** Quantities the page lowered because what is left (or the household's limit) fell below them, said per item. */
  const [lowered, setLowered] = useState<Record<string, string>>({});
  const [result, join] = useMutation(HouseholdJoinGroupBuyMutation);
  const attempt = useAttemptKey();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const open = groupBuy.status === 'OPEN' && now < Date.parse(groupBuy.deadline);
  const [mineResult] = useQuery({ query: HouseholdGroupBuyMineQuery, variables: { id: groupBuy.id }, context: JOINS_CHANGE });
  const lineWords = useLineWords();
  const mine = mineResult.data?.groupBuy?.participations ?? [];
  const taken = mine.reduce((sum, participation) => sum + participation.lines.reduce((units, line) => units + line.quantity, 0), 0);
  const limitLeft = groupBuy.perHouseholdLimit === null ? null : Math.max(0, groupBuy.perHouseholdLimit - taken);
  /** The most units of an item the household can still ask for, as far as the page knows: what is left, and its limit. */
  const maxFor = (item: { remaining: number | null }) => Math.max(0, Math.min(item.remaining ?? MAX_UNITS, limitLeft ?? MAX_UNITS, MAX_UNITS));
  // A refreshed list (or the household's own part) may leave less than a quantity typed: the input is lowered to what
  // can still be asked for, before anything is drawn, and the page says so, so that a join never sends other than the
  // screen shows.
  const over = groupBuy.items.filter((item) => (quantities[item.id] ?? 0) > maxFor(item));
  if (over.length > 0) {
    setQuantities((previous) => ({ ...previous, ...Object.fromEntries(over.map((item) => [item.id, maxFor(item)])) }));
    setLowered((previous) => ({ ...previous, ...Object.fromEntries(over.map((item) => [item.id, loweredWords(item, maxFor(item))])) }));
  }
  // What the household asks for: the quantities on screen.
  const asking = groupBuy.items.map((item) => ({ item, quantity: quantities[item.id] ?? 0 })).filter(({ quantity }) => quantity > 0);
  const lines = asking.map(({ item, quantity }) => ({ itemId: item.id, quantity }));
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const amount = asking.reduce((sum, { item, quantity }) => sum + toFen(item.unitPrice) * quantity, 0);
  const overLimit = limitLeft !== null && units > limitLeft;
  /** Why a quantity was lowered to `max`: the item is sold out, only so many are left, or the household's limit. */
  function loweredWords(item: { name: string; unit: string; remaining: number | null }, max: number): string {
    const words = { name: item.name, unit: item.unit, quantity: max, remaining: item.remaining };
    if (item.remaining !== null && item.remaining <= 0) return t('household.groupBuys.loweredSoldOut', words);
    if (item.remaining !== null && item.remaining <= max) return t('household.groupBuys.loweredRemaining', words);
    return t('household.groupBuys.loweredLimit', { ...words, limit: groupBuy.perHouseholdLimit });
  }
  const describeLines = (list: ReadonlyArray<{ quantity: number; item: { name: string; unit: string } }>) =>
    list.map((line) => t('household.groupBuys.line', { name: line.item.name, quantity: line.quantity, unit: line.item.unit })).join(t('household.groupBuys.lineSeparator'));

  /** Why a join did not fit, from the group buy as it is now. */
  async function whyConflict(asked: typeof lines): Promise<string | null> {
    const fresh = (await client.query(HouseholdGroupBuyNowQuery, { id: groupBuy.id }, { requestPolicy: 'network-only' }).toPromise()).data?.groupBuy;
    if (!fresh) return null;
    if (fresh.status !== 'OPEN' || Date.now() >= Date.parse(fresh.deadline)) {
      return t('household.groupBuys.refusedClosed', { time: formatShanghaiTime(fresh.deadline, i18n.language) });
    }
    const short = asked
      .map((line) => ({ line, item: fresh.items.find((item) => item.id === line.itemId) }))
      .filter(({ line, item }) => item && item.remaining !== null && line.quantity > item.remaining);
    if (short.length > 0) {
      return t('household.groupBuys.refusedStock', {
        items: short
          .map(({ line, item }) => t('household.groupBuys.shortItem', { name: item!.name, remaining: item!.remaining, asked: line.quantity, unit: item!.unit }))
          .join(t('household.groupBuys.lineSeparator')),
      });
    }
    const already = (fresh.participations ?? []).reduce((sum, participation) => sum + participation.lines.reduce((n, line) => n + line.quantity, 0), 0);
    const askedUnits = asked.reduce((sum, line) => sum + line.quantity, 0);
    if (fresh.perHouseholdLimit !== null && already + askedUnits > fresh.perHouseholdLimit) {
      return t('household.groupBuys.refusedLimit', { limit: fresh.perHouseholdLimit, taken: already });
    }
    return null;
  }

  async function submit() {
    if (lines.length === 0 || !session) return;
    const asked = lines;
    setJoined(null);
    const answer = await join({ input: { groupBuyId: groupBuy.id, householdId, idempotencyKey: attempt.keyFor(asked), lines: asked } });
    const participation = answer.data?.joinGroupBuy;
    if (participation) {
      attempt.done();
      setRefusal(null);
      setQuantities({});
      setLowered({});
      setJoined(t('household.groupBuys.joined', { lines: describeLines(participation.lines), amount: participation.amount }));
      onChanged();
    } else if (answer.error) {
      const conflict = errorCodes(answer.error).includes('CONFLICT') ? await whyConflict(asked) : null;
      setRefusal(refusalOf(answer.error, t, conflict ? { CONFLICT: conflict } : { CONFLICT: t('household.groupBuys.refusedOther') }));
      onChanged();
    }
  }

  return (
    <section aria-labelledby={titleId}>
      <Card
        size="small"
        title={
          <Flex wrap gap={8} align="center">
            <Typography.Title level={4} id={titleId} style={{ fontSize: 16, margin: 0 }}>
              {groupBuy.title}
            </Typography.Title>
            <GroupBuyStatusTag status={groupBuy.status} />
            <GroupBuyCategoryTag category={groupBuy.category} />
          </Flex>
        }
      >
        <Flex vertical gap={8}>
          <Typography.Text>{t('household.groupBuys.organizer', { name: groupBuy.organizer })}</Typography.Text>
          <Typography.Text>{t('household.groupBuys.deadline', { time: formatShanghaiTime(groupBuy.deadline, i18n.language, { weekday: true }) })}</Typography.Text>
          <Typography.Text>
            {t('household.groupBuys.pickup', { time: formatShanghaiTime(groupBuy.pickupAt, i18n.language, { weekday: true }), point: groupBuy.pickupPoint })}
          </Typography.Text>
          <Typography.Text>
            {t('household.groupBuys.participants', { count: groupBuy.participantCount, min: groupBuy.minParticipants })}
            {groupBuy.perHouseholdLimit !== null ? ` · ${t('household.groupBuys.limit', { count: groupBuy.perHouseholdLimit })}` : null}
          </Typography.Text>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('household.groupBuys.items', { title: groupBuy.title })}>
            {groupBuy.items.map((item) => {
              const soldOut = item.remaining !== null && item.remaining <= 0;
              const max = maxFor(item);
              return (
                <li key={item.id} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <div>
                      <Typography.Text strong>{item.name}</Typography.Text>{' '}
                      <Typography.Text>{t('household.groupBuys.price', { price: item.unitPrice, unit: item.unit })}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">
                        {item.stock === null
                          ? t('household.groupBuys.unlimited')
                          : soldOut
                            ? t('household.groupBuys.soldOut', { stock: item.stock })
                            : t('household.groupBuys.remaining', { remaining: item.remaining, stock: item.stock, unit: item.unit })}
                      </Typography.Text>
                    </div>
                    {open && !soldOut && max > 0 ? (
                      <InputNumber
                        aria-label={t('household.groupBuys.quantityOf', { name: item.name, unit: item.unit })}
                        size="large"
                        min={0}
                        max={max}
                        precision={0}
                        inputMode="numeric"
                        value={quantities[item.id] ?? 0}
                        onChange={(value) => {
                          setQuantities((previous) => ({ ...previous, [item.id]: value ?? 0 }));
                          setLowered(({ [item.id]: _said, ...rest }) => rest);
                        }}
                        style={{ width: 96 }}
                      />
                    ) : null}
                  </Flex>
                  {lowered[item.id] ? (
                    <Typography.Text type="warning" role="status" style={{ display: 'block', marginTop: 4 }}>
                      {lowered[item.id]}
                    </Typography.Text>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {mine.map((participation) => (
            <Alert
              key={participation.id}
              type="info"
              title={t('household.groupBuys.yours', { lines: lineWords(nameLines(participation.lines, groupBuy.items)), amount: participation.amount })}
              description={participation.pickedUp ? t('household.groupBuys.pickedUp') : t('household.groupBuys.notPickedUp')}
            />
          ))}
          {open ? (
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{t('household.groupBuys.total', { amount: formatFen(amount) })}</Typography.Text>
              <Button
                type="primary"
                size="large"
                disabled={units === 0 || overLimit}
                loading={result.fetching}
                onClick={() => void submit()}
                aria-label={refusal?.retry ? t('household.groupBuys.joinAgainNamed', { title: groupBuy.title }) : t('household.groupBuys.joinNamed', { title: groupBuy.title })}
                style={{ flex: 1, minWidth: 120 }}
              >
                {refusal?.retry ? t('household.groupBuys.joinAgain') : t('household.groupBuys.join')}
              </Button>
            </Flex>
          ) : groupBuy.status === 'OPEN' ? (
            <Typography.Text type="secondary">{t('household.groupBuys.deadlinePassed')}</Typography.Text>
          ) : null}
          {open && overLimit ? (
            <Typography.Text type="danger">{t('household.groupBuys.overLimit', { limit: groupBuy.perHouseholdLimit, left: limitLeft })}</Typography.Text>
          ) : null}
          {joined ? <Alert type="success" showIcon role="status" title={joined} /> : null}
          <RefusalNotice refusal={refusal} />
        </Flex>
      </Card>
    </section>
  );
}

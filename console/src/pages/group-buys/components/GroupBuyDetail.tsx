import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { z } from 'zod';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import type { GroupBuyStatus } from '../../../gql/graphql.js';
import { errorCodes } from '../../../lib/client.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { Freshness, useLiveQuery } from './Freshness.js';
import { GroupBuyCategoryTag, GroupBuyStatusTag } from './labels.js';
import { PickupList } from './PickupList.js';
import { GROUP_BUYS_CHANGE } from './refresh.js';

const GroupBuyDetailQuery = graphql(`
  query GroupBuyDetail($id: ID!) {
    groupBuy(id: $id) {
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
      volunteers
      closedAt
      compound {
        id
      }
      items {
        id
        name
        unit
        unitPrice
        stock
        remaining
      }
      ...PickupList_GroupBuy
    }
  }
`);

const CloseGroupBuyMutation = graphql(`
  mutation CommitteeCloseGroupBuy($id: ID!) {
    closeGroupBuy(id: $id) {
      id
      status
      closedAt
    }
  }
`);

const AdvanceGroupBuyMutation = graphql(`
  mutation CommitteeAdvanceGroupBuy($id: ID!, $to: GroupBuyStatus!) {
    advanceGroupBuy(id: $id, to: $to) {
      id
      status
    }
  }
`);

/** The way of a group buy that goes ahead. */
const PATH = ['OPEN', 'CONFIRMED', 'DISTRIBUTING', 'COMPLETED'] as const satisfies readonly GroupBuyStatus[];

const registeredState = z.object({ registered: z.string() }).nullable().catch(null);

/**
 * One group buy as its committee runs it: the joins coming in and what is left of each item (refreshed every 5 s while
 * it is open or being shared out), closing it (confirmed with enough households, else cancelled), moving it on to
 * distributing and completed, and the pickup list.
 */
export function GroupBuyDetail({ compoundName }: { compoundName: string }) {
  const { t, i18n } = useTranslation();
  const { groupBuyId = '' } = useParams();
  const location = useLocation();
  const registered = registeredState.parse(location.state ?? null);
  const [result, reexecute] = useQuery({ query: GroupBuyDetailQuery, variables: { id: groupBuyId }, context: GROUP_BUYS_CHANGE });
  const groupBuy = result.data?.groupBuy;
  const live = groupBuy?.status === 'OPEN' || groupBuy?.status === 'DISTRIBUTING';
  const { paused } = useLiveQuery(reexecute, live);
  const [closeResult, close] = useMutation(CloseGroupBuyMutation);
  const [advanceResult, advance] = useMutation(AdvanceGroupBuyMutation);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ error: CombinedError; words: string | null } | null>(null);
  const when = (at: string) => formatShanghaiTime(at, i18n.language, { weekday: true });

  if (!groupBuy) {
    if (result.fetching) return <PageLoading />;
    if (result.error) return <ErrorNotice error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return <Result status="404" title={t('groupBuys.detail.notFound')} extra={<Link to="/group-buys">{t('groupBuys.detail.back')}</Link>} />;
  }

  function refused(error: CombinedError) {
    const conflict = errorCodes(error).includes('CONFLICT');
    setDone(null);
    setRefusal({ error, words: conflict ? t('groupBuys.detail.refusedConflict', { status: t(`common.enums.GroupBuyStatus.${groupBuy!.status}`) }) : null });
    reexecute({ requestPolicy: 'network-only' });
  }

  async function closeNow() {
    const answer = await close({ id: groupBuyId }, GROUP_BUYS_CHANGE);
    const closed = answer.data?.closeGroupBuy;
    if (closed) {
      setRefusal(null);
      setDone(t('groupBuys.detail.closed', { status: t(`common.enums.GroupBuyStatus.${closed.status}`) }));
    } else if (answer.error) refused(answer.error);
  }

  async function moveTo(to: 'DISTRIBUTING' | 'COMPLETED') {
    const answer = await advance({ id: groupBuyId, to }, GROUP_BUYS_CHANGE);
    const moved = answer.data?.advanceGroupBuy;
    if (moved) {
      setRefusal(null);
      setDone(t('groupBuys.detail.advanced', { status: t(`common.enums.GroupBuyStatus.${moved.status}`) }));
    } else if (answer.error) refused(answer.error);
  }

  const step = PATH.indexOf(groupBuy.status as (typeof PATH)[number]);
  const goesAhead = groupBuy.participantCount >= groupBuy.minParticipants;
  const busy = closeResult.fetching || advanceResult.fetching;

  return (
    <Flex vertical gap={12}>
      <Link to="/group-buys" className="cgov-no-print">
        <ArrowLeftOutlined /> {t('groupBuys.detail.back')}
      </Link>
      {registered && groupBuy.status === 'OPEN' ? (
        <Alert className="cgov-no-print" type="success" showIcon role="status" title={t('groupBuys.form.registered', { title: registered.registered })} />
      ) : null}
      <Card
        size="small"
        className="cgov-no-print"
        title={
          <Flex wrap gap={8} align="center">
            <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
              {groupBuy.title}
            </Typography.Title>
            <GroupBuyStatusTag status={groupBuy.status} />
            <GroupBuyCategoryTag category={groupBuy.category} />
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          <Freshness result={result} paused={paused} live={live} />
          {step >= 0 ? (
            <div role="group" aria-label={t('groupBuys.detail.progress')}>
              <Steps
                type="dot"
                size="small"
                responsive={false}
                titlePlacement="vertical"
                current={step}
                items={PATH.map((status) => ({ title: <span style={{ fontSize: 12 }}>{t(`groupBuys.detail.steps.${status}`)}</span> }))}
              />
            </div>
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'participants',
                label: t('groupBuys.detail.participants'),
                children: (
                  <>
                    <Typography.Text strong>{t('groupBuys.detail.participantsValue', { count: groupBuy.participantCount, min: groupBuy.minParticipants })}</Typography.Text>
                    {groupBuy.perHouseholdLimit !== null ? <> · {t('groupBuys.detail.limit', { count: groupBuy.perHouseholdLimit })}</> : null}
                  </>
                ),
              },
              { key: 'organizer', label: t('groupBuys.detail.organizerLabel'), children: groupBuy.organizer },
              { key: 'deadline', label: t('groupBuys.detail.deadlineLabel'), children: when(groupBuy.deadline) },
              { key: 'pickup', label: t('groupBuys.detail.pickupLabel'), children: t('groupBuys.detail.pickupValue', { time: when(groupBuy.pickupAt), point: groupBuy.pickupPoint }) },
              ...(groupBuy.volunteers.length > 0
                ? [{ key: 'volunteers', label: t('groupBuys.detail.volunteersLabel'), children: groupBuy.volunteers.join(t('groupBuys.pickup.lineSeparator')) }]
                : []),
              ...(groupBuy.closedAt ? [{ key: 'closedAt', label: t('groupBuys.detail.closedAtLabel'), children: when(groupBuy.closedAt) }] : []),
            ]}
          />
          <Typography.Title level={4} style={{ fontSize: 16, margin: 0 }}>
            {t('groupBuys.detail.items')}
          </Typography.Title>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('groupBuys.detail.items')}>
            {groupBuy.items.map((item) => (
              <li key={item.id} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
                <Typography.Text strong>{item.name}</Typography.Text> <Typography.Text>{t('groupBuys.detail.itemLine', { price: item.unitPrice, unit: item.unit })}</Typography.Text>
                <br />
                <Typography.Text>
                  {item.stock === null || item.remaining === null
                    ? t('groupBuys.detail.unlimited')
                    : t('groupBuys.detail.stockLine', { stock: item.stock, taken: item.stock - item.remaining, remaining: item.remaining, unit: item.unit })}
                </Typography.Text>
              </li>
            ))}
          </ul>
          {done ? <Alert type="success" showIcon role="status" title={done} /> : null}
          {refusal ? refusal.words ? <Alert type="error" showIcon role="alert" title={refusal.words} /> : <ErrorNotice error={refusal.error} /> : null}
          <Flex gap={8} wrap>
            {groupBuy.status === 'OPEN' ? (
              <Popconfirm
                title={t('groupBuys.detail.closeConfirm', {
                  count: groupBuy.participantCount,
                  min: groupBuy.minParticipants,
                  outcome: goesAhead ? t('groupBuys.detail.closeOutcomeConfirmed') : t('groupBuys.detail.closeOutcomeCancelled'),
                })}
                okText={t('groupBuys.detail.closeYes')}
                cancelText={t('groupBuys.detail.cancelNo')}
                onConfirm={() => closeNow()}
              >
                <Button type="primary" size="large" loading={busy}>
                  {t('groupBuys.detail.close')}
                </Button>
              </Popconfirm>
            ) : null}
            {groupBuy.status === 'CONFIRMED' ? (
              <Popconfirm
                title={t('groupBuys.detail.distributeConfirm')}
                okText={t('groupBuys.detail.distributeYes')}
                cancelText={t('groupBuys.detail.cancelNo')}
                onConfirm={() => moveTo('DISTRIBUTING')}
              >
                <Button type="primary" size="large" loading={busy}>
                  {t('groupBuys.detail.distribute')}
                </Button>
              </Popconfirm>
            ) : null}
            {groupBuy.status === 'DISTRIBUTING' ? (
              <Popconfirm
                title={t('groupBuys.detail.completeConfirm')}
                okText={t('groupBuys.detail.completeYes')}
                cancelText={t('groupBuys.detail.cancelNo')}
                onConfirm={() => moveTo('COMPLETED')}
              >
                <Button type="primary" size="large" loading={busy}>
                  {t('groupBuys.detail.complete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <PickupList groupBuy={groupBuy} compoundName={compoundName} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />
    </Flex>
  );
}

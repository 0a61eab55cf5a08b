import { Descriptions, Drawer, Empty, Flex, Grid, Tag, Timeline, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { ROLES } from '../../../lib/session.js';
import { CallbackForm } from './CallbackForm.js';
import { Deadline } from './Deadline.js';
import { REQUEST_STATUS_COLORS } from '../../../components/RequestParts.js';

const RequestDrawerQuery = graphql(`
  query RequestDrawer($id: ID!) {
    request(id: $id) {
      id
      status
      channel
      description
      callerName
      callerPhone
      category {
        code
        name
        urgency
      }
      community {
        id
        name
      }
      street {
        id
        name
      }
      department {
        id
        name
      }
      receivedAt
      responseDeadline
      resolutionDeadline
      respondedAt
      repliedAt
      closedAt
      respondedLate
      resolvedLate
      reply
      callback {
        resolved
        satisfaction
        note
        at
      }
      summons {
        department {
          id
          name
        }
        summonedAt
        reportDeadline
        reportedAt
        reportedLate
      }
      history {
        status
        at
        by
        note
      }
    }
  }
`);

/**
 * A request in full, in a drawer: what was asked and by whom (where the viewer may read the caller), who holds it, its
 * deadlines and whether they were met, the departments summoned and whether they reported, the callback, and every step
 * of its history; the hotline records a callback here once the unit has replied.
 */
export function RequestDrawer({ id, onClose, now, mayCallBack = false }: { id: string | null; onClose: () => void; now: number; mayCallBack?: boolean }) {
  const { t, i18n } = useTranslation();
  // On a phone the drawer takes the whole width; on a desk, beside the list.
  const phone = Grid.useBreakpoint().md === false;
  // The drawer is named by its own title's id: antd's generated one can repeat another drawer's (the phone's menu).
  const titleId = useId();
  const [result, refetch] = useQuery({ query: RequestDrawerQuery, variables: { id: id ?? '' }, pause: !id, context: REFRESHED_BY.requests });
  const request = result.data?.request;
  const time = (at: string | null | undefined) => (at ? formatShanghaiTime(at, i18n.language) : '—');
  /** Who did a step, in words: the role's name and its scope ("12345 热线接线员 4201"), or the platform itself. */
  const byWhom = (by: string) => {
    const [role, scope] = by.split(':');
    if (role === 'system') return t('requests.detail.system');
    const known = ROLES.find((candidate) => candidate === role);
    return known ? [t(`common.roles.${known}`), scope].filter(Boolean).join(' ') : by;
  };
  return (
    <Drawer open={id !== null} onClose={onClose} size={phone ? '100%' : 560}
      aria-labelledby={titleId}
      title={<span id={titleId}>{request ? t('requests.card.title', { category: request.category.name, community: request.community.name }) : t('requests.detail.title')}</span>} closable={{ 'aria-label': t('requests.detail.close') }}>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!request ? (
        result.fetching ? <PageLoading /> : null
      ) : (
        // Focusable, so that a keyboard can scroll the details where they are longer than the screen (a phone).
        <Flex vertical gap={16} tabIndex={0} role="region" aria-label={t('requests.detail.title')}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'status', label: t('requests.detail.status'), children: <Tag color={REQUEST_STATUS_COLORS[request.status]}>{t(`common.enums.RequestStatus.${request.status}`)}</Tag> },
              { key: 'description', label: t('requests.detail.description'), children: request.description },
              { key: 'caller', label: t('requests.detail.caller'), children: [request.callerName, request.callerPhone].filter(Boolean).join(' ') || '—' },
              { key: 'channel', label: t('requests.detail.channel'), children: t(`common.enums.RequestChannel.${request.channel}`) },
              { key: 'category', label: t('requests.detail.category'), children: `${request.category.name}（${t(`common.enums.Urgency.${request.category.urgency}`)}）` },
              { key: 'holder', label: t('requests.detail.holder'), children: request.department?.name ?? request.street?.name ?? '—' },
              { key: 'received', label: t('requests.detail.received'), children: time(request.receivedAt) },
              {
                key: 'response',
                label: t('requests.detail.response'),
                children: request.respondedAt ? t(request.respondedLate ? 'requests.detail.doneLate' : 'requests.detail.doneOnTime', { time: time(request.respondedAt) }) : <Deadline kind="response" deadline={request.responseDeadline} now={now} />,
              },
              {
                key: 'resolution',
                label: t('requests.detail.resolution'),
                children: request.repliedAt ? t(request.resolvedLate ? 'requests.detail.doneLate' : 'requests.detail.doneOnTime', { time: time(request.repliedAt) }) : request.status === 'CLOSED' ? '—' : <Deadline kind="resolution" deadline={request.resolutionDeadline} now={now} />,
              },
              { key: 'reply', label: t('requests.detail.reply'), children: request.reply ?? '—' },
              {
                key: 'callback',
                label: t('requests.detail.callback'),
                children: request.callback
                  ? t('requests.detail.callbackSays', {
                      resolved: t(request.callback.resolved ? 'requests.callback.resolvedYes' : 'requests.callback.resolvedNo'),
                      satisfaction: t(`common.enums.Satisfaction.${request.callback.satisfaction}`),
                      time: time(request.callback.at),
                    }) + (request.callback.note ? ` · ${request.callback.note}` : '')
                  : '—',
              },
            ]}
          />
          <section aria-label={t('requests.detail.summons')}>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {t('requests.detail.summons')}
            </Typography.Title>
            {request.summons.length === 0 ? (
              <Typography.Text type="secondary">{t('requests.detail.noSummons')}</Typography.Text>
            ) : (
              <Flex vertical gap={4}>
                {request.summons.map((summons) => (
                  <Typography.Text key={`${summons.department.id}-${summons.summonedAt}`}>
                    {summons.department.name}：
                    {summons.reportedAt ? (
                      t(summons.reportedLate ? 'requests.detail.reportedLate' : 'requests.detail.reported', { time: time(summons.reportedAt) })
                    ) : (
                      <Deadline kind="report" deadline={summons.reportDeadline} now={now} />
                    )}
                  </Typography.Text>
                ))}
              </Flex>
            )}
          </section>
          {mayCallBack && request.status === 'REPLIED' ? <CallbackForm requestId={request.id} /> : null}
          <section aria-label={t('requests.detail.history')}>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {t('requests.detail.history')}
            </Typography.Title>
            {request.history.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={request.history.map((step, index) => ({
                  key: index,
                  content: (
                    <Flex vertical>
                      <Typography.Text strong>{`${time(step.at)} ${t(`common.enums.RequestStatus.${step.status}`)}`}</Typography.Text>
                      <Typography.Text type="secondary">{byWhom(step.by)}</Typography.Text>
                      {step.note ? <Typography.Text>{step.note}</Typography.Text> : null}
                    </Flex>
                  ),
                }))}
              />
            )}
          </section>
        </Flex>
      )}
    </Drawer>
  );
}

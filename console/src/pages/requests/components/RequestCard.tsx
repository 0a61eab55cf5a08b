import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { REQUEST_STATUS_COLORS } from '../../../components/RequestParts.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { Deadline } from './Deadline.js';
import { pendingDeadline } from './rules.js';

export const RequestCard_RequestFragment = graphql(`
  fragment RequestCard_Request on Request {
    id
    status
    channel
    description
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
    dispatchedAt
    responseDeadline
    resolutionDeadline
    respondedAt
    repliedAt
    returnCount
    reopenCount
    reply
  }
`);

/**
 * One request as a card: its category and community, status, what was asked, who holds it, and the deadline it waits
 * on counting down; `actions` below (what the viewer may do with it), and a button for its details.
 */
export function RequestCard(props: { request: FragmentType<typeof RequestCard_RequestFragment>; now: number; onOpen?: (id: string) => void; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const request = getFragmentData(RequestCard_RequestFragment, props.request);
  const titleId = useId();
  const deadline = pendingDeadline(request);
  const title = t('requests.card.title', { category: request.category.name, community: request.community.name });
  return (
    <section aria-labelledby={titleId}>
      <Card size="small">
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong id={titleId}>
              {title}
            </Typography.Text>
            <Tag color={REQUEST_STATUS_COLORS[request.status]}>{t(`common.enums.RequestStatus.${request.status}`)}</Tag>
          </Flex>
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
            {request.description}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('requests.card.meta', {
              received: formatShanghaiTime(request.receivedAt, i18n.language),
              channel: t(`common.enums.RequestChannel.${request.channel}`),
              urgency: t(`common.enums.Urgency.${request.category.urgency}`),
              holder: request.department?.name ?? request.street?.name ?? '',
            })}
            {request.returnCount > 0 ? ` · ${t('requests.card.returned')}` : ''}
            {request.reopenCount > 0 ? ` · ${t('requests.card.reopened', { count: request.reopenCount })}` : ''}
          </Typography.Text>
          {deadline ? <Deadline kind={deadline.kind} deadline={deadline.at} now={props.now} /> : null}
          {request.reply && request.status !== 'REOPENED' ? <Typography.Text>{t('requests.card.reply', { reply: request.reply })}</Typography.Text> : null}
          {props.children}
          {props.onOpen ? (
            <Button type="link" style={{ padding: 0, alignSelf: 'flex-start' }} aria-label={t('requests.card.openNamed', { title })} onClick={() => props.onOpen?.(request.id)}>
              {t('requests.card.open')}
            </Button>
          ) : null}
        </Flex>
      </Card>
    </section>
  );
}

import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Steps, Tag, Typography } from 'antd';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stringifyDocument, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { OfflineBanner } from '../../../components/OfflineBanner.js';
import { OutboxPanel } from '../../../components/OutboxPanel.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import type { HouseholdRequestsQuery, RequestStatus } from '../../../gql/graphql.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { isPending, useOutbox, type Outbox, type OutboxEntry } from '../../../lib/outbox.js';
import { CallbackFields, callbackInput, REQUEST_STATUS_COLORS, type CallbackValues } from '../../../components/RequestParts.js';

const HouseholdRequestsQuery = graphql(`
  query HouseholdRequests($householdId: ID!, $cityId: ID!) {
    household(id: $householdId) {
      id
      requests {
        id
        status
        channel
        description
        receivedAt
        reply
        repliedAt
        reopenCount
        category {
          code
          name
        }
        callback {
          resolved
          satisfaction
          at
        }
      }
    }
    requestCategories(cityId: $cityId) {
      code
      name
    }
  }
`);

const HouseholdFileRequestMutation = graphql(`
  mutation HouseholdFileRequest($input: FileRequestInput!) {
    fileRequest(input: $input) {
      id
      status
    }
  }
`);

const HouseholdRecordCallbackMutation = graphql(`
  mutation HouseholdRecordCallback($input: RecordCallbackInput!) {
    recordCallback(input: $input) {
      id
      status
    }
  }
`);

const FILE_REQUEST = stringifyDocument(HouseholdFileRequestMutation);
const RECORD_CALLBACK = stringifyDocument(HouseholdRecordCallbackMutation);

/** The way of a request: filed and dispatched, taken by the unit, answered, closed by the callback. */
const REQUEST_PATH = ['DISPATCHED', 'ACCEPTED', 'REPLIED', 'CLOSED'] as const satisfies readonly RequestStatus[];
/** Where a status stands on that way: returned waits as dispatched; reopened is back with the unit. */
const STEP_OF: Record<RequestStatus, number> = { DISPATCHED: 0, RETURNED: 0, ACCEPTED: 1, REOPENED: 1, REPLIED: 2, CLOSED: 3 };

type HouseholdRequest = NonNullable<NonNullable<HouseholdRequestsQuery['household']>['requests']>[number];

/** The callback a resident gives after the reply, sent through the offline queue. */
function CallbackCard({ request, outbox, waiting }: { request: HouseholdRequest; outbox: Outbox; waiting: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (waiting) return <Typography.Text type="secondary">{t('household.requests.callbackWaiting')}</Typography.Text>;
  return open ? (
    <Form<CallbackValues>
      layout="vertical"
      requiredMark={false}
      aria-label={t('household.requests.callbackFor', { category: request.category.name })}
      onFinish={async (values) => {
        await outbox.enqueue({
          kind: 'recordCallback',
          query: RECORD_CALLBACK,
          variables: () => ({ input: callbackInput(request.id, values) }),
          summary: { category: request.category.name, description: request.description },
        });
        setOpen(false);
      }}
    >
      <CallbackFields />
      <Button type="primary" htmlType="submit" size="large">
        {t('household.requests.callbackSubmit')}
      </Button>
    </Form>
  ) : (
    <Button type="primary" size="large" onClick={() => setOpen(true)} aria-label={t('household.requests.callbackOpenNamed', { category: request.category.name })}>
      {t('household.requests.callbackOpen')}
    </Button>
  );
}

/** One of the household's requests: what and when, where it stands (steps), the reply, the callback or recording it. */
function RequestItem({ request, outbox, entries }: { request: HouseholdRequest; outbox: Outbox; entries: readonly OutboxEntry[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const waiting = entries.some((entry) => entry.kind === 'recordCallback' && isPending(entry) && (entry.variables.input as { requestId?: string } | undefined)?.requestId === request.id);
  return (
    <section aria-labelledby={titleId}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong id={titleId}>
              {t('household.requests.what', { category: request.category.name, time: formatShanghaiTime(request.receivedAt, i18n.language) })}
            </Typography.Text>
            <Tag color={REQUEST_STATUS_COLORS[request.status]}>{t(`common.enums.RequestStatus.${request.status}`)}</Tag>
          </Flex>
          <Typography.Paragraph style={{ margin: 0 }}>{request.description}</Typography.Paragraph>
          <div role="group" aria-label={t('household.requests.progress', { category: request.category.name })}>
            <Steps
              type="dot"
              size="small"
              responsive={false}
              titlePlacement="vertical"
              current={STEP_OF[request.status]}
              items={REQUEST_PATH.map((status) => ({ title: <span style={{ fontSize: 12 }}>{t(`household.requests.steps.${status}`)}</span> }))}
            />
          </div>
          {request.reply ? <Typography.Text>{t('household.requests.reply', { reply: request.reply })}</Typography.Text> : null}
          {request.callback ? (
            <Typography.Text type="secondary">
              {t('household.requests.callbackDone', {
                resolved: t(request.callback.resolved ? 'requests.callback.resolvedYes' : 'requests.callback.resolvedNo'),
                satisfaction: t(`common.enums.Satisfaction.${request.callback.satisfaction}`),
              })}
            </Typography.Text>
          ) : null}
          {request.status === 'REPLIED' ? <CallbackCard request={request} outbox={outbox} waiting={waiting} /> : null}
        </Flex>
      </Card>
    </section>
  );
}

/**
 * The household's requests (诉求), laid out for a phone: filing one for its own household (in the app, to its community's
 * street), its requests with where each stands, and the callback after a reply (resolved? how satisfied?). Filing and
 * callbacks go through the offline queue: kept on the phone with their key and sent when the network is back.
 */
export function Requests({ householdId, communityId }: { householdId: string; communityId: string | null }) {
  const { t } = useTranslation();
  const { outbox, entries } = useOutbox();
  const [form] = Form.useForm<{ categoryCode: string; description: string }>();
  const [result, refetch] = useQuery({
    query: HouseholdRequestsQuery,
    variables: { householdId, cityId: (communityId ?? '').slice(0, 4) },
    pause: !communityId,
    context: REFRESHED_BY.requests,
  });
  const [queued, setQueued] = useState(false);
  const enqueuing = useRef(false);
  const requestEntries = useMemo(() => entries.filter((entry) => entry.kind === 'fileRequest' || entry.kind === 'recordCallback'), [entries]);
  const categories = result.data?.requestCategories ?? [];
  const requests = result.data?.household?.requests ?? [];
  if (!communityId) return <Alert type="warning" showIcon title={t('household.packages.noCommunity')} />;

  async function file(values: { categoryCode: string; description: string }) {
    if (enqueuing.current) return;
    enqueuing.current = true;
    try {
      const category = categories.find((c) => c.code === values.categoryCode);
      await outbox.enqueue({
        kind: 'fileRequest',
        query: FILE_REQUEST,
        variables: (idempotencyKey) => ({
          input: { communityId, categoryCode: values.categoryCode, description: values.description.trim(), channel: 'APP', householdId, idempotencyKey },
        }),
        summary: { category: category?.name ?? values.categoryCode, description: values.description.trim() },
      });
      setQueued(true);
      form.resetFields();
    } finally {
      enqueuing.current = false;
    }
  }

  return (
    <Flex vertical gap={12}>
      <OfflineBanner entries={requestEntries} />
      <OutboxPanel outbox={outbox} entries={requestEntries} />
      <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('household.requests.fileTitle')}</Typography.Title>}>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void file(values)}>
          <Form.Item name="categoryCode" label={t('household.requests.category')} rules={[{ required: true, message: t('household.requests.categoryRequired') }]}>
            <Select size="large" showSearch optionFilterProp="label" options={categories.map((c) => ({ value: c.code, label: c.name }))} placeholder={t('household.requests.categoryPlaceholder')} />
          </Form.Item>
          <Form.Item name="description" label={t('household.requests.description')} rules={[{ required: true, whitespace: true, message: t('household.requests.descriptionRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('household.requests.descriptionPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block>
            {t('household.requests.submit')}
          </Button>
        </Form>
        {queued ? <Alert type="success" showIcon role="status" title={t('household.requests.queued')} style={{ marginTop: 12 }} /> : null}
      </Card>
      <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
        {t('household.requests.heading')}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!result.data ? (
        result.fetching ? <PageLoading /> : null
      ) : requests.length === 0 ? (
        <Empty description={t('household.requests.none')} />
      ) : (
        requests.map((request) => <RequestItem key={request.id} request={request} outbox={outbox} entries={requestEntries} />)
      )}
    </Flex>
  );
}

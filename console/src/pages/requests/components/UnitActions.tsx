import { Alert, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { refusalOf, RefusalNotice, type Refusal } from '../../../components/Refusal.js';
import { whyNotReturnable } from './rules.js';

export const UnitActions_RequestFragment = graphql(`
  fragment UnitActions_Request on Request {
    id
    status
    dispatchedAt
    returnCount
    category {
      name
    }
    community {
      name
    }
  }
`);

const AcceptRequestMutation = graphql(`
  mutation UnitAcceptRequest($id: ID!) {
    acceptRequest(id: $id) {
      id
      ...RequestCard_Request
      ...UnitActions_Request
    }
  }
`);

const ReturnRequestMutation = graphql(`
  mutation UnitReturnRequest($id: ID!, $reason: String!) {
    returnRequest(id: $id, reason: $reason) {
      id
      ...RequestCard_Request
      ...UnitActions_Request
    }
  }
`);

const ReplyToRequestMutation = graphql(`
  mutation UnitReplyToRequest($id: ID!, $reply: String!) {
    replyToRequest(id: $id, reply: $reply) {
      id
      ...RequestCard_Request
      ...UnitActions_Request
    }
  }
`);

const WhistleMutation = graphql(`
  mutation UnitWhistle($input: WhistleInput!) {
    whistle(input: $input) {
      id
      ...RequestCard_Request
      summons {
        department {
          id
          name
        }
        summonedAt
        reportDeadline
        reportedAt
      }
    }
  }
`);

/** The longest reason, reply or whistle note the platform keeps. */
const MAX_NOTE = 500;
const MAX_REPLY = 2000;

type Open = 'return' | 'reply' | 'whistle' | null;

/**
 * What the unit that holds a request does with it: accept it (its first response), return it to the hotline with a
 * reason (only within 2 hours of dispatch and once: otherwise the button is disabled and says why), reply, and — a
 * street only — blow the whistle on departments (吹哨) with a note. A refusal of the platform is said in words.
 */
export function UnitActions(props: { request: FragmentType<typeof UnitActions_RequestFragment>; unit: 'street' | 'department'; departments: ReadonlyArray<{ id: string; name: string }>; now: number }) {
  const { t } = useTranslation();
  const request = getFragmentData(UnitActions_RequestFragment, props.request);
  const name = t('requests.card.title', { category: request.category.name, community: request.community.name });
  const [open, setOpen] = useState<Open>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [accepting, accept] = useMutation(AcceptRequestMutation);
  const [returning, giveBack] = useMutation(ReturnRequestMutation);
  const [replying, reply] = useMutation(ReplyToRequestMutation);
  const [whistling, whistle] = useMutation(WhistleMutation);
  const notReturnable = whyNotReturnable(request, props.now);
  const explain = { CONFLICT: t('requests.refusals.conflict'), FORBIDDEN: t('requests.refusals.forbidden') };

  /** Says what came of a mutation: done (in words) or the refusal. */
  function settle(answer: { data?: unknown; error?: Parameters<typeof refusalOf>[0] }, success: string, data: unknown) {
    if (data) {
      setRefusal(null);
      setDone(success);
      setOpen(null);
    } else if (answer.error) {
      setDone(null);
      setRefusal(refusalOf(answer.error, t, explain));
    }
  }

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        {request.status === 'DISPATCHED' ? (
          <Button
            type="primary"
            size="large"
            loading={accepting.fetching}
            aria-label={t('requests.actions.acceptNamed', { name })}
            onClick={async () => {
              const answer = await accept({ id: request.id });
              settle(answer, t('requests.actions.accepted'), answer.data?.acceptRequest);
            }}
          >
            {t('requests.actions.accept')}
          </Button>
        ) : null}
        {request.status === 'DISPATCHED' ? (
          <Button size="large" disabled={notReturnable !== null} aria-label={t('requests.actions.returnNamed', { name })} aria-expanded={open === 'return'} onClick={() => setOpen(open === 'return' ? null : 'return')}>
            {t('requests.actions.return')}
          </Button>
        ) : null}
        {request.status === 'ACCEPTED' || request.status === 'REOPENED' ? (
          <Button type="primary" size="large" aria-label={t('requests.actions.replyNamed', { name })} aria-expanded={open === 'reply'} onClick={() => setOpen(open === 'reply' ? null : 'reply')}>
            {t('requests.actions.reply')}
          </Button>
        ) : null}
        {props.unit === 'street' && request.status !== 'CLOSED' && request.status !== 'RETURNED' ? (
          <Button size="large" aria-label={t('requests.actions.whistleNamed', { name })} aria-expanded={open === 'whistle'} onClick={() => setOpen(open === 'whistle' ? null : 'whistle')}>
            {t('requests.actions.whistle')}
          </Button>
        ) : null}
      </Flex>
      {request.status === 'DISPATCHED' && notReturnable && notReturnable !== 'notDispatched' ? (
        <Typography.Text type="secondary">{t(`requests.actions.whyNotReturnable.${notReturnable}`)}</Typography.Text>
      ) : null}
      {open === 'return' ? (
        <Form<{ reason: string }>
          layout="vertical"
          requiredMark={false}
          disabled={returning.fetching}
          onFinish={async ({ reason }) => {
            const answer = await giveBack({ id: request.id, reason: reason.trim() });
            settle(answer, t('requests.actions.returned'), answer.data?.returnRequest);
          }}
        >
          <Form.Item name="reason" label={t('requests.actions.reason')} rules={[{ required: true, whitespace: true, message: t('requests.actions.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={MAX_NOTE} showCount placeholder={t('requests.actions.reasonPlaceholder')} />
          </Form.Item>
          <Button danger htmlType="submit" size="large" loading={returning.fetching}>
            {t('requests.actions.returnSubmit')}
          </Button>
        </Form>
      ) : null}
      {open === 'reply' ? (
        <Form<{ reply: string }>
          layout="vertical"
          requiredMark={false}
          disabled={replying.fetching}
          onFinish={async (values) => {
            const answer = await reply({ id: request.id, reply: values.reply.trim() });
            settle(answer, t('requests.actions.replied'), answer.data?.replyToRequest);
          }}
        >
          <Form.Item name="reply" label={t('requests.actions.replyLabel')} rules={[{ required: true, whitespace: true, message: t('requests.actions.replyRequired') }]}>
            <Input.TextArea rows={3} maxLength={MAX_REPLY} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={replying.fetching}>
            {t('requests.actions.replySubmit')}
          </Button>
        </Form>
      ) : null}
      {open === 'whistle' ? (
        <Form<{ departmentIds: string[]; note: string }>
          layout="vertical"
          requiredMark={false}
          disabled={whistling.fetching}
          onFinish={async (values) => {
            const answer = await whistle({ input: { requestId: request.id, departmentIds: values.departmentIds, note: values.note.trim() } });
            settle(answer, t('requests.actions.whistled', { departments: answer.data?.whistle.summons.map((s) => s.department.name).join(t('common.listSeparator')) ?? '' }), answer.data?.whistle);
          }}
        >
          <Form.Item name="departmentIds" label={t('requests.actions.departments')} rules={[{ required: true, message: t('requests.actions.departmentsRequired') }]}>
            <Select mode="multiple" size="large" aria-label={t('requests.actions.departments')} options={props.departments.map((d) => ({ value: d.id, label: d.name }))} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="note" label={t('requests.actions.whistleNote')} rules={[{ required: true, whitespace: true, message: t('requests.actions.whistleNoteRequired') }]}>
            <Input.TextArea rows={2} maxLength={MAX_NOTE} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={whistling.fetching}>
            {t('requests.actions.whistleSubmit')}
          </Button>
        </Form>
      ) : null}
      {done ? <Alert type="success" showIcon role="status" title={done} /> : null}
      <RefusalNotice refusal={refusal} />
    </Flex>
  );
}

import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql/index.js';
import type { Satisfaction } from '../../../gql/graphql.js';
import { refusalOf, RefusalNotice, type Refusal } from '../../household/components/refusal.js';

const HotlineRecordCallbackMutation = graphql(`
  mutation HotlineRecordCallback($input: RecordCallbackInput!) {
    recordCallback(input: $input) {
      id
      status
      reopenCount
      callback {
        resolved
        satisfaction
        note
        at
      }
      ...RequestCard_Request
    }
  }
`);

/** The callback's satisfaction levels, best first. */
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const satisfies readonly Satisfaction[];

export interface CallbackValues {
  resolved: boolean;
  satisfaction: Satisfaction;
  note?: string;
}

/** The callback's fields: resolved or not, how satisfied, what the caller said (shared by the hotline and the resident). */
export function CallbackFields({ noteLabel = true }: { noteLabel?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="resolved" label={t('requests.callback.resolved')} rules={[{ required: true, message: t('requests.callback.resolvedRequired') }]}>
        <Radio.Group
          aria-label={t('requests.callback.resolved')}
          optionType="button"
          buttonStyle="solid"
          size="large"
          options={[
            { value: true, label: t('requests.callback.resolvedYes') },
            { value: false, label: t('requests.callback.resolvedNo') },
          ]}
        />
      </Form.Item>
      <Form.Item name="satisfaction" label={t('requests.callback.satisfaction')} rules={[{ required: true, message: t('requests.callback.satisfactionRequired') }]}>
        <Radio.Group
          aria-label={t('requests.callback.satisfaction')}
          optionType="button"
          buttonStyle="solid"
          size="large"
          options={SATISFACTIONS.map((value) => ({ value, label: t(`common.enums.Satisfaction.${value}`) }))}
        />
      </Form.Item>
      {noteLabel ? (
        <Form.Item name="note" label={t('requests.callback.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The hotline records a callback (回访) after the unit's reply: resolved closes the request, not resolved reopens it. */
export function CallbackForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [result, record] = useMutation(HotlineRecordCallbackMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-label={t('requests.callback.title')}>
      <Form<CallbackValues>
        layout="vertical"
        requiredMark={false}
        disabled={result.fetching}
        onFinish={async (values) => {
          const answer = await record({ input: { requestId, resolved: values.resolved, satisfaction: values.satisfaction, note: values.note?.trim() || null } });
          if (answer.data?.recordCallback) {
            setRefusal(null);
            setDone(t(answer.data.recordCallback.status === 'CLOSED' ? 'requests.callback.closed' : 'requests.callback.reopened'));
          } else if (answer.error) {
            setRefusal(refusalOf(answer.error, t, { CONFLICT: t('requests.refusals.conflict') }));
          }
        }}
      >
        <CallbackFields />
        <Button type="primary" htmlType="submit" size="large" loading={result.fetching}>
          {t('requests.callback.submit')}
        </Button>
      </Form>
      {done ? <Alert type="success" showIcon role="status" title={done} style={{ marginTop: 8 }} /> : null}
      <RefusalNotice refusal={refusal} />
    </section>
  );
}

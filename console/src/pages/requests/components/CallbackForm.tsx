import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql/index.js';
import { refusalOf, RefusalNotice, type Refusal } from '../../../components/Refusal.js';
import { CallbackFields, callbackInput, type CallbackValues } from '../../../components/RequestParts.js';

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

/** The hotline records a callback (回访) after the unit's reply: resolved closes the request; not resolved reopens it or, when the hotline says so, closes it unresolved. */
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
          const answer = await record({ input: callbackInput(requestId, values) });
          if (answer.data?.recordCallback) {
            setRefusal(null);
            const { status, callback } = answer.data.recordCallback;
            setDone(t(status === 'REOPENED' ? 'requests.callback.reopened' : callback?.resolved === false ? 'requests.callback.closedUnresolved' : 'requests.callback.closed'));
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

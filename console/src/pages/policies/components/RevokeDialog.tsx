import { App as AntApp, DatePicker, Descriptions, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import { shanghaiToday } from '../../../lib/dates.js';

const RevokePolicyMutation = graphql(`
  mutation RevokePolicy($id: ID!, $effectiveTo: Date!) {
    revokeSubsidyPolicy(id: $id, effectiveTo: $effectiveTo) {
      id
      version
      regionId
      category
      effectiveFrom
      effectiveTo
      status
      revokedAt
      revokedBy
    }
  }
`);

/** Asks for the last day a version stays in force (today at the earliest, no later than it was to end) and revokes it. */
export function RevokeDialog({
  policy,
  title,
  onClose,
}: {
  policy: { id: string; effectiveFrom: string; effectiveTo: string | null };
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ effectiveTo: Dayjs }>();
  const [result, revoke] = useMutation(RevokePolicyMutation);
  const today = shanghaiToday();
  const outOfRange = (day: Dayjs) => {
    const date = day.format('YYYY-MM-DD');
    return date < today || (policy.effectiveTo !== null && date > policy.effectiveTo);
  };

  async function submit() {
    const { effectiveTo } = await form.validateFields();
    const answer = await revoke({ id: policy.id, effectiveTo: effectiveTo.format('YYYY-MM-DD') });
    if (answer.data?.revokeSubsidyPolicy) {
      void message.success(t('policies.revoke.done', { policy: title, date: answer.data.revokeSubsidyPolicy.effectiveTo ?? '' }));
      onClose();
    }
  }

  return (
    <Modal
      open
      title={t('policies.revoke.title', { policy: title })}
      okText={t('policies.revoke.confirm')}
      okButtonProps={{ danger: true, loading: result.fetching }}
      cancelText={t('policies.actions.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('policies.fields.effectiveFrom')}>{policy.effectiveFrom}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.effectiveTo')}>{policy.effectiveTo ?? t('policies.list.openEnded')}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" initialValues={{ effectiveTo: dayjs(today) }}>
        <Form.Item
          name="effectiveTo"
          label={t('policies.revoke.lastDay')}
          extra={t('policies.revoke.lastDayHint', { today })}
          rules={[
            { required: true, message: t('policies.form.errors.required') },
            {
              validator: (_, value: Dayjs | undefined) =>
                value && outOfRange(value) ? Promise.reject(new Error(t('policies.revoke.outOfRange', { today, last: policy.effectiveTo ?? '—' }))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker disabledDate={outOfRange} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      <ErrorNotice error={result.error} />
    </Modal>
  );
}

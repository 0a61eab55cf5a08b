import { Alert, Button, Card, Form, Input, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql/index.js';
import { Refusal, type Explain } from './Refusal.js';

const RegisterPartyMemberMutation = graphql(`
  mutation CommunityRegisterPartyMember($input: RegisterPartyMemberInput!) {
    registerPartyMember(input: $input) {
      id
      name
      workUnit
      reportedAt
    }
  }
`);

interface MemberValues {
  name: string;
  phone: string;
  workUnit: string;
}

/** The platform's phone rule: digits, spaces and dashes, 5 to 20, perhaps a leading +. */
const PHONE = /^\+?[\d\s-]{5,20}$/;

/** Registering a working party member who reported to the community where they live (双报到): name, phone, work unit. */
export function RegisterPartyMemberForm({ communityId, onRegistered }: { communityId: string; onRegistered: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberValues>();
  const [registration, register] = useMutation(RegisterPartyMemberMutation);
  const [done, setDone] = useState<{ name: string; workUnit: string } | null>(null);
  const required: FormRule = { required: true, whitespace: true, message: t('community.form.required') };

  async function submit(values: MemberValues) {
    setDone(null);
    const answer = await register({ input: { communityId, name: values.name.trim(), phone: values.phone.trim(), workUnit: values.workUnit.trim() } });
    const member = answer.data?.registerPartyMember;
    if (member) {
      setDone({ name: member.name ?? values.name, workUnit: member.workUnit });
      form.resetFields();
      onRegistered(member.id);
    }
  }

  const explain: Explain = (code, field) => {
    if (code === 'CONFLICT') return t('community.party.register.refused.phoneTaken');
    if (code === 'BAD_USER_INPUT') return field === 'phone' ? t('community.form.phone') : t('community.party.register.refused.input');
    return undefined;
  };

  return (
    <section aria-label={t('community.party.register.title')}>
      <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('community.party.register.title')}</Typography.Title>}>
        <Form<MemberValues> form={form} name="register-party-member" layout="vertical" size="large" onFinish={(values) => void submit(values)} disabled={registration.fetching}>
          <Form.Item name="name" label={t('community.party.register.name')} rules={[required, { max: 50, message: t('community.form.tooLong', { max: 50 }) }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label={t('community.party.register.phone')} rules={[required, { pattern: PHONE, message: t('community.form.phone') }]}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item name="workUnit" label={t('community.party.register.workUnit')} extra={t('community.party.register.workUnitHint')} rules={[required, { max: 100, message: t('community.form.tooLong', { max: 100 }) }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={registration.fetching}>
            {t('community.party.register.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          {done ? <Alert type="success" showIcon role="status" title={t('community.party.register.done', { ...done })} /> : null}
          <Refusal error={registration.error} explain={explain} />
        </div>
      </Card>
    </section>
  );
}

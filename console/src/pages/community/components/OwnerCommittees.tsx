import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import type { CommunityInfo } from './community.js';
import { Refusal, type Explain } from './Refusal.js';

const CommunityOwnerCommitteesQuery = graphql(`
  query CommunityOwnerCommittees($communityId: ID!) {
    community(id: $communityId) {
      id
      compounds {
        id
        name
        ownerCommittee {
          id
          name
          registeredAt
          members {
            name
            role
            phone
          }
        }
      }
    }
  }
`);

const RegisterOwnerCommitteeMutation = graphql(`
  mutation CommunityRegisterOwnerCommittee($input: RegisterOwnerCommitteeInput!) {
    registerOwnerCommittee(input: $input) {
      id
      name
      compound {
        id
      }
    }
  }
`);

/** A compound without a committee holds no OwnerCommittee: name the type, so registering one re-runs the list. */
const REFRESHED_BY_COMMITTEES = { additionalTypenames: ['OwnerCommittee'] };

interface CommitteeValues {
  name: string;
  members: Array<{ name?: string; role?: string; phone?: string }>;
}

/** Each compound's owners' committee (业主委员会), and registering one, with its members, for a compound that has none. */
export function OwnerCommittees({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: CommunityOwnerCommitteesQuery, variables: { communityId: community.id }, context: REFRESHED_BY_COMMITTEES });
  const [registering, setRegistering] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const compounds = result.data?.community?.compounds;
  if (!compounds) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {done ? <Alert type="success" showIcon role="status" title={done} closable={{ 'aria-label': t('community.actions.close') }} onClose={() => setDone(null)} /> : null}
      {compounds.map((compound) => (
        <section key={compound.id} aria-label={compound.name}>
          <Card
            size="small"
            title={
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                {compound.name}
              </Typography.Title>
            }
          >
            {compound.ownerCommittee ? (
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{compound.ownerCommittee.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{t('community.committees.registeredOn', { date: compound.ownerCommittee.registeredAt.slice(0, 10) })}</Typography.Text>
                </Typography.Paragraph>
                <ul aria-label={t('community.committees.membersOf', { name: compound.ownerCommittee.name })} style={{ margin: 0, paddingInlineStart: 20 }}>
                  {(compound.ownerCommittee.members ?? []).map((member, i) => (
                    <li key={`${member.name}-${i}`}>
                      {t('community.committees.member', { name: member.name, role: member.role })}
                      {member.phone ? (
                        <>
                          {' '}
                          <a href={`tel:${member.phone}`} style={{ textDecoration: 'underline' }}>{member.phone}</a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : registering?.id === compound.id ? (
              <CommitteeForm
                communityId={community.id}
                compound={registering}
                onCancel={() => setRegistering(null)}
                onRegistered={(name) => {
                  setRegistering(null);
                  setDone(t('community.committees.done', { compound: compound.name, name }));
                }}
              />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">{t('community.committees.none')}</Typography.Text>
                <Button type="primary" block icon={<PlusOutlined />} onClick={() => setRegistering({ id: compound.id, name: compound.name })}>
                  {t('community.committees.open', { compound: compound.name })}
                </Button>
              </Space>
            )}
          </Card>
        </section>
      ))}
    </Space>
  );
}

/** The committee's name (the compound's name and 业主委员会 to start with) and its members, at least one. */
function CommitteeForm({ communityId, compound, onRegistered, onCancel }: { communityId: string; compound: { id: string; name: string }; onRegistered: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CommitteeValues>();
  const [registration, register] = useMutation(RegisterOwnerCommitteeMutation);
  const required: FormRule = { required: true, whitespace: true, message: t('community.form.required') };

  async function submit(values: CommitteeValues) {
    const answer = await register({
      input: {
        communityId,
        compoundId: compound.id,
        name: values.name.trim(),
        members: values.members.map((m) => ({ name: m.name!.trim(), role: m.role!.trim(), phone: m.phone?.trim() || null })),
      },
    });
    if (answer.data?.registerOwnerCommittee) onRegistered(answer.data.registerOwnerCommittee.name);
  }

  const explain: Explain = (code) => {
    if (code === 'CONFLICT') return t('community.committees.refused.exists');
    if (code === 'BAD_USER_INPUT') return t('community.committees.refused.input');
    return undefined;
  };

  return (
    <Form<CommitteeValues>
      form={form}
      name="register-owner-committee"
      layout="vertical"
      size="large"
      initialValues={{ name: t('community.committees.defaultName', { compound: compound.name }), members: [{ role: t('community.committees.defaultRole') }] }}
      onFinish={(values) => void submit(values)}
      disabled={registration.fetching}
    >
      <Form.Item name="name" label={t('community.committees.name')} rules={[required, { max: 100, message: t('community.form.tooLong', { max: 100 }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.List name="members" rules={[{ validator: (_, members?: unknown[]) => (members?.length ? Promise.resolve() : Promise.reject(new Error(t('community.committees.errors.noMembers')))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <fieldset style={{ border: 0, margin: '0 0 16px', padding: 0, minWidth: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>{t('community.committees.members')}</legend>
            {fields.map((field, index) => (
              <div key={field.key} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
                <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                  <Form.Item name={[field.name, 'name']} rules={[required, { max: 50, message: t('community.form.tooLong', { max: 50 }) }]} style={{ flex: 1, minWidth: 0, marginBottom: 8 }}>
                    <Input aria-label={t('community.committees.memberName', { n: index + 1 })} placeholder={t('community.committees.memberNamePlaceholder')} autoComplete="off" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} rules={[required, { max: 50, message: t('community.form.tooLong', { max: 50 }) }]} style={{ width: 110, marginBottom: 8 }}>
                    <Input aria-label={t('community.committees.memberRole', { n: index + 1 })} autoComplete="off" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('community.committees.removeMember', { n: index + 1 })} onClick={() => remove(field.name)} disabled={fields.length === 1 || registration.fetching} />
                </div>
                <Form.Item name={[field.name, 'phone']} rules={[{ pattern: /^\+?[\d\s-]{5,20}$/, message: t('community.form.phone') }]} style={{ marginBottom: 8 }}>
                  <Input aria-label={t('community.committees.memberPhone', { n: index + 1 })} placeholder={t('community.committees.memberPhonePlaceholder')} inputMode="tel" autoComplete="off" />
                </Form.Item>
              </div>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
              {t('community.committees.addMember')}
            </Button>
            <Form.ErrorList errors={errors} />
          </fieldset>
        )}
      </Form.List>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={registration.fetching}>
          {t('community.committees.submit')}
        </Button>
        <Button onClick={onCancel}>{t('community.actions.cancel')}</Button>
      </Space>
      <div style={{ marginTop: 12 }}>
        <Refusal error={registration.error} explain={explain} />
      </div>
    </Form>
  );
}

import { LoginOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/AppLayout.js';
import { homeOf } from '../../lib/access.js';
import { fetchDemoActors, mintDevToken, returnPath } from '../../lib/devSignIn.js';
import { currentLanguage } from '../../lib/i18n.js';
import { signIn, useSession, type Role } from '../../lib/session.js';

/** Signing in: outside production the demo's actors with one click each; anywhere, a pasted token. */
export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const actors = useQuery({ queryKey: ['dev-actors'], queryFn: fetchDemoActors, staleTime: Infinity });
  const mint = useMutation({
    mutationFn: ({ role, scope }: { role: string; scope: string }) => mintDevToken(role, scope),
    onSuccess: (token) => enter(token),
  });
  const [form] = Form.useForm<{ token: string }>();

  function enter(token: string): boolean {
    const signed = signIn(token);
    if (!signed) return false;
    const from = params.get('from');
    void navigate(from ? returnPath.parse(from) : homeOf(signed.role), { replace: true });
    return true;
  }

  if (session && !params.get('from')) return <Navigate to={homeOf(session.role)} replace />;
  const language = currentLanguage();
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('common.appName')} · {t('signIn.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Space>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {actors.data && actors.data.length > 0 ? (
          <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t('signIn.demoActors')}</Typography.Title>}>
            <Typography.Paragraph type="secondary">{t('signIn.demoActorsHint')}</Typography.Paragraph>
            {mint.error ? <Alert type="error" showIcon title={t('signIn.mintFailed', { message: mint.error.message })} style={{ marginBottom: 12 }} /> : null}
            <List
              dataSource={actors.data}
              renderItem={(actor) => (
                <List.Item>
                  <Button
                    block
                    size="large"
                    icon={<LoginOutlined />}
                    loading={mint.isPending && mint.variables.role === actor.role && mint.variables.scope === actor.scope}
                    onClick={() => mint.mutate({ role: actor.role, scope: actor.scope })}
                    style={{ justifyContent: 'flex-start', height: 'auto', padding: '8px 12px', whiteSpace: 'normal', textAlign: 'left' }}
                  >
                    <span>{actor.label[language]}</span>
                    <Tag style={{ marginInlineStart: 8 }}>{t(`common.roles.${actor.role as Role}`, { defaultValue: actor.role })}</Tag>
                  </Button>
                </List.Item>
              )}
            />
          </Card>
        ) : actors.isSuccess ? (
          <Alert type="info" showIcon title={t('signIn.noDemo')} />
        ) : null}
        <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t('signIn.pasteToken')}</Typography.Title>}>
          <Form form={form} layout="vertical" onFinish={({ token }) => { if (!enter(token)) form.setFields([{ name: 'token', errors: [t('signIn.invalidToken')] }]); }}>
            <Form.Item name="token" label={t('signIn.tokenLabel')} rules={[{ required: true, message: t('signIn.invalidToken') }]}>
              <Input.TextArea rows={3} placeholder={t('signIn.tokenPlaceholder')} autoComplete="off" spellCheck={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit">{t('signIn.submit')}</Button>
          </Form>
        </Card>
      </Space>
    </main>
  );
}

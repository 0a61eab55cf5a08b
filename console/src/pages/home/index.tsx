import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PAGES, pagesFor } from '../../lib/access.js';
import { useSession } from '../../lib/session.js';

/** The landing page of a role without a dashboard: what it may do here. */
export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const pages = pagesFor(session.role);
  return (
    <Card>
      <Typography.Title level={2}>{t('common.home.title', { role: t(`common.roles.${session.role}`) })}</Typography.Title>
      <Typography.Paragraph>{t('common.home.intro')}</Typography.Paragraph>
      <Typography.Title level={3}>{t('common.viewer.mayDo')}</Typography.Title>
      <List
        dataSource={pages}
        renderItem={(page) => (
          <List.Item>
            <Link to={PAGES[page].path} style={{ textDecoration: 'underline' }}>{t(`common.nav.${page}`)}</Link>: {t(`common.abilities.${page}`)}
          </List.Item>
        )}
      />
    </Card>
  );
}

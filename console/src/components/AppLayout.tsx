import {
  ApiOutlined,
  BarChartOutlined,
  DownloadOutlined,
  FileProtectOutlined,
  HomeOutlined,
  LogoutOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  TranslationOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { PAGES, pagesFor, type PageName } from '../lib/access.js';
import { currentLanguage, setLanguage } from '../lib/i18n.js';
import { signOut, type Session } from '../lib/session.js';
import { PageLoading } from './PageLoading.js';
import { ViewerBadge } from './ViewerBadge.js';

const ICONS: Record<PageName, ReactNode> = {
  dashboard: <BarChartOutlined />,
  policies: <FileProtectOutlined />,
  exports: <DownloadOutlined />,
  ide: <ApiOutlined />,
  community: <TeamOutlined />,
  floors: <UnorderedListOutlined />,
  household: <ShoppingCartOutlined />,
  groupBuys: <ShopOutlined />,
};

/** The button that switches between zh-CN and en-US. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Tooltip title={t('common.language.switchTo')}>
      <Button icon={<TranslationOutlined />} aria-label={t('common.language.switchTo')} onClick={() => void setLanguage(next)}>
        {next === 'en-US' ? t('common.language.enUS') : t('common.language.zhCN')}
      </Button>
    </Tooltip>
  );
}

/** The frame of every signed-in page: the menu of the pages the role may open, who is signed in, language, sign out. */
export function AppLayout({ session }: { session: Session }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const pages = pagesFor(session.role);
  const selected = pages.find((page) => location.pathname.startsWith(PAGES[page].path));
  const items = [
    ...(pages.includes('dashboard') ? [] : [{ key: 'home', icon: <HomeOutlined />, label: <Link to="/home">{t('common.nav.home')}</Link> }]),
    ...pages.map((page) => ({ key: page, icon: ICONS[page], label: <Link to={PAGES[page].path}>{t(`common.nav.${page}`)}</Link> })),
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={screens.md ? 64 : 0} theme="light" width={200}>
        <div style={{ padding: '16px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>{t('common.appShortName')}</div>
        <nav aria-label={t('common.appName')}>
          <Menu mode="inline" selectedKeys={[selected ?? 'home']} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 18, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {t('common.appName')}
          </Typography.Title>
          <Space wrap={false}>
            <ViewerBadge session={session} />
            <LanguageSwitch />
            <Button
              icon={<LogoutOutlined />}
              aria-label={t('common.viewer.signOut')}
              onClick={() => {
                signOut();
                void navigate('/sign-in');
              }}
            >
              {screens.md ? t('common.viewer.signOut') : null}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: screens.md ? 24 : 12 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

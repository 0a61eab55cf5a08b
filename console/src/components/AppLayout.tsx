import {
  ApiOutlined,
  AuditOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DownloadOutlined,
  FileProtectOutlined,
  HeartOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  TranslationOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
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
  council: <AuditOutlined />,
  communityGrid: <ApartmentOutlined />,
  communitySharing: <SwapOutlined />,
  gridWork: <HeartOutlined />,
  floors: <UnorderedListOutlined />,
  household: <ShoppingCartOutlined />,
  groupBuys: <ShopOutlined />,
  requests: <CustomerServiceOutlined />,
  ranking: <TrophyOutlined />,
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

/** The button that ends the session and goes to the sign-in page; `iconOnly` on a narrow header. */
function SignOutButton({ iconOnly }: { iconOnly?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      icon={<LogoutOutlined />}
      aria-label={t('common.viewer.signOut')}
      onClick={() => {
        signOut();
        void navigate('/sign-in');
      }}
    >
      {iconOnly ? null : t('common.viewer.signOut')}
    </Button>
  );
}

/**
 * The frame of every signed-in page: the menu of the pages the role may open, who is signed in, language, sign out.
 * On a desk the menu is a side bar; on a phone (narrower than antd's `md`, 768 px) a named button in the header opens
 * it in a drawer with the language switch and sign-out, so the header holds only the menu, the title and who is in.
 */
export function AppLayout({ session }: { session: Session }) {
  const { t } = useTranslation();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: draw the desk's frame until a phone is known.
  const phone = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const pages = pagesFor(session.role);
  // The longest path that fits: /requests/ranking is not /requests.
  const selected = pages.filter((page) => location.pathname.startsWith(PAGES[page].path)).sort((a, b) => PAGES[b].path.length - PAGES[a].path.length)[0];
  const items = [
    ...(pages.includes('dashboard') ? [] : [{ key: 'home', icon: <HomeOutlined />, label: <Link to="/home">{t('common.nav.home')}</Link> }]),
    ...pages.map((page) => ({ key: page, icon: ICONS[page], label: <Link to={PAGES[page].path}>{t(`common.nav.${page}`)}</Link> })),
  ];
  const menu = (
    <nav aria-label={t('common.appName')}>
      <Menu mode="inline" selectedKeys={[selected ?? 'home']} items={items} onClick={() => setMenuOpen(false)} />
    </nav>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={260}
          title={t('common.appShortName')}
          closable={{ 'aria-label': t('common.nav.closeMenu') }}
          styles={{ body: { padding: 0 } }}
          footer={
            <Space wrap>
              <LanguageSwitch />
              <SignOutButton />
            </Space>
          }
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider breakpoint="lg" collapsedWidth={64} theme="light" width={200}>
          <div style={{ padding: '16px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>{t('common.appShortName')}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ background: '#fff', padding: phone ? '0 8px' : '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          {phone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('common.nav.openMenu')}
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen(true)}
              style={{ minWidth: 44, minHeight: 44 }}
            />
          ) : null}
          <Typography.Title
            level={1}
            style={{ margin: 0, fontSize: phone ? 16 : 18, flex: '1 1 auto', minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {phone ? t('common.appShortName') : t('common.appName')}
          </Typography.Title>
          {phone ? (
            <ViewerBadge session={session} />
          ) : (
            <Space wrap={false}>
              <ViewerBadge session={session} />
              <LanguageSwitch />
              <SignOutButton iconOnly={!screens.lg} />
            </Space>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { App } from './App.js';
import { PageLoading } from './components/PageLoading.js';
import { client } from './lib/client.js';
import './lib/i18n.js';

/**
 * The console's theme: the government red, and text colours dark enough for WCAG AA contrast (4.5:1) on white, where
 * Ant Design's defaults (placeholder, secondary text, error, success, warning) fall short and axe-core says so.
 */
const THEME = {
  token: {
    colorPrimary: '#c41d1d',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: '#737373',
    colorTextDescription: '#666666',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    // The darker green above would tint success notices olive; their fill and border stay antd's light ones.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    // Someone who asked their system for less motion gets none: no sliding menus, trees or dialogs.
    motion: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  },
  components: {
    // A tab under the finger or the pointer: antd's hover and pressed colours are lighter reds, short of 4.5:1 on white.
    Tabs: { itemHoverColor: '#a8071a', itemActiveColor: '#a8071a' },
  },
};

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

/** Ant Design's locale (and dayjs's) follow the console's language; a button's name is its text as written (no space put between two Chinese characters). */
function Root() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCNAntd : enUSAntd} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Suspense fallback={<PageLoading />}>
          <App />
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UrqlProvider value={client}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Root />
        </BrowserRouter>
      </QueryClientProvider>
    </UrqlProvider>
  </StrictMode>,
);

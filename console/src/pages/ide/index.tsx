import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { Typography } from 'antd';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { buildSchema } from 'graphql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '../../lib/dates.js';
import { useSession } from '../../lib/session.js';
import { examplesPlugin } from './components/ExamplesPlugin.js';
import { contractExamples } from './examples.js';
import { useAccessibleTabStrip } from './tabStrip.js';
import apiSdl from '../../../../schema/api.graphql?raw';

/**
 * The API schema the gateway serves, as composed (schema/api.graphql, kept current by `npm run compose`): GraphiQL's
 * docs, completion and checks read it instead of asking the gateway by introspection, which production turns off.
 */
const API_SCHEMA = buildSchema(apiSdl);

/** The operations the IDE opens with the first time in a tab: the city's dashboard, then the region tree. */
const FIRST_TABS = ['CityDashboard', 'CityTree'];
/** Where GraphiQL keeps its tabs in the storage it is given. */
const TABS_KEY = 'graphiql:tabState';

/**
 * GraphiQL 5 on the gateway's /graphql: the tab's token is put in by the fetcher (never shown in, or kept from, the headers
 * editor); tabs and history are kept for the tab only (sessionStorage, like the token); the editor's workers are bundled by
 * Vite; the docs come from the composed API schema; the contract's operations are offered as examples.
 */
export default function IdePage() {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  useAccessibleTabStrip(frame);
  const session = useSession();
  const token = session?.token;
  const fetcher = useMemo(
    () => createGraphiQLFetcher({ url: '/graphql', headers: token ? { Authorization: `Bearer ${token}` } : {} }),
    [token],
  );
  const examplesTitle = t('ide.examples.title');
  const plugins = useMemo(() => [examplesPlugin(examplesTitle), HISTORY_PLUGIN], [examplesTitle]);
  const defaultTabs = useMemo(() => {
    const examples = contractExamples(shanghaiToday());
    return FIRST_TABS.flatMap((name) => examples.filter((example) => example.name === name)).map(({ query, variables }) => ({ query, variables }));
  }, []);
  // GraphiQL 5 fills the first tab's operation editor from defaultTabs but not its variables editor: give those too, on
  // the first visit only (afterwards the tabs kept for this browser tab are shown as they were left).
  const [initialVariables] = useState(() => (sessionStorage.getItem(TABS_KEY) === null ? defaultTabs[0]?.variables : undefined));
  return (
    <section aria-labelledby="ide-title" className="cgov-ide" style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 112px)', minHeight: 480 }}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Title level={2} id="ide-title" style={{ margin: 0, fontSize: 20 }}>
          {t('ide.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('ide.tokenNote')}</Typography.Text>
      </div>
      <div ref={frame} style={{ flex: 1, minHeight: 0, border: '1px solid #f0f0f0', borderRadius: 8, overflow: 'hidden', background: '#fff' }}>
        <GraphiQL
          fetcher={fetcher}
          schema={API_SCHEMA}
          plugins={plugins}
          defaultTabs={defaultTabs}
          initialVariables={initialVariables}
          storage={sessionStorage}
          shouldPersistHeaders={false}
          forcedTheme="light"
          defaultEditorToolsVisibility="variables"
        />
      </div>
    </section>
  );
}

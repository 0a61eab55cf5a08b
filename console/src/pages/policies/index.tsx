import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { z } from 'zod';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session.js';
import { AuditLog } from './components/AuditLog.js';
import { Budgets } from './components/Budgets.js';
import { PolicyList } from './components/PolicyList.js';
import { PublishForm } from './components/PublishForm.js';
import { useRegionIndex, type RegionIndex } from './components/regions.js';
import { Suppliers } from './components/Suppliers.js';

const PoliciesPageQuery = graphql(`
  query PoliciesPage($cityId: ID!) {
    city(id: $cityId) {
      id
      ...RegionTree_CityFragment
    }
  }
`);

const TABS = ['list', 'publish', 'budgets', 'suppliers', 'audit'] as const;
const tabParam = z.enum(TABS).catch('list');

/** The city official's policy work: policies and their versions, publishing with a preview, revoking, budgets, suppliers, the audit log. */
export default function PoliciesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const cityId = session?.scope ?? '';
  const [params, setParams] = useSearchParams();
  const tab = tabParam.parse(params.get('tab'));
  const [result, refetch] = useQuery({ query: PoliciesPageQuery, variables: { cityId }, pause: !cityId });
  const city = result.data?.city;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('policies.title')}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {city ? <PolicyTabs city={city} tab={tab} onTab={(next) => setParams({ tab: next }, { replace: true })} /> : result.fetching ? <PageLoading /> : null}
    </>
  );
}

/** The page's tabs over the caller's city tree. */
function PolicyTabs({ city, tab, onTab }: { city: Parameters<typeof useRegionIndex>[0]; tab: (typeof TABS)[number]; onTab: (tab: (typeof TABS)[number]) => void }) {
  const { t } = useTranslation();
  const index: RegionIndex = useRegionIndex(city);
  const panes = {
    list: <PolicyList index={index} />,
    publish: <PublishForm index={index} />,
    budgets: <Budgets cityId={index.city.id} />,
    suppliers: <Suppliers index={index} />,
    audit: <AuditLog index={index} />,
  };
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => onTab(tabParam.parse(key))}
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: t(`policies.tabs.${key}`), children: panes[key] }))}
      />
    </Card>
  );
}

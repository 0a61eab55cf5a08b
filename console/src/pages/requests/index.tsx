import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { z } from 'zod';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session.js';
import { useClock } from './components/Deadline.js';
import { DepartmentDesk } from './components/DepartmentDesk.js';
import { FileRequestForm } from './components/FileRequestForm.js';
import { RequestDrawer } from './components/RequestDrawer.js';
import { RequestSearch } from './components/RequestSearch.js';
import { ReturnedRequests } from './components/ReturnedRequests.js';
import { StreetInbox } from './components/StreetInbox.js';

const HotlineDeskQuery = graphql(`
  query HotlineDesk($cityId: ID!) {
    city(id: $cityId) {
      id
      name
      districts {
        id
        streets {
          id
          name
          communities {
            id
            name
          }
        }
      }
    }
    requestCategories(cityId: $cityId) {
      code
      name
      urgency
      responsibleDepartment {
        id
        name
      }
    }
    departments(cityId: $cityId) {
      id
      name
    }
  }
`);

const HOTLINE_TABS = ['file', 'returned', 'search'] as const;
const hotlineTab = z.enum(HOTLINE_TABS).catch('file');

/** The hotline's desk (12345): file a request for a caller, re-dispatch the returned ones, search the city's and call back. */
function HotlineDesk({ cityId, now, onOpen }: { cityId: string; now: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = hotlineTab.parse(params.get('tab'));
  const [result, refetch] = useQuery({ query: HotlineDeskQuery, variables: { cityId } });
  const data = result.data;
  const streets = (data?.city?.districts ?? []).flatMap((district) => district.streets);
  const communities = streets.flatMap((street) => (street.communities ?? []).map((community) => ({ id: community.id, name: community.name, street: street.name })));
  const departments = data?.departments ?? [];
  return (
    <>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!data ? (
        result.fetching ? <PageLoading /> : null
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: hotlineTab.parse(key) })}
          items={[
            { key: 'file', label: t('requests.hotline.tabs.file'), children: <FileRequestForm communities={communities} categories={data.requestCategories} /> },
            { key: 'returned', label: t('requests.hotline.tabs.returned'), children: <ReturnedRequests cityId={cityId} now={now} streets={streets} departments={departments} onOpen={onOpen} /> },
            { key: 'search', label: t('requests.hotline.tabs.search'), children: <RequestSearch cityId={cityId} streets={streets} categories={data.requestCategories} onOpen={onOpen} /> },
          ].map((item) => ({ ...item, children: item.key === tab ? item.children : null }))}
        />
      )}
    </>
  );
}

/**
 * Resident requests (接诉即办), by role: the hotline's desk, a street office's inbox, a department's requests and
 * summons; any request opens in a drawer with its history, summons and callback.
 */
export default function RequestsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const now = useClock();
  const [open, setOpen] = useState<string | null>(null);
  if (!session) return null;
  const role = session.role;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t(`requests.title.${role === 'HOTLINE_OPERATOR' ? 'hotline' : role === 'STREET_OFFICER' ? 'street' : 'department'}`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('requests.intro')}</Typography.Paragraph>
      {role === 'HOTLINE_OPERATOR' ? (
        <HotlineDesk cityId={session.scope} now={now} onOpen={setOpen} />
      ) : role === 'STREET_OFFICER' ? (
        <StreetInbox streetId={session.scope} now={now} onOpen={setOpen} />
      ) : (
        <DepartmentDesk departmentId={session.scope} now={now} onOpen={setOpen} />
      )}
      <RequestDrawer id={open} onClose={() => setOpen(null)} now={now} mayCallBack={role === 'HOTLINE_OPERATOR'} />
    </>
  );
}

import { Empty, Flex, Segmented, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import { useRefresh } from '../../../lib/useRefresh.js';
import { RequestCard } from './RequestCard.js';
import { byDeadline, pendingDeadline } from './rules.js';
import { UnitActions } from './UnitActions.js';

const StreetInboxQuery = graphql(`
  query StreetInbox($streetId: ID!, $cityId: ID!) {
    dispatched: requests(filter: { streetId: $streetId, status: DISPATCHED }, first: 50) {
      totalCount
      edges {
        node {
          ...StreetInbox_Item
        }
      }
    }
    accepted: requests(filter: { streetId: $streetId, status: ACCEPTED }, first: 50) {
      totalCount
      edges {
        node {
          ...StreetInbox_Item
        }
      }
    }
    reopened: requests(filter: { streetId: $streetId, status: REOPENED }, first: 50) {
      totalCount
      edges {
        node {
          ...StreetInbox_Item
        }
      }
    }
    replied: requests(filter: { streetId: $streetId, status: REPLIED }, first: 20) {
      totalCount
      edges {
        node {
          ...StreetInbox_Item
        }
      }
    }
    departments(cityId: $cityId) {
      id
      name
    }
  }
`);

export const StreetInbox_ItemFragment = graphql(`
  fragment StreetInbox_Item on Request {
    id
    status
    responseDeadline
    resolutionDeadline
    ...RequestCard_Request
    ...UnitActions_Request
  }
`);

/** How often the inbox asks again for what arrived (the gateway keeps an answer at most a minute). */
const REFRESH_MS = 30_000;

/**
 * A street office's inbox (首接负责): the requests its street holds that wait for it — dispatched (to accept or return),
 * accepted and reopened (to reply) — in the order their deadlines fall, overdue first, each counting down; whistling on
 * departments; and the requests it has answered, waiting for a callback.
 */
export function StreetInbox({ streetId, now, onOpen }: { streetId: string; now: number; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'open' | 'replied'>('open');
  const [result, refetch] = useQuery({ query: StreetInboxQuery, variables: { streetId, cityId: streetId.slice(0, 4) }, context: REFRESHED_BY.requests });
  useRefresh(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]), REFRESH_MS);
  const data = result.data;
  const items = (page: { edges: ReadonlyArray<{ node: FragmentType<typeof StreetInbox_ItemFragment> }> } | null | undefined) => (page?.edges ?? []).map((edge) => getFragmentData(StreetInbox_ItemFragment, edge.node));
  const open = data ? byDeadline([...items(data.dispatched), ...items(data.accepted), ...items(data.reopened)]) : [];
  const replied = items(data?.replied);
  const overdue = open.filter((request) => Date.parse(pendingDeadline(request)!.at) < now).length;
  const shown = view === 'open' ? open : replied;
  return (
    <Flex vertical gap={12}>
      <Segmented<'open' | 'replied'>
        value={view}
        onChange={setView}
        aria-label={t('requests.inbox.view')}
        options={[
          { value: 'open', label: t('requests.inbox.open', { count: open.length }) },
          { value: 'replied', label: t('requests.inbox.replied', { count: data?.replied?.totalCount ?? 0 }) },
        ]}
      />
      {view === 'open' && data ? <Typography.Text aria-live="polite">{t('requests.inbox.summary', { count: open.length, overdue })}</Typography.Text> : null}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!data ? (
        result.fetching ? <PageLoading /> : null
      ) : shown.length === 0 ? (
        <Empty description={t(view === 'open' ? 'requests.inbox.none' : 'requests.inbox.noneReplied')} />
      ) : (
        <div role="list" aria-label={t(view === 'open' ? 'requests.inbox.openList' : 'requests.inbox.repliedList')}>
          <Flex vertical gap={12}>
            {shown.map((request) => (
              <div role="listitem" key={request.id}>
                <RequestCard request={request} now={now} onOpen={onOpen}>
                  {view === 'open' ? <UnitActions request={request} unit="street" departments={data.departments} now={now} /> : null}
                </RequestCard>
              </div>
            ))}
          </Flex>
        </div>
      )}
    </Flex>
  );
}

import { Alert, Button, Empty, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { useRefresh } from '../../../lib/useRefresh.js';
import { refusalOf, RefusalNotice, type Refusal } from '../../../components/Refusal.js';
import { Deadline } from './Deadline.js';
import { RequestCard } from './RequestCard.js';
import { byDeadline } from './rules.js';
import { StreetInbox_ItemFragment } from './StreetInbox.js';
import { UnitActions } from './UnitActions.js';

const DepartmentDeskQuery = graphql(`
  query DepartmentDesk($departmentId: ID!) {
    dispatched: requests(filter: { departmentId: $departmentId, status: DISPATCHED }, first: 50) {
      edges {
        node {
          ...StreetInbox_Item
        }
      }
    }
    accepted: requests(filter: { departmentId: $departmentId, status: ACCEPTED }, first: 50) {
      edges {
        node {
          ...StreetInbox_Item
        }
      }
    }
    reopened: requests(filter: { departmentId: $departmentId, status: REOPENED }, first: 50) {
      edges {
        node {
          ...StreetInbox_Item
        }
      }
    }
    summoned: requests(filter: { summonedDepartmentId: $departmentId }, first: 50) {
      totalCount
      edges {
        node {
          id
          category {
            name
          }
          community {
            name
          }
          summons {
            department {
              id
            }
            summonedAt
            reportDeadline
            reportedAt
            reportedLate
          }
          ...RequestCard_Request
        }
      }
    }
  }
`);

const DepartmentReportMutation = graphql(`
  mutation DepartmentReport($requestId: ID!, $note: String!) {
    reportToWhistle(requestId: $requestId, note: $note) {
      id
      summons {
        department {
          id
        }
        summonedAt
        reportDeadline
        reportedAt
        reportedLate
      }
    }
  }
`);

const REFRESH_MS = 30_000;

/** A summoned department reports (报到) with a note of what it will do. */
function ReportForm({ requestId, name }: { requestId: string; name: string }) {
  const { t } = useTranslation();
  const [result, report] = useMutation(DepartmentReportMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState(false);
  return (
    <Form<{ note: string }>
      layout="vertical"
      requiredMark={false}
      disabled={result.fetching}
      aria-label={t('requests.department.reportNamed', { name })}
      onFinish={async ({ note }) => {
        const answer = await report({ requestId, note: note.trim() });
        if (answer.data?.reportToWhistle) {
          setRefusal(null);
          setDone(true);
        } else if (answer.error) setRefusal(refusalOf(answer.error, t, { CONFLICT: t('requests.department.reportedAlready') }));
      }}
    >
      <Form.Item name="note" label={t('requests.department.reportNote')} rules={[{ required: true, whitespace: true, message: t('requests.department.reportNoteRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" loading={result.fetching} aria-label={t('requests.department.reportButtonNamed', { name })}>
        {t('requests.department.report')}
      </Button>
      {done ? <Alert type="success" showIcon role="status" title={t('requests.department.reported')} style={{ marginTop: 8 }} /> : null}
      <RefusalNotice refusal={refusal} />
    </Form>
  );
}

/**
 * A department's desk: the requests it holds (dispatched by the catalogue or the hotline) to accept, return or reply to,
 * overdue first with their deadlines counting down; and the requests a street summoned it on (吹哨), with "报到" and the
 * 24-hour report deadline counting down until it has.
 */
export function DepartmentDesk({ departmentId, now, onOpen }: { departmentId: string; now: number; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'held' | 'summoned'>('held');
  const [result, refetch] = useQuery({ query: DepartmentDeskQuery, variables: { departmentId }, context: REFRESHED_BY.requests });
  useRefresh(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]), REFRESH_MS);
  const data = result.data;
  const items = (page: { edges: ReadonlyArray<{ node: FragmentType<typeof StreetInbox_ItemFragment> }> } | null | undefined) => (page?.edges ?? []).map((edge) => getFragmentData(StreetInbox_ItemFragment, edge.node));
  const held = data ? byDeadline([...items(data.dispatched), ...items(data.accepted), ...items(data.reopened)]) : [];
  const summoned = (data?.summoned?.edges ?? [])
    .map(({ node }) => ({ node, mine: [...node.summons].reverse().find((s) => s.department.id === departmentId) }))
    .filter((item) => item.mine)
    .sort((a, b) => Number(a.mine!.reportedAt !== null) - Number(b.mine!.reportedAt !== null) || Date.parse(a.mine!.reportDeadline) - Date.parse(b.mine!.reportDeadline));
  const waiting = summoned.filter((item) => item.mine!.reportedAt === null).length;
  return (
    <Flex vertical gap={12}>
      <Segmented<'held' | 'summoned'>
        value={view}
        onChange={setView}
        aria-label={t('requests.department.view')}
        options={[
          { value: 'held', label: t('requests.department.held', { count: held.length }) },
          { value: 'summoned', label: t('requests.department.summoned', { count: waiting }) },
        ]}
      />
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!data ? (
        result.fetching ? <PageLoading /> : null
      ) : view === 'held' ? (
        held.length === 0 ? (
          <Empty description={t('requests.department.noneHeld')} />
        ) : (
          held.map((request) => (
            <RequestCard key={request.id} request={request} now={now} onOpen={onOpen}>
              <UnitActions request={request} unit="department" departments={[]} now={now} />
            </RequestCard>
          ))
        )
      ) : summoned.length === 0 ? (
        <Empty description={t('requests.department.noneSummoned')} />
      ) : (
        summoned.map(({ node, mine }) => {
          const name = t('requests.card.title', { category: node.category.name, community: node.community.name });
          return (
            <RequestCard key={node.id} request={node} now={now} onOpen={onOpen}>
              {mine!.reportedAt ? (
                // Announced: it replaces the report form once the list has read the report back.
                <Typography.Text role="status">{t(mine!.reportedLate ? 'requests.detail.reportedLate' : 'requests.detail.reported', { time: formatShanghaiTime(mine!.reportedAt, i18n.language) })}</Typography.Text>
              ) : (
                <>
                  <Deadline kind="report" deadline={mine!.reportDeadline} now={now} />
                  <ReportForm requestId={node.id} name={name} />
                </>
              )}
            </RequestCard>
          );
        })
      )}
    </Flex>
  );
}

import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { byCareUrgency, careState, type CareState } from './care.js';
import { VisitButton } from './HouseholdActions.js';
import type { Visits } from './visits.js';

const GridWorkCareQuery = graphql(`
  query GridWorkCare($gridId: ID!) {
    grid(id: $gridId) {
      id
      careHouseholds {
        household {
          id
          room
          headOfHousehold
          building {
            id
            name
          }
        }
        kind
        visitEveryDays
        lastVisitAt
        nextVisitDue
        overdue
      }
    }
  }
`);

/** A visit sent or a flag made answers a Visit or a CareFlag: the list re-runs on either. */
const REFRESHED_BY_VISITS = { additionalTypenames: ['CareFlag', 'Visit'] };
// Solid tags with white text, dark enough for 4.5:1 contrast.
const STATE_COLOR: Record<CareState, string | undefined> = { overdue: '#a8071a', dueToday: '#ad4e00', later: undefined };

/**
 * The grid's households in care (its own and those of the grids under it), overdue first, then due today, then by due
 * time; each with its kind, last visit and "record visit"; a visit waiting in the queue says so.
 */
export function CareList({ gridId, visits }: { gridId: string; visits: Visits }) {
  const { t, i18n } = useTranslation();
  const [result, refetch] = useQuery({ query: GridWorkCareQuery, variables: { gridId }, context: REFRESHED_BY_VISITS });
  const flags = result.data?.grid?.careHouseholds;
  const now = new Date();
  const ordered = useMemo(() => byCareUrgency(flags ?? []), [flags]);
  const count = (state: CareState) => ordered.filter((flag) => careState(flag, now) === state).length;
  const time = (at: string) => formatShanghaiTime(at, i18n.language);
  return (
    <section aria-labelledby="grid-care" style={{ marginBottom: 16 }}>
      <Typography.Title level={3} id="grid-care" style={{ fontSize: 18 }}>
        {t('grid.worker.care.heading')}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!flags ? (
        result.fetching ? <PageLoading /> : null
      ) : flags.length === 0 ? (
        <Empty description={t('grid.worker.care.none')} />
      ) : (
        <>
          <Typography.Paragraph aria-live="polite">{t('grid.worker.care.summary', { count: flags.length, overdue: count('overdue'), today: count('dueToday') })}</Typography.Paragraph>
          <List
            dataSource={ordered}
            rowKey={(flag) => flag.household.id}
            renderItem={(flag) => {
              const state = careState(flag, now);
              const door = t('grid.worker.households.door', { building: flag.household.building.name, room: flag.household.room });
              const name = t('grid.worker.households.name', { door, name: flag.household.headOfHousehold ?? '' }).trim();
              const waiting = visits.waiting.has(flag.household.id);
              return (
                <List.Item style={{ display: 'block' }}>
                  <Card size="small" role="group" aria-label={name} style={state === 'overdue' ? { borderColor: STATE_COLOR.overdue, borderWidth: 2 } : undefined}>
                    <Space wrap size={4} style={{ marginBottom: 4 }}>
                      <strong>{name}</strong>
                      <Tag>{t(`grid.careKinds.${flag.kind}`)}</Tag>
                      {state !== 'later' ? <Tag color={STATE_COLOR[state]}>{t(`grid.worker.care.${state}`)}</Tag> : null}
                      {waiting ? <Tag color="#595959">{t('grid.worker.care.waiting')}</Tag> : null}
                    </Space>
                    <div>{state === 'later' ? t('grid.worker.care.next', { time: time(flag.nextVisitDue) }) : t('grid.worker.care.due', { time: time(flag.nextVisitDue) })}</div>
                    <div>{flag.lastVisitAt ? t('grid.worker.care.last', { time: time(flag.lastVisitAt) }) : t('grid.worker.care.never')}</div>
                    <div style={{ marginBottom: 8 }}>{t('grid.worker.care.every', { days: flag.visitEveryDays })}</div>
                    <VisitButton household={{ id: flag.household.id, door }} visits={visits} />
                  </Card>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </section>
  );
}

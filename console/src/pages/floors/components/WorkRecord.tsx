import { Card, Statistic, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';

const FloorsRecordQuery = graphql(`
  query FloorsRecord($id: ID!) {
    partyMember(id: $id) {
      id
      record {
        ordersCollected
        deliveriesMade
      }
      assignments {
        id
        floorFrom
        floorTo
        building {
          id
          name
          compound {
            id
            name
          }
        }
      }
    }
  }
`);

/** Fresh each time the section opens: the record changes with every batch and delivery. */
const RECORD_CONTEXT = { requestPolicy: 'cache-and-network' as const, additionalTypenames: ['Order'] };

/** One figure of the record, a group named by its label. */
function Figure({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card role="group" aria-labelledby={id} size="small">
      <Statistic title={<span id={id}>{label}</span>} valueRender={() => children} styles={{ content: { fontSize: 28 } }} />
    </Card>
  );
}

/** The party member's true record (orders collected, deliveries made, counted from the orders) and its floors. */
export function WorkRecord({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: FloorsRecordQuery, variables: { id: memberId }, pause: !memberId, context: RECORD_CONTEXT });
  const member = result.data?.partyMember;
  if (!member) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('floors.record.heading')}
      </Typography.Title>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12, marginBottom: 12 }}>
        <Figure label={t('floors.record.ordersCollected')}>
          {member.record.ordersCollected} {t('floors.record.unit')}
        </Figure>
        <Figure label={t('floors.record.deliveriesMade')}>
          {member.record.deliveriesMade} {t('floors.record.unit')}
        </Figure>
      </div>
      <Typography.Paragraph type="secondary">{t('floors.record.note')}</Typography.Paragraph>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        {t('floors.record.floors')}
      </Typography.Title>
      <ul>
        {member.assignments.map((assignment) => (
          <li key={assignment.id}>
            {t('floors.assignment', { building: [assignment.building.compound.name, assignment.building.name].join(' '), from: assignment.floorFrom, to: assignment.floorTo })}
          </li>
        ))}
      </ul>
    </>
  );
}

import { Card, Statistic, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { shanghaiToday } from '../../../lib/dates.js';

const FloorsRecordQuery = graphql(`
  query FloorsRecord($id: ID!, $from: String!, $to: String!) {
    partyMember(id: $id) {
      id
      record {
        ordersCollected
        deliveriesMade
        visitsRecorded
        emergencyShifts
      }
      monthlyRecord(from: $from, to: $to) {
        month
        ordersCollected
        deliveriesMade
        visitsRecorded
        emergencyShifts
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

/** How many months the month-by-month record shows, the current one last. */
const RECORD_MONTHS = 6;

/** The month `months` after (or before) a month, YYYY-MM. */
function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Fresh each time the section opens: the record changes with every batch, delivery, visit and shift. */
const RECORD_CONTEXT = { requestPolicy: 'cache-and-network' as const, additionalTypenames: ['Order', 'Visit', 'EmergencyShift'] };

/** One figure of the record, a group named by its label. */
function Figure({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card role="group" aria-labelledby={id} size="small">
      <Statistic title={<span id={id}>{label}</span>} valueRender={() => children} styles={{ content: { fontSize: 28 } }} />
    </Card>
  );
}

/** The party member's true record (orders collected, deliveries made, visits recorded, emergency shifts), all time and for the last 6 months, and its floors. */
export function WorkRecord({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const to = shanghaiToday().slice(0, 7);
  const variables = { id: memberId, from: addMonths(to, 1 - RECORD_MONTHS), to };
  const [result, refetch] = useQuery({ query: FloorsRecordQuery, variables, pause: !memberId, context: RECORD_CONTEXT });
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
        <Figure label={t('floors.record.visitsRecorded')}>
          {member.record.visitsRecorded} {t('floors.record.visitUnit')}
        </Figure>
        <Figure label={t('floors.record.emergencyShifts')}>
          {member.record.emergencyShifts} {t('floors.record.shiftUnit')}
        </Figure>
      </div>
      <Typography.Title level={4} style={{ fontSize: 15 }}>
        {t('floors.record.byMonth')}
      </Typography.Title>
      <ul aria-label={t('floors.record.byMonth')} style={{ paddingInlineStart: 20 }}>
        {[...member.monthlyRecord].reverse().map((month) => (
          <li key={month.month} style={{ minHeight: 32 }}>
            {t('floors.record.month', { month: month.month, orders: month.ordersCollected, deliveries: month.deliveriesMade, visits: month.visitsRecorded, shifts: month.emergencyShifts })}
          </li>
        ))}
      </ul>
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

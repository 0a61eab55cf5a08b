import { Tabs, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { z } from 'zod';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OfflineBanner } from '../../components/OfflineBanner.js';
import { OutboxPanel } from '../../components/OutboxPanel.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { PAGES } from '../../lib/access.js';
import { useOutbox } from '../../lib/outbox.js';
import { useSession } from '../../lib/session.js';
import { Deliveries } from './components/Deliveries.js';
import { OrderChecklist } from './components/OrderChecklist.js';
import { WorkRecord } from './components/WorkRecord.js';

const FloorsPageQuery = graphql(`
  query FloorsPage($id: ID!) {
    partyMember(id: $id) {
      id
      name
      community {
        id
        name
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

const SECTIONS = ['orders', 'deliveries', 'record'] as const;
type Section = (typeof SECTIONS)[number];
const sectionParam = z.enum(SECTIONS);

/** A party member's page (PARTY_MEMBER): tonight's orders floor by floor, the deliveries, its record; /floors/<section>. */
export default function FloorsPage() {
  return (
    <Routes>
      <Route index element={<Navigate to="orders" replace />} />
      <Route path=":section" element={<FloorsSections />} />
      <Route path="*" element={<Navigate to="orders" replace />} />
    </Routes>
  );
}

/** The page's frame: who and which floors, the offline banner and the send queue, and a tab per section. */
function FloorsSections() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const parsed = sectionParam.safeParse(useParams().section);
  const session = useSession();
  const memberId = session?.scope ?? '';
  const [result, refetch] = useQuery({ query: FloorsPageQuery, variables: { id: memberId }, pause: !memberId });
  const { outbox, entries } = useOutbox();
  const assignments = result.data?.partyMember?.assignments;
  /** Each covered building's compound, by building id. */
  const compoundOf = useMemo(() => new Map((assignments ?? []).map((a) => [a.building.id, a.building.compound.name])), [assignments]);
  /** The batch of orders sent from this page view, to show what became of it. */
  const [lastBatch, setLastBatch] = useState<string | null>(null);
  if (!parsed.success) return <Navigate to={`${PAGES.floors.path}/orders`} replace />;
  const section: Section = parsed.data;
  const member = result.data?.partyMember;
  const floors = (member?.assignments ?? [])
    .map((a) => t('floors.assignment', { building: [a.building.compound.name, a.building.name].join(' '), from: a.floorFrom, to: a.floorTo }))
    .join(t('common.listSeparator'));
  const panes: Record<Section, ReactNode> = {
    orders: <OrderChecklist memberId={memberId} outbox={outbox} entries={entries} lastBatch={lastBatch} onBatch={setLastBatch} />,
    deliveries: <Deliveries memberId={memberId} outbox={outbox} entries={entries} compoundOf={compoundOf} />,
    record: <WorkRecord memberId={memberId} />,
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22, marginBottom: 4 }}>
        {t('floors.title')}
      </Typography.Title>
      {member ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('floors.who', { name: member.name ?? '', community: member.community?.name ?? '' })}
          {floors ? <><br />{t('floors.covers', { floors })}</> : null}
        </Typography.Paragraph>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <OfflineBanner entries={entries} />
      <OutboxPanel outbox={outbox} entries={entries} />
      <Tabs
        activeKey={section}
        onChange={(key) => void navigate(`${PAGES.floors.path}/${sectionParam.parse(key)}`)}
        aria-label={t('floors.sectionsLabel')}
        items={SECTIONS.map((key) => ({ key, label: t(`floors.tabs.${key}`), children: key === section ? panes[key] : null }))}
      />
    </>
  );
}

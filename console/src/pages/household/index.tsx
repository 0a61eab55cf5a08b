import { Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session.js';
import { Council } from './components/Council.js';
import { GroupBuys } from './components/GroupBuys.js';
import { Orders } from './components/Orders.js';
import { Packages } from './components/Packages.js';
import { Requests } from './components/Requests.js';
import { HouseholdSharing } from '../../components/sharing/HouseholdSharing.js';

const HouseholdPageQuery = graphql(`
  query HouseholdPage($householdId: ID!) {
    household(id: $householdId) {
      id
      floor
      room
      building {
        id
        name
        compound {
          id
          name
          community {
            id
            name
          }
        }
      }
    }
  }
`);

const SECTIONS = ['packages', 'orders', 'group-buys', 'requests', 'council', 'sharing'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_LABELS = { packages: 'household.sections.packages', orders: 'household.sections.orders', 'group-buys': 'household.sections.groupBuys', requests: 'household.sections.requests', council: 'council.resident.section', sharing: 'sharing.section' } as const;

/** A resident's page (RESIDENT): tomorrow's packages and ordering, its orders on their way to the door, ratings, its compound's group buys, its requests (诉求). */
export default function HouseholdPage() {
  const { t } = useTranslation();
  const session = useSession();
  const householdId = session?.scope ?? '';
  const location = useLocation();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: HouseholdPageQuery, variables: { householdId }, pause: !householdId });
  const household = result.data?.household;
  const section: Section = SECTIONS.find((name) => location.pathname.startsWith(`/household/${name}`)) ?? 'packages';
  const compound = household?.building.compound;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}>
      <div>
        <Typography.Title level={2} style={{ fontSize: 22, marginBottom: 4 }}>
          {t('household.title')}
        </Typography.Title>
        {household && compound ? (
          <Typography.Text type="secondary">
            {t('household.place', { community: compound.community?.name ?? '', compound: compound.name, building: household.building.name, room: household.room })}
          </Typography.Text>
        ) : null}
      </div>
      <nav aria-label={t('household.sections.label')} style={{ overflowX: 'auto' }}>
        {/* Five sections and more on a 375 px phone: each label whole, the row scrolling sideways when it is wider than the phone. */}
        <Segmented<Section>
          size="middle"
          value={section}
          onChange={(next) => void navigate(`/household/${next}`)}
          options={SECTIONS.map((name) => ({ value: name, label: t(SECTION_LABELS[name]) }))}
        />
      </nav>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {household && compound ? (
        <Routes>
          <Route index element={<Navigate to="packages" replace />} />
          <Route path="packages" element={<Packages householdId={household.id} communityId={compound.community?.id ?? null} />} />
          <Route path="orders" element={<Orders householdId={household.id} />} />
          <Route path="group-buys" element={<GroupBuys householdId={household.id} compoundId={compound.id} compoundName={compound.name} />} />
          <Route path="requests" element={<Requests householdId={household.id} communityId={compound.community?.id ?? null} />} />
          <Route path="council" element={<Council householdId={household.id} communityId={compound.community?.id ?? null} />} />
          <Route path="sharing" element={<HouseholdSharing householdId={household.id} />} />
          <Route path="*" element={<Navigate to="packages" replace />} />
        </Routes>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Space>
  );
}

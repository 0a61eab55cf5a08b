import { Grid, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { z } from 'zod';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { PAGES } from '../../lib/access.js';
import { useSession } from '../../lib/session.js';
import { SECTIONS, type CommunityInfo, type Section } from './components/community.js';
import { Feedback } from './components/Feedback.js';
import { GridTree } from './components/GridTree.js';
import { Orders } from './components/Orders.js';
import { OwnerCommittees } from './components/OwnerCommittees.js';
import { Packages } from './components/Packages.js';
import { PartyMembers } from './components/PartyMembers.js';
import { Sharing } from './components/Sharing.js';

const CommunityPageQuery = graphql(`
  query CommunityPage($communityId: ID!) {
    community(id: $communityId) {
      id
      name
      compounds {
        id
        name
        buildings {
          id
          name
          floors
        }
      }
    }
  }
`);

const sectionParam = z.enum(SECTIONS);

/**
 * The residents' committee's page (COMMUNITY_STAFF), laid out for a phone first: tomorrow's packages and publishing
 * them, orders by compound and moving them on, party members and their floors, residents' feedback, owners'
 * committees, the micro-grid; each section a sub-route (/community/orders, …; /community is the packages) under one switcher.
 */
export default function CommunityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const communityId = session?.scope ?? '';
  const [result, refetch] = useQuery({ query: CommunityPageQuery, variables: { communityId }, pause: !communityId });
  const community = result.data?.community;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {community ? t('community.titleOf', { name: community.name }) : t('community.title')}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {community ? (
        <Routes>
          <Route index element={<Sections community={community} />} />
          <Route path=":section" element={<Sections community={community} />} />
          <Route path="*" element={<Navigate to={PAGES.community.path} replace />} />
        </Routes>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </>
  );
}

/**
 * The switcher over the sections (on a 375 px phone five fit across in Chinese and English at the middle size with 8 px
 * between them, whatever the sans-serif font: at the large size they overflowed by a few pixels in DejaVu Sans; so
 * there the shared community and the grid open from the menu rather than fold into antd's "more" button, which axe
 * refuses inside the tab list) and the section the route names.
 */
function Sections({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().sm === true;
  // /community itself shows the first section (no redirect: the address a person opened stays).
  const parsed = sectionParam.safeParse(useParams().section ?? SECTIONS[0]);
  if (!parsed.success) return <Navigate to={PAGES.community.path} replace />;
  const section: Section = parsed.data;
  const panes: Record<Section, () => React.ReactNode> = {
    packages: () => <Packages community={community} />,
    orders: () => <Orders community={community} />,
    party: () => <PartyMembers community={community} />,
    feedback: () => <Feedback community={community} />,
    committees: () => <OwnerCommittees community={community} />,
    sharing: () => <Sharing community={community} />,
    grid: () => <GridTree community={community} />,
  };
  // Five tabs fill a phone: there the shared community and the grid are opened from the menu (their own entries) and shown beneath the tabs.
  const tabbed: readonly Section[] = wide ? SECTIONS : SECTIONS.filter((key) => key !== 'grid' && key !== 'sharing');
  const outside = !tabbed.includes(section);
  return (
    <>
      <Tabs
        activeKey={section}
        onChange={(key) => void navigate(`${PAGES.community.path}/${sectionParam.parse(key)}`)}
        destroyOnHidden
        size={wide ? 'large' : 'middle'}
        tabBarGutter={wide ? 12 : 8}
        aria-label={t('community.sections.label')}
        items={tabbed.map((key) => ({ key, label: t(`community.sections.${key}`), children: key === section ? panes[key]() : null }))}
      />
      {outside ? panes[section]() : null}
    </>
  );
}

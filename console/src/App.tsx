import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { RequireAuth, RequirePage } from './components/RequireAuth.js';
import { homeOf } from './lib/access.js';
import { useSession } from './lib/session.js';

const SignInPage = lazy(() => import('./pages/sign-in/index.js'));
const HomePage = lazy(() => import('./pages/home/index.js'));
const DashboardPage = lazy(() => import('./pages/dashboard/index.js'));
const PoliciesPage = lazy(() => import('./pages/policies/index.js'));
const IdePage = lazy(() => import('./pages/ide/index.js'));
const ExportsPage = lazy(() => import('./pages/exports/index.js'));
const CommunityPage = lazy(() => import('./pages/community/index.js'));
const CouncilPage = lazy(() => import('./pages/council/index.js'));
const GridWorkPage = lazy(() => import('./pages/grid/index.js'));
const FloorsPage = lazy(() => import('./pages/floors/index.js'));
const HouseholdPage = lazy(() => import('./pages/household/index.js'));
const GroupBuysPage = lazy(() => import('./pages/group-buys/index.js'));
const RequestsPage = lazy(() => import('./pages/requests/index.js'));
const RankingPage = lazy(() => import('./pages/ranking/index.js'));
const NotFoundPage = lazy(() => import('./pages/not-found/index.js'));

/** Sends / to the signed-in role's first page. */
function Home() {
  const session = useSession();
  return <Navigate to={session ? homeOf(session.role) : '/sign-in'} replace />;
}

/** The console's routes: each page is its own chunk, behind one sign-in check, and each names the roles that may open it (lib/access.ts). */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        element={
          <RequireAuth>{(session) => <AppLayout session={session} />}</RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route path="/home" element={<HomePage />} />
        <Route path="/dashboard/:regionId?" element={<RequirePage page="dashboard"><DashboardPage /></RequirePage>} />
        <Route path="/policies" element={<RequirePage page="policies"><PoliciesPage /></RequirePage>} />
        <Route path="/exports" element={<RequirePage page="exports"><ExportsPage /></RequirePage>} />
        <Route path="/community/*" element={<RequirePage page="community"><CommunityPage /></RequirePage>} />
        <Route path="/council/*" element={<RequirePage page="council"><CouncilPage /></RequirePage>} />
        <Route path="/grid/*" element={<RequirePage page="gridWork"><GridWorkPage /></RequirePage>} />
        <Route path="/floors/*" element={<RequirePage page="floors"><FloorsPage /></RequirePage>} />
        <Route path="/household/*" element={<RequirePage page="household"><HouseholdPage /></RequirePage>} />
        <Route path="/group-buys/*" element={<RequirePage page="groupBuys"><GroupBuysPage /></RequirePage>} />
        <Route path="/requests/ranking" element={<RequirePage page="ranking"><RankingPage /></RequirePage>} />
        <Route path="/requests" element={<RequirePage page="requests"><RequestsPage /></RequirePage>} />
        <Route path="/ide" element={<RequirePage page="ide"><IdePage /></RequirePage>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

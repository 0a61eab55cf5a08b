import { Alert, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../../lib/session.js';
import { GroupBuyDetail } from './components/GroupBuyDetail.js';
import { GroupBuyList } from './components/GroupBuyList.js';
import { RegisterForm } from './components/RegisterForm.js';
import './print.css';

const GroupBuysPageQuery = graphql(`
  query GroupBuysPage($compoundId: ID!) {
    compound(id: $compoundId) {
      id
      name
      ownerCommittee {
        id
        name
      }
    }
  }
`);

const SECTIONS = ['list', 'new'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_LABELS = { list: 'groupBuys.sections.list', new: 'groupBuys.sections.register' } as const;

/** An owners' committee's page (OWNER_COMMITTEE): its compound's group buys, registering one, joins and stock, closing and advancing, the pickup list. */
export default function GroupBuysPage() {
  const { t } = useTranslation();
  const session = useSession();
  const compoundId = session?.scope ?? '';
  const location = useLocation();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: GroupBuysPageQuery, variables: { compoundId }, pause: !compoundId });
  const compound = result.data?.compound;
  const section: Section = location.pathname.startsWith('/group-buys/new') ? 'new' : 'list';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 860, margin: '0 auto', display: 'flex' }}>
      <div className="cgov-no-print">
        <Typography.Title level={2} style={{ fontSize: 22, marginBottom: 4 }}>
          {compound ? t('groupBuys.titleOf', { compound: compound.name }) : t('groupBuys.title')}
        </Typography.Title>
        {compound?.ownerCommittee ? <Typography.Text type="secondary">{compound.ownerCommittee.name}</Typography.Text> : null}
      </div>
      <nav aria-label={t('groupBuys.sections.label')} className="cgov-no-print">
        <Segmented<Section>
          block
          size="large"
          value={section}
          onChange={(next) => void navigate(next === 'new' ? '/group-buys/new' : '/group-buys')}
          options={SECTIONS.map((name) => ({ value: name, label: t(SECTION_LABELS[name]) }))}
        />
      </nav>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {compound ? (
        <>
          {compound.ownerCommittee ? null : <Alert type="warning" showIcon title={t('groupBuys.noCommittee')} />}
          <Routes>
            <Route index element={<GroupBuyList compoundId={compound.id} />} />
            <Route path="new" element={<RegisterForm compoundId={compound.id} />} />
            <Route path=":groupBuyId" element={<GroupBuyDetail compoundName={compound.name} />} />
            <Route path="*" element={<Navigate to="/group-buys" replace />} />
          </Routes>
        </>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Space>
  );
}

import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import type { CouncilPageQuery as CouncilPageData } from '../../gql/graphql.js';
import { PAGES } from '../../lib/access.js';
import { formatShanghaiTime } from '../../lib/dates.js';
import { useSession } from '../../lib/session.js';
import { RoundDetail } from './components/RoundDetail.js';
import { ROUND_STATUS_COLORS, ROUNDS_CHANGE } from './components/labels.js';

const CouncilPageQuery = graphql(`
  query CouncilPage($communityId: ID!) {
    community(id: $communityId) {
      id
      name
      residentsCouncil {
        id
        members {
          id
          name
          role
        }
      }
      projectRounds {
        id
        title
        status
        budget
        proposalsUntil
        supportsUntil
      }
    }
  }
`);

type Community = NonNullable<CouncilPageData['community']>;
export type CouncilMembers = NonNullable<Community['residentsCouncil']>['members'];

/** The community's rounds, latest opened first, each with its phase, budget and windows, and a link to its page. */
function Rounds({ community }: { community: Community }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const rounds = community.projectRounds ?? [];
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('council.rounds.heading')}</Typography.Title>}>
      {rounds.length === 0 ? (
        <Empty description={t('council.rounds.none')} />
      ) : (
        <List
          dataSource={rounds}
          renderItem={(round) => (
            <List.Item
              actions={[
                <Button key="open" size="large" aria-label={t('council.rounds.openNamed', { title: round.title })} onClick={() => void navigate(`${PAGES.council.path}/${round.id}`)}>
                  {t('council.rounds.open')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Flex wrap gap={8} align="center">
                    <span>{round.title}</span>
                    <Tag color={ROUND_STATUS_COLORS[round.status]}>{t(`council.enums.ProjectRoundStatus.${round.status}`)}</Tag>
                  </Flex>
                }
                description={
                  <>
                    {t('council.round.budget')} ¥{round.budget} ·{' '}
                    {t('council.rounds.windows', { proposals: formatShanghaiTime(round.proposalsUntil, i18n.language), supports: formatShanghaiTime(round.supportsUntil, i18n.language) })}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One round's page under the list, found by the id in the URL. */
function RoundRoute({ members }: { members: CouncilMembers }) {
  const { roundId } = useParams();
  return roundId ? <RoundDetail roundId={roundId} members={members} /> : <Navigate to={PAGES.council.path} replace />;
}

/**
 * The residents' council's page (COMMUNITY_STAFF), for a desk and a phone alike: the council's members, its rounds of
 * small livelihood projects (民生微实事); a round's proposals with their supports, the council's resolution entered by
 * the staff while the round is RESOLVING (quorum and the pass rule checked as they type), and once it is publicised the
 * funded projects in funding order, what did not fit, and the budget's figures and the projects' progress.
 */
export default function CouncilPage() {
  const { t } = useTranslation();
  const session = useSession();
  const communityId = session?.scope ?? '';
  const [result, refetch] = useQuery({ query: CouncilPageQuery, variables: { communityId }, pause: !communityId, context: ROUNDS_CHANGE });
  const community = result.data?.community;
  const members = community?.residentsCouncil?.members ?? [];
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <div>
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0, marginBottom: 4 }}>
          {community ? t('council.titleOf', { name: community.name }) : t('council.title')}
        </Typography.Title>
        {community ? (
          <Typography.Text type="secondary">
            {community.residentsCouncil
              ? t('council.membersLine', {
                  count: members.length,
                  names: members.map((member) => t('council.withRole', { name: member.name, role: t(`council.enums.CouncilRole.${member.role}`) })).join(t('council.memberSeparator')),
                })
              : t('council.noCouncil')}
          </Typography.Text>
        ) : null}
      </div>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {community ? (
        <Routes>
          <Route index element={<Rounds community={community} />} />
          <Route path=":roundId" element={<RoundRoute members={members} />} />
        </Routes>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Flex>
  );
}

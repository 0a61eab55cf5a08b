import { Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import type { CouncilRoundQuery } from '../../../gql/graphql.js';
import { PAGES } from '../../../lib/access.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import type { CouncilMembers } from '../index.js';
import { FundingResult } from './FundingResult.js';
import { PROJECT_STATUS_COLORS, ROUND_STATUS_COLORS, ROUNDS_CHANGE } from './labels.js';
import { ResolutionForm } from './ResolutionForm.js';
import { groupedMoney } from './rules.js';

const CouncilRoundQuery = graphql(`
  query CouncilRound($id: ID!) {
    projectRound(id: $id) {
      id
      title
      status
      budget
      allocated
      spent
      remaining
      proposalsUntil
      supportsUntil
      resolution {
        membersPresent
        members
        recordedAt
      }
      projects {
        id
        title
        kind
        description
        status
        estimatedCost
        supports
        votesFor
        votesAgainst
        votesAbstain
        recusals
        funded
        percentDone
        spent
        proposedAt
        progress {
          percentDone
          note
          spent
          reportedAt
        }
      }
    }
  }
`);

export type CouncilRound = NonNullable<CouncilRoundQuery['projectRound']>;
export type CouncilProject = CouncilRound['projects'][number];

/** The round's projects as proposed: kind, estimate, households supporting, and after the resolution its votes and status. */
function Proposals({ round }: { round: CouncilRound }) {
  const { t } = useTranslation();
  const resolved = round.resolution !== null;
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('council.proposals.heading', { count: round.projects.length })}</Typography.Title>}>
      {round.projects.length === 0 ? (
        <Empty description={t('council.proposals.none')} />
      ) : (
        <Table<CouncilProject>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={round.projects}
          columns={[
            {
              title: t('council.proposals.title'),
              dataIndex: 'title',
              render: (_, project) => (
                <Flex vertical>
                  <Typography.Text strong>{project.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {project.description}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('council.proposals.kind'), dataIndex: 'kind', render: (_, project) => t(`council.enums.MicroProjectKind.${project.kind}`) },
            { title: t('council.proposals.estimate'), dataIndex: 'estimatedCost', align: 'right', render: (_, project) => `¥${groupedMoney(project.estimatedCost)}` },
            { title: t('council.proposals.supports'), dataIndex: 'supports', align: 'right' },
            ...(resolved
              ? [
                  {
                    title: t('council.proposals.votes'),
                    key: 'votes',
                    render: (_: unknown, project: CouncilProject) => (
                      <>
                        {t('council.proposals.votesValue', { for: project.votesFor, against: project.votesAgainst, abstain: project.votesAbstain })}
                        {project.recusals ? <Typography.Text type="secondary"> · {t('council.proposals.recusals', { count: project.recusals })}</Typography.Text> : null}
                      </>
                    ),
                  },
                ]
              : []),
            {
              title: t('council.proposals.status'),
              dataIndex: 'status',
              render: (_, project) => <Tag color={PROJECT_STATUS_COLORS[project.status]}>{t(`council.enums.MicroProjectStatus.${project.status}`)}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * One round's page: its phase, budget and windows, its proposals with their supports; while RESOLVING the council's
 * resolution entered by the staff; once publicised the funded projects in funding order and what did not fit.
 */
export function RoundDetail({ roundId, members }: { roundId: string; members: CouncilMembers }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: CouncilRoundQuery, variables: { id: roundId }, context: ROUNDS_CHANGE });
  const round = result.data?.projectRound;
  const back = (
    <Button onClick={() => void navigate(PAGES.council.path)} style={{ alignSelf: 'flex-start' }}>
      {t('council.rounds.back')}
    </Button>
  );
  if (!result.data) {
    return (
      <Flex vertical gap={12}>
        {back}
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        {result.fetching ? <PageLoading /> : null}
      </Flex>
    );
  }
  if (!round) {
    return (
      <Flex vertical gap={12}>
        {back}
        <Empty description={t('council.round.notFound')} />
      </Flex>
    );
  }
  const resolved = round.status === 'PUBLICISED' || round.status === 'CLOSED';
  return (
    <Flex vertical gap={16}>
      {back}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <section aria-label={round.title}>
        <Card size="small">
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
              {round.title}
            </Typography.Title>
            <Tag color={ROUND_STATUS_COLORS[round.status]}>{t(`council.enums.ProjectRoundStatus.${round.status}`)}</Tag>
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 3 }}
            items={[
              { key: 'budget', label: t('council.round.budget'), children: `¥${groupedMoney(round.budget)}` },
              { key: 'allocated', label: t('council.round.allocated'), children: `¥${groupedMoney(round.allocated)}` },
              { key: 'spent', label: t('council.round.spent'), children: `¥${groupedMoney(round.spent)}` },
              { key: 'remaining', label: t('council.round.remaining'), children: `¥${groupedMoney(round.remaining)}` },
              { key: 'proposals', label: t('council.round.proposalsUntil'), children: formatShanghaiTime(round.proposalsUntil, i18n.language) },
              { key: 'supports', label: t('council.round.supportsUntil'), children: formatShanghaiTime(round.supportsUntil, i18n.language) },
            ]}
          />
        </Card>
      </section>
      {resolved ? <FundingResult round={round} /> : null}
      {round.status === 'RESOLVING' ? <ResolutionForm round={round} members={members} /> : null}
      <Proposals round={round} />
    </Flex>
  );
}

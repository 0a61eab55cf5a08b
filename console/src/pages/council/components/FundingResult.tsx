import { Card, Flex, List, Progress, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghaiTime } from '../../../lib/dates.js';
import type { CouncilProject, CouncilRound } from './RoundDetail.js';
import { PROJECT_STATUS_COLORS } from './labels.js';
import { byFundingOrder, groupedMoney } from './rules.js';

/** A list of projects under its own heading: the funded ones with their rank and progress, or those that did not fit. */
function ProjectList({ heading, projects, ranked }: { heading: string; projects: readonly CouncilProject[]; ranked?: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  if (projects.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={4} id={headingId} style={{ fontSize: 15 }}>
        {heading}
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={[...projects]}
        renderItem={(project, index) => {
          const last = project.progress.at(-1);
          return (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex wrap gap={8} align="center">
                  {ranked ? <Tag>{t('council.results.rank', { rank: index + 1 })}</Tag> : null}
                  <Typography.Text strong>{project.title}</Typography.Text>
                  <Tag color={PROJECT_STATUS_COLORS[project.status]}>{t(`council.enums.MicroProjectStatus.${project.status}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {t('council.results.fundedLine', { title: t(`council.enums.MicroProjectKind.${project.kind}`), cost: groupedMoney(project.estimatedCost), for: project.votesFor, supports: project.supports })}
                </Typography.Text>
                {ranked ? (
                  <Flex vertical gap={2}>
                    <Progress percent={project.percentDone} size="small" aria-label={t('council.results.progressOf', { title: project.title })} />
                    <Typography.Text type="secondary">
                      {t('council.results.spentOf', { spent: groupedMoney(project.spent), cost: groupedMoney(project.estimatedCost) })}
                      {' · '}
                      {last ? t('council.results.lastReport', { note: last.note, at: formatShanghaiTime(last.reportedAt, i18n.language) }) : t('council.results.noReport')}
                    </Typography.Text>
                  </Flex>
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
    </section>
  );
}

/**
 * What the council's resolution decided: the funded projects in the contract's funding order (votes for, supports,
 * earliest proposed) with their progress and acceptance, those that passed but did not fit in the budget, and those
 * that did not pass.
 */
export function FundingResult({ round }: { round: CouncilRound }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const funded = byFundingOrder(round.projects.filter((project) => project.funded));
  const notFunded = byFundingOrder(round.projects.filter((project) => project.status === 'NOT_FUNDED'));
  const rejected = byFundingOrder(round.projects.filter((project) => project.status === 'REJECTED'));
  return (
    <section aria-labelledby={headingId}>
      <Card size="small" title={<Typography.Title level={3} id={headingId} style={{ fontSize: 16, margin: 0 }}>{t('council.results.heading')}</Typography.Title>}>
        <Flex vertical gap={12}>
          {round.resolution ? (
            <Typography.Text>
              {t('council.results.recorded', { at: formatShanghaiTime(round.resolution.recordedAt, i18n.language), present: round.resolution.membersPresent, members: round.resolution.members })}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">{t('council.results.fundingOrder')}</Typography.Text>
          {funded.length === 0 ? <Typography.Text>{t('council.results.fundedNone')}</Typography.Text> : null}
          <ProjectList heading={t('council.results.funded')} projects={funded} ranked />
          <ProjectList heading={t('council.results.notFunded')} projects={notFunded} />
          <ProjectList heading={t('council.results.rejected')} projects={rejected} />
        </Flex>
      </Card>
    </section>
  );
}

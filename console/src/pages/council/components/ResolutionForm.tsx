import { Alert, Button, Card, Checkbox, Flex, InputNumber, Select, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { refusalOf, RefusalNotice, type Refusal } from '../../../components/Refusal.js';
import { graphql } from '../../../gql/index.js';
import type { CouncilMembers } from '../index.js';
import type { CouncilProject, CouncilRound } from './RoundDetail.js';
import { checkVote, groupedMoney, passMarkOf, quorumOf, type TypedVote, type VoteCheck } from './rules.js';

const CouncilRecordResolutionMutation = graphql(`
  mutation CouncilRecordResolution($input: RecordCouncilResolutionInput!) {
    recordCouncilResolution(input: $input) {
      id
      status
      allocated
      spent
      remaining
      projects {
        id
        status
        funded
        votesFor
        votesAgainst
        votesAbstain
        recusals
      }
    }
  }
`);

const NO_VOTE: TypedVote = { for: 0, against: 0, abstain: 0, recused: [] };
const COUNTS = ['for', 'against', 'abstain'] as const;

/** One project's votes: for, against, abstain and the recused, with what the rules say of them beside. */
function ProjectVote({
  project,
  vote,
  check,
  presentMembers,
  members,
  presentCount,
  onChange,
}: {
  project: CouncilProject;
  vote: TypedVote;
  check: VoteCheck;
  presentMembers: CouncilMembers;
  members: number;
  presentCount: number;
  onChange: (vote: TypedVote) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const labels = { for: 'council.resolution.voteFor', against: 'council.resolution.voteAgainst', abstain: 'council.resolution.voteAbstain' } as const;
  const words = { for: vote.for, members, passMark: check.passMark, present: presentCount };
  const verdict = check.passes ? t('council.resolution.passes', words) : check.mostOfPresentOnly ? t('council.resolution.failsMostOfPresent', words) : t('council.resolution.fails', words);
  return (
    <section aria-labelledby={titleId}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text strong id={titleId}>
            {project.title} · ¥{groupedMoney(project.estimatedCost)} · {t('council.resident.project.supports', { count: project.supports })}
          </Typography.Text>
          <Flex wrap gap={12}>
            {COUNTS.map((count) => (
              <label key={count} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                <span>{t(`council.resolution.${count}`)}</span>
                <InputNumber
                  aria-label={t(labels[count], { title: project.title })}
                  min={0}
                  max={members}
                  precision={0}
                  size="large"
                  style={{ width: 96 }}
                  value={vote[count]}
                  onChange={(value) => onChange({ ...vote, [count]: typeof value === 'number' ? value : 0 })}
                />
              </label>
            ))}
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 200px', minWidth: 0 }}>
              <span>{t('council.resolution.recused')}</span>
              <Select
                aria-label={t('council.resolution.recusedOf', { title: project.title })}
                mode="multiple"
                size="large"
                allowClear
                optionFilterProp="label"
                placeholder={t('council.resolution.recusedPlaceholder')}
                value={[...vote.recused]}
                onChange={(recused: string[]) => onChange({ ...vote, recused })}
                options={presentMembers.map((member) => ({ value: member.id, label: member.name }))}
              />
            </label>
          </Flex>
          <div aria-live="polite">
            <Typography.Text type={check.passes ? 'success' : 'danger'} style={{ display: 'block' }}>
              {verdict}
            </Typography.Text>
            <Typography.Text type={check.fits ? 'secondary' : 'danger'} style={{ display: 'block' }}>
              {check.cast <= check.mayCast ? t('council.resolution.castOk', { cast: check.cast, mayCast: check.mayCast }) : t('council.resolution.castTooMany', { cast: check.cast, mayCast: check.mayCast })}
              {check.recusedAbsent > 0 ? ` ${t('council.resolution.recusedAbsent')}` : ''}
            </Typography.Text>
          </div>
        </Flex>
      </Card>
    </section>
  );
}

/**
 * The council's resolution as the staff enter it from the meeting's record: who was present, and per project the votes
 * for, against and abstaining and who recused themselves. The quorum (two thirds of all members present) and, per
 * project, the pass rule (for > half of ALL members) and the votes' ceiling (present less recused) are said in words as
 * they type; the submit button stays disabled until the quorum is met and every project's votes fit. The platform
 * checks the same rules again.
 */
export function ResolutionForm({ round, members }: { round: CouncilRound; members: CouncilMembers }) {
  const { t } = useTranslation();
  const headingId = useId();
  const presentLabelId = useId();
  const [presentIds, setPresentIds] = useState<string[]>([]);
  const [votes, setVotes] = useState<Record<string, TypedVote>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [result, record] = useMutation(CouncilRecordResolutionMutation);
  const present = new Set(presentIds);
  const quorum = quorumOf(members.length);
  const quorumMet = present.size >= quorum;
  const presentMembers = members.filter((member) => present.has(member.id));
  const checks = round.projects.map((project) => {
    const vote = votes[project.id] ?? NO_VOTE;
    return { project, vote, check: checkVote(vote, present, members.length) };
  });
  const votesFit = checks.every(({ check }) => check.fits);
  const words = { present: present.size, members: members.length, quorum, passMark: passMarkOf(members.length) };

  async function submit() {
    setRefusal(null);
    const answer = await record({
      input: {
        roundId: round.id,
        membersPresent: presentIds,
        votes: checks.map(({ project, vote }) => ({ projectId: project.id, for: vote.for, against: vote.against, abstain: vote.abstain, recused: vote.recused.filter((id) => present.has(id)) })),
      },
    });
    if (answer.error) {
      setRefusal(refusalOf(answer.error, t, { CONFLICT: t('council.resolution.refusedConflict'), BAD_USER_INPUT: t('council.resolution.refusedInput') }));
      return;
    }
    const resolved = answer.data?.recordCouncilResolution;
    if (resolved) setRecorded(t('council.resolution.submitted', { funded: resolved.projects.filter((project) => project.funded).length, allocated: groupedMoney(resolved.allocated) }));
  }

  return (
    <section aria-labelledby={headingId}>
      <Card size="small" title={<Typography.Title level={3} id={headingId} style={{ fontSize: 16, margin: 0 }}>{t('council.resolution.heading')}</Typography.Title>}>
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('council.resolution.intro', words)}</Typography.Paragraph>
          <div role="group" aria-labelledby={presentLabelId}>
            <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong id={presentLabelId}>
                {t('council.resolution.present')}
              </Typography.Text>
              <Checkbox
                checked={present.size === members.length && members.length > 0}
                indeterminate={present.size > 0 && present.size < members.length}
                onChange={(event) => setPresentIds(event.target.checked ? members.map((member) => member.id) : [])}
              >
                {t('council.resolution.presentAll')}
              </Checkbox>
            </Flex>
            <Checkbox.Group
              value={presentIds}
              onChange={(next) => setPresentIds(members.map((member) => member.id).filter((id) => next.includes(id)))}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
              options={members.map((member) => ({ value: member.id, label: t('council.withRole', { name: member.name, role: t(`council.enums.CouncilRole.${member.role}`) }) }))}
            />
          </div>
          <Alert type={quorumMet ? 'success' : 'warning'} showIcon title={quorumMet ? t('council.resolution.quorumMet', words) : t('council.resolution.quorumNotMet', words)} aria-live="polite" />
          {checks.map(({ project, vote, check }) => (
            <ProjectVote
              key={project.id}
              project={project}
              vote={vote}
              check={check}
              presentMembers={presentMembers}
              members={members.length}
              presentCount={present.size}
              onChange={(next) => setVotes((previous) => ({ ...previous, [project.id]: next }))}
            />
          ))}
          {!quorumMet ? <Typography.Text type="danger">{t('council.resolution.blockedQuorum')}</Typography.Text> : !votesFit ? <Typography.Text type="danger">{t('council.resolution.blockedVotes')}</Typography.Text> : null}
          <Button type="primary" size="large" disabled={!quorumMet || !votesFit || result.fetching} loading={result.fetching} onClick={() => void submit()} style={{ alignSelf: 'flex-start' }}>
            {t('council.resolution.submit')}
          </Button>
          <RefusalNotice refusal={refusal} />
          {recorded ? <Alert type="success" showIcon role="status" title={recorded} /> : null}
        </Flex>
      </Card>
    </section>
  );
}

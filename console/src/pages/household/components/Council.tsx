import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import type { HouseholdCouncilRoundQuery, MicroProjectKind, ProjectRoundStatus } from '../../../gql/graphql.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { normalizeMoney } from '../../../lib/money.js';
import { PROJECT_STATUS_COLORS, ROUND_STATUS_COLORS, ROUNDS_CHANGE, SUPPORTED_COLOR } from '../../council/components/labels.js';
import { CAP_FEN, checkEstimate, groupedFen, groupedMoney, SUPPORTS_PER_HOUSEHOLD } from '../../council/components/rules.js';
import { useAttemptKey } from './attempt.js';
import { refusalOf, RefusalNotice, type Refusal } from './refusal.js';

const HouseholdCouncilQuery = graphql(`
  query HouseholdCouncil($communityId: ID!) {
    community(id: $communityId) {
      id
      residentsCouncil {
        id
      }
      projectRounds {
        id
        title
        status
      }
    }
  }
`);

const HouseholdCouncilRoundQuery = graphql(`
  query HouseholdCouncilRound($id: ID!) {
    projectRound(id: $id) {
      id
      title
      status
      proposalsUntil
      supportsUntil
      projects {
        id
        title
        kind
        description
        status
        estimatedCost
        supports
        supportedByMyHousehold
        votesFor
        votesAgainst
        votesAbstain
      }
    }
  }
`);

const HouseholdProposeMutation = graphql(`
  mutation HouseholdProposeMicroProject($input: ProposeMicroProjectInput!) {
    proposeMicroProject(input: $input) {
      id
      title
      estimatedCost
      supports
    }
  }
`);

const HouseholdSupportMutation = graphql(`
  mutation HouseholdSupportMicroProject($input: SupportMicroProjectInput!) {
    supportMicroProject(input: $input) {
      id
      supports
      supportedByMyHousehold
    }
  }
`);

const HouseholdWithdrawSupportMutation = graphql(`
  mutation HouseholdWithdrawSupport($projectId: ID!, $householdId: ID!) {
    withdrawSupport(projectId: $projectId, householdId: $householdId) {
      id
      supports
      supportedByMyHousehold
    }
  }
`);

type Round = NonNullable<HouseholdCouncilRoundQuery['projectRound']>;
type Project = Round['projects'][number];
const KINDS: MicroProjectKind[] = ['WORKS', 'SERVICE', 'GOODS'];
const OPEN: ProjectRoundStatus[] = ['COLLECTING', 'SUPPORTING'];

interface ProposeValues {
  kind: MicroProjectKind;
  title: string;
  description: string;
  estimate: string;
}

/** The form to propose a project while the round is COLLECTING: the kind's cap is said beside the estimate and checked as it is typed. */
function ProposeForm({ round, householdId }: { round: Round; householdId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProposeValues>();
  const kind = Form.useWatch('kind', form) ?? 'WORKS';
  const [result, propose] = useMutation(HouseholdProposeMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [proposed, setProposed] = useState<string | null>(null);
  const kindName = (k: MicroProjectKind) => t(`council.enums.MicroProjectKind.${k}`);

  async function submit(values: ProposeValues) {
    setRefusal(null);
    setProposed(null);
    const answer = await propose({
      input: { roundId: round.id, householdId, kind: values.kind, title: values.title.trim(), description: values.description.trim(), estimatedCost: normalizeMoney(values.estimate) },
    });
    if (answer.error) {
      setRefusal(refusalOf(answer.error, t, { CONFLICT: t('council.resident.propose.refusedConflict'), BAD_USER_INPUT: t('council.resident.propose.refusedInput') }));
      return;
    }
    const project = answer.data?.proposeMicroProject;
    if (project) {
      setProposed(t('council.resident.propose.proposed', { title: project.title, cost: groupedMoney(project.estimatedCost) }));
      form.resetFields();
    }
  }

  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('council.resident.propose.heading')}</Typography.Title>}>
      <Form<ProposeValues> form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'WORKS' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="kind" label={t('council.resident.propose.kind')}>
          <Select size="large" showSearch optionFilterProp="label" options={KINDS.map((k) => ({ value: k, label: kindName(k) }))} onChange={() => void form.validateFields(['estimate']).catch(() => undefined)} />
        </Form.Item>
        <Form.Item name="title" label={t('council.resident.propose.title')} rules={[{ required: true, whitespace: true, message: t('council.resident.propose.titleRequired') }]}>
          <Input size="large" maxLength={100} placeholder={t('council.resident.propose.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('council.resident.propose.description')} rules={[{ required: true, whitespace: true, message: t('council.resident.propose.descriptionRequired') }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('council.resident.propose.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="estimate"
          label={t('council.resident.propose.estimate')}
          extra={t('council.resident.propose.capHint', { kind: kindName(kind), cap: groupedFen(CAP_FEN[kind]) })}
          dependencies={['kind']}
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                const typedKind = (getFieldValue('kind') as MicroProjectKind | undefined) ?? 'WORKS';
                const check = checkEstimate(typedKind, value ?? '');
                const words = { kind: kindName(typedKind), cap: groupedFen(check.capFen) };
                switch (check.state) {
                  case 'empty':
                    return Promise.reject(new Error(t('council.resident.propose.estimateRequired')));
                  case 'format':
                    return Promise.reject(new Error(t('council.resident.propose.estimateFormat')));
                  case 'zero':
                    return Promise.reject(new Error(t('council.resident.propose.estimateZero')));
                  case 'over':
                    return Promise.reject(new Error(t('council.resident.propose.estimateOver', { ...words, over: groupedFen(check.overFen) })));
                  default:
                    return Promise.resolve();
                }
              },
            }),
          ]}
        >
          <Input size="large" inputMode="decimal" placeholder={t('council.resident.propose.estimatePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={result.fetching}>
          {t('council.resident.propose.submit')}
        </Button>
      </Form>
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        <RefusalNotice refusal={refusal} />
        {proposed ? <Alert type="success" showIcon role="status" title={proposed} /> : null}
      </Flex>
    </Card>
  );
}

/** One project of the round: what it is and costs, how many households support it, and while SUPPORTING the household's support or withdrawal. */
function ProjectCard({
  project,
  supporting,
  placesLeft,
  busy,
  onSupport,
  onWithdraw,
}: {
  project: Project;
  supporting: boolean;
  placesLeft: number;
  busy: boolean;
  onSupport: () => void;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const mine = project.supportedByMyHousehold === true;
  return (
    <section aria-labelledby={titleId}>
      <Card size="small">
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong id={titleId}>
              {project.title}
            </Typography.Text>
            <Tag color={PROJECT_STATUS_COLORS[project.status]}>{t(`council.enums.MicroProjectStatus.${project.status}`)}</Tag>
          </Flex>
          <Typography.Text type="secondary">
            {t(`council.enums.MicroProjectKind.${project.kind}`)} · ¥{groupedMoney(project.estimatedCost)} · {t('council.resident.project.supports', { count: project.supports })}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: 0 }}>{project.description}</Typography.Paragraph>
          {project.votesFor !== null ? (
            <Typography.Text type="secondary">{t('council.resident.project.votes', { for: project.votesFor, against: project.votesAgainst, abstain: project.votesAbstain })}</Typography.Text>
          ) : null}
          {mine ? <Tag color={SUPPORTED_COLOR} style={{ alignSelf: 'flex-start' }}>{t('council.resident.project.mine')}</Tag> : null}
          {supporting ? (
            mine ? (
              <Button size="large" block disabled={busy} onClick={onWithdraw} aria-label={t('council.resident.project.withdrawNamed', { title: project.title })}>
                {t('council.resident.project.withdraw')}
              </Button>
            ) : (
              <Button type="primary" size="large" block disabled={busy || placesLeft <= 0} onClick={onSupport} aria-label={t('council.resident.project.supportNamed', { title: project.title })}>
                {placesLeft <= 0 ? t('council.resident.project.noPlaces') : t('council.resident.project.support')}
              </Button>
            )
          ) : null}
        </Flex>
      </Card>
    </section>
  );
}

/** The round a resident picks: its phase in words, proposing while COLLECTING, supporting (3 places) while SUPPORTING, the result once publicised. */
function RoundView({ roundId, householdId }: { roundId: string; householdId: string }) {
  const { t, i18n } = useTranslation();
  const [result, refetch] = useQuery({ query: HouseholdCouncilRoundQuery, variables: { id: roundId }, context: ROUNDS_CHANGE });
  const [supportResult, support] = useMutation(HouseholdSupportMutation);
  const [withdrawResult, withdraw] = useMutation(HouseholdWithdrawSupportMutation);
  const attempt = useAttemptKey();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const round = result.data?.projectRound;
  if (!round) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const supporting = round.status === 'SUPPORTING';
  const used = round.projects.filter((project) => project.supportedByMyHousehold).length;
  const placesLeft = Math.max(0, SUPPORTS_PER_HOUSEHOLD - used);
  const busy = supportResult.fetching || withdrawResult.fetching;
  const phase = {
    COLLECTING: t('council.resident.phaseCollecting', { until: formatShanghaiTime(round.proposalsUntil, i18n.language) }),
    SUPPORTING: t('council.resident.phaseSupporting', { until: formatShanghaiTime(round.supportsUntil, i18n.language) }),
    RESOLVING: t('council.resident.phaseResolving'),
    PUBLICISED: t('council.resident.phasePublicised'),
    CLOSED: t('council.resident.phaseClosed'),
  }[round.status];

  async function doSupport(project: Project) {
    setRefusal(null);
    setDone(null);
    const what = { projectId: project.id, householdId };
    const answer = await support({ input: { ...what, idempotencyKey: attempt.keyFor(what) } });
    if (answer.error) {
      setRefusal(refusalOf(answer.error, t, { CONFLICT: t('council.resident.project.refusedConflict') }));
      if (!refusalOf(answer.error, t).retry) attempt.done();
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    attempt.done();
    setDone(t('council.resident.project.supported', { title: project.title }));
  }

  async function doWithdraw(project: Project) {
    setRefusal(null);
    setDone(null);
    const answer = await withdraw({ projectId: project.id, householdId });
    if (answer.error) {
      setRefusal(refusalOf(answer.error, t, { CONFLICT: t('council.resident.project.withdrawRefusedConflict') }));
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    setDone(t('council.resident.project.withdrawn', { title: project.title }));
  }

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
          {round.title}
        </Typography.Title>
        <Tag color={ROUND_STATUS_COLORS[round.status]}>{t(`council.enums.ProjectRoundStatus.${round.status}`)}</Tag>
      </Flex>
      <Typography.Text>{phase}</Typography.Text>
      {supporting ? (
        <Alert type={placesLeft > 0 ? 'info' : 'warning'} showIcon aria-live="polite" title={placesLeft > 0 ? t('council.resident.placesLeft', { left: placesLeft }) : t('council.resident.placesNone')} />
      ) : null}
      <RefusalNotice refusal={refusal} />
      {done ? <Alert type="success" showIcon role="status" title={done} /> : null}
      {round.status === 'COLLECTING' ? <ProposeForm round={round} householdId={householdId} /> : null}
      {round.projects.length === 0 ? (
        <Empty description={t('council.proposals.none')} />
      ) : (
        round.projects.map((project) => (
          <ProjectCard
            key={project.id}
            project={project}
            supporting={supporting}
            placesLeft={placesLeft}
            busy={busy}
            onSupport={() => void doSupport(project)}
            onWithdraw={() => void doWithdraw(project)}
          />
        ))
      )}
    </Flex>
  );
}

/**
 * The household's part in its community's small livelihood projects (民生微实事), laid out for a phone: the current
 * round (the latest one still taking proposals or supports, others to pick), proposing a project while it collects,
 * supporting up to 3 while it takes supports (the places left said, a withdrawal frees one), refusals in plain words.
 * Supports go straight to the platform, each with an idempotency key kept while the same support is retried.
 */
export function Council({ householdId, communityId }: { householdId: string; communityId: string | null }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const [result, refetch] = useQuery({ query: HouseholdCouncilQuery, variables: { communityId: communityId ?? '' }, pause: !communityId, context: ROUNDS_CHANGE });
  if (!communityId) return <Alert type="warning" showIcon title={t('household.packages.noCommunity')} />;
  const community = result.data?.community;
  const rounds = community?.projectRounds ?? [];
  const current = rounds.find((round) => OPEN.includes(round.status)) ?? rounds[0];
  const roundId = picked && rounds.some((round) => round.id === picked) ? picked : current?.id;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('council.resident.heading')}
      </Typography.Title>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!result.data ? (
        result.fetching ? <PageLoading /> : null
      ) : !community?.residentsCouncil ? (
        <Empty description={t('council.resident.noCouncil')} />
      ) : rounds.length === 0 || !roundId ? (
        <Empty description={t('council.resident.none')} />
      ) : (
        <>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <span>{t('council.resident.round')}</span>
            <Select
              size="large"
              aria-label={t('council.resident.round')}
              value={roundId}
              onChange={setPicked}
              options={rounds.map((round) => ({ value: round.id, label: t('council.withRole', { name: round.title, role: t(`council.enums.ProjectRoundStatus.${round.status}`) }) }))}
            />
          </label>
          <RoundView key={roundId} roundId={roundId} householdId={householdId} />
        </>
      )}
    </Flex>
  );
}

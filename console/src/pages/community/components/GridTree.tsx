import { Alert, App, Button, Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import type { CommunityGridTreeQuery } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';
import type { CommunityInfo } from './community.js';
import { Refusal } from './Refusal.js';
import { buildGridTree, coverageGaps, nodeGaps, type GridNode } from './gridShape.js';

const CommunityGridTreeQuery = graphql(`
  query CommunityGridTree($communityId: ID!) {
    community(id: $communityId) {
      id
      grids {
        id
        level
        name
        households
        parent {
          id
        }
        buildings {
          id
          name
        }
        workers {
          id
          name
          duty
        }
        partyGroup {
          leader {
            id
            name
          }
          members {
            id
            name
          }
        }
        careFigures {
          households
          overdue
        }
      }
      gridCoverage {
        households
        householdsInMicroGrids
        microGridsWithoutWorker
        oversizeMicroGrids
        careHouseholds
        overdueCareHouseholds
      }
    }
  }
`);

const NamePartyGroupLeaderMutation = graphql(`
  mutation GridNamePartyGroupLeader($input: NamePartyGroupLeaderInput!) {
    namePartyGroupLeader(input: $input) {
      id
      partyGroup {
        leader {
          id
          name
        }
        members {
          id
          name
        }
      }
    }
  }
`);

/** A grid as the tree's query answers it. */
export type TreeGrid = NonNullable<NonNullable<CommunityGridTreeQuery['community']>['grids']>[number];

/** Naming a leader answers a Grid: the tree re-runs on it. */
const REFRESHED_BY_GRID = { additionalTypenames: ['Grid', 'PartyGroup'] };
// Solid tags with white text, dark enough for 4.5:1 contrast.
const GAP_COLOR = '#a8071a';

/**
 * The community's micro-grid (微网实格) as a tree: the community grid, its area grids with their building micro-grids,
 * and its dedicated grids; each with its households, workers (responsible or backup) and party group (whose leader the
 * staff name); the coverage gaps the platform counts (gridCoverage) summed on top and picked out on the grids they concern.
 */
export function GridTree({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: CommunityGridTreeQuery, variables: { communityId: community.id }, context: REFRESHED_BY_GRID });
  const grids = result.data?.community?.grids;
  const roots = useMemo(() => buildGridTree(grids ?? []), [grids]);
  const coverage = result.data?.community?.gridCoverage;
  if (!result.data) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  const gaps = coverage ? coverageGaps(coverage, grids ?? [], community) : null;
  return (
    <>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {coverage && gaps ? (
        <section aria-labelledby="grid-gaps" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} id="grid-gaps" style={{ fontSize: 16 }}>
            {t('grid.gaps.heading')}
          </Typography.Title>
          {gaps.any ? (
            <Alert
              type="warning"
              showIcon
              title={
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  <li>{t('grid.gaps.outside', { count: gaps.outside, households: coverage.households, inside: coverage.householdsInMicroGrids })}</li>
                  {gaps.outsideBuildings.length > 0 ? <li>{t('grid.gaps.outsideBuildings', { names: gaps.outsideBuildings.join(t('grid.listSeparator')) })}</li> : null}
                  <li>{t('grid.gaps.noWorker', { count: coverage.microGridsWithoutWorker })}</li>
                  <li>{t('grid.gaps.oversize', { count: coverage.oversizeMicroGrids })}</li>
                </ul>
              }
            />
          ) : (
            <Alert type="success" showIcon title={t('grid.gaps.none')} />
          )}
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t('grid.gaps.care', { count: coverage.careHouseholds, overdue: coverage.overdueCareHouseholds })}
          </Typography.Paragraph>
        </section>
      ) : null}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('grid.tree.heading')}
      </Typography.Title>
      {roots.length === 0 ? (
        <Empty description={t('grid.tree.empty')} />
      ) : (
        <ul aria-label={t('grid.tree.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {roots.map((node) => (
            <GridBranch key={node.grid.id} node={node} />
          ))}
        </ul>
      )}
    </>
  );
}

/** One grid and, beneath it, the grids under it. */
function GridBranch({ node }: { node: GridNode<TreeGrid> }) {
  return (
    <li style={{ marginBottom: 8 }}>
      <GridCard grid={node.grid} />
      {node.children.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: '8px 0 0', paddingLeft: 12, borderLeft: '2px solid #d9d9d9' }}>
          {node.children.map((child) => (
            <GridBranch key={child.grid.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A grid's card: level, households, gaps, workers, party group and care counts. */
function GridCard({ grid }: { grid: TreeGrid }) {
  const { t } = useTranslation();
  const headingId = `grid-${grid.id}`;
  const gaps = nodeGaps(grid);
  const separator = t('grid.listSeparator');
  return (
    <Card
      size="small"
      role="region"
      aria-labelledby={headingId}
      style={gaps.length > 0 ? { borderColor: GAP_COLOR, borderWidth: 2 } : undefined}
      title={
        <Typography.Title level={4} id={headingId} style={{ margin: 0, fontSize: 15, whiteSpace: 'normal' }}>
          {grid.name}
        </Typography.Title>
      }
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Tag>{t(`grid.levels.${grid.level}`)}</Tag>
        <span>{t('grid.tree.households', { count: grid.households })}</span>
        {gaps.map((gap) => (
          <Tag key={gap} color={GAP_COLOR}>
            {t(`grid.tree.gap.${gap}`)}
          </Tag>
        ))}
      </Space>
      {grid.buildings.length > 0 ? <div>{t('grid.tree.buildings', { names: grid.buildings.map((b) => b.name).join(separator) })}</div> : null}
      <div>
        {t('grid.tree.workers')}
        {t('grid.tree.colon')}
        {grid.workers.length === 0
          ? t('grid.tree.noWorkers')
          : grid.workers
              .map((worker) => {
                const words = t('grid.tree.worker', { name: worker.name ?? '', duty: t(`grid.duties.${worker.duty}`) });
                // In a micro-grid, the one responsible is said as such; the backup's duty already says it.
                return grid.level === 'BUILDING' && worker.duty !== 'BACKUP' ? `${t('grid.tree.responsible')} ${words}` : words;
              })
              .join(separator)}
      </div>
      {grid.partyGroup ? <PartyGroupLine grid={grid} partyGroup={grid.partyGroup} /> : null}
      {grid.careFigures.households > 0 ? <div>{t('grid.tree.care', { count: grid.careFigures.households, overdue: grid.careFigures.overdue })}</div> : null}
    </Card>
  );
}

/** A party group: its members, its leader, and naming one of the members leader. */
function PartyGroupLine({ grid, partyGroup }: { grid: TreeGrid; partyGroup: NonNullable<TreeGrid['partyGroup']> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string | undefined>(partyGroup.leader?.id);
  const [naming, name] = useMutation(NamePartyGroupLeaderMutation);
  const separator = t('grid.listSeparator');
  const members = partyGroup.members;
  async function submit() {
    if (!chosen) return;
    const answer = await name({ input: { gridId: grid.id, partyMemberId: chosen } }, REFRESHED_BY_GRID);
    const leader = answer.data?.namePartyGroupLeader?.partyGroup?.leader;
    if (leader) void message.success(t('grid.tree.leaderNamed', { name: leader.name ?? '', grid: grid.name }));
  }
  return (
    <div style={{ marginTop: 4 }}>
      <div>
        <strong>{t('grid.tree.partyGroup')}</strong>
        {t('grid.tree.colon')}
        {members.length === 0 ? t('grid.tree.noMembers') : t('grid.tree.members', { names: members.map((m) => m.name ?? '').join(separator) })}
      </div>
      <div>{partyGroup.leader ? t('grid.tree.leader', { name: partyGroup.leader.name ?? '' }) : t('grid.tree.noLeader')}</div>
      {members.length > 0 ? (
        <Space wrap style={{ marginTop: 4 }}>
          <Select
            aria-label={t('grid.tree.leaderPick', { grid: grid.name })}
            placeholder={t('grid.tree.leaderPlaceholder')}
            value={chosen}
            onChange={setChosen}
            showSearch={{ optionFilterProp: 'label' }}
            options={members.map((member) => ({ value: member.id, label: member.name ?? member.id }))}
            style={{ minWidth: 140 }}
          />
          <Button
            aria-label={t('grid.tree.nameLeaderLabel', { grid: grid.name })}
            disabled={!chosen || chosen === partyGroup.leader?.id}
            loading={naming.fetching}
            onClick={() => void submit()}
          >
            {t('grid.tree.nameLeader')}
          </Button>
        </Space>
      ) : null}
      <Refusal error={naming.error} explain={(code) => (code === 'BAD_USER_INPUT' || code === 'FORBIDDEN' || code === 'NOT_FOUND' ? t(`grid.refusal.${code}`) : undefined)} />
    </div>
  );
}

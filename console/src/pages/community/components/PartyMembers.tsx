import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { AssignFloorsForm } from './AssignFloorsForm.js';
import type { CommunityInfo } from './community.js';
import { uncoveredFloors } from './coverage.js';
import { RegisterPartyMemberForm } from './RegisterPartyMemberForm.js';

const CommunityPartyMembersQuery = graphql(`
  query CommunityPartyMembers($communityId: ID!) {
    community(id: $communityId) {
      id
      volunteerCoverage {
        buildings
        buildingsCovered
        partyMembers
        uncoveredBuildings {
          id
        }
      }
      partyMembers {
        id
        name
        phone
        workUnit
        record {
          ordersCollected
          deliveriesMade
        }
      }
      compounds {
        id
        name
        buildings {
          id
          name
          floors
          assignments {
            id
            floorFrom
            floorTo
            partyMember {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** Registering a member or assigning floors answers a PartyMember or an Assignment: the lists re-run on either. */
const REFRESHED_BY_PARTY = { additionalTypenames: ['PartyMember', 'Assignment'] };

/**
 * The party members who reported to the community (双报到) and the floors each covers; the buildings with floors
 * nobody covers picked out (the platform's volunteerCoverage), with which floors; registering a member and assigning floors.
 */
export function PartyMembers({ community }: { community: CommunityInfo }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: CommunityPartyMembersQuery, variables: { communityId: community.id }, context: REFRESHED_BY_PARTY });
  const [newMember, setNewMember] = useState<string | undefined>(undefined);
  const data = result.data?.community;
  if (!data) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;

  const coverage = data.volunteerCoverage;
  const uncoveredIds = new Set(coverage?.uncoveredBuildings.map((b) => b.id) ?? []);
  const buildings = (data.compounds ?? []).flatMap((compound) =>
    compound.buildings.map((building) => ({ ...building, compound: compound.name, label: t('community.party.buildingName', { compound: compound.name, building: building.name }) })),
  );
  const uncovered = buildings.filter((b) => uncoveredIds.has(b.id));
  const members = data.partyMembers ?? [];
  // Each member's floors, read off the buildings (a member's own list of assignments would make the request too costly).
  const floorsOf = new Map<string, string[]>();
  for (const b of buildings) {
    for (const a of b.assignments ?? []) {
      floorsOf.set(a.partyMember.id, [...(floorsOf.get(a.partyMember.id) ?? []), t('community.party.memberFloors', { building: b.label, floors: t('community.party.floors', { from: a.floorFrom, to: a.floorTo }) })]);
    }
  }
  const floorsText = (ranges: Array<[number, number]>) => ranges.map(([from, to]) => t('community.party.floors', { from, to })).join(t('community.listSeparator'));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {coverage ? (
        <Typography.Paragraph style={{ margin: 0, fontSize: 15 }}>
          {t('community.party.coverage', { covered: coverage.buildingsCovered, buildings: coverage.buildings, members: coverage.partyMembers })}
        </Typography.Paragraph>
      ) : null}
      {uncovered.length ? (
        <section aria-label={t('community.party.uncoveredTitle')}>
          <Alert
            type="warning"
            showIcon
            title={t('community.party.uncoveredTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {uncovered.map((b) => (
                  <li key={b.id}>{t('community.party.uncoveredLine', { building: b.label, floors: floorsText(uncoveredFloors(b.floors, b.assignments ?? [])) })}</li>
                ))}
              </ul>
            }
          />
        </section>
      ) : coverage ? (
        <Alert type="success" showIcon title={t('community.party.allCovered')} />
      ) : null}

      <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('community.party.buildingsTitle')}</Typography.Title>}>
        <ul aria-label={t('community.party.buildingsTitle')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {buildings.map((b) => (
            <li key={b.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space wrap size={[8, 4]}>
                <Typography.Text strong>{b.label}</Typography.Text>
                <Typography.Text type="secondary">{t('community.party.floorCount', { count: b.floors })}</Typography.Text>
                {uncoveredIds.has(b.id) ? <Tag color="#ad4e00">{t('community.party.uncoveredTag')}</Tag> : <Tag color="#237804">{t('community.party.coveredTag')}</Tag>}
              </Space>
              <div>
                {(b.assignments ?? []).length
                  ? [...(b.assignments ?? [])]
                      .sort((x, y) => x.floorFrom - y.floorFrom)
                      .map((a) => t('community.party.assignment', { floors: t('community.party.floors', { from: a.floorFrom, to: a.floorTo }), name: a.partyMember.name ?? '—' }))
                      .join(t('community.listSeparator'))
                  : t('community.party.nobody')}
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('community.party.membersTitle', { count: members.length })}</Typography.Title>}>
        {members.length ? (
          <ul aria-label={t('community.party.membersList')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {members.map((m) => (
              <li key={m.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Space wrap size={[8, 4]}>
                  <Typography.Text strong>{m.name ?? '—'}</Typography.Text>
                  {m.phone ? <a href={`tel:${m.phone}`} style={{ textDecoration: 'underline' }}>{m.phone}</a> : null}
                  <Typography.Text type="secondary">{m.workUnit}</Typography.Text>
                </Space>
                <div>
                  {floorsOf.get(m.id)?.join(t('community.listSeparator')) ?? t('community.party.noFloors')}
                </div>
                <Typography.Text type="secondary">{t('community.party.record', { orders: m.record.ordersCollected, deliveries: m.record.deliveriesMade })}</Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          <Empty description={t('community.party.noMembers')} />
        )}
      </Card>

      <RegisterPartyMemberForm communityId={community.id} onRegistered={setNewMember} />
      <AssignFloorsForm
        members={members.map((m) => ({ id: m.id, name: m.name ?? m.id }))}
        buildings={buildings.map((b) => ({ id: b.id, label: b.label, floors: b.floors, open: uncoveredFloors(b.floors, b.assignments ?? []) }))}
        memberId={newMember}
      />
    </Space>
  );
}

import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { FlagButton, VisitButton } from './HouseholdActions.js';
import type { Visits } from './visits.js';

const GridWorkHouseholdsQuery = graphql(`
  query GridWorkHouseholds($gridId: ID!) {
    grid(id: $gridId) {
      id
      buildings {
        id
        name
        households {
          id
          floor
          room
          headOfHousehold
        }
      }
    }
  }
`);

/** A visit sent answers a Visit: the list shows it. */
const REFRESHED_BY_VISITS = { additionalTypenames: ['Visit'] };

/** The households of one grid's buildings, by building and floor: a visit or a care flag for each. */
export function GridHouseholds({ gridId, visits }: { gridId: string; visits: Visits }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: GridWorkHouseholdsQuery, variables: { gridId }, context: REFRESHED_BY_VISITS });
  const buildings = result.data?.grid?.buildings;
  if (!buildings) return result.fetching ? <PageLoading /> : <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (buildings.length === 0) return <Empty description={t('grid.worker.households.none')} />;
  return (
    <>
      {buildings.map((building) => {
        const households = [...(building.households ?? [])].sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));
        return (
          <Card
            key={building.id}
            size="small"
            title={<Typography.Title level={4} style={{ margin: 0, fontSize: 16 }}>{t('grid.worker.households.building', { building: building.name, count: households.length })}</Typography.Title>}
            style={{ marginBottom: 12 }}
          >
            <List
              dataSource={households}
              rowKey="id"
              renderItem={(household) => {
                const door = t('grid.worker.households.door', { building: building.name, room: household.room });
                return (
                  <List.Item style={{ flexWrap: 'wrap', gap: 8 }} aria-label={t('grid.worker.households.name', { door, name: household.headOfHousehold ?? '' }).trim()}>
                    <Space wrap size={4}>
                      <strong>{household.room}</strong>
                      <span>{household.headOfHousehold}</span>
                      {visits.waiting.has(household.id) ? <Tag color="#595959">{t('grid.worker.care.waiting')}</Tag> : null}
                    </Space>
                    <Space wrap>
                      <VisitButton household={{ id: household.id, door }} visits={visits} />
                      <FlagButton household={{ id: household.id, door }} />
                    </Space>
                  </List.Item>
                );
              }}
            />
          </Card>
        );
      })}
    </>
  );
}

import { Collapse, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OfflineBanner } from '../../components/OfflineBanner.js';
import { OutboxPanel } from '../../components/OutboxPanel.js';
import { PageLoading } from '../../components/PageLoading.js';
import { graphql } from '../../gql/index.js';
import { useOutbox } from '../../lib/outbox.js';
import { useSession } from '../../lib/session.js';
import { gridsUnder } from './components/care.js';
import { CareList } from './components/CareList.js';
import { GridHouseholds } from './components/GridHouseholds.js';
import { useVisits } from './components/visits.js';

const GridWorkPageQuery = graphql(`
  query GridWorkPage($id: ID!) {
    gridWorker(id: $id) {
      id
      name
      duty
      grid {
        id
        name
        level
        households
      }
      community {
        id
        grids {
          id
          name
          level
          households
          parent {
            id
          }
        }
      }
    }
  }
`);

/**
 * A grid worker's page (GRID_WORKER), phone first: who and which grid, the offline banner and the send queue, the
 * households in care with the overdue and those due today first (a visit recorded through the offline queue), then the
 * grid's households by building (a visit or a care flag for any of them), and the grids under it, each opened on demand.
 */
export default function GridWorkPage() {
  const { t } = useTranslation();
  const session = useSession();
  const workerId = session?.scope ?? '';
  const [result, refetch] = useQuery({ query: GridWorkPageQuery, variables: { id: workerId }, pause: !workerId });
  const { outbox, entries } = useOutbox();
  const visits = useVisits(outbox, entries);
  const worker = result.data?.gridWorker;
  const under = useMemo(() => (worker ? gridsUnder(worker.community.grids ?? [], worker.grid.id) : []), [worker]);
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22, marginBottom: 4 }}>
        {t('grid.worker.title')}
      </Typography.Title>
      {worker ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('grid.worker.who', { name: worker.name ?? '', duty: t(`grid.duties.${worker.duty}`) })}
          <br />
          {t('grid.worker.grid', { grid: worker.grid.name, level: t(`grid.levels.${worker.grid.level}`), count: worker.grid.households })}
        </Typography.Paragraph>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <OfflineBanner entries={entries} />
      <OutboxPanel outbox={outbox} entries={entries} />
      {worker ? (
        <>
          <CareList gridId={worker.grid.id} visits={visits} />
          <section aria-labelledby="grid-households">
            <Typography.Title level={3} id="grid-households" style={{ fontSize: 18 }}>
              {t('grid.worker.households.heading')}
            </Typography.Title>
            <GridHouseholds gridId={worker.grid.id} visits={visits} />
            {under.length > 0 ? (
              <>
                <Typography.Title level={4} style={{ fontSize: 16, marginTop: 12 }}>
                  {t('grid.worker.households.subgrids')}
                </Typography.Title>
                <Collapse
                  size="large"
                  items={under.map((grid) => ({
                    key: grid.id,
                    label: t('grid.worker.households.subgrid', { grid: grid.name, level: t(`grid.levels.${grid.level}`), households: t('grid.households', { count: grid.households }) }),
                    children: <GridHouseholds gridId={grid.id} visits={visits} />,
                  }))}
                />
              </>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

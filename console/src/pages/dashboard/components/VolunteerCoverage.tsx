import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { MissingFigure, useFormat } from './figures.js';
import { useLabelledTable } from './labelledTable.js';

/** A community's volunteer coverage: buildings, those every floor of which a party member covers, party members. */
export const VolunteerCoverage_CommunityFragment = graphql(`
  fragment VolunteerCoverage_Community on Community {
    id
    name
    volunteerCoverage {
      buildings
      buildingsCovered
      partyMembers
    }
  }
`);

// The tags' text is darkened from antd's preset (#d46b08, #389e0d) to read at 4.5:1 on their pale backgrounds.

/** Volunteer coverage per community, with the communities whose buildings are not all covered tagged and listed first. */
export function VolunteerCoverage({ communities, scope }: { communities: ReadonlyArray<FragmentType<typeof VolunteerCoverage_CommunityFragment>>; scope: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = getFragmentData(VolunteerCoverage_CommunityFragment, communities);
  const components = useLabelledTable(t('dashboard.coverage.label'));
  type Row = (typeof rows)[number];
  const uncovered = rows.filter((row) => row.volunteerCoverage && row.volunteerCoverage.buildingsCovered < row.volunteerCoverage.buildings);
  const missing = (row: Row) => <MissingFigure outside={!row.id.startsWith(scope)} />;
  const columns: TableColumnsType<Row> = [
    { key: 'community', title: t('dashboard.coverage.community'), render: (_, row) => row.name },
    { key: 'buildings', title: t('dashboard.coverage.buildings'), align: 'right', render: (_, row) => (row.volunteerCoverage ? format.count(row.volunteerCoverage.buildings) : missing(row)) },
    { key: 'covered', title: t('dashboard.coverage.buildingsCovered'), align: 'right', render: (_, row) => (row.volunteerCoverage ? format.count(row.volunteerCoverage.buildingsCovered) : missing(row)) },
    { key: 'partyMembers', title: t('dashboard.coverage.partyMembers'), align: 'right', render: (_, row) => (row.volunteerCoverage ? format.count(row.volunteerCoverage.partyMembers) : missing(row)) },
    {
      key: 'status',
      title: t('dashboard.coverage.status'),
      render: (_, row) =>
        !row.volunteerCoverage ? missing(row) : uncovered.includes(row) ? <Tag color="orange" style={{ color: '#873800' }}>{t('dashboard.coverage.uncovered')}</Tag> : <Tag color="green" style={{ color: '#135200' }}>{t('dashboard.coverage.covered')}</Tag>,
    },
  ];
  // The communities that need hands first, then the rest in the platform's order.
  const ordered = [...uncovered, ...rows.filter((row) => !uncovered.includes(row))];
  return (
    <>
      {uncovered.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('dashboard.coverage.uncoveredList')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {uncovered.map((row) => (
                <li key={row.id}>
                  {t('dashboard.coverage.uncoveredItem', {
                    community: row.name,
                    covered: row.volunteerCoverage?.buildingsCovered ?? 0,
                    buildings: row.volunteerCoverage?.buildings ?? 0,
                  })}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : rows.some((row) => row.volunteerCoverage) ? (
        <Typography.Paragraph type="success">{t('dashboard.coverage.allCovered')}</Typography.Paragraph>
      ) : null}
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={ordered}
        components={components}
        pagination={ordered.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('dashboard.coverage.empty') }}
      />
    </>
  );
}

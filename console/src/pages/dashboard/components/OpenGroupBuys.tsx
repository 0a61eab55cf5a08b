import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { useFormat } from './figures.js';
import { useLabelledTable } from './labelledTable.js';

/** A community's open group buys. */
export const OpenGroupBuys_CommunityFragment = graphql(`
  fragment OpenGroupBuys_Community on Community {
    id
    name
    groupBuys(status: OPEN) {
      id
      title
      participantCount
    }
  }
`);

/** The open group buys of the communities shown, with how many households joined; says how many communities lie outside the viewer's scope. */
export function OpenGroupBuys({ communities, scope }: { communities: ReadonlyArray<FragmentType<typeof OpenGroupBuys_CommunityFragment>>; scope: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = getFragmentData(OpenGroupBuys_CommunityFragment, communities);
  const components = useLabelledTable(t('dashboard.groupBuys.label'));
  const rows = list.flatMap((community) => (community.groupBuys ?? []).map((groupBuy) => ({ ...groupBuy, community: community.name })));
  const outside = list.filter((community) => community.groupBuys == null && !community.id.startsWith(scope)).length;
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { key: 'community', title: t('dashboard.groupBuys.community'), render: (_, row) => row.community },
    { key: 'title', title: t('dashboard.groupBuys.groupBuy'), render: (_, row) => row.title },
    { key: 'participants', title: t('dashboard.groupBuys.participants'), align: 'right', render: (_, row) => format.count(row.participantCount) },
  ];
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        components={components}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('dashboard.groupBuys.empty') }}
      />
      {outside > 0 ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('dashboard.groupBuys.outsideScope', { count: outside })}</Typography.Paragraph> : null}
    </>
  );
}

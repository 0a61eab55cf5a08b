import { Button, Flex, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import type { RequestFilter, RequestStatus } from '../../../gql/graphql.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { REQUEST_STATUS_COLORS } from '../../../components/RequestParts.js';

const HotlineSearchQuery = graphql(`
  query HotlineSearch($filter: RequestFilter!, $first: Int, $after: String) {
    requests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          receivedAt
          description
          category {
            code
            name
          }
          community {
            id
            name
          }
          street {
            id
            name
          }
          department {
            id
            name
          }
          respondedLate
          resolvedLate
        }
      }
    }
  }
`);

const STATUSES = ['DISPATCHED', 'ACCEPTED', 'RETURNED', 'REPLIED', 'REOPENED', 'CLOSED'] as const satisfies readonly RequestStatus[];
const PAGE_SIZE = 10;

interface SearchValues {
  regionId?: string;
  status?: RequestStatus;
  categoryCode?: string;
  overdue?: boolean;
}

/**
 * The hotline's search over the city's requests: by street, status, category and overdue, ten a page (the platform's
 * cursors: next, and back through the ones seen), each row opening the request's details.
 */
export function RequestSearch(props: { cityId: string; streets: ReadonlyArray<{ id: string; name: string }>; categories: ReadonlyArray<{ code: string; name: string }>; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<RequestFilter>({ regionId: props.cityId });
  /** The cursors of the pages read so far: the page shown is the last. */
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [result, refetch] = useQuery({ query: HotlineSearchQuery, variables: { filter, first: PAGE_SIZE, after }, context: REFRESHED_BY.requests });
  const page = result.data?.requests;
  const rows = (page?.edges ?? []).map(({ node }) => node);
  return (
    <Flex vertical gap={12}>
      <Form<SearchValues>
        layout="inline"
        aria-label={t('requests.search.title')}
        onFinish={(values) => {
          setFilter({
            regionId: values.regionId ?? props.cityId,
            ...(values.status ? { status: values.status } : {}),
            ...(values.categoryCode ? { categoryCode: values.categoryCode } : {}),
            ...(values.overdue !== undefined ? { overdue: values.overdue } : {}),
          });
          setCursors([null]);
        }}
      >
        <Form.Item name="regionId" label={t('requests.search.street')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 160 }} options={props.streets.map((s) => ({ value: s.id, label: s.name }))} placeholder={t('requests.search.wholeCity')} />
        </Form.Item>
        <Form.Item name="status" label={t('requests.search.status')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`common.enums.RequestStatus.${s}`) }))} placeholder={t('requests.search.any')} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('requests.search.category')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 140 }} options={props.categories.map((c) => ({ value: c.code, label: c.name }))} placeholder={t('requests.search.any')} />
        </Form.Item>
        <Form.Item name="overdue" label={t('requests.search.overdue')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 120 }}
            options={[
              { value: true, label: t('requests.search.overdueYes') },
              { value: false, label: t('requests.search.overdueNo') },
            ]}
            placeholder={t('requests.search.any')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('requests.search.submit')}
        </Button>
      </Form>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Typography.Text aria-live="polite">{page ? t('requests.search.count', { count: page.totalCount, page: cursors.length }) : ''}</Typography.Text>
      <Table
        aria-label={t('requests.search.table')}
        size="small"
        rowKey="id"
        loading={result.fetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('requests.search.none')}</Typography.Text> }}
        columns={[
          { key: 'received', title: t('requests.search.received'), render: (_, row) => formatShanghaiTime(row.receivedAt, i18n.language) },
          { key: 'category', title: t('requests.search.category'), render: (_, row) => row.category.name },
          { key: 'community', title: t('requests.search.community'), render: (_, row) => row.community.name },
          { key: 'description', title: t('requests.search.description'), ellipsis: true, render: (_, row) => row.description },
          { key: 'holder', title: t('requests.search.holder'), render: (_, row) => row.department?.name ?? row.street?.name ?? '' },
          {
            key: 'status',
            title: t('requests.search.status'),
            render: (_, row) => (
              <Space size={4} wrap>
                <Tag color={REQUEST_STATUS_COLORS[row.status]}>{t(`common.enums.RequestStatus.${row.status}`)}</Tag>
                {row.respondedLate || row.resolvedLate ? <Typography.Text type="danger">{t('requests.search.late')}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            key: 'open',
            title: t('requests.search.details'),
            render: (_, row) => (
              <Button type="link" onClick={() => props.onOpen(row.id)} aria-label={t('requests.card.openNamed', { title: t('requests.card.title', { category: row.category.name, community: row.community.name }) })}>
                {t('requests.card.open')}
              </Button>
            ),
          },
        ]}
      />
      <Space>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('requests.search.previous')}
        </Button>
        <Button disabled={!page?.pageInfo.hasNextPage} onClick={() => page?.pageInfo.endCursor && setCursors([...cursors, page.pageInfo.endCursor])}>
          {t('requests.search.next')}
        </Button>
      </Space>
    </Flex>
  );
}

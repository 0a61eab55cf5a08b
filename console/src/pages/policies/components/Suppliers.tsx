import { App as AntApp, Button, Card, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import type { SuppliersOfRegionQuery } from '../../../gql/graphql.js';
import { RegionSelect, type RegionIndex } from './regions.js';

const SuppliersQuery = graphql(`
  query SuppliersOfRegion($regionId: ID!) {
    suppliers(regionId: $regionId) {
      id
      name
      address
      regionId
    }
  }
`);

const DesignateSupplierMutation = graphql(`
  mutation DesignateRegionSupplier($input: DesignateSupplierInput!) {
    designateSupplier(input: $input) {
      id
      name
      address
      regionId
    }
  }
`);

type Supplier = NonNullable<SuppliersOfRegionQuery['suppliers']>[number];

/** The suppliers that serve a region (designated for it or a region containing it), and designating a new one for it. */
export function Suppliers({ index }: { index: RegionIndex }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [regionId, setRegionId] = useState(index.city.id);
  const [result, refetch] = useQuery({ query: SuppliersQuery, variables: { regionId }, context: REFRESHED_BY.suppliers });
  const [designation, designate] = useMutation(DesignateSupplierMutation);
  const [form] = Form.useForm<{ name: string; address?: string }>();
  const region = index.byId.get(regionId);
  const columns: TableColumnsType<Supplier> = [
    { title: t('policies.suppliers.name'), dataIndex: 'name' },
    { title: t('policies.suppliers.address'), dataIndex: 'address', render: (value: string | null) => value ?? '—' },
    { title: t('policies.suppliers.designatedFor'), dataIndex: 'regionId', render: (id: string) => index.byId.get(id)?.path ?? id },
  ];

  async function submit({ name, address }: { name: string; address?: string }) {
    const answer = await designate({ input: { regionId, name: name.trim(), address: address?.trim() || null } });
    if (answer.data?.designateSupplier) {
      void message.success(t('policies.suppliers.done', { name: answer.data.designateSupplier.name, region: region?.name ?? regionId }));
      form.resetFields();
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('policies.fields.region')} htmlFor="suppliers-region">
          <RegionSelect id="suppliers-region" index={index} deepest="COMMUNITY" value={regionId} onChange={(value) => setRegionId(value ?? index.city.id)} />
        </Form.Item>
      </Form>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Table<Supplier>
        aria-label={t('policies.suppliers.tableLabel', { region: region?.name ?? regionId })}
        rowKey="id"
        size="middle"
        loading={result.fetching}
        columns={columns}
        dataSource={result.data?.suppliers ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('policies.suppliers.empty') }}
      />
      <Card
        size="small"
        title={
          <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
            {t('policies.suppliers.designateTitle', { region: region?.name ?? regionId })}
          </Typography.Title>
        }
      >
        <Form form={form} name="designate-supplier" layout="vertical" onFinish={(values) => void submit(values)} disabled={designation.fetching} style={{ maxWidth: 560 }}>
          <Form.Item name="name" label={t('policies.suppliers.name')} rules={[{ required: true, whitespace: true, message: t('policies.form.errors.required') }, { max: 100, message: t('policies.suppliers.tooLong', { max: 100 }) }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="address" label={t('policies.suppliers.address')} rules={[{ max: 200, message: t('policies.suppliers.tooLong', { max: 200 }) }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={designation.fetching}>
            {t('policies.suppliers.designate')}
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          <ErrorNotice error={designation.error} />
        </div>
      </Card>
    </Space>
  );
}

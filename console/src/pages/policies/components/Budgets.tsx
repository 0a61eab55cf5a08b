import { App as AntApp, Button, Form, Input, Modal, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import type { PolicyBudgetsQuery } from '../../../gql/graphql.js';
import { formatFen, MONEY_INPUT, normalizeMoney, toFen } from '../../../lib/money.js';

const PolicyBudgetsQueryDocument = graphql(`
  query PolicyBudgets($cityId: ID!) {
    city(id: $cityId) {
      id
      name
      subsidyBudget {
        regionId
        allocated
        spent
        remaining
        allocatedAt
        allocatedBy
      }
      districts {
        id
        name
        subsidyBudget {
          regionId
          allocated
          spent
          remaining
          allocatedAt
          allocatedBy
        }
      }
    }
  }
`);

const AllocateBudgetMutation = graphql(`
  mutation AllocateBudget($input: AllocateSubsidyBudgetInput!) {
    allocateSubsidyBudget(input: $input) {
      regionId
      allocated
      spent
      remaining
      allocatedAt
      allocatedBy
    }
  }
`);

interface BudgetRow {
  regionId: string;
  name: string;
  allocated: string | null;
  spent: string | null;
  remaining: string | null;
  allocatedAt: string | null;
  allocatedBy: string | null;
}

type City = NonNullable<PolicyBudgetsQuery['city']>;

/** The rows of the table: the city first, then its districts. */
function budgetRows(city: City): BudgetRow[] {
  const row = (regionId: string, name: string, budget: City['subsidyBudget']): BudgetRow => {
    return {
      regionId,
      name,
      allocated: budget?.allocated ?? null,
      spent: budget?.spent ?? null,
      remaining: budget?.remaining ?? null,
      allocatedAt: budget?.allocatedAt ?? null,
      allocatedBy: budget?.allocatedBy ?? null,
    };
  };
  return [row(city.id, city.name, city.subsidyBudget), ...city.districts.map((district) => row(district.id, district.name, district.subsidyBudget))];
}

/** The city's and its districts' subsidy budgets (allocated, spent, remaining), and allocating one (it replaces the allocation). */
export function Budgets({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: PolicyBudgetsQueryDocument, variables: { cityId }, context: REFRESHED_BY.budgets });
  const [allocating, setAllocating] = useState<BudgetRow | null>(null);
  const rows = useMemo(() => (result.data?.city ? budgetRows(result.data.city) : []), [result.data]);
  const districtsFen = rows.slice(1).reduce((sum, row) => sum + (row.allocated ? toFen(row.allocated) : 0), 0);
  const money = (value: string | null) => value ?? <Typography.Text type="secondary">{t('policies.budgets.unknown')}</Typography.Text>;
  const columns: TableColumnsType<BudgetRow> = [
    { title: t('policies.fields.region'), dataIndex: 'name' },
    { title: t('policies.budgets.allocated'), dataIndex: 'allocated', align: 'right', render: money },
    { title: t('policies.budgets.spent'), dataIndex: 'spent', align: 'right', render: money },
    {
      title: t('policies.budgets.remaining'),
      dataIndex: 'remaining',
      align: 'right',
      render: (value: string | null) => (value && value.startsWith('-') ? <Typography.Text type="danger">{t('policies.budgets.overspent', { amount: value.slice(1) })}</Typography.Text> : money(value)),
    },
    {
      title: t('policies.budgets.lastAllocated'),
      key: 'last',
      render: (_, row) => (row.allocatedAt ? t('policies.budgets.allocatedAtBy', { at: row.allocatedAt.slice(0, 16).replace('T', ' '), by: row.allocatedBy ?? '' }) : t('policies.budgets.never')),
    },
    {
      title: t('policies.list.actions'),
      key: 'actions',
      render: (_, row) => (
        <Button size="small" aria-label={t('policies.budgets.allocateFor', { region: row.name })} onClick={() => setAllocating(row)}>
          {t('policies.budgets.allocate')}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Table<BudgetRow>
        aria-label={t('policies.budgets.tableLabel')}
        rowKey="regionId"
        size="middle"
        loading={result.fetching}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        footer={() =>
          rows[0]?.allocated ? (
            <Typography.Text type="secondary">{t('policies.budgets.districtsTotal', { districts: formatFen(districtsFen), city: rows[0].allocated })}</Typography.Text>
          ) : null
        }
      />
      {allocating ? <AllocateDialog row={allocating} onClose={() => setAllocating(null)} /> : null}
    </Space>
  );
}

/** Asks for the new allocation of a city or district and sets it. */
function AllocateDialog({ row, onClose }: { row: BudgetRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ amount: string }>();
  const [result, allocate] = useMutation(AllocateBudgetMutation);
  async function submit() {
    const { amount } = await form.validateFields();
    const answer = await allocate({ input: { regionId: row.regionId, amount: normalizeMoney(amount) } });
    if (answer.data?.allocateSubsidyBudget) {
      void message.success(t('policies.budgets.done', { region: row.name, amount: answer.data.allocateSubsidyBudget.allocated }));
      onClose();
    }
  }
  return (
    <Modal
      open
      title={t('policies.budgets.dialogTitle', { region: row.name })}
      okText={t('policies.budgets.allocate')}
      okButtonProps={{ loading: result.fetching }}
      cancelText={t('policies.actions.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="allocate-budget" initialValues={{ amount: row.allocated ?? '' }} onFinish={() => void submit()}>
        <Form.Item
          name="amount"
          label={t('policies.budgets.amount')}
          extra={t('policies.budgets.replaces', { current: row.allocated ?? '0.00' })}
          rules={[
            { required: true, message: t('policies.form.errors.required') },
            { pattern: MONEY_INPUT, message: t('policies.form.errors.money') },
          ]}
          validateFirst
        >
          <Input inputMode="decimal" autoComplete="off" prefix="¥" />
        </Form.Item>
      </Form>
      <ErrorNotice error={result.error} />
    </Modal>
  );
}

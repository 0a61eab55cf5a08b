import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { graphql } from '../../../gql/index.js';
import type { PackageCategory, PublishPackageInput } from '../../../gql/graphql.js';
import { formatFen, isMoney, MONEY_INPUT, normalizeMoney, toFen } from '../../../lib/money.js';
import { CATEGORIES } from './community.js';
import { PriceLines } from './PriceLines.js';
import { Refusal, type Explain } from './Refusal.js';
import { firstOpenDate } from './time.js';

const PackagePolicyQuery = graphql(`
  query CommunityPackagePolicy($communityId: ID!, $date: Date!) {
    effectiveSubsidyPolicies(regionId: $communityId, date: $date) {
      id
      category
      subsidyPerUnit
      maxListPrice
      perHouseholdDailyLimit
    }
  }
`);

const CommunitySuppliersQuery = graphql(`
  query CommunitySuppliers($communityId: ID!) {
    suppliers(regionId: $communityId) {
      id
      name
    }
  }
`);

const PublishPackageMutation = graphql(`
  mutation CommunityPublishPackage($input: PublishPackageInput!) {
    publishPackage(input: $input) {
      id
      name
      date
      residentPrice
      orderCutoff
      ...PackageCard_PackageFragment
    }
  }
`);

interface ItemValues {
  name?: string;
  quantity?: number | null;
  unit?: string;
}

interface PackageFormValues {
  category?: PackageCategory;
  name?: string;
  date?: Dayjs;
  listPrice?: string;
  items?: ItemValues[];
  supplierId?: string;
}

/** What the committee confirms: the input to send and the prices it gives under the policy in force. */
interface Draft {
  input: PublishPackageInput;
  subsidy: string;
  residentPrice: string;
  cap: string | null;
  supplier: string;
}

/** What the page says once a package is published. */
export interface Published {
  name: string;
  date: string;
  residentPrice: string;
  cutoff: string;
}

/**
 * Publishing a package: category, name, date, list price, contents and supplier, checked as typed against the policy in
 * force for the community and date (a list price above the city's cap is refused here, and by the platform); then the
 * list price, the subsidy and the resident price it gives, to confirm before anything is sent.
 */
export function PublishPackageForm({ communityId, defaultDate, onPublished, onCancel }: { communityId: string; defaultDate: string; onPublished: (published: Published) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<PackageFormValues>();
  const [draft, setDraft] = useState<Draft | null>(null);
  const openFrom = firstOpenDate();
  const date = (Form.useWatch('date', form) as Dayjs | undefined)?.format('YYYY-MM-DD') ?? (defaultDate < openFrom ? openFrom : defaultDate);
  const category = Form.useWatch('category', form) as PackageCategory | undefined;
  const listPrice = Form.useWatch('listPrice', form) as string | undefined;
  const [policyResult, refetchPolicy] = useQuery({ query: PackagePolicyQuery, variables: { communityId, date } });
  const [suppliersResult] = useQuery({ query: CommunitySuppliersQuery, variables: { communityId } });
  const [publication, publish] = useMutation(PublishPackageMutation);
  const policies = policyResult.data?.effectiveSubsidyPolicies;
  const policy = category && policies ? (policies.find((p) => p.category === category) ?? null) : undefined;
  const suppliers = suppliersResult.data?.suppliers ?? [];
  const categoryName = category ? t(`common.enums.PackageCategory.${category}`) : '';

  // A policy that arrives (or changes with the date or category) re-checks a price already typed.
  useEffect(() => {
    if (form.getFieldValue('listPrice')) form.validateFields(['listPrice']).catch(() => undefined);
  }, [policy, form]);
  // The first designated supplier is the usual choice.
  useEffect(() => {
    if (suppliers[0] && !form.getFieldValue('supplierId')) form.setFieldValue('supplierId', suppliers[0].id);
  }, [suppliers, form]);

  const required: FormRule = { required: true, whitespace: true, message: t('community.form.required') };
  const withinCap: FormRule = {
    validator: (_, value: string | undefined) => {
      if (!value || !isMoney(value)) return Promise.resolve();
      if (toFen(value) <= 0) return Promise.reject(new Error(t('community.publish.errors.positive')));
      if (policy && toFen(value) > toFen(policy.maxListPrice)) {
        return Promise.reject(new Error(t('community.publish.errors.aboveCap', { category: categoryName, cap: policy.maxListPrice, date })));
      }
      return Promise.resolve();
    },
  };

  /** What the policy says for the chosen category and date, under the price field. */
  function policyHint(): string {
    if (!category) return t('community.publish.policy.pick');
    if (policyResult.fetching && !policies) return t('community.publish.policy.loading');
    if (policy === undefined) return t('community.publish.policy.unknown');
    if (policy === null) return t('community.publish.policy.none', { date, category: categoryName });
    const hint = t('community.publish.policy.terms', { date, category: categoryName, subsidy: policy.subsidyPerUnit, cap: policy.maxListPrice, limit: policy.perHouseholdDailyLimit });
    if (listPrice && isMoney(listPrice) && toFen(listPrice) > 0 && toFen(listPrice) <= toFen(policy.maxListPrice)) {
      return `${hint} ${t('community.publish.policy.residentWillPay', { amount: formatFen(toFen(listPrice) - toFen(policy.subsidyPerUnit)) })}`;
    }
    return hint;
  }

  function check(values: PackageFormValues) {
    if (policy === undefined) return; // the hint says the policy could not be read: no price is guessed
    const list = toFen(values.listPrice!);
    const subsidy = policy && list <= toFen(policy.maxListPrice) ? toFen(policy.subsidyPerUnit) : 0;
    setDraft({
      input: {
        communityId,
        category: values.category!,
        name: values.name!.trim(),
        date: values.date!.format('YYYY-MM-DD'),
        listPrice: normalizeMoney(values.listPrice!),
        items: (values.items ?? []).map((item) => ({ name: item.name!.trim(), quantity: item.quantity!, unit: item.unit!.trim() })),
        supplierId: values.supplierId!,
      },
      subsidy: formatFen(subsidy),
      residentPrice: formatFen(list - subsidy),
      cap: policy?.maxListPrice ?? null,
      supplier: suppliers.find((s) => s.id === values.supplierId)?.name ?? '',
    });
  }

  async function confirm() {
    if (!draft) return;
    const answer = await publish({ input: draft.input });
    const pkg = answer.data?.publishPackage;
    if (pkg) {
      onPublished({ name: pkg.name, date: pkg.date, residentPrice: pkg.residentPrice ?? '—', cutoff: formatShanghaiTime(pkg.orderCutoff, i18n.language) });
      return;
    }
    // Refused: back to the form; a cap that changed meanwhile is read again.
    setDraft(null);
    refetchPolicy({ requestPolicy: 'network-only' });
  }

  const explain: Explain = (code, field) => {
    if (code === 'BAD_USER_INPUT') {
      if (field === 'listPrice') return t('community.publish.refused.listPrice');
      if (field === 'date') return t('community.publish.refused.date');
      if (field === 'supplierId') return t('community.publish.refused.supplier');
      return t('community.publish.refused.input');
    }
    if (code === 'CONFLICT') return t('community.publish.refused.conflict');
    return undefined;
  };

  return (
    <section aria-label={t('community.publish.title')}>
      <Card
        title={
          <Typography.Title level={3} style={{ fontSize: 17, margin: 0 }}>
            {t('community.publish.title')}
          </Typography.Title>
        }
      >
        <Form<PackageFormValues>
          form={form}
          name="publish-package"
          layout="vertical"
          size="large"
          initialValues={{ date: dayjs(date), items: [{ unit: t('community.publish.defaultUnit') }] }}
          onValuesChange={() => setDraft(null)}
          onFinish={check}
          disabled={publication.fetching || draft !== null}
        >
          <Form.Item name="category" label={t('community.publish.fields.category')} rules={[{ required: true, message: t('community.form.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('community.publish.placeholders.category')}
              options={CATEGORIES.map((value) => ({ value, label: t(`common.enums.PackageCategory.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('community.publish.fields.name')} rules={[required, { max: 100, message: t('community.form.tooLong', { max: 100 }) }]}>
            <Input autoComplete="off" placeholder={t('community.publish.placeholders.name')} />
          </Form.Item>
          <Form.Item name="date" label={t('community.publish.fields.date')} extra={t('community.publish.dateHint', { first: openFrom })} rules={[{ required: true, message: t('community.form.required') }]}>
            <DatePicker allowClear={false} inputReadOnly={false} disabledDate={(day) => day.format('YYYY-MM-DD') < openFrom} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="listPrice"
            label={t('community.publish.fields.listPrice')}
            extra={<span role="status">{policyHint()}</span>}
            dependencies={['category', 'date']}
            rules={[required, { pattern: MONEY_INPUT, message: t('community.form.money') }, withinCap]}
            validateFirst
          >
            <Input inputMode="decimal" autoComplete="off" prefix="¥" placeholder="52.00" />
          </Form.Item>
          <Form.List name="items" rules={[{ validator: (_, items?: ItemValues[]) => (items?.length ? Promise.resolve() : Promise.reject(new Error(t('community.publish.errors.noItems')))) }]}>
            {(fields, { add, remove }, { errors }) => (
              <fieldset style={{ border: 0, margin: '0 0 16px', padding: 0, minWidth: 0 }}>
                <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>{t('community.publish.fields.items')}</legend>
                {fields.map((field, index) => (
                  <div key={field.key} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                    <Form.Item name={[field.name, 'name']} rules={[required]} style={{ flex: 1, minWidth: 0, marginBottom: 8 }}>
                      <Input aria-label={t('community.publish.item.name', { n: index + 1 })} placeholder={t('community.publish.placeholders.itemName')} autoComplete="off" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: t('community.form.required') }]} style={{ width: 76, marginBottom: 8 }}>
                      <InputNumber aria-label={t('community.publish.item.quantity', { n: index + 1 })} min={0.1} max={1000} step={1} style={{ width: '100%' }} placeholder="1" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unit']} rules={[required]} style={{ width: 60, marginBottom: 8 }}>
                      <Input aria-label={t('community.publish.item.unit', { n: index + 1 })} autoComplete="off" />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('community.publish.item.remove', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                      disabled={fields.length === 1 || publication.fetching || draft !== null}
                    />
                  </div>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ unit: t('community.publish.defaultUnit') })}>
                  {t('community.publish.item.add')}
                </Button>
                <Form.ErrorList errors={errors} />
              </fieldset>
            )}
          </Form.List>
          <Form.Item name="supplierId" label={t('community.publish.fields.supplier')} rules={[{ required: true, message: t('community.form.required') }]}>
            <Select options={suppliers.map((s) => ({ value: s.id, label: s.name }))} loading={suppliersResult.fetching} placeholder={t('community.publish.placeholders.supplier')} />
          </Form.Item>
          <ErrorNotice error={suppliersResult.error ?? policyResult.error} />
          {draft ? null : (
            <Space wrap>
              <Button type="primary" htmlType="submit">
                {t('community.publish.check')}
              </Button>
              <Button onClick={onCancel}>{t('community.actions.cancel')}</Button>
            </Space>
          )}
        </Form>
        <Refusal error={publication.error} explain={explain} />
        {draft ? (
          <section aria-label={t('community.publish.confirmTitle')} style={{ marginTop: 8 }}>
            <Alert
              type="info"
              title={t('community.publish.confirmTitle')}
              description={
                <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                  <Typography.Text>{t('community.publish.confirmWhat', { name: draft.input.name, date: draft.input.date, category: t(`common.enums.PackageCategory.${draft.input.category}`), supplier: draft.supplier })}</Typography.Text>
                  <PriceLines
                    label={t('community.publish.confirmPrices')}
                    lines={[
                      { key: 'list', label: t('community.prices.listPrice'), value: t('community.money', { amount: draft.input.listPrice }) },
                      { key: 'subsidy', label: t('community.prices.subsidy'), value: t('community.money', { amount: draft.subsidy }) },
                      { key: 'resident', label: t('community.prices.residentPrice'), value: t('community.money', { amount: draft.residentPrice }), strong: true },
                    ]}
                  />
                  <Typography.Text type="secondary">
                    {draft.cap ? t('community.publish.confirmCap', { cap: draft.cap }) : t('community.publish.confirmNoPolicy')}
                  </Typography.Text>
                  <Space wrap>
                    <Button type="primary" size="large" loading={publication.fetching} onClick={() => void confirm()}>
                      {t('community.publish.confirm')}
                    </Button>
                    <Button size="large" disabled={publication.fetching} onClick={() => setDraft(null)}>
                      {t('community.publish.back')}
                    </Button>
                  </Space>
                </Space>
              }
            />
          </section>
        ) : null}
      </Card>
    </section>
  );
}

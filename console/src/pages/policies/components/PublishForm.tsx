import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import { addDays, shanghaiToday } from '../../../lib/dates.js';
import { MONEY_INPUT } from '../../../lib/money.js';
import { useCategoryOptions } from './labels.js';
import { draftIssue, MAX_DAILY_LIMIT, toPublishInput, type PolicyDraft, type PolicyFormValues } from './policyDraft.js';
import { PublishPreview } from './PublishPreview.js';
import { RegionSelect, type RegionIndex } from './regions.js';

const PublishPolicyMutation = graphql(`
  mutation PublishPolicy($input: PublishSubsidyPolicyInput!) {
    publishSubsidyPolicy(input: $input) {
      id
      version
      regionId
      category
      subsidyPerUnit
      maxListPrice
      perHouseholdDailyLimit
      effectiveFrom
      effectiveTo
      status
    }
  }
`);

/**
 * Publishing a new version of policy: a form that validates as you type (the platform's rules, across fields through zod),
 * then a preview of which communities' and packages' prices change, then the mutation; success names the new version,
 * a refusal is said in words.
 */
export function PublishForm({ index }: { index: RegionIndex }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyFormValues>();
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [published, setPublished] = useState<{ version: number; title: string; effectiveFrom: string } | null>(null);
  const [result, publish] = useMutation(PublishPolicyMutation);
  const categoryOptions = useCategoryOptions();
  const tomorrow = addDays(shanghaiToday(), 1);
  const cityId = index.city.id;

  /** The cross-field rule of one field: the zod schema's issue for it, in words. */
  const crossField =
    (field: keyof PolicyFormValues): FormRule =>
    ({ getFieldsValue }) => ({
      validator: () => {
        const issue = draftIssue(getFieldsValue(true) as PolicyFormValues, field, cityId, tomorrow);
        return issue ? Promise.reject(new Error(t(`policies.form.errors.${issue}`, { tomorrow }))) : Promise.resolve();
      },
    });
  const required: FormRule = { required: true, message: t('policies.form.errors.required') };
  const money: FormRule = { pattern: MONEY_INPUT, message: t('policies.form.errors.money') };
  const beforeTomorrow = (day: Dayjs) => day.format('YYYY-MM-DD') < tomorrow;

  async function preview() {
    const values = await form.validateFields();
    setPublished(null);
    setDraft(toPublishInput(values));
  }

  async function confirm() {
    if (!draft) return;
    const answer = await publish({ input: draft });
    const policy = answer.data?.publishSubsidyPolicy;
    if (policy) {
      setPublished({
        version: policy.version,
        effectiveFrom: policy.effectiveFrom,
        title: t('policies.list.versionOf', { region: index.byId.get(policy.regionId)?.name ?? policy.regionId, category: t(`common.enums.PackageCategory.${policy.category}`), version: policy.version }),
      });
      setDraft(null);
      form.resetFields();
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {published ? (
        <Alert type="success" showIcon role="status" title={t('policies.publish.done', { policy: published.title, from: published.effectiveFrom })} closable={{ 'aria-label': t('policies.actions.close') }} onClose={() => setPublished(null)} />
      ) : null}
      <Form<PolicyFormValues>
        form={form}
        name="publish-policy"
        layout="vertical"
        initialValues={{ perHouseholdDailyLimit: 1, effectiveFrom: dayjs(tomorrow) }}
        onValuesChange={() => setDraft(null)}
        onFinish={() => void preview()}
        disabled={result.fetching}
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="regionId" label={t('policies.fields.region')} extra={t('policies.form.regionHint')} rules={[required, crossField('regionId')]} validateFirst>
              <RegionSelect index={index} deepest="STREET" placeholder={t('policies.form.regionPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="category" label={t('policies.fields.category')} rules={[required]}>
              <Select options={categoryOptions} showSearch={{ optionFilterProp: 'label' }} placeholder={t('policies.form.categoryPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="perHouseholdDailyLimit" label={t('policies.fields.perHouseholdDailyLimit')} extra={t('policies.form.limitHint', { max: MAX_DAILY_LIMIT })} rules={[required, crossField('perHouseholdDailyLimit')]} validateFirst>
              <InputNumber min={0} max={MAX_DAILY_LIMIT} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="subsidyPerUnit"
              label={t('policies.fields.subsidyPerUnit')}
              extra={t('policies.form.moneyHint')}
              dependencies={['maxListPrice']}
              rules={[required, money, crossField('subsidyPerUnit')]}
              validateFirst
            >
              <Input inputMode="decimal" autoComplete="off" prefix="¥" placeholder="12.00" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="maxListPrice" label={t('policies.fields.maxListPrice')} extra={t('policies.form.capHint')} rules={[required, money, crossField('maxListPrice')]} validateFirst>
              <Input inputMode="decimal" autoComplete="off" prefix="¥" placeholder="52.00" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8} />
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="effectiveFrom" label={t('policies.fields.effectiveFrom')} extra={t('policies.form.fromHint', { tomorrow })} rules={[required, crossField('effectiveFrom')]} validateFirst>
              <DatePicker disabledDate={beforeTomorrow} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="effectiveTo" label={t('policies.fields.effectiveTo')} extra={t('policies.form.toHint')} dependencies={['effectiveFrom']} rules={[crossField('effectiveTo')]}>
              <DatePicker
                disabledDate={(day) => beforeTomorrow(day) || (!!form.getFieldValue('effectiveFrom') && day.isBefore(form.getFieldValue('effectiveFrom') as Dayjs, 'day'))}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        {draft ? null : (
          <Button type="primary" htmlType="submit">
            {t('policies.publish.preview')}
          </Button>
        )}
      </Form>
      <ErrorNotice error={result.error} />
      {draft ? <PublishPreview draft={draft} index={index} publishing={result.fetching} onConfirm={() => void confirm()} onBack={() => setDraft(null)} /> : null}
    </Space>
  );
}

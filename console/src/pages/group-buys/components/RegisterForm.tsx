import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../../gql/index.js';
import type { GroupBuyCategory } from '../../../gql/graphql.js';
import { errorCodes } from '../../../lib/client.js';
import { addDays, formatShanghaiTime, shanghaiToday } from '../../../lib/dates.js';
import { MONEY_INPUT, normalizeMoney, toFen } from '../../../lib/money.js';
import { GROUP_BUY_CATEGORIES } from './labels.js';
import { GROUP_BUYS_CHANGE } from './refresh.js';

const RegisterGroupBuyMutation = graphql(`
  mutation CommitteeRegisterGroupBuy($input: RegisterGroupBuyInput!) {
    registerGroupBuy(input: $input) {
      id
      title
      status
    }
  }
`);

interface ItemValues {
  name: string;
  unit: string;
  unitPrice: string;
  stock?: number | null;
}

export interface RegisterValues {
  title: string;
  category: GroupBuyCategory;
  organizer: string;
  items: ItemValues[];
  minParticipants: number;
  perHouseholdLimit?: number | null;
  /** A wall-clock time in Asia/Shanghai as a datetime-local input gives it: "2020-02-21T18:00". */
  deadline: string;
  pickupAt: string;
  pickupPoint: string;
  volunteers?: string;
}

/** A datetime-local value read as Beijing time, in the contract's form: "2020-02-21T18:00" → "2020-02-21T18:00:00+08:00". */
export function shanghaiDateTime(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

/** Instants named in a platform message ("…deadline (2020-02-21T18:00:00+08:00) must be in the future: it is … now"), in order. */
function instantsIn(message: string): string[] {
  return message.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g) ?? [];
}

/** The fields a BAD_USER_INPUT may name that the form has. */
const FORM_FIELDS = ['title', 'organizer', 'items', 'minParticipants', 'perHouseholdLimit', 'deadline', 'pickupAt', 'pickupPoint', 'volunteers'] as const;

/**
 * Registering a group buy: what it is, its items with unit price and stock, the least take-up and the household limit,
 * when joining closes and when and where the goods are picked up (Beijing time). The form checks what it can; the
 * platform's refusals (a deadline already past by its clock, a pickup before the deadline, more households than the
 * stock could serve) are said in plain words on the field they name.
 */
export function RegisterForm({ compoundId }: { compoundId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterValues>();
  const [result, register] = useMutation(RegisterGroupBuyMutation);
  const [refusal, setRefusal] = useState<string | null>(null);
  const today = shanghaiToday();
  const required: FormRule = { required: true, whitespace: true, message: t('groupBuys.form.errors.required') };
  const wholeNumber: FormRule = { type: 'integer', min: 1, message: t('groupBuys.form.errors.wholeNumber') };
  const time = (local: string) => formatShanghaiTime(shanghaiDateTime(local), i18n.language, { weekday: true });

  /** The platform's refusal in plain words, on the field it names. */
  function explain(error: CombinedError, values: RegisterValues): string {
    const codes = errorCodes(error);
    const first = error.graphQLErrors[0];
    const message = first?.message ?? '';
    if (error.networkError) return t('common.errors.network');
    if (codes.includes('CONFLICT')) return t('groupBuys.form.refused.noCommittee');
    if (!codes.includes('BAD_USER_INPUT')) return t('groupBuys.form.refused.other', { message: message || t('common.errors.unknown') });
    const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : '';
    const instants = instantsIn(message);
    let words: string;
    if (field === 'deadline') {
      words = instants[1]
        ? t('groupBuys.form.refused.deadline', { deadline: time(values.deadline), now: formatShanghaiTime(instants[1], i18n.language, { weekday: true }) })
        : t('groupBuys.form.refused.deadlineNoNow', { deadline: time(values.deadline) });
    } else if (field === 'pickupAt') {
      words = t('groupBuys.form.refused.pickupAt', { pickupAt: time(values.pickupAt), deadline: time(values.deadline) });
    } else if (field === 'minParticipants') {
      words = t('groupBuys.form.refused.minParticipants');
    } else {
      words = t('groupBuys.form.refused.other', { message });
    }
    const formField = FORM_FIELDS.find((name) => name === field);
    if (formField && formField !== 'items') form.setFields([{ name: formField, errors: [words] }]);
    return words;
  }

  async function submit(values: RegisterValues) {
    setRefusal(null);
    const volunteers = (values.volunteers ?? '')
      .split(/[,，、;；\n]/)
      .map((name) => name.trim())
      .filter(Boolean);
    const answer = await register(
      {
        input: {
          compoundId,
          title: values.title.trim(),
          category: values.category,
          organizer: values.organizer.trim(),
          items: values.items.map((item) => ({
            name: item.name.trim(),
            unit: item.unit.trim(),
            unitPrice: normalizeMoney(item.unitPrice),
            stock: item.stock ?? null,
          })),
          minParticipants: values.minParticipants,
          perHouseholdLimit: values.perHouseholdLimit ?? null,
          deadline: shanghaiDateTime(values.deadline),
          pickupAt: shanghaiDateTime(values.pickupAt),
          pickupPoint: values.pickupPoint.trim(),
          volunteers,
        },
      },
      GROUP_BUYS_CHANGE,
    );
    const registered = answer.data?.registerGroupBuy;
    if (registered) {
      void navigate(`/group-buys/${registered.id}`, { state: { registered: registered.title } });
    } else if (answer.error) {
      setRefusal(explain(answer.error, values));
    }
  }

  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>{t('groupBuys.form.heading')}</Typography.Title>}>
      <Form<RegisterValues>
        form={form}
        name="register-group-buy"
        layout="vertical"
        requiredMark="optional"
        disabled={result.fetching}
        initialValues={{
          category: 'FRUIT',
          items: [{ name: '', unit: '', unitPrice: '' }],
          minParticipants: 1,
          deadline: `${addDays(today, 1)}T18:00`,
          pickupAt: `${addDays(today, 2)}T16:00`,
        }}
        onValuesChange={() => setRefusal(null)}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('groupBuys.form.title')} rules={[required]}>
              <Input placeholder={t('groupBuys.form.titlePlaceholder')} autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('groupBuys.form.category')} rules={[required]}>
              <Select options={GROUP_BUY_CATEGORIES.map((category) => ({ value: category, label: t(`common.enums.GroupBuyCategory.${category}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="organizer" label={t('groupBuys.form.organizer')} extra={t('groupBuys.form.organizerHint')} rules={[required]}>
              <Input autoComplete="off" maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={4} style={{ fontSize: 16 }}>
          {t('groupBuys.form.items')}
        </Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12} style={{ marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={t('groupBuys.form.itemHeading', { n: index + 1 })}
                  extra={
                    fields.length > 1 ? (
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('groupBuys.form.removeItem', { n: index + 1 })} onClick={() => remove(field.name)} />
                    ) : null
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'name']} label={t('groupBuys.form.itemName')} rules={[required]}>
                        <Input placeholder={t('groupBuys.form.itemNamePlaceholder')} autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'unit']} label={t('groupBuys.form.unit')} rules={[required]}>
                        <Input placeholder={t('groupBuys.form.unitPlaceholder')} autoComplete="off" maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item
                        name={[field.name, 'unitPrice']}
                        label={t('groupBuys.form.unitPrice')}
                        rules={[
                          required,
                          { pattern: MONEY_INPUT, message: t('groupBuys.form.errors.money') },
                          {
                            validator: (_, value: string | undefined) =>
                              !value || !MONEY_INPUT.test(value.trim()) || toFen(value) > 0 ? Promise.resolve() : Promise.reject(new Error(t('groupBuys.form.errors.positive'))),
                          },
                        ]}
                        validateFirst
                      >
                        <Input inputMode="decimal" prefix="¥" autoComplete="off" placeholder="25.00" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'stock']} label={t('groupBuys.form.stock')} extra={t('groupBuys.form.stockHint')} rules={[wholeNumber]}>
                        <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} size="large" onClick={() => add({ name: '', unit: '', unitPrice: '' })}>
                {t('groupBuys.form.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="minParticipants"
              label={t('groupBuys.form.minParticipants')}
              extra={t('groupBuys.form.minParticipantsHint')}
              dependencies={[['items']]}
              rules={[
                { required: true, message: t('groupBuys.form.errors.required') },
                wholeNumber,
                ({ getFieldValue }) => ({
                  validator: (_, min: number | undefined) => {
                    const items = (getFieldValue('items') as ItemValues[] | undefined) ?? [];
                    if (!min || items.length === 0 || items.some((item) => item?.stock == null)) return Promise.resolve();
                    const units = items.reduce((sum, item) => sum + (item.stock ?? 0), 0);
                    return min <= units ? Promise.resolve() : Promise.reject(new Error(t('groupBuys.form.errors.tooFewUnits', { units, min })));
                  },
                }),
              ]}
            >
              <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="perHouseholdLimit" label={t('groupBuys.form.perHouseholdLimit')} extra={t('groupBuys.form.perHouseholdLimitHint')} rules={[wholeNumber]}>
              <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deadline" label={t('groupBuys.form.deadline')} rules={[{ required: true, message: t('groupBuys.form.errors.time') }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="pickupAt"
              label={t('groupBuys.form.pickupAt')}
              dependencies={['deadline']}
              rules={[
                { required: true, message: t('groupBuys.form.errors.time') },
                ({ getFieldValue }) => ({
                  validator: (_, pickupAt: string | undefined) => {
                    const deadline = getFieldValue('deadline') as string | undefined;
                    if (!pickupAt || !deadline) return Promise.resolve();
                    return Date.parse(shanghaiDateTime(pickupAt)) >= Date.parse(shanghaiDateTime(deadline))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('groupBuys.form.errors.pickupBeforeDeadline')));
                  },
                }),
              ]}
            >
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="pickupPoint" label={t('groupBuys.form.pickupPoint')} rules={[required]}>
              <Input placeholder={t('groupBuys.form.pickupPointPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="volunteers" label={t('groupBuys.form.volunteers')} extra={t('groupBuys.form.volunteersHint')}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        {refusal ? <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" size="large" block loading={result.fetching}>
          {t('groupBuys.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}

import { Alert, Button, Card, Form, InputNumber, Select, Space, Typography, type FormRule } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql/index.js';
import { Refusal, type Explain } from './Refusal.js';

const AssignPartyMemberMutation = graphql(`
  mutation CommunityAssignPartyMember($input: AssignPartyMemberInput!) {
    assignPartyMember(input: $input) {
      id
      floorFrom
      floorTo
      building {
        id
        name
      }
      partyMember {
        id
        name
      }
    }
  }
`);

interface AssignValues {
  partyMemberId?: string;
  buildingId?: string;
  floorFrom?: number | null;
  floorTo?: number | null;
}

export interface BuildingChoice {
  id: string;
  label: string;
  floors: number;
  /** Its floors nobody covers, as ranges. */
  open: Array<[number, number]>;
}

/**
 * Assigning a party member a range of floors of a building; choosing a building fills in the first floors nobody
 * covers, and says which those are.
 */
export function AssignFloorsForm({ members, buildings, memberId }: { members: Array<{ id: string; name: string }>; buildings: BuildingChoice[]; memberId: string | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const [assignment, assign] = useMutation(AssignPartyMemberMutation);
  const [done, setDone] = useState<{ name: string; building: string; floors: string } | null>(null);
  const buildingId = Form.useWatch('buildingId', form) as string | undefined;
  const building = buildings.find((b) => b.id === buildingId);
  const floorsText = (ranges: Array<[number, number]>) => ranges.map(([from, to]) => t('community.party.floors', { from, to })).join(t('community.listSeparator'));

  // A member just registered is the one to assign.
  useEffect(() => {
    if (memberId) form.setFieldValue('partyMemberId', memberId);
  }, [memberId, form]);

  const required: FormRule = { required: true, message: t('community.form.required') };
  const floorRule =
    (field: 'floorFrom' | 'floorTo'): FormRule =>
    ({ getFieldValue }) => ({
      validator: (_, value: number | null | undefined) => {
        if (value == null || !building) return Promise.resolve();
        if (value < 1 || value > building.floors || !Number.isInteger(value)) return Promise.reject(new Error(t('community.party.assign.errors.range', { floors: building.floors })));
        const from = field === 'floorFrom' ? value : (getFieldValue('floorFrom') as number | null);
        const to = field === 'floorTo' ? value : (getFieldValue('floorTo') as number | null);
        if (from != null && to != null && from > to) return Promise.reject(new Error(t('community.party.assign.errors.order')));
        return Promise.resolve();
      },
    });

  function chooseBuilding(id: string) {
    const chosen = buildings.find((b) => b.id === id);
    if (!chosen) return;
    const [first] = chosen.open;
    form.setFieldsValue({ floorFrom: first ? first[0] : 1, floorTo: first ? first[1] : chosen.floors });
  }

  async function submit(values: AssignValues) {
    setDone(null);
    const answer = await assign({ input: { partyMemberId: values.partyMemberId!, buildingId: values.buildingId!, floorFrom: values.floorFrom!, floorTo: values.floorTo! } });
    const made = answer.data?.assignPartyMember;
    if (made) {
      setDone({
        name: made.partyMember.name ?? members.find((m) => m.id === made.partyMember.id)?.name ?? '',
        building: buildings.find((b) => b.id === made.building.id)?.label ?? made.building.name,
        floors: t('community.party.floors', { from: made.floorFrom, to: made.floorTo }),
      });
      form.resetFields(['buildingId', 'floorFrom', 'floorTo']);
    }
  }

  const explain: Explain = (code) => {
    if (code === 'CONFLICT') return t('community.party.assign.refused.overlap');
    if (code === 'BAD_USER_INPUT') return t('community.party.assign.refused.input');
    return undefined;
  };

  return (
    <section aria-label={t('community.party.assign.title')}>
      <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('community.party.assign.title')}</Typography.Title>}>
        <Form<AssignValues> form={form} name="assign-floors" layout="vertical" size="large" onFinish={(values) => void submit(values)} disabled={assignment.fetching}>
          <Form.Item name="partyMemberId" label={t('community.party.assign.member')} rules={[required]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={members.map((m) => ({ value: m.id, label: m.name }))} placeholder={t('community.party.assign.memberPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="buildingId"
            label={t('community.party.assign.building')}
            rules={[required]}
            extra={building ? (building.open.length ? t('community.party.assign.openFloors', { floors: floorsText(building.open) }) : t('community.party.assign.allTaken')) : undefined}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={buildings.map((b) => ({ value: b.id, label: b.label }))}
              placeholder={t('community.party.assign.buildingPlaceholder')}
              onChange={(id: string) => chooseBuilding(id)}
            />
          </Form.Item>
          <Space size="middle" wrap>
            <Form.Item name="floorFrom" label={t('community.party.assign.floorFrom')} dependencies={['buildingId', 'floorTo']} rules={[required, floorRule('floorFrom')]}>
              <InputNumber min={1} max={building?.floors ?? 99} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="floorTo" label={t('community.party.assign.floorTo')} dependencies={['buildingId', 'floorFrom']} rules={[required, floorRule('floorTo')]}>
              <InputNumber min={1} max={building?.floors ?? 99} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" block loading={assignment.fetching}>
            {t('community.party.assign.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          {done ? <Alert type="success" showIcon role="status" title={t('community.party.assign.done', { ...done })} /> : null}
          <Refusal error={assignment.error} explain={explain} />
        </div>
      </Card>
    </section>
  );
}

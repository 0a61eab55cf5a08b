import { App, Button, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { graphql } from '../../../gql/index.js';
import type { Door, Visits } from './visits.js';

const GridFlagHouseholdCareMutation = graphql(`
  mutation GridFlagHouseholdCare($input: FlagHouseholdCareInput!) {
    flagHouseholdCare(input: $input) {
      household {
        id
      }
      kind
      visitEveryDays
      lastVisitAt
      nextVisitDue
      overdue
    }
  }
`);

/** The contract's kinds of care, in its order. */
export const CARE_KINDS = ['ELDERLY_ALONE', 'DISABLED', 'CHILD_IN_DIFFICULTY', 'CHRONIC_ILLNESS'] as const;
type CareKind = (typeof CARE_KINDS)[number];
/** A visit's note, at most this long. */
const NOTE_MAX = 500;
/** Flagging answers a CareFlag: the care list re-runs on it. */
const REFRESHED_BY_CARE = { additionalTypenames: ['CareFlag'] };
/** A touch target a finger finds (44 px and more). */
const TOUCH = { minHeight: 44 };

/** "Record visit" for a household: a note, then the visit goes through the offline queue (sent now or once back online). */
export function VisitButton({ household, visits }: { household: Door; visits: Visits }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const saving = useRef(false);
  async function save() {
    if (saving.current) return;
    const { note } = await form.validateFields();
    saving.current = true;
    try {
      await visits.record(household, note.trim());
      setOpen(false);
      form.resetFields();
      void message.info(t('grid.worker.visit.queued'));
    } finally {
      saving.current = false;
    }
  }
  return (
    <>
      <Button type="primary" size="large" style={TOUCH} aria-label={t('grid.worker.visit.openLabel', { door: household.door })} onClick={() => setOpen(true)}>
        {t('grid.worker.visit.open')}
      </Button>
      <Modal
        open={open}
        title={t('grid.worker.visit.title', { door: household.door })}
        okText={t('grid.worker.visit.submit')}
        cancelText={t('grid.worker.visit.cancel')}
        okButtonProps={{ size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => void save().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="note"
            label={t('grid.worker.visit.note')}
            rules={[
              { required: true, whitespace: true, message: t('grid.worker.visit.required') },
              { max: NOTE_MAX, message: t('grid.worker.visit.tooLong', { max: NOTE_MAX }) },
            ]}
          >
            <Input.TextArea rows={3} placeholder={t('grid.worker.visit.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** "Flag for care" for a household: the kind and the days between visits, sent at once (the platform checks the grid). */
export function FlagButton({ household }: { household: Door }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: CareKind; visitEveryDays: number }>();
  const [flagging, flag] = useMutation(GridFlagHouseholdCareMutation);
  async function save() {
    const values = await form.validateFields();
    const answer = await flag({ input: { householdId: household.id, kind: values.kind, visitEveryDays: values.visitEveryDays } }, REFRESHED_BY_CARE);
    if (answer.data?.flagHouseholdCare) {
      setOpen(false);
      void message.success(t('grid.worker.flag.done', { door: household.door, kind: t(`grid.careKinds.${values.kind}`), days: values.visitEveryDays }));
    }
  }
  return (
    <>
      <Button size="large" style={TOUCH} aria-label={t('grid.worker.flag.openLabel', { door: household.door })} onClick={() => setOpen(true)}>
        {t('grid.worker.flag.open')}
      </Button>
      <Modal
        open={open}
        title={t('grid.worker.flag.title', { door: household.door })}
        okText={t('grid.worker.flag.submit')}
        cancelText={t('grid.worker.flag.cancel')}
        okButtonProps={{ size: 'large', loading: flagging.fetching }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => void save().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'ELDERLY_ALONE', visitEveryDays: 7 }}>
          <Form.Item name="kind" label={t('grid.worker.flag.kind')} rules={[{ required: true }]}>
            <Radio.Group
              aria-label={t('grid.worker.flag.kind')}
              optionType="button"
              size="large"
              options={CARE_KINDS.map((kind) => ({ value: kind, label: t(`grid.careKinds.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="visitEveryDays"
            label={t('grid.worker.flag.every')}
            rules={[{ required: true, type: 'integer', min: 1, max: 90, message: t('grid.worker.flag.everyRange') }]}
          >
            <InputNumber size="large" min={1} max={90} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
        {flagging.error ? <ErrorNotice error={flagging.error} /> : null}
      </Modal>
    </>
  );
}

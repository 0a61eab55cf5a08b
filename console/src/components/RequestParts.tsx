// What every page that shows resident requests shares: the status tag's colours and the callback's fields (the hotline's
// desk and a resident's phone record the same callback).
import { Form, Input, Radio, type RadioGroupProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestStatus, Satisfaction } from '../gql/graphql.js';

// Solid tags with white text, each dark enough for 4.5:1.
export const REQUEST_STATUS_COLORS: Record<RequestStatus, string> = {
  DISPATCHED: '#0958d9',
  ACCEPTED: '#531dab',
  RETURNED: '#ad4e00',
  REPLIED: '#006d75',
  REOPENED: '#a8071a',
  CLOSED: '#237804',
};

/** The callback's satisfaction levels, best first. */
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const satisfies readonly Satisfaction[];

export interface CallbackValues {
  resolved: boolean;
  satisfaction: Satisfaction;
  note?: string;
  /** Only when not resolved: send it back to the unit (the default) or close it unresolved. */
  reopen?: boolean;
}

/** The mutation's input from the form: `reopen` only when not resolved, the note trimmed or null. */
export function callbackInput(requestId: string, values: CallbackValues) {
  return { requestId, resolved: values.resolved, satisfaction: values.satisfaction, note: values.note?.trim() || null, reopen: values.resolved ? null : (values.reopen ?? true) };
}

/** Large solid buttons, one per choice, named by `label` (a Form.Item's child: its value and onChange pass through). */
function ChoiceButtons({ label, ...props }: RadioGroupProps & { label: string }) {
  return <Radio.Group aria-label={label} optionType="button" buttonStyle="solid" size="large" {...props} />;
}

/** The callback's fields: resolved or not (and, when not, reopen or close unresolved), how satisfied, what the caller said (shared by the hotline and the resident). */
export function CallbackFields({ withNote = true }: { withNote?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="resolved" label={t('requests.callback.resolved')} rules={[{ required: true, message: t('requests.callback.resolvedRequired') }]}>
        <ChoiceButtons
          label={t('requests.callback.resolved')}
          options={[
            { value: true, label: t('requests.callback.resolvedYes') },
            { value: false, label: t('requests.callback.resolvedNo') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['resolved']}>
        {({ getFieldValue }) =>
          getFieldValue('resolved') === false ? (
            <Form.Item name="reopen" label={t('requests.callback.reopen')} initialValue={true}>
              <ChoiceButtons
                label={t('requests.callback.reopen')}
                options={[
                  { value: true, label: t('requests.callback.reopenYes') },
                  { value: false, label: t('requests.callback.reopenNo') },
                ]}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="satisfaction" label={t('requests.callback.satisfaction')} rules={[{ required: true, message: t('requests.callback.satisfactionRequired') }]}>
        <ChoiceButtons
          label={t('requests.callback.satisfaction')}
          options={SATISFACTIONS.map((value) => ({ value, label: t(`common.enums.Satisfaction.${value}`) }))}
        />
      </Form.Item>
      {withNote ? (
        <Form.Item name="note" label={t('requests.callback.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      ) : null}
    </>
  );
}


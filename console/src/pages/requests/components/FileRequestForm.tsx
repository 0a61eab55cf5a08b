import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../../gql/index.js';
import type { Urgency } from '../../../gql/graphql.js';
import { newIdempotencyKey } from '../../../lib/idempotency.js';
import { refusalOf, RefusalNotice, type Refusal } from '../../../components/Refusal.js';

const HotlineFileRequestMutation = graphql(`
  mutation HotlineFileRequest($input: FileRequestInput!) {
    fileRequest(input: $input) {
      id
      street {
        id
        name
      }
      department {
        id
        name
      }
      ...RequestCard_Request
    }
  }
`);

/** A community to pick, with its street for the label. */
export interface CommunityOption {
  id: string;
  name: string;
  street: string;
}

/** A category of the catalogue, as the form offers it. */
export interface CategoryOption {
  code: string;
  name: string;
  urgency: Urgency;
  responsibleDepartment: { name: string } | null;
}

interface FileValues {
  communityId: string;
  categoryCode: string;
  description: string;
  callerName?: string;
  callerPhone?: string;
}

/**
 * The hotline files a request for a caller: the community (of the city's, searchable, with their streets), the category
 * of the catalogue (with the unit it goes to), what the caller asks, the caller's name and phone if given. The form's
 * idempotency key is made once and kept until the platform answers with the filed request, so pressing again after a
 * failed answer never files twice; a new key starts the next form.
 */
export function FileRequestForm({ communities, categories }: { communities: readonly CommunityOption[]; categories: readonly CategoryOption[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FileValues>();
  const key = useRef(newIdempotencyKey());
  const [result, file] = useMutation(HotlineFileRequestMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const streets = [...new Set(communities.map((c) => c.street))];

  async function submit(values: FileValues) {
    const answer = await file({
      input: {
        communityId: values.communityId,
        categoryCode: values.categoryCode,
        description: values.description.trim(),
        channel: 'HOTLINE',
        callerName: values.callerName?.trim() || null,
        callerPhone: values.callerPhone?.trim() || null,
        idempotencyKey: key.current,
      },
    });
    const request = answer.data?.fileRequest;
    if (request) {
      key.current = newIdempotencyKey();
      setRefusal(null);
      setFiled(t('requests.file.filed', { unit: request.department?.name ?? request.street?.name ?? '' }));
      form.resetFields();
    } else if (answer.error) {
      setFiled(null);
      setRefusal(refusalOf(answer.error, t, { CONFLICT: t('requests.file.conflict') }, { network: t('requests.file.network'), unavailable: t('common.refusals.unavailable'), forbidden: t('common.refusals.forbidden') }));
    }
  }

  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('requests.file.title')}</Typography.Title>}>
      <Form<FileValues> form={form} layout="vertical" requiredMark={false} disabled={result.fetching} onFinish={(values) => void submit(values)} style={{ maxWidth: 640 }}>
        <Form.Item name="communityId" label={t('requests.file.community')} rules={[{ required: true, message: t('requests.file.communityRequired') }]}>
          <Select
            showSearch
            size="large"
            optionFilterProp="label"
            placeholder={t('requests.file.communityPlaceholder')}
            options={streets.map((street) => ({
              label: street,
              title: street,
              options: communities.filter((c) => c.street === street).map((c) => ({ value: c.id, label: `${c.name}（${c.street}）` })),
            }))}
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('requests.file.category')} rules={[{ required: true, message: t('requests.file.categoryRequired') }]}>
          <Select
            size="large"
            optionFilterProp="label"
            showSearch
            options={categories.map((c) => ({
              value: c.code,
              label: t('requests.file.categoryOption', { name: c.name, urgency: t(`common.enums.Urgency.${c.urgency}`), unit: c.responsibleDepartment?.name ?? t('requests.file.street') }),
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('requests.file.description')} rules={[{ required: true, whitespace: true, message: t('requests.file.descriptionRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="callerName" label={t('requests.file.callerName')}>
          <Input size="large" maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="callerPhone" label={t('requests.file.callerPhone')} rules={[{ pattern: /^\+?[0-9][0-9-]{4,19}$/, message: t('requests.file.callerPhoneInvalid') }]}>
          <Input size="large" maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={result.fetching}>
          {t('requests.file.submit')}
        </Button>
      </Form>
      {filed ? <Alert type="success" showIcon role="status" title={filed} style={{ marginTop: 12 }} /> : null}
      <div style={{ marginTop: 12 }}>
        <RefusalNotice refusal={refusal} />
      </div>
    </Card>
  );
}

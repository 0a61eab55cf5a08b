import { Alert, Button, Empty, Flex, Form, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { graphql } from '../../../gql/index.js';
import { REFRESHED_BY } from '../../../lib/client.js';
import { refusalOf, RefusalNotice, type Refusal } from '../../../components/Refusal.js';
import { RequestCard } from './RequestCard.js';

const HotlineReturnedQuery = graphql(`
  query HotlineReturned($cityId: ID!) {
    requests(filter: { regionId: $cityId, status: RETURNED }, first: 50) {
      totalCount
      edges {
        node {
          id
          category {
            name
          }
          community {
            name
          }
          history {
            status
            note
            at
          }
          ...RequestCard_Request
        }
      }
    }
  }
`);

const HotlineDispatchMutation = graphql(`
  mutation HotlineDispatch($input: DispatchRequestInput!) {
    dispatchRequest(input: $input) {
      id
      ...RequestCard_Request
    }
  }
`);

interface DispatchValues {
  to: 'street' | 'department';
  streetId?: string;
  departmentId?: string;
}

/** Re-dispatching a returned request to exactly one street or one department of the city. */
function DispatchForm(props: { requestId: string; name: string; onDone: () => void; streets: ReadonlyArray<{ id: string; name: string }>; departments: ReadonlyArray<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DispatchValues>();
  const to = Form.useWatch('to', form) ?? 'street';
  const [result, dispatch] = useMutation(HotlineDispatchMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  return (
    <Form<DispatchValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={result.fetching}
      initialValues={{ to: 'street' }}
      aria-label={t('requests.returned.dispatchNamed', { name: props.name })}
      onFinish={async (values) => {
        const input = values.to === 'street' ? { requestId: props.requestId, streetId: values.streetId ?? null } : { requestId: props.requestId, departmentId: values.departmentId ?? null };
        const answer = await dispatch({ input });
        if (answer.data?.dispatchRequest) {
          setRefusal(null);
          props.onDone();
        } else if (answer.error) setRefusal(refusalOf(answer.error, t, { CONFLICT: t('requests.refusals.conflict') }));
      }}
    >
      <Form.Item name="to" label={t('requests.returned.to')}>
        <Radio.Group
          aria-label={t('requests.returned.to')}
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'street', label: t('requests.returned.toStreet') },
            { value: 'department', label: t('requests.returned.toDepartment') },
          ]}
        />
      </Form.Item>
      {to === 'street' ? (
        <Form.Item name="streetId" label={t('requests.returned.street')} rules={[{ required: true, message: t('requests.returned.streetRequired') }]}>
          <Select size="large" showSearch optionFilterProp="label" options={props.streets.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="departmentId" label={t('requests.returned.department')} rules={[{ required: true, message: t('requests.returned.departmentRequired') }]}>
          <Select size="large" showSearch optionFilterProp="label" options={props.departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" size="large" loading={result.fetching}>
        {t('requests.returned.dispatch')}
      </Button>
      <RefusalNotice refusal={refusal} />
    </Form>
  );
}

/** The requests units returned to the hotline, each with the unit's reason, waiting to be re-dispatched. */
export function ReturnedRequests(props: { cityId: string; now: number; streets: ReadonlyArray<{ id: string; name: string }>; departments: ReadonlyArray<{ id: string; name: string }>; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({ query: HotlineReturnedQuery, variables: { cityId: props.cityId }, context: REFRESHED_BY.requests });
  const [dispatched, setDispatched] = useState(0);
  const edges = result.data?.requests?.edges ?? [];
  return (
    <Flex vertical gap={12}>
      <Typography.Text>{t('requests.returned.count', { count: result.data?.requests?.totalCount ?? 0 })}</Typography.Text>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {dispatched > 0 ? <Alert type="success" showIcon role="status" title={t('requests.returned.dispatched', { count: dispatched })} /> : null}
      {!result.data ? (
        result.fetching ? <PageLoading /> : null
      ) : edges.length === 0 ? (
        <Empty description={t('requests.returned.none')} />
      ) : (
        edges.map(({ node }) => {
          const reason = [...node.history].reverse().find((step) => step.status === 'RETURNED')?.note ?? '';
          const name = t('requests.card.title', { category: node.category.name, community: node.community.name });
          return (
            <RequestCard key={node.id} request={node} now={props.now} onOpen={props.onOpen}>
              <Typography.Text type="danger">{t('requests.returned.reason', { reason })}</Typography.Text>
              <DispatchForm requestId={node.id} name={name} onDone={() => setDispatched((n) => n + 1)} streets={props.streets} departments={props.departments} />
            </RequestCard>
          );
        })
      )}
    </Flex>
  );
}

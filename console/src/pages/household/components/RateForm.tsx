import { Alert, Button, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { useSession } from '../../../lib/session.js';
import { refusalOf, RefusalNotice, type Refusal } from './refusal.js';

export const RateForm_PackageFragment = graphql(`
  fragment RateForm_Package on Package {
    id
    name
    averageRating
    ratingCount
  }
`);

const HouseholdRatePackageMutation = graphql(`
  mutation HouseholdRatePackage($input: RatePackageInput!) {
    ratePackage(input: $input) {
      rating
      comment
      ratedAt
      package {
        id
        averageRating
        ratingCount
      }
    }
  }
`);

/** The longest comment the platform keeps. */
const MAX_COMMENT = 500;

interface RateValues {
  rating: number;
  comment?: string;
}

/** Rating a delivered package, 1 to 5 with a comment, for the committee that plans tomorrow's; rating again replaces it. */
export function RateForm({ package: masked }: { package: FragmentType<typeof RateForm_PackageFragment> }) {
  const { t } = useTranslation();
  const pkg = getFragmentData(RateForm_PackageFragment, masked);
  const [open, setOpen] = useState(false);
  const [result, rate] = useMutation(HouseholdRatePackageMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [rated, setRated] = useState<number | null>(null);
  const [form] = Form.useForm<RateValues>();
  const householdId = useSession()?.scope ?? '';

  async function submit(values: RateValues) {
    const answer = await rate({ input: { packageId: pkg.id, householdId, rating: values.rating, comment: values.comment?.trim() || null } });
    if (answer.data?.ratePackage) {
      setRefusal(null);
      setRated(answer.data.ratePackage.rating);
      setOpen(false);
    } else if (answer.error) {
      setRefusal(refusalOf(answer.error, t, { BAD_USER_INPUT: t('household.rate.notDelivered') }));
    }
  }

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        {pkg.ratingCount > 0 && pkg.averageRating !== null
          ? t('household.rate.average', { rating: pkg.averageRating.toFixed(1), count: pkg.ratingCount })
          : t('household.rate.noneYet')}
      </Typography.Text>
      {rated !== null ? <Alert type="success" showIcon role="status" title={t('household.rate.done', { rating: rated })} /> : null}
      {open ? (
        <Form<RateValues> form={form} layout="vertical" onFinish={(values) => void submit(values)} disabled={result.fetching} requiredMark={false}>
          <Form.Item name="rating" label={t('household.rate.label', { name: pkg.name })} rules={[{ required: true, message: t('household.rate.required') }]}>
            <Radio.Group
              aria-label={t('household.rate.label', { name: pkg.name })}
              optionType="button"
              buttonStyle="solid"
              size="large"
              options={[1, 2, 3, 4, 5].map((value) => ({ value, label: t('household.rate.stars', { count: value }) }))}
            />
          </Form.Item>
          <Form.Item name="comment" label={t('household.rate.comment')} rules={[{ max: MAX_COMMENT, message: t('household.rate.tooLong', { max: MAX_COMMENT }) }]}>
            <Input.TextArea rows={3} maxLength={MAX_COMMENT} showCount placeholder={t('household.rate.commentPlaceholder')} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" size="large" loading={result.fetching}>
              {t('household.rate.submit')}
            </Button>
            <Button size="large" onClick={() => setOpen(false)}>
              {t('household.rate.close')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <Button size="large" onClick={() => setOpen(true)} aria-label={t('household.rate.openNamed', { name: pkg.name })}>
          {rated !== null ? t('household.rate.again') : t('household.rate.open')}
        </Button>
      )}
      <RefusalNotice refusal={refusal} />
    </Flex>
  );
}

import { Alert, Button, Card, Flex, InputNumber, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import type { PackageCategory } from '../../../gql/graphql.js';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { toFen } from '../../../lib/money.js';
import { allowanceLeft, estimatePayable, formatRange } from '../../../lib/pricing.js';
import { useAttemptKey } from './attempt.js';
import { refusalOf, RefusalNotice, type Refusal } from './refusal.js';

export const PackageCard_PackageFragment = graphql(`
  fragment PackageCard_Package on Package {
    id
    name
    category
    date
    listPrice
    subsidy
    residentPrice
    perHouseholdDailyLimit
    orderCutoff
    items {
      name
      quantity
      unit
    }
    supplier {
      id
      name
    }
    averageRating
    ratingCount
  }
`);

const HouseholdSubmitOrdersMutation = graphql(`
  mutation HouseholdSubmitOrders($input: SubmitOrdersInput!) {
    submitOrders(input: $input) {
      orders {
        id
        quantity
        subsidizedQuantity
        listPrice
        subsidy
        payable
        status
        package {
          id
          name
        }
      }
    }
  }
`);

/** The most units one order may carry (the platform's limit). */
const MAX_QUANTITY = 20;

/**
 * One package for the day: its contents and what the household pays for it (the resident price within its daily
 * subsidised units, the list price beyond), a quantity and the order button until the cut-off. The order's idempotency
 * key is made when the button is first pressed and sent again when it is pressed again after a failure.
 */
export function PackageCard({
  package: masked,
  householdId,
  closed,
  subsidisedByCategory,
}: {
  package: FragmentType<typeof PackageCard_PackageFragment>;
  householdId: string;
  closed: boolean;
  subsidisedByCategory: ReadonlyMap<PackageCategory, number>;
}) {
  const { t, i18n } = useTranslation();
  const pkg = getFragmentData(PackageCard_PackageFragment, masked);
  const quantityId = useId();
  const titleId = useId();
  const [quantity, setQuantity] = useState(1);
  const [result, submit] = useMutation(HouseholdSubmitOrdersMutation);
  const attempt = useAttemptKey();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const subsidised = pkg.subsidy !== null && toFen(pkg.subsidy) > 0;
  const used = subsidisedByCategory.get(pkg.category) ?? 0;
  const estimate = estimatePayable(pkg, quantity, allowanceLeft(pkg.perHouseholdDailyLimit, used));

  async function order() {
    const line = { householdId, packageId: pkg.id, quantity, channel: 'APP' as const };
    setPlaced(null);
    const answer = await submit({ input: { idempotencyKey: attempt.keyFor(line), orders: [line] } });
    const placedOrder = answer.data?.submitOrders?.orders[0];
    if (placedOrder) {
      attempt.done();
      setRefusal(null);
      setQuantity(1);
      setPlaced(
        t('household.packages.ordered', {
          name: placedOrder.package.name,
          quantity: placedOrder.quantity,
          subsidized: placedOrder.subsidizedQuantity,
          payable: placedOrder.payable,
        }),
      );
    } else if (answer.error) {
      const cutoff = formatShanghaiTime(pkg.orderCutoff, i18n.language, { weekday: true });
      // A resident's page never sends one key for two different orders, so a CONFLICT here is the cut-off.
      setRefusal(refusalOf(answer.error, t, { CONFLICT: t('household.packages.refusedAfterCutoff', { time: cutoff }) }));
    }
  }

  return (
    <section aria-labelledby={titleId}>
      <Card
        size="small"
        title={
          <Flex wrap gap={8} align="center">
            <Typography.Title level={4} id={titleId} style={{ fontSize: 16, margin: 0 }}>
              {pkg.name}
            </Typography.Title>
            <Tag>{t(`common.enums.PackageCategory.${pkg.category}`)}</Tag>
          </Flex>
        }
      >
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {pkg.residentPrice === null ? (
            <Typography.Text>{t('household.packages.priceUnavailable', { list: pkg.listPrice })}</Typography.Text>
          ) : subsidised ? (
            <div>
              <Typography.Text strong style={{ fontSize: 20 }}>
                {t('household.packages.residentPrice', { price: pkg.residentPrice })}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('household.packages.priceLine', { list: pkg.listPrice, subsidy: pkg.subsidy })}</Typography.Text>
            </div>
          ) : (
            <Typography.Text strong style={{ fontSize: 20 }}>
              {t('household.packages.listOnly', { list: pkg.listPrice })}
            </Typography.Text>
          )}
          <Typography.Text>
            {t('household.packages.contents', {
              items: pkg.items.map((item) => t('household.packages.item', { name: item.name, quantity: item.quantity, unit: item.unit })).join(t('household.packages.itemSeparator')),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {pkg.supplier ? t('household.packages.supplier', { name: pkg.supplier.name }) : null}
            {pkg.ratingCount > 0 && pkg.averageRating !== null ? ` · ${t('household.packages.rating', { rating: pkg.averageRating.toFixed(1), count: pkg.ratingCount })}` : null}
          </Typography.Text>
          {closed ? (
            <Typography.Text type="secondary">{t('household.packages.closed')}</Typography.Text>
          ) : (
            <>
              <Flex gap={8} align="center" wrap>
                <label htmlFor={quantityId}>{t('household.packages.quantity')}</label>
                <InputNumber
                  id={quantityId}
                  aria-label={t('household.packages.quantityOf', { name: pkg.name })}
                  size="large"
                  min={1}
                  max={MAX_QUANTITY}
                  precision={0}
                  value={quantity}
                  onChange={(value) => setQuantity(value ?? 1)}
                  inputMode="numeric"
                  style={{ width: 96 }}
                />
                <Button
                  type="primary"
                  size="large"
                  loading={result.fetching}
                  onClick={() => void order()}
                  aria-label={refusal?.retry ? t('household.packages.orderAgainNamed', { name: pkg.name }) : t('household.packages.orderNamed', { name: pkg.name })}
                  style={{ flex: 1, minWidth: 120 }}
                >
                  {refusal?.retry ? t('household.packages.orderAgain') : t('household.packages.order')}
                </Button>
              </Flex>
              {pkg.residentPrice !== null && subsidised ? (
                <Typography.Text type="secondary">
                  {estimate.subsidised.min === estimate.subsidised.max
                    ? t('household.packages.estimate', { quantity, subsidised: estimate.subsidised.max, total: formatRange(estimate.payable) })
                    : t('household.packages.estimateRange', { quantity, total: formatRange(estimate.payable) })}
                  {used > 0 ? ` ${t('household.packages.alreadySubsidised', { count: used })}` : null}
                </Typography.Text>
              ) : pkg.residentPrice !== null ? (
                <Typography.Text type="secondary">{t('household.packages.estimateList', { quantity, total: formatRange(estimate.payable) })}</Typography.Text>
              ) : null}
            </>
          )}
          {placed ? <Alert type="success" showIcon role="status" title={placed} /> : null}
          <RefusalNotice refusal={refusal} />
        </Space>
      </Card>
    </section>
  );
}

import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, InputNumber, Space, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import { estimateHousehold, formatRange, type PricedPackage } from '../../../lib/pricing.js';
import { MAX_QUANTITY, TAG_COLORS, type Pick } from './checklist.js';

export const HouseholdRow_OrderFragment = graphql(`
  fragment HouseholdRow_OrderFragment on Order {
    id
    quantity
    subsidizedQuantity
    payable
    status
    package {
      id
      name
      category
    }
  }
`);

/** A package as the checklist prices it. */
export interface PickablePackage extends PricedPackage {
  id: string;
  name: string;
}

/** A unit more or less, or a number typed; large buttons for a thumb. */
function QuantityStepper({ value, onChange, names }: { value: number; onChange: (value: number) => void; names: { quantity: string; less: string; more: string } }) {
  return (
    <Space.Compact>
      <Button icon={<MinusOutlined />} aria-label={names.less} disabled={value <= 1} onClick={() => onChange(value - 1)} style={{ minWidth: 44, height: 44 }} />
      <InputNumber
        aria-label={names.quantity}
        value={value}
        min={1}
        max={MAX_QUANTITY}
        precision={0}
        controls={false}
        inputMode="numeric"
        onChange={(next) => onChange(typeof next === 'number' ? next : 1)}
        style={{ width: 56, height: 44, textAlign: 'center' }}
      />
      <Button icon={<PlusOutlined />} aria-label={names.more} disabled={value >= MAX_QUANTITY} onClick={() => onChange(value + 1)} style={{ minWidth: 44, height: 44 }} />
    </Space.Compact>
  );
}

/**
 * One household of the checklist: its door, who, a phone or "visit at the door", what it already ordered for the day
 * (as the platform priced it), and a box per package with the quantity and the estimate.
 */
export function HouseholdRow(props: {
  household: { id: string; room: string; headOfHousehold: string | null; phone: string | null; needsDoorToDoor: boolean | null; building: { name: string } };
  orders: ReadonlyArray<FragmentType<typeof HouseholdRow_OrderFragment>> | null;
  packages: readonly PickablePackage[];
  pick: Pick;
  onPick: (pick: Pick) => void;
  /** The subsidised units by category it has used before this pick: its orders and its batches still waiting. */
  subsidised: ReadonlyMap<string, number>;
  /** What a batch still waiting in the queue orders for it. */
  waiting: ReadonlyArray<{ name: string; quantity: number }>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { household, pick, onPick } = props;
  const orders = getFragmentData(HouseholdRow_OrderFragment, props.orders ?? []);
  const door = `${household.building.name} ${household.room}`;
  // The picked lines in the order the batch sends them, each against the subsidy the household has left that day
  // (after its orders and its batches still waiting in the queue).
  const picked = props.packages.filter((pkg) => (pick.quantities[pkg.id] ?? 0) > 0);
  const lineEstimates = estimateHousehold(picked.map((pkg) => ({ pkg, quantity: pick.quantities[pkg.id]! })), props.subsidised);
  const estimates = new Map(picked.map((pkg, i) => [pkg.id, lineEstimates[i]!]));
  const setQuantity = (packageId: string, quantity: number) => onPick({ ...pick, quantities: { ...pick.quantities, [packageId]: quantity } });
  return (
    <div role="group" aria-labelledby={id} style={{ borderTop: '1px solid #f0f0f0', padding: '12px 0' }}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
        <Typography.Text strong id={id} style={{ fontSize: 16 }}>
          {household.room} {household.headOfHousehold ?? t('floors.orders.noName')}
        </Typography.Text>
        {household.needsDoorToDoor ? <Tag color={TAG_COLORS.attention}>{t('floors.orders.needsDoor')}</Tag> : null}
        {household.phone ? <a href={`tel:${household.phone}`}>{t('floors.orders.phone', { phone: household.phone })}</a> : null}
      </Space>
      {orders.length > 0 ? (
        <div>
          <Typography.Text type="secondary">{t('floors.orders.existing')}</Typography.Text>
          {orders.map((order) => (
            <div key={order.id}>
              <Typography.Text type={order.status === 'CANCELLED' ? 'secondary' : undefined} delete={order.status === 'CANCELLED'}>
                {t('floors.orders.existingLine', {
                  package: order.package.name,
                  quantity: order.quantity,
                  subsidised: order.subsidizedQuantity,
                  payable: order.payable,
                  status: t(`common.enums.OrderStatus.${order.status}`),
                })}
              </Typography.Text>
            </div>
          ))}
        </div>
      ) : null}
      {props.waiting.length > 0 ? (
        <div>
          <Tag color={TAG_COLORS.attention}>{t('floors.orders.waiting')}</Tag>
          {props.waiting.map((line) => t('floors.orders.waitingLine', { package: line.name, quantity: line.quantity })).join(t('common.listSeparator'))}
        </div>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
        {props.packages.map((pkg) => (
          <Checkbox key={pkg.id} checked={(pick.quantities[pkg.id] ?? 0) > 0} onChange={(event) => setQuantity(pkg.id, event.target.checked ? 1 : 0)} style={{ padding: '10px 0' }}>
            {pkg.name}
          </Checkbox>
        ))}
        <Checkbox checked={pick.doorToDoor} onChange={(event) => onPick({ ...pick, doorToDoor: event.target.checked })} style={{ padding: '10px 0' }}>
          {t('floors.orders.atDoor')}
        </Checkbox>
      </div>
      {props.packages.map((pkg) => {
        const quantity = pick.quantities[pkg.id] ?? 0;
        if (quantity === 0) return null;
        const estimate = estimates.get(pkg.id)!;
        return (
          <div key={pkg.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 4 }}>
            <Typography.Text style={{ minWidth: 72 }}>{pkg.name}</Typography.Text>
            <QuantityStepper
              value={quantity}
              onChange={(next) => setQuantity(pkg.id, next)}
              names={{
                quantity: t('floors.orders.quantity', { door, package: pkg.name }),
                less: t('floors.orders.less', { door, package: pkg.name }),
                more: t('floors.orders.more', { door, package: pkg.name }),
              }}
            />
            <Typography.Text>
              {estimate.subsidyKnown ? t('floors.orders.estimate', { amount: formatRange(estimate.payable) }) : t('floors.orders.estimateUnknown', { amount: formatRange(estimate.payable) })}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
}

import { Alert, Button, Card, Popconfirm, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { getFragmentData, graphql, type FragmentType } from '../../../gql/index.js';
import type { OrderStatus } from '../../../gql/graphql.js';
import { ADVANCE_STEPS, ORDER_PATH } from './community.js';
import { Refusal, type Explain } from './Refusal.js';

export const CompoundOrders_CompoundFragment = graphql(`
  fragment CompoundOrders_CompoundFragment on Compound {
    id
    name
    orderReport(date: $date) {
      package {
        id
        name
        category
      }
      units
      orders
      households
    }
    orderStatusCounts(date: $date) {
      status
      count
    }
  }
`);

const AdvanceOrdersMutation = graphql(`
  mutation CommunityAdvanceOrders($input: AdvanceOrdersInput!) {
    advanceOrders(input: $input) {
      moved
      from
      skipped {
        status
        count
      }
      orders {
        id
        status
      }
    }
  }
`);

type Step = (typeof ADVANCE_STEPS)[number];
const FROM: Record<Step, OrderStatus> = { REPORTED: 'PLACED', PROCURED: 'REPORTED', AT_GATE: 'PROCURED' };
const SHOWN_STATUSES: OrderStatus[] = [...ORDER_PATH, 'CANCELLED'];
// Solid tags with white text, dark enough for 4.5:1 contrast.
const STATUS_COLORS: Record<OrderStatus, string> = { PLACED: '#595959', REPORTED: '#0958d9', PROCURED: '#531dab', AT_GATE: '#ad4e00', DELIVERED: '#237804', CANCELLED: '#a8071a' };

/** What the last move answered: how many moved from which status to which, and the orders it left where they were. */
interface Moved {
  to: Step;
  from: OrderStatus;
  moved: number;
  skipped: Array<{ status: OrderStatus; count: number }>;
}

/**
 * One compound's orders for a date: how many are in each status, what to order from the supplier (units, orders and
 * households per package), and the buttons that move them to REPORTED, PROCURED and AT_GATE — answering what moved,
 * what did not and why, and saying in words what blocked a step the platform refused.
 */
export function CompoundOrders(props: { compound: FragmentType<typeof CompoundOrders_CompoundFragment>; date: string }) {
  const { t } = useTranslation();
  const compound = getFragmentData(CompoundOrders_CompoundFragment, props.compound);
  const { date } = props;
  const [advancing, advance] = useMutation(AdvanceOrdersMutation);
  const [step, setStep] = useState<Step | null>(null);
  const [moved, setMoved] = useState<Moved | null>(null);

  const counts = useMemo(() => new Map<OrderStatus, number>((compound.orderStatusCounts ?? []).map((line) => [line.status, line.count])), [compound.orderStatusCounts]);
  const report = compound.orderReport ?? [];
  const status = (s: OrderStatus) => t(`common.enums.OrderStatus.${s}`);

  async function go(to: Step) {
    setStep(to);
    setMoved(null);
    const answer = await advance({ input: { compoundId: compound.id, date, to } });
    const result = answer.data?.advanceOrders;
    if (result) setMoved({ to, from: result.from, moved: result.moved, skipped: result.skipped });
  }

  /** A refused step in words: which orders are still behind the status this step moves from. */
  const explain: Explain = (code) => {
    if (code !== 'CONFLICT' || !step) return undefined;
    const from = FROM[step];
    const behind = ORDER_PATH.slice(0, ORDER_PATH.indexOf(from as (typeof ORDER_PATH)[number]))
      .filter((s) => (counts.get(s) ?? 0) > 0)
      .map((s) => t('community.orders.countOf', { status: status(s), count: counts.get(s) ?? 0 }));
    return behind.length
      ? t('community.orders.refused.behind', { compound: compound.name, orders: behind.join(t('community.listSeparator')), from: status(from), to: status(step) })
      : t('community.orders.refused.generic', { compound: compound.name, from: status(from), to: status(step) });
  };

  return (
    <section aria-label={compound.name}>
      <Card
        size="small"
        title={
          <Typography.Title level={3} style={{ fontSize: 17, margin: 0 }}>
            {compound.name}
          </Typography.Title>
        }
      >
        <Typography.Title level={4} style={{ fontSize: 15, marginTop: 0 }}>
          {t('community.orders.byStatus')}
        </Typography.Title>
        {counts.size ? (
          <ul aria-label={t('community.orders.byStatusOf', { compound: compound.name })} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {SHOWN_STATUSES.filter((s) => counts.has(s)).map((s) => (
              <li key={s}>
                <Tag color={STATUS_COLORS[s]} style={{ fontSize: 14, padding: '2px 8px', marginInlineEnd: 0 }}>
                  {t('community.orders.countOf', { status: status(s), count: counts.get(s) ?? 0 })}
                </Tag>
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t('community.orders.none')}</Typography.Text>
        )}

        <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>
          {t('community.orders.report')}
        </Typography.Title>
        {report.length ? (
          <ul aria-label={t('community.orders.reportOf', { compound: compound.name })} style={{ margin: 0, paddingInlineStart: 20 }}>
            {report.map((line) => (
              <li key={line.package.id} style={{ marginBottom: 4 }}>
                <Typography.Text strong>{line.package.name}</Typography.Text>
                {t('community.orders.reportLine', { units: line.units, orders: line.orders, households: line.households })}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t('community.orders.reportEmpty')}</Typography.Text>
        )}

        <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>
          {t('community.orders.advanceTitle')}
        </Typography.Title>
        {/* Three in a row where they fit (13em each), else stacked, full width, on a phone; a long label wraps inside its button. */}
        <div
          role="group"
          aria-label={t('community.orders.advanceGroup', { compound: compound.name })}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 13em), 1fr))', gap: 8 }}
        >
          {ADVANCE_STEPS.map((to) => (
            <Popconfirm
              key={to}
              title={t('community.orders.confirm', { compound: compound.name, date, count: counts.get(FROM[to]) ?? 0, from: status(FROM[to]), to: status(to) })}
              okText={t('community.orders.confirmOk')}
              cancelText={t('community.actions.cancel')}
              onConfirm={() => void go(to)}
            >
              <Button
                size="large"
                block
                loading={advancing.fetching && step === to}
                disabled={advancing.fetching}
                style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40, paddingBlock: 6 }}
              >
                {t(`community.orders.advanceTo.${to}`)}
              </Button>
            </Popconfirm>
          ))}
        </div>
        <div style={{ marginTop: 12 }}>
          {moved ? <AdvanceAnswer compound={compound.name} moved={moved} /> : null}
          <Refusal error={advancing.error} explain={explain} />
        </div>
      </Card>
    </section>
  );
}

/** What a move did: how many orders moved, and the compound's other orders with why each stayed. */
function AdvanceAnswer({ compound, moved }: { compound: string; moved: Moved }) {
  const { t } = useTranslation();
  const status = (s: OrderStatus) => t(`common.enums.OrderStatus.${s}`);
  const title = moved.moved
    ? t('community.orders.moved', { compound, count: moved.moved, from: status(moved.from), to: status(moved.to) })
    : t('community.orders.movedNone', { compound, from: status(moved.from), to: status(moved.to) });
  /** Why orders in a status stayed where they were. */
  const reason = (s: OrderStatus) =>
    s === 'CANCELLED'
      ? t('community.orders.skipReason.cancelled')
      : s === moved.from
        ? t('community.orders.skipReason.arrived', { from: status(moved.from) })
        : t('community.orders.skipReason.ahead', { to: status(moved.to) });
  return (
    <Alert
      type={moved.moved ? 'success' : 'info'}
      showIcon
      role="status"
      title={title}
      description={
        moved.skipped.length ? (
          <>
            {t('community.orders.skippedTitle')}
            <ul aria-label={t('community.orders.skippedOf', { compound })} style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {moved.skipped.map((line) => (
                <li key={line.status}>{t('community.orders.skippedLine', { status: status(line.status), count: line.count, reason: reason(line.status) })}</li>
              ))}
            </ul>
          </>
        ) : (
          t('community.orders.skippedNone')
        )
      }
    />
  );
}

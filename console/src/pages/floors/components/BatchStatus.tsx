import { Alert, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EntryReason, useEntryWords } from '../../../components/OutboxPanel.js';
import type { OutboxEntry } from '../../../lib/outbox.js';
import { formatFen } from '../../../lib/money.js';
import { answerTotals } from './checklist.js';

/** The part of submitOrders' answer this card shows, checked as it comes back from the queue's storage. */
const answerSchema = z.object({
  orders: z.array(
    z.object({
      id: z.string(),
      quantity: z.number().int(),
      subsidizedQuantity: z.number().int(),
      listPrice: z.string(),
      subsidy: z.string(),
      payable: z.string(),
      household: z.object({ room: z.string(), building: z.object({ name: z.string() }) }),
      package: z.object({ name: z.string() }),
    }),
  ),
});

/** What the platform charged for a batch: per order the subsidised units, the units at list price and what it pays; the totals. */
function BatchAnswer({ answer }: { answer: z.infer<typeof answerSchema> }) {
  const { t } = useTranslation();
  const totals = answerTotals(answer.orders);
  return (
    <Card size="small" role="region" aria-labelledby="floors-batch-answer" title={<Typography.Title id="floors-batch-answer" level={3} style={{ margin: 0, fontSize: 16 }}>{t('floors.orders.answer.title')}</Typography.Title>} style={{ marginBottom: 12 }}>
      <List
        size="small"
        dataSource={answer.orders}
        rowKey="id"
        renderItem={(order) => {
          const atList = order.quantity - order.subsidizedQuantity;
          return (
            <List.Item>
              <div>
                <Typography.Text strong>{t('floors.orders.answer.line', { door: `${order.household.building.name} ${order.household.room}`, package: order.package.name, quantity: order.quantity })}</Typography.Text>
                <div>
                  {[
                    order.subsidizedQuantity > 0 ? t('floors.orders.answer.subsidised', { count: order.subsidizedQuantity, subsidy: order.subsidy }) : null,
                    atList > 0 ? t('floors.orders.answer.atList', { count: atList, list: order.listPrice }) : null,
                    t('floors.orders.answer.payable', { payable: order.payable }),
                  ]
                    .filter(Boolean)
                    .join(t('floors.orders.answer.separator'))}
                </div>
              </div>
            </List.Item>
          );
        }}
      />
      <Typography.Paragraph strong style={{ margin: '8px 0 0' }}>
        {t('floors.orders.answer.totals', {
          orders: totals.orders,
          units: totals.units,
          subsidised: totals.subsidised,
          subsidy: formatFen(totals.subsidyFen),
          payable: formatFen(totals.payableFen),
        })}
      </Typography.Paragraph>
    </Card>
  );
}

/** What became of the batch sent from this page: kept for later, being sent, what the platform charged, or why it said no. */
export function BatchStatus({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  const words = useEntryWords();
  switch (entry.status) {
    case 'queued':
      return (
        <Alert
          type="warning"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={entry.lastProblem ? t('floors.orders.queuedAgain', { problem: t(`common.outbox.problem.${entry.lastProblem}`) }) : t('floors.orders.queued')}
          description={<>{words.what(entry)}<br />{words.doors(entry)}</>}
        />
      );
    case 'sending':
      return <Alert type="info" showIcon role="status" style={{ marginBottom: 12 }} title={t('floors.orders.sending')} description={words.what(entry)} />;
    case 'refused':
      return <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('floors.orders.refused')} description={<EntryReason entry={entry} />} />;
    case 'expired':
      return <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={t('floors.orders.expired')} description={words.what(entry)} />;
    case 'sent': {
      const answer = answerSchema.safeParse(entry.answer);
      return answer.success ? <BatchAnswer answer={answer.data} /> : null;
    }
  }
}


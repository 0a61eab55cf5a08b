import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghaiTime } from '../lib/dates.js';
import { ordersSummary, visitSummary, type Outbox, type OutboxEntry, type OutboxStatus, type RequestSummary } from '../lib/outbox.js';
import { useOnline } from '../lib/useRefresh.js';

// Solid tags with white text, each colour dark enough for 4.5:1 contrast (the light preset tags fall short).
const STATUS_COLOR: Record<OutboxStatus, string> = { queued: '#ad4e00', sending: '#595959', sent: '#237804', refused: '#a8071a', expired: '#595959' };
/** How many doors an entry names before "and others". */
const DOORS_SHOWN = 4;

/** An entry in words: what it is, for which day, how much. */
export function useEntryWords() {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', month: 'long', day: 'numeric' });
  const dayOf = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? day.format(new Date(`${date}T00:00:00Z`)) : date);
  return {
    what: (entry: OutboxEntry) => {
      const orders = ordersSummary(entry);
      if (orders) {
        return entry.kind === 'submitOrders'
          ? t('common.outbox.summary.submitOrders', { date: dayOf(orders.date), count: orders.orders, units: orders.units })
          : t('common.outbox.summary.markDelivered', { date: dayOf(orders.date), count: orders.orders });
      }
      const visit = visitSummary(entry);
      if (visit) return t('common.outbox.summary.recordVisit', { door: visit.door });
      const request = entry.summary as RequestSummary;
      return entry.kind === 'recordCallback' ? t('common.outbox.summary.recordCallback', { category: request.category }) : t('common.outbox.summary.fileRequest', { category: request.category });
    },
    /** Who or what the entry concerns: the doors of orders, the words of a request. */
    doors: (entry: OutboxEntry) => {
      const visit = visitSummary(entry);
      if (visit) return t('common.outbox.visitNote', { note: visit.note });
      const orders = ordersSummary(entry);
      if (!orders) return t('common.outbox.request', { description: (entry.summary as RequestSummary).description });
      const doors = orders.doors;
      const shown = doors.slice(0, DOORS_SHOWN).join(t('common.listSeparator'));
      return t('common.outbox.doors', { doors: doors.length > DOORS_SHOWN ? t('common.outbox.moreDoors', { doors: shown, count: doors.length }) : shown });
    },
    made: (entry: OutboxEntry) => t('common.outbox.made', { time: formatShanghaiTime(new Date(entry.createdAt), i18n.language) }),
  };
}

/** Why an entry is where it is, in plain words: the problem it waits on, the refusal (with the platform's words), or expiry. */
export function EntryReason({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation();
  if (entry.status === 'queued' && entry.lastProblem) return <Typography.Text type="secondary">{t(`common.outbox.problem.${entry.lastProblem}`)}</Typography.Text>;
  if (entry.status === 'expired') return <Typography.Text type="danger">{t('common.outbox.expired')}</Typography.Text>;
  if (entry.status !== 'refused' || !entry.refusal) return null;
  const code = entry.refusal.codes.find((c): c is 'CONFLICT' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' => ['CONFLICT', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND'].includes(c)) ?? 'UNKNOWN';
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="danger">{t(`common.outbox.refusal.${code}`)}</Typography.Text>
      <Typography.Text type="danger">{t('common.outbox.notRetried')}</Typography.Text>
      {entry.refusal.messages.length > 0 ? <Typography.Text type="secondary">{entry.refusal.messages.join(' ')}</Typography.Text> : null}
    </Space>
  );
}

/** One entry: its status and what it is, the doors, when it was made and how often tried, why it is where it is; retry or remove. */
function EntryItem({ entry, outbox }: { entry: OutboxEntry; outbox: Outbox }) {
  const { t } = useTranslation();
  const words = useEntryWords();
  const online = useOnline();
  const what = words.what(entry);
  const action =
    entry.status === 'queued' ? (
      <Button key="retry" size="large" disabled={!online} aria-label={t('common.outbox.retryNowLabel', { what })} onClick={() => void outbox.flush({ force: true })}>
        {t('common.outbox.retryNow')}
      </Button>
    ) : entry.status === 'sending' ? null : (
      <Button key="dismiss" size="large" type="text" aria-label={t('common.outbox.dismissLabel', { what })} onClick={() => void outbox.dismiss(entry.id)}>
        {t('common.outbox.dismiss')}
      </Button>
    );
  return (
    <List.Item actions={action ? [action] : []}>
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <Tag color={STATUS_COLOR[entry.status]}>{t(`common.outbox.status.${entry.status}`)}</Tag>
            <span>{what}</span>
          </Space>
        }
        description={
          <Space orientation="vertical" size={0}>
            <span>{words.doors(entry)}</span>
            <span>
              {words.made(entry)}
              {entry.attempts > 1 ? ` · ${t('common.outbox.attempts', { count: entry.attempts })}` : ''}
            </span>
            <EntryReason entry={entry} />
          </Space>
        }
      />
    </List.Item>
  );
}

/** What the signed-in actor's queue holds: waiting, being sent, sent, refused (why) and expired; retry or remove. */
export function OutboxPanel({ outbox, entries }: { outbox: Outbox; entries: readonly OutboxEntry[] }) {
  const { t } = useTranslation();
  const [showSent, setShowSent] = useState(false);
  if (entries.length === 0) return null;
  const count = (status: OutboxStatus) => entries.filter((entry) => entry.status === status).length;
  // What needs the actor's eye (waiting, refused, expired) always; what was sent only when asked, to keep a phone's page short.
  const shown = entries.filter((entry) => showSent || entry.status !== 'sent');
  return (
    <Card
      size="small"
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t('common.outbox.title')}</Typography.Title>}
      extra={<Typography.Text type="secondary">{t('common.outbox.counts', { queued: count('queued') + count('sending'), sent: count('sent'), refused: count('refused') })}</Typography.Text>}
      style={{ marginBottom: 12 }}
    >
      {shown.length > 0 ? <List dataSource={shown} rowKey="id" renderItem={(entry) => <EntryItem entry={entry} outbox={outbox} />} /> : null}
      {count('sent') > 0 ? (
        <Button type="link" aria-expanded={showSent} onClick={() => setShowSent(!showSent)} style={{ padding: 0 }}>
          {showSent ? t('common.outbox.hideSent') : t('common.outbox.showSent', { count: count('sent') })}
        </Button>
      ) : null}
    </Card>
  );
}

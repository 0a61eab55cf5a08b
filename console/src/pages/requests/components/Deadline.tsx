import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghaiTime } from '../../../lib/dates.js';
import { formatSpan } from './rules.js';

/** The time now, ticking every second: deadlines count down while the page is open. */
export function useClock(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * A deadline counting down ("响应剩余 01:59:30"), red once it has passed ("响应已超时 00:05:00"), with the instant it
 * falls due; `kind` names which deadline (respond, reply, report).
 */
export function Deadline({ kind, deadline, now }: { kind: 'response' | 'resolution' | 'report'; deadline: string; now: number }) {
  const { t, i18n } = useTranslation();
  const left = Date.parse(deadline) - now;
  const span = formatSpan(left, (days) => t('requests.deadline.days', { count: days }));
  const due = formatShanghaiTime(deadline, i18n.language);
  const late = left < 0;
  return (
    <Typography.Text type={late ? 'danger' : undefined} strong={late} role="timer" aria-label={t(late ? `requests.deadline.${kind}Late` : `requests.deadline.${kind}Left`, { span })}>
      {late ? <ExclamationCircleOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />}{' '}
      {t(late ? `requests.deadline.${kind}Late` : `requests.deadline.${kind}Left`, { span })}
      <Typography.Text type="secondary">{` · ${t('requests.deadline.due', { time: due })}`}</Typography.Text>
    </Typography.Text>
  );
}

import { Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyVariables, OperationResult, UseQueryExecute } from 'urql';
import { answerMadeAt } from '../../../lib/answerAge.js';
import { useOnline, useRefresh, useSecondsSince } from '../../../lib/useRefresh.js';

/**
 * Re-runs a query network-only every 5 s while `live` (an open group buy: joins come in; one being shared out: pickups),
 * keeping the last answer on screen meanwhile (urql does), and pausing while the tab is hidden or offline.
 */
export function useLiveQuery(reexecute: UseQueryExecute, live: boolean) {
  const refresh = useCallback(() => {
    if (live) reexecute({ requestPolicy: 'network-only' });
  }, [reexecute, live]);
  return useRefresh(refresh, 5000);
}

/** While they refresh by themselves (`live`): how old the figures on screen are, and whether refreshing is paused. */
export function Freshness({ result, paused, live }: { result: Pick<OperationResult<unknown, AnyVariables>, 'extensions'>; paused: boolean; live: boolean }) {
  const { t } = useTranslation();
  const online = useOnline();
  const seconds = useSecondsSince(answerMadeAt(result.extensions));
  if (seconds === undefined || !live) return null;
  return (
    <Typography.Text type="secondary" className="cgov-no-print">
      {paused
        ? online
          ? t('groupBuys.freshness.paused')
          : t('common.status.offline')
        : seconds < 1
          ? t('groupBuys.freshness.updatedJustNow')
          : t('groupBuys.freshness.updatedAgo', { seconds })}
    </Typography.Text>
  );
}

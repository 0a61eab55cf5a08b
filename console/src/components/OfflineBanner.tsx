import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isPending, type OutboxEntry } from '../lib/outbox.js';
import { useOnline } from '../lib/useRefresh.js';

/**
 * Says so while the browser is offline (navigator.onLine through useSyncExternalStore, after Ant Design Pro's
 * OfflineBanner): what is submitted now waits on the phone, and how much already waits.
 */
export function OfflineBanner({ entries }: { entries: readonly OutboxEntry[] }) {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  const waiting = entries.filter(isPending).length;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      title={waiting > 0 ? t('common.outbox.offlineWaiting', { count: waiting }) : t('common.outbox.offline')}
      style={{ marginBottom: 12 }}
    />
  );
}

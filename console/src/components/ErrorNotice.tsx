import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { errorCodes } from '../lib/client.js';

/** Says in plain words what went wrong with a request (by the contract's codes), with the platform's messages and a retry. */
export function ErrorNotice({ error, onRetry }: { error: CombinedError | undefined; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const codes = errorCodes(error);
  const title = error.networkError ? t('common.errors.network') : codes.length > 0 ? codes.map((code) => t(`common.errors.${code}`)).join('; ') : t('common.errors.unknown');
  const details = [...new Set(error.graphQLErrors.map((e) => e.message))];
  return (
    <Alert
      type={codes.every((code) => code === 'SERVICE_UNAVAILABLE' || code === 'FORBIDDEN') && codes.length > 0 ? 'warning' : 'error'}
      showIcon
      title={title}
      description={details.length > 0 ? details.join(' ') : undefined}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.errors.retry')}</Button> : undefined}
      role="alert"
    />
  );
}

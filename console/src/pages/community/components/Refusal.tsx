import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { errorCodes, type ErrorCode } from '../../../lib/client.js';

/** What a section says for a refusal it understands: a sentence for the contract's code and the input field at fault, or nothing. */
export type Explain = (code: ErrorCode, field: string | undefined) => string | undefined;

/**
 * A refused mutation in plain words: the section's own sentence for the contract's code (and `extensions.field`), with
 * the platform's message beneath; anything the section has no sentence for falls back to the console's ErrorNotice.
 */
export function Refusal({ error, explain }: { error: CombinedError | undefined; explain: Explain }) {
  const { t } = useTranslation();
  if (!error) return null;
  const [code] = errorCodes(error);
  const first = error.graphQLErrors[0];
  const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
  const sentence = code && !error.networkError ? explain(code, field) : undefined;
  if (!code || !sentence) return <ErrorNotice error={error} />;
  const details = [...new Set(error.graphQLErrors.map((e) => e.message))].join(' ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={sentence}
      description={t('community.refusal.details', { code: t(`common.errors.${code}`), message: details })}
    />
  );
}

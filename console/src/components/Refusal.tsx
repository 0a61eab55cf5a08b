import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { errorCodes, type ErrorCode } from '../lib/client.js';

/** A request the platform did not carry out, said in plain words; `retry` when pressing again may work (network, a service down). */
export interface Refusal {
  title: string;
  detail?: string;
  retry: boolean;
}

/** The words of a page for a failure that is not a refusal of the action itself: no answer, a service down, not allowed. */
export interface RefusalWords {
  network: string;
  unavailable: string;
  forbidden: string;
}

/**
 * Says why a mutation failed: the network or a service that did not answer (try again: the same idempotency key is sent),
 * else the refusal by its contract code, in the words the action gives for that code, else in general words with the
 * platform's own message. `words` are the page's own for the network, a service down and a refusal of scope (the
 * console's general ones when not given).
 */
export function refusalOf(error: CombinedError, t: TFunction, explain: Partial<Record<ErrorCode, string>> = {}, words?: RefusalWords): Refusal {
  const codes = errorCodes(error);
  const platform = [...new Set(error.graphQLErrors.map((e) => e.message))].join(' ');
  const say = words ?? { network: t('common.refusals.network'), unavailable: t('common.refusals.unavailable'), forbidden: t('common.refusals.forbidden') };
  if (error.networkError) return { title: say.network, retry: true };
  const code = codes.find((candidate) => candidate !== 'SERVICE_UNAVAILABLE') ?? codes[0];
  if (code && explain[code]) return { title: explain[code], retry: false };
  switch (code) {
    case 'SERVICE_UNAVAILABLE':
      return { title: say.unavailable, retry: true };
    case 'UNAUTHENTICATED':
      return { title: t('common.errors.UNAUTHENTICATED'), retry: false };
    case 'FORBIDDEN':
      return { title: say.forbidden, detail: platform, retry: false };
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
    case 'NOT_FOUND':
      return { title: t(`common.errors.${code}`), detail: platform, retry: false };
    default:
      return { title: t('common.errors.unknown'), detail: platform || undefined, retry: true };
  }
}

/** A refusal on screen, announced to screen readers. */
export function RefusalNotice({ refusal }: { refusal: Refusal | null }) {
  if (!refusal) return null;
  return <Alert type={refusal.retry ? 'warning' : 'error'} showIcon role="alert" title={refusal.title} description={refusal.detail} />;
}

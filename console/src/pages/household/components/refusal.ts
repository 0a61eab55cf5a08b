import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { refusalOf as sharedRefusalOf, type Refusal } from '../../../components/Refusal.js';
import type { ErrorCode } from '../../../lib/client.js';

export { RefusalNotice, type Refusal } from '../../../components/Refusal.js';

/** Why a household's action failed, in the household's words (sending again is safe: the same key goes with it). */
export function refusalOf(error: CombinedError, t: TFunction, explain: Partial<Record<ErrorCode, string>> = {}): Refusal {
  return sharedRefusalOf(error, t, explain, { network: t('household.refusals.network'), unavailable: t('household.refusals.unavailable'), forbidden: t('household.refusals.forbidden') });
}

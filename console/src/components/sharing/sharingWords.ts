import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { refusalOf, type Refusal } from '../Refusal.js';
import type { ErrorCode } from '../../lib/client.js';

/** Why a step of the shared community failed, in plain words: `explain` gives the action's own words for a code. */
export function sharingRefusal(error: CombinedError, t: TFunction, explain: Partial<Record<ErrorCode, string>> = {}): Refusal {
  return refusalOf(error, t, explain, {
    network: t('sharing.refusals.network'),
    unavailable: t('sharing.refusals.unavailable'),
    forbidden: t('sharing.refusals.forbidden'),
  });
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as a `datetime-local` value in Beijing time ("2026-12-01T09:30"), to the minute. */
export function toShanghaiInput(at: number): string {
  return new Date(Math.floor(at / 60_000) * 60_000 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Beijing time, as an ISO instant; null when it is not a time. */
export function fromShanghaiInput(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** Hours as shown: up to two places, no trailing zeros ("2.5", "-12", "0"). */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

import { formatFen } from '../../../lib/money.js';

/** The fields an audit entry's details may name, in the order they are shown. */
export const DETAIL_KEYS = [
  'category',
  'version',
  'subsidyPerUnit',
  'maxListPrice',
  'perHouseholdDailyLimit',
  'effectiveFrom',
  'effectiveTo',
  'supersededByVersion',
  'amount',
  'name',
  'address',
  'regionId',
] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];

const MONEY_KEYS = new Set<string>(['subsidyPerUnit', 'maxListPrice', 'amount']);

/** One changed field of an audit entry: its value before (when the entry records it) and after. */
export interface DetailChange {
  key: string;
  before: string | null | undefined;
  after: string | null;
}

/** Writes a detail's value: amounts kept in fen as numbers become "52.00"; null stays null. */
function show(key: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (MONEY_KEYS.has(key) && typeof value === 'number') return formatFen(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Reads an audit entry's details (a JSON object) into old and new values: `previousX` is the old value of `x`;
 * `before` is undefined when the entry records no old value for that field.
 */
export function detailChanges(details: string): DetailChange[] {
  let parsed: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(details);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [{ key: 'details', before: undefined, after: details }];
    parsed = value as Record<string, unknown>;
  } catch {
    return [{ key: 'details', before: undefined, after: details }];
  }
  const changes = Object.entries(parsed)
    .filter(([key]) => !/^previous[A-Z]/.test(key))
    .map(([key, value]) => {
      const previousKey = `previous${key[0]!.toUpperCase()}${key.slice(1)}`;
      return { key, before: previousKey in parsed ? show(key, parsed[previousKey]) : undefined, after: show(key, value) };
    });
  const order = (key: string) => {
    const at = (DETAIL_KEYS as readonly string[]).indexOf(key);
    return at < 0 ? DETAIL_KEYS.length : at;
  };
  return changes.sort((a, b) => order(a.key) - order(b.key));
}

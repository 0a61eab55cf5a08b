import { badInput } from './errors.js';

/** Money inside the platform: a whole number of fen (分), never a float. */
export type Fen = number;

const MONEY_PATTERN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Reads a Money decimal string ("52.00", "52.5", "52") into fen; refuses negatives and more than two decimals. */
export function parseMoney(value: unknown, field = 'amount'): Fen {
  if (typeof value !== 'string') {
    throw badInput(`${field} must be a decimal string such as "52.00", not ${typeof value === 'number' ? 'a number' : typeof value}.`, field);
  }
  const text = value.trim();
  if (text.startsWith('-')) throw badInput(`${field} cannot be negative (got "${value}").`, field);
  const match = MONEY_PATTERN.exec(text);
  if (!match) {
    if (/^\d+\.\d{3,}$/.test(text)) {
      throw badInput(`${field} has more than two decimal places (got "${value}"); amounts are in yuan to the fen, like "52.00".`, field);
    }
    throw badInput(`${field} must be an amount in yuan such as "52.00" (got "${value}").`, field);
  }
  const yuan = Number(match[1]);
  const fen = Number((match[2] ?? '').padEnd(2, '0'));
  const total = yuan * 100 + fen;
  if (!Number.isSafeInteger(total)) throw badInput(`${field} is too large (got "${value}").`, field);
  return total;
}

/** Writes fen as the contract's Money string: two decimals, "-" for an overspend. */
export function formatMoney(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new TypeError(`Money must be a whole number of fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

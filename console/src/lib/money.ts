/**
 * Money in the console: the contract's decimal strings ("52.00") read into whole fen (分) for any arithmetic, and
 * written back with two decimals. Never a float: 0.1 + 0.2 is not a price.
 */

/** What an official may type for an amount: yuan with at most two decimals, no sign. */
export const MONEY_INPUT = /^\d{1,13}(\.\d{1,2})?$/;

/** Whether a typed amount is one the platform reads (yuan, at most two decimals, not negative). */
export function isMoney(text: string): boolean {
  return MONEY_INPUT.test(text.trim());
}

/** Reads a Money string ("52.00", "52.5", "52", "-3.00") into whole fen; throws on anything else. */
export function toFen(money: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(money.trim());
  if (!match) throw new RangeError(`Not an amount: "${money}"`);
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

/** Writes whole fen as the contract's Money string: "52.00", "-3.50". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Money must be a whole number of fen, got ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A change in fen with its sign: "+2.00", "-4.00", "0.00". */
export function formatFenChange(fen: number): string {
  return fen > 0 ? `+${formatFen(fen)}` : formatFen(fen);
}

/** Puts a typed amount into the contract's form ("52.5" → "52.50"). */
export function normalizeMoney(text: string): string {
  return formatFen(toFen(text));
}

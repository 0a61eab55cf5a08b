import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '../src/money.js';

describe('Money', () => {
  it('reads yuan strings into whole fen', () => {
    expect(parseMoney('52.00')).toBe(5200);
    expect(parseMoney('52')).toBe(5200);
    expect(parseMoney('0.5')).toBe(50);
    expect(parseMoney('12.34')).toBe(1234);
    expect(parseMoney('0')).toBe(0);
  });

  it('writes fen with two decimals, negative for an overspend', () => {
    expect(formatMoney(5200)).toBe('52.00');
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(-1250)).toBe('-12.50');
  });

  it.each([
    ['-1.00', /cannot be negative/],
    ['1.234', /more than two decimal places/],
    ['abc', /amount in yuan/],
    ['', /amount in yuan/],
    ['1e3', /amount in yuan/],
  ])('refuses %j with a plain BAD_USER_INPUT', (input, message) => {
    try {
      parseMoney(input, 'listPrice');
      expect.unreachable();
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/^listPrice/);
    }
  });

  it('refuses a float, which would lose fen', () => {
    expect(() => parseMoney(52.1)).toThrow(/decimal string/);
  });
});

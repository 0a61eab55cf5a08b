import { describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH, MAX_INPUT_STRING_LENGTH, nestsDeeperThan, stringProblem } from '../src/requestChecks.js';

describe('stringProblem', () => {
  it('finds what no text may hold: NUL, lone surrogates, more characters than any field takes', () => {
    expect(stringProblem('a\u0000b')).toMatch(/NUL/);
    expect(stringProblem('\ud800')).toMatch(/surrogate/);
    expect(stringProblem('a\udc00')).toMatch(/surrogate/);
    expect(stringProblem('x'.repeat(MAX_INPUT_STRING_LENGTH + 1))).toMatch(/characters long/);
    for (const fine of ['', '李卫东', '😀', 'x'.repeat(MAX_INPUT_STRING_LENGTH), 'tab\tand\nnewline']) expect(stringProblem(fine), fine).toBeUndefined();
  });
});

describe('nestsDeeperThan', () => {
  const nested = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => ({ a: [inner] }), 1);

  it('counts arrays and objects, not scalars', () => {
    expect(nestsDeeperThan({ input: { orders: [{ householdId: 'x' }] } }, 4)).toBe(false);
    expect(nestsDeeperThan({ input: { orders: [{ householdId: 'x' }] } }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
  });

  it('answers for any depth without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH / 2 - 1), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), MAX_BODY_DEPTH)).toBe(true);
  });
});

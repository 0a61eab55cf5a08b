import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingDepth, nestingRefusal } from '../src/documentLimits.js';

describe('document nesting', () => {
  it('counts braces, brackets and parentheses together, without recursion, however deep', () => {
    expect(nestingDepth('{ cities { id } }')).toBe(2);
    expect(nestingDepth('{ a(x: [[1]]) { b } }')).toBe(4);
    expect(nestingDepth('{'.repeat(100_000), Number.POSITIVE_INFINITY)).toBe(100_000);
    expect(nestingDepth(`{ city(id: ${'['.repeat(3000)}"4201"${']'.repeat(3000)}) { id } }`)).toBe(MAX_NESTING + 1);
  });

  it('refuses past the limit with a plain message, and leaves unreadable text to the parser', () => {
    expect(nestingRefusal(`{ ${'a { '.repeat(3000)}b${' }'.repeat(3000)} }`)).toMatch(/more than 100 deep; at most 100 are read/);
    expect(nestingRefusal('{ cities { id } }')).toBeNull();
    expect(nestingRefusal('{ "unterminated')).toBeNull();
    expect(nestingRefusal(undefined)).toBeNull();
  });

  it('reads no further than the tokens the parser would read: past them, the parser refuses the document by its length', () => {
    const deepAfterManyTokens = `{ ${'a '.repeat(2000)}${'{'.repeat(200)} }`;
    expect(nestingRefusal(deepAfterManyTokens)).toMatch(/more than 100 deep/);
    expect(nestingRefusal(deepAfterManyTokens, MAX_NESTING, 2000)).toBeNull();
    // A 2 MB document is lexed only as far as its first 2,000 tokens.
    const huge = `{ ${'a '.repeat(1_000_000)}}`;
    const started = performance.now();
    expect(nestingDepth(huge, MAX_NESTING, 2000)).toBe(1);
    const elapsed = performance.now() - started;
    console.log(`[document nesting] first 2,000 tokens of a 2 MB document read in ${elapsed.toFixed(2)} ms`);
  });
});

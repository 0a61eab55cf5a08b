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
});

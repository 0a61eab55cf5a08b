import type { BaseContext } from '@apollo/server';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH, MAX_INPUT_STRING_LENGTH, nestsDeeperThan, requestChecks, stringProblem } from '../src/requestChecks.js';

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

describe('requestChecks (the plugin)', () => {
  const schema = buildSchema('type Query { echo(text: String, texts: [String!]): String }');
  const document = parse('query Q($text: String, $texts: [String!]) { echo(text: $text, texts: $texts) }');
  const operation = document.definitions[0] as OperationDefinitionNode;
  /** Runs the plugin's check as Apollo Server would, for these variables; `internal` marks the request as our own services'. */
  const check = async (variables: Record<string, unknown>, internal = false) => {
    const plugin = requestChecks<BaseContext>({ internal: () => internal });
    const context = { schema, document, operation, operationName: 'Q', request: { operationName: 'Q', variables } };
    const listener = await plugin.requestDidStart!(context as never);
    await listener!.didResolveOperation!(context as never);
  };
  const many = Array.from({ length: 1560 }, (_, i) => ({ __typename: 'Community', id: `4401${i}` }));

  it('names where a refused string is, among many clean ones, keys included', async () => {
    const texts = many.map((item) => ({ ...item }));
    texts[1234] = { __typename: 'Community', id: 'a\u0000b' };
    await expect(check({ text: 'fine', texts })).rejects.toThrow('The variable $texts[1234].id contains the NUL character');
    await expect(check({ text: { ['k\ud800']: 1 } })).rejects.toThrow('The variable $text (a key) contains a lone UTF-16 surrogate');
    await expect(check({ text: 'x'.repeat(MAX_INPUT_STRING_LENGTH + 1) })).rejects.toThrow(`The variable $text is ${MAX_INPUT_STRING_LENGTH + 1} characters long`);
    await expect(check({ text: '😀 李卫东', texts: many })).resolves.toBeUndefined();
  });

  it('does not walk the variables of our own services’ requests again, and still checks everything else', async () => {
    await expect(check({ text: 'a\u0000b' }, true)).resolves.toBeUndefined();
    const literal = parse('{ echo(text: "a\\u0000b") }');
    const context = { schema, document: literal, operation: literal.definitions[0], operationName: null, request: { variables: {} } };
    const listener = await requestChecks<BaseContext>({ internal: () => true }).requestDidStart!(context as never);
    await expect(listener!.didResolveOperation!(context as never)).rejects.toThrow(/The string at line 1, column 14 of the query contains the NUL character/);
  });
});

import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadOne, RequestCaches } from '../src/loaders.js';
import { freshAfterWrites } from '../src/subgraph.js';

describe('RequestCaches', () => {
  it('forgets its loaders’ rows and its memos on clearAll', async () => {
    const caches = new RequestCaches();
    const table = new Map([['a', 1]]);
    const loaders = caches.add({ valueOf: loadOne(async (keys: readonly string[]) => keys.map((key) => ({ key, value: table.get(key)! })), (row) => row.key) });
    let computed = 0;
    const memo = caches.memo(() => (computed += 1));
    const byKey = caches.memoByKey((key: string) => `${key}${(computed += 1)}`);
    expect((await loaders.valueOf.load('a'))!.value).toBe(1);
    expect([memo(), memo(), byKey('x'), byKey('x')]).toEqual([1, 1, 'x2', 'x2']);
    table.set('a', 2);
    expect((await loaders.valueOf.load('a'))!.value).toBe(1);
    caches.clearAll();
    expect((await loaders.valueOf.load('a'))!.value).toBe(2);
    expect([memo(), byKey('x')]).toEqual([3, 'x4']);
  });
});

describe('freshAfterWrites', () => {
  it('clears the request’s caches before and after every mutation root field, and never for a query', async () => {
    let stored = 1;
    const caches = new RequestCaches();
    const read = caches.memo(() => stored);
    const schema = freshAfterWrites(
      buildSchema('type Query { value: Int } type Mutation { add(n: Int!): Int }'),
    );
    const rootValue = {
      value: () => read(),
      add: ({ n }: { n: number }) => {
        stored += n;
        return read();
      },
    };
    const contextValue = { caches };
    expect((await graphql({ schema, source: '{ value }', rootValue, contextValue })).data).toEqual({ value: 1 });
    stored = 5;
    expect((await graphql({ schema, source: '{ value }', rootValue, contextValue })).data).toEqual({ value: 1 });
    const both = await graphql({ schema, source: 'mutation { a: add(n: 1) b: add(n: 2) }', rootValue, contextValue });
    expect(both.data).toEqual({ a: 6, b: 8 });
  });
});

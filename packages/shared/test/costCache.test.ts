import type { BaseContext } from '@apollo/server';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { describe, expect, it } from 'vitest';
import { costCache } from '../src/costCache.js';
import { queryCost, queryLimitsPlugin, UNDECLARED_LIST_SIZE } from '../src/queryLimits.js';

const schema = buildSchema(`
  type Query { items(first: Int): [Item!]!  item(id: ID!): Item }
  type Item { id: ID!  children: [Item!]! }
`);

/** The cost queryLimitsPlugin finds for this request, read from its refusal (maxCost 0 refuses everything that costs). */
function costing() {
  const plugin = queryLimitsPlugin<BaseContext>({ limits: { maxDepth: 12, maxAliases: 30, maxTokens: 1000, maxCost: 0 } });
  return async (query: ReturnType<typeof parse>, variables: Record<string, unknown>): Promise<string> => {
    const operation = query.definitions[0] as OperationDefinitionNode;
    const context = { schema, document: query, operation, operationName: operation.name?.value ?? null, request: { variables } };
    const listener = await plugin.requestDidStart!(context as never);
    try {
      await listener!.didResolveOperation!(context as never);
      return 'served';
    } catch (error) {
      return /about (\d+) objects/.exec((error as Error).message)?.[1] ?? (error as Error).message;
    }
  };
}

describe('queryLimitsPlugin’s cost, kept per document', () => {
  it('tells apart the variables the cost depends on: a page size, @skip and @include', async () => {
    const cost = costing();
    const paged = parse('query P($n: Int, $id: ID!) { items(first: $n) { id } item(id: $id) { id } }');
    expect(await cost(paged, { n: 5, id: '1' })).toBe(String(5 + 1));
    expect(await cost(paged, { n: 50, id: '1' })).toBe(String(50 + 1));
    expect(await cost(paged, { n: 5, id: '2' })).toBe(String(5 + 1));
    // Without a page size, a list this schema declares no size for weighs UNDECLARED_LIST_SIZE.
    expect(await cost(paged, { id: '2' })).toBe(String(UNDECLARED_LIST_SIZE + 1));
    expect(await cost(paged, { n: null, id: '2' })).toBe(String(UNDECLARED_LIST_SIZE + 1));
    expect(await cost(paged, { n: 50, id: '3' })).toBe(String(50 + 1));
    const skipped = parse('query S($s: Boolean!) { items(first: 3) { id } item(id: "1") @skip(if: $s) { children { id } } }');
    for (const s of [true, false, true, false]) expect(await cost(skipped, { s })).toBe(String(s ? 3 : 3 + UNDECLARED_LIST_SIZE + 1));
  });

  it('still refuses variables that do not fit the operation, after a request that fitted', async () => {
    const cost = costing();
    const document = parse('query I($id: ID!) { item(id: $id) { children { id } } }');
    expect(await cost(document, { id: '1' })).toBe(String(UNDECLARED_LIST_SIZE + 1));
    expect(await cost(document, {})).toMatch(/Variable "\$id" of required type "ID!" was not provided/);
    expect(await cost(document, { id: null })).toMatch(/Variable "\$id" of non-null type "ID!" must not be null/);
    expect(await cost(document, { id: '2' })).toBe(String(UNDECLARED_LIST_SIZE + 1));
  });

  it('counts once per document when the cost depends on no variable; again when it reads one it had not seen', () => {
    const cached = costCache();
    const document = parse('query I($id: ID!, $n: Int) { item(id: $id) { children { id } } items(first: $n) { id } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    let counted = 0;
    // An estimator that reads every argument (Object.keys): each field's variables count.
    const everyArgument: ComplexityEstimator = ({ args, childComplexity }) => Object.keys(args).length + childComplexity + 1;
    const run = (variables: Record<string, unknown>) =>
      cached(schema, document, operation, variables, (wrap) => {
        counted += 1;
        return queryCost(schema, document, variables, 'I', wrap(everyArgument));
      });
    const first = run({ id: '1', n: 2 });
    expect(run({ id: '1', n: 2 })).toBe(first);
    expect(counted).toBe(1);
    run({ id: '2', n: 2 });
    expect(counted).toBe(2);
    const byPageSize = costCache();
    let pageCounts = 0;
    const pageOnly = (variables: Record<string, unknown>) =>
      byPageSize(schema, document, operation, variables, (wrap) => {
        pageCounts += 1;
        return queryCost(schema, document, variables, 'I', wrap(({ args, childComplexity }) => (typeof args.first === 'number' ? args.first : 1) * (1 + childComplexity)));
      });
    expect(pageOnly({ id: '1', n: 2 })).toBe(pageOnly({ id: '2', n: 2 }));
    expect(pageCounts).toBe(1);
    expect(pageOnly({ id: '3', n: 7 })).not.toBe(pageOnly({ id: '1', n: 2 }));
    expect(pageCounts).toBe(2);
  });
});

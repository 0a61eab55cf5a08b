// Compiled execution answers exactly as graphql-js does (data, errors with their extensions and paths, nulls
// bubbling to the nearest nullable field), compiles a document once, and leaves mutations and clients' own requests
// to graphql-js.
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, GraphQLError, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compiledExecution, type CompiledExecutionOptions } from '../src/compiledExecution.js';
import { serve, type RunningServer } from '../src/http.js';
import { createLogger } from '../src/logger.js';

const schema = buildSubgraphSchema({
  typeDefs: parse(`
    type Query { districts(first: Int!): [District!]!, hidden: Secret }
    type District { id: ID!, name: String!, figures: Figures!, phone: String, broken: Figures, failing: Int, mustNotFail: Figures }
    type Figures { orders: Int!, amount: Float! }
    type Secret { value: String! }
    type Mutation { touch: Int! }
  `),
  resolvers: {
    Query: {
      districts: (_: unknown, { first }: { first: number }) => Array.from({ length: first }, (_, i) => ({ id: `d${i}`, name: `区${i}` })),
      hidden: () => ({}),
    },
    District: {
      figures: async (district: { id: string }, _: unknown, context: { scale: number }) => ({ orders: Number(district.id.slice(1)) * context.scale, amount: 1.5 }),
      phone: () => {
        throw new GraphQLError('Not yours to read.', { extensions: { code: 'FORBIDDEN' } });
      },
      broken: () => ({ orders: null, amount: 0 }),
      failing: () => {
        throw new Error('a bug of ours');
      },
      mustNotFail: () => ({ orders: 1, amount: 0 }),
    },
    Secret: { value: () => null },
    Figures: {
      orders: (figures: { orders: number | null }) => {
        if (figures.orders === 1) throw new Error('another bug of ours');
        return figures.orders;
      },
    },
    Mutation: { touch: () => 1 },
  } as never,
});

const QUERY = `query Districts($first: Int!) { districts(first: $first) { id name figures { orders amount } phone broken { orders } } hidden { value } }`;

function requestContext(source: string, variables: Record<string, unknown>, internal: boolean): GatewayGraphQLRequestContext {
  const document = parse(source);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return {
    source,
    document,
    operation,
    operationName: operation.name?.value ?? null,
    request: { query: source, variables, http: { method: 'POST', url: '/graphql', headers: new Map([['x-internal', internal ? 'yes' : 'no']]) as never } },
    context: { scale: 10 },
  } as unknown as GatewayGraphQLRequestContext;
}

const sortedErrors = (errors: readonly unknown[] | undefined) =>
  (errors ?? []).map((error) => JSON.parse(JSON.stringify(error)) as { path: unknown[] }).sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));

async function executorWith(compile: NonNullable<CompiledExecutionOptions['compile']>) {
  const gateway = compiledExecution(schema, { compiled: (request) => (request.http?.headers as unknown as Map<string, string>).get('x-internal') === 'yes', compile });
  let apiSchema: unknown;
  gateway.onSchemaLoadOrUpdate((loaded) => void (apiSchema = loaded.apiSchema));
  expect(apiSchema).toBe(schema);
  const { executor } = await gateway.load({ apollo: {} });
  return executor!;
}

describe('compiledExecution', () => {
  it('answers a query exactly as graphql-js does, errors and bubbled nulls included, compiling the document once', async () => {
    const compile = vi.fn((schema: GraphQLSchema, document: DocumentNode, name?: string) => compileQuery(schema, document, name));
    const executor = await executorWith(compile);
    const expected = await execute({ schema, document: parse(QUERY), variableValues: { first: 3 }, contextValue: { scale: 10 } });
    expect(expected.errors?.length).toBeGreaterThan(0); // the comparison covers errors, not only data
    for (const first of [3, 3]) {
      const answer = await executor(requestContext(QUERY, { first }, true));
      expect(answer.data).toEqual(expected.data);
      // The same errors (the spec leaves their order open: graphql-jit lists them by field, graphql-js as they occur).
      expect(sortedErrors(answer.errors)).toEqual(sortedErrors(expected.errors));
      expect(answer.errors!.find((error) => error.message === 'Not yours to read.')!.extensions).toEqual({ code: 'FORBIDDEN' });
    }
    expect(compile).toHaveBeenCalledTimes(1);
    // Other variables, same document: still the one compilation.
    const bigger = await executor(requestContext(QUERY, { first: 5 }, true));
    expect((bigger.data as { districts: unknown[] }).districts).toHaveLength(5);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('leaves a client’s own request and every mutation to graphql-js', async () => {
    const compile = vi.fn((schema: GraphQLSchema, document: DocumentNode, name?: string) => compileQuery(schema, document, name));
    const executor = await executorWith(compile);
    const direct = await executor(requestContext(QUERY, { first: 2 }, false));
    expect((direct.data as { districts: unknown[] }).districts).toHaveLength(2);
    expect(await executor(requestContext('mutation { touch }', {}, true))).toEqual({ data: { touch: 1 } });
    expect(compile).not.toHaveBeenCalled();
  });
});

describe('compiled execution behind Apollo Server (serve)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve<{ scale: number; requestId: string }>({
      name: 'test',
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      apollo: { gateway: compiledExecution(schema, { compiled: (request) => request.http?.headers.get('x-internal') === 'yes' }) },
      internalRequest: (request) => request.http?.headers.get('x-internal') === 'yes',
      context: async ({ requestId }) => ({ scale: 10, requestId }),
      health: async () => ({ ok: true, checks: {} }),
    });
  });
  afterAll(() => server?.stop());

  const ask = (query: string, variables: Record<string, unknown>, internal: boolean) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-internal': internal ? 'yes' : 'no' }, body: JSON.stringify({ query, variables }) }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: Array<{ path?: unknown[]; extensions?: { code?: string } }> },
    }));

  it('answers a resolver’s own failure as graphql-js does: the rest of the data, the error at its path as INTERNAL_SERVER_ERROR, HTTP 200', async () => {
    const query = 'query Failing($first: Int!) { districts(first: $first) { id failing mustNotFail { orders } } }';
    const interpreted = await ask(query, { first: 2 }, false);
    expect(interpreted.status).toBe(200);
    expect(interpreted.body.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR']);
    // Twice: the first sight and the compiled one.
    for (const attempt of [1, 2, 3]) {
      const compiled = await ask(query, { first: 2 }, true);
      expect(compiled.status, `attempt ${attempt}`).toBe(200);
      expect(compiled.body.data).toEqual(interpreted.body.data);
      expect(sortedErrors(compiled.body.errors as never)).toEqual(sortedErrors(interpreted.body.errors as never));
    }
  });

  it('refuses variables it cannot coerce as graphql-js does (HTTP 400, BAD_USER_INPUT)', async () => {
    const query = 'query Districts($first: Int!) { districts(first: $first) { id } }';
    await ask(query, { first: 1 }, true);
    await ask(query, { first: 1 }, true);
    const interpreted = await ask(query, { first: 'many' }, false);
    const compiled = await ask(query, { first: 'many' }, true);
    expect(interpreted.status).toBe(400);
    expect(compiled).toEqual(interpreted);
  });
});

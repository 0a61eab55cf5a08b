// A query plan's fetches to one subgraph, started by one request in the same turn, go as one merged operation: each
// fetch's variables, fragments and root fields renamed so none collide, and each reads back its own data and errors.
// Through the gateway's data source over real HTTP: one exchange for the batch, a refusal or an answer without data
// sends each fetch on its own, and a subgraph that does not answer gives every fetch its own outage.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql, parse, validate } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { mergeFetches, MERGED_OPERATION_NAME } from '../src/batchedFetches.js';
import { AuthForwardingDataSource } from '../src/dataSource.js';
import type { GatewayContext } from '../src/context.js';

const schema = buildSchema(`
  scalar _Any
  type Stats { orders: Int households: Int }
  union _Entity = Street | Community
  type Street { id: ID! orderStats(date: String!): Stats }
  type Community { id: ID! orderStats(date: String!): Stats name: String }
  type Query { _entities(representations: [_Any!]!): [_Entity]! street(id: ID!): Street }
`);

/** Resolves `_entities` from the representations (an id "boom" throws, as a resolver's own failure would). */
const rootValue = {
  _entities: ({ representations }: { representations: Array<{ __typename: string; id: string }> }) =>
    representations.map(({ __typename, id }) => ({
      __typename,
      id,
      name: `n${id}`,
      orderStats: ({ date }: { date: string }) => {
        if (id === 'boom') throw new Error(`no figures for ${id}`);
        return { orders: Number(id) * 10, households: date.length };
      },
    })),
  street: ({ id }: { id: string }) => ({ id, orderStats: { orders: 1, households: 1 } }),
};

const streetFetch = {
  query: 'query Q__community__1($representations:[_Any!]!,$date:String!){_entities(representations:$representations){...on Street{orderStats(date:$date){...S}}}} fragment S on Stats{orders households}',
  variables: { representations: [{ __typename: 'Street', id: '1' }, { __typename: 'Street', id: '2' }], date: '2026-12-04' },
};
const communityFetch = {
  query: 'query Q__community__2($representations:[_Any!]!,$date:String!){_entities(representations:$representations){...on Community{orderStats(date:$date){...S} name}}} fragment S on Stats{orders}',
  variables: { representations: [{ __typename: 'Community', id: '3' }, { __typename: 'Community', id: 'boom' }], date: '2026-12' },
};
const rootFetch = { query: 'query Q__community__3{street(id:"7"){id} __typename}', variables: {} };

/** What graphql-js answers a fetch on its own, as JSON. */
const alone = async (fetch: { query: string; variables: Record<string, unknown> }) =>
  JSON.parse(JSON.stringify(await graphql({ schema, rootValue, source: fetch.query, variableValues: fetch.variables })));

describe('mergeFetches', () => {
  it('merges fetches into one valid operation whose split answer is what each fetch alone would have had, errors and paths included', async () => {
    const fetches = [streetFetch, communityFetch, rootFetch];
    const merged = mergeFetches(fetches)!;
    expect(merged.request.operationName).toBe(MERGED_OPERATION_NAME);
    expect(validate(schema, parse(merged.request.query))).toEqual([]);
    // The two fragments named S (different selections) are kept apart, and so are the two $date variables.
    expect(merged.request.variables).toMatchObject({ f0_date: '2026-12-04', f1_date: '2026-12' });
    const answer = JSON.parse(JSON.stringify(await graphql({ schema, rootValue, source: merged.request.query, variableValues: merged.request.variables })));
    const parts = merged.split(answer);
    const expected = await Promise.all(fetches.map(alone));
    expect(parts.map((part) => part.data)).toEqual(expected.map((answer) => answer.data));
    expect(parts.map((part) => part.errors?.map((error) => [error.message, error.path]))).toEqual(
      expected.map((answer) => answer.errors?.map((error: { message: string; path: unknown }) => [error.message, error.path])),
    );
    expect(parts[1]!.errors![0]!.path).toEqual(['_entities', 1, 'orderStats']);
  });

  it('leaves unmergeable fetches alone (a mutation, a root fragment, a root directive, two operations)', () => {
    for (const query of [
      'mutation M { x }',
      'query { ...F } fragment F on Query { street(id: "1") { id } }',
      'query ($s: Boolean!) { street(id: "1") @include(if: $s) { id } }',
      'query A { street(id: "1") { id } } query B { street(id: "2") { id } }',
    ]) {
      expect(mergeFetches([streetFetch, { query, variables: {} }]), query).toBeUndefined();
    }
  });

  it('gives an error outside every fetch’s fields (no path) to the first fetch', () => {
    const parts = mergeFetches([streetFetch, rootFetch])!.split({ data: { f0__entities: [], f1_street: null, f1___typename: 'Query' }, errors: [{ message: 'odd' }] });
    expect(parts.map((part) => part.errors)).toEqual([[{ message: 'odd' }], undefined]);
    expect(parts[1]!.data).toEqual({ street: null, __typename: 'Query' });
  });
});

describe('the data source', () => {
  let server: http.Server;
  let url: string;
  let bodies: Array<{ query: string; operationName?: string }> = [];
  /**
   * How the subgraph answers: graphql-js (Cache-Control max-age=5), or, for merged operations: a refusal (400), data
   * null (no-store), an answer whose errors are not errors; or, for every request, a proxy's 503 or a dropped connection.
   */
  let mode: 'answer' | 'refuseMerged' | 'noDataMerged' | 'proxyDown' | 'garbledMerged' | 'hangUp' = 'answer';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', async () => {
        const body = JSON.parse(text) as { query: string; variables: Record<string, unknown>; operationName?: string };
        bodies.push(body);
        const merged = body.operationName === MERGED_OPERATION_NAME;
        if (mode === 'hangUp') return void req.socket.destroy();
        if (merged && mode === 'refuseMerged') return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Too many tokens.', extensions: { code: 'BAD_REQUEST' } }] }));
        if (merged && mode === 'noDataMerged') return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ data: null, errors: [{ message: 'Refused.', extensions: { code: 'FORBIDDEN' } }] }));
        if (mode === 'proxyDown') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream unavailable');
        const answer = await graphql({ schema, rootValue, source: body.query, variableValues: body.variables });
        if (merged && mode === 'garbledMerged') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...answer, errors: [null] }));
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=5, public' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    bodies = [];
    hints = [];
    mode = 'answer';
  });

  const source = () => new AuthForwardingDataSource({ name: 'community', url, timeoutMs: 5_000 });
  /** The hints each subgraph answer gave the incoming request's cache policy. */
  let hints: unknown[] = [];
  const context = (): GatewayContext => ({ requestId: 'r', viewer: { role: 'ANALYST', scope: '4401', sub: 'a' } as GatewayContext['viewer'], authorization: 'Bearer t', receivedAt: performance.now() });
  /** A fetch as the gateway's query plan hands it to the data source. */
  const options = (fetch: { query: string; variables: Record<string, unknown> }, requestContext: GatewayContext) =>
    ({ kind: 'incoming operation', request: { query: fetch.query, variables: fetch.variables }, context: requestContext, incomingRequestContext: { context: requestContext, overallCachePolicy: { restrict: (hint: unknown) => void hints.push(hint) } }, document: parse(fetch.query), pathInIncomingRequest: [] }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
  const data = (response: { data?: unknown; errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number> }> }) => ({ data: response.data, errors: response.errors?.map((error) => [error.message, error.path]) });
  const expectedAlone = async (fetch: { query: string; variables: Record<string, unknown> }) => data(await alone(fetch));

  it('sends the fetches one request starts in the same turn as one exchange, and each reads its own answer', async () => {
    const dataSource = source();
    const requestContext = context();
    const answers = await Promise.all([streetFetch, communityFetch, rootFetch].map((fetch) => dataSource.process(options(fetch, requestContext))));
    expect(bodies.map((body) => body.operationName)).toEqual([MERGED_OPERATION_NAME]);
    expect(answers.map(data)).toEqual(await Promise.all([streetFetch, communityFetch, rootFetch].map(expectedAlone)));
  });

  it('never merges fetches of two requests, nor a fetch that comes a turn later', async () => {
    const dataSource = source();
    const first = context();
    await Promise.all([dataSource.process(options(streetFetch, first)), dataSource.process(options(communityFetch, context()))]);
    expect(bodies.map((body) => body.operationName)).toEqual([undefined, undefined]);
    bodies = [];
    const now = dataSource.process(options(streetFetch, first));
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([now, dataSource.process(options(communityFetch, first))]);
    expect(bodies).toHaveLength(2);
  });

  it('sends each fetch on its own when the subgraph refuses the merged document (and never merges them again), or answers it without data', async () => {
    const round = async (fetches: Array<{ query: string; variables: Record<string, unknown> }>) => {
      bodies = [];
      hints = [];
      const requestContext = context();
      const dataSource = source();
      const answers = await Promise.all(fetches.map((fetch) => dataSource.process(options(fetch, requestContext))));
      expect(answers.map(data)).toEqual(await Promise.all(fetches.map(expectedAlone)));
      return bodies.map((body) => body.operationName);
    };
    mode = 'refuseMerged';
    expect(await round([streetFetch, communityFetch])).toEqual([MERGED_OPERATION_NAME, undefined, undefined]);
    expect(await round([streetFetch, communityFetch])).toEqual([undefined, undefined]);
    mode = 'noDataMerged';
    expect(await round([communityFetch, streetFetch])).toEqual([MERGED_OPERATION_NAME, undefined, undefined]);
    // The request's cache policy heard the two answers it used, not the no-store of the merged one it threw away.
    expect(hints).toEqual([{ maxAge: 5, scope: 'PUBLIC' }, { maxAge: 5, scope: 'PUBLIC' }]);
    mode = 'answer';
    expect(await round([rootFetch, streetFetch])).toEqual([MERGED_OPERATION_NAME]);
    expect(hints).toEqual([{ maxAge: 5, scope: 'PUBLIC' }]);
  });

  it('gives every merged fetch what a failure other than a refusal would have given it alone, after one exchange', async () => {
    for (const failure of ['proxyDown', 'garbledMerged'] as const) {
      mode = failure;
      bodies = [];
      const requestContext = context();
      const dataSource = source();
      const settled = await Promise.allSettled([rootFetch, communityFetch].map((fetch) => dataSource.process(options(fetch, requestContext))));
      expect(bodies, failure).toHaveLength(1);
      const outcome = (result: PromiseSettledResult<{ errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }>) =>
        result.status === 'rejected' ? (result.reason as { extensions?: { code?: unknown } }).extensions?.code : result.value.errors?.map((error) => error.extensions?.code);
      expect(settled.map(outcome), failure).toEqual(
        failure === 'proxyDown'
          ? // The proxy's 503 without a GraphQL body is each fetch's own failure, as a single fetch's would be.
            await Promise.allSettled([rootFetch, communityFetch].map((fetch) => source().process(options(fetch, context())))).then((alone) => alone.map(outcome))
          : // An answer it cannot read: each fetch's outage, one error a field (the community fetch: two entities, two fields).
            [['SERVICE_UNAVAILABLE'], Array(4).fill('SERVICE_UNAVAILABLE')],
      );
    }
  });

  it('gives every merged fetch its own outage when the subgraph does not answer', async () => {
    mode = 'hangUp';
    const requestContext = context();
    const dataSource = source();
    const answers = await Promise.all([streetFetch, rootFetch].map((fetch) => dataSource.process(options(fetch, requestContext))));
    expect(bodies).toHaveLength(1);
    expect(answers[0]!.errors!.map((error) => [error.extensions!.code, error.path])).toEqual([
      ['SERVICE_UNAVAILABLE', ['_entities', 0, 'orderStats']],
      ['SERVICE_UNAVAILABLE', ['_entities', 1, 'orderStats']],
    ]);
    expect(answers[1]!.errors!.map((error) => [error.extensions!.code, error.path])).toEqual([['SERVICE_UNAVAILABLE', ['street']]]);
  });
});

import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apolloComputeResponse, computeResponse, type ComputeResponseArgs, type ComputeResponseResult } from '../src/resultShaping.js';

/**
 * The gateway's compiled result shaping against @apollo/gateway's `computeResponse`, on the cases where shaping does
 * more than copy: aliases and repeated fields, `__typename`, fragments on interfaces and unions, `@skip`/`@include`
 * with variables and defaults, values of the wrong type, nulls in non-null positions, invalid `__typename`, and
 * malformed answers (which both must refuse with the same message). Every gateway test also runs both on every
 * answer (`resultShaping: 'check'` in the harness).
 */

const schema = buildSchema(`
  type Query {
    me: User
    users: [User!]!
    node(id: ID!): Node
    things: [Thing]
    count: Int!
    ratio: Float
    flag: Boolean
    color: Color
    json: JSON
    id: ID
    nums: [Int!]
    matrix: [[Int]]
  }
  type Mutation { rename(name: String!): User! }
  scalar JSON
  enum Color { RED GREEN }
  interface Node { id: ID! }
  type User implements Node { id: ID! name: String! nick: String friends: [User!] best: User! }
  type Post implements Node { id: ID! title: String }
  union Thing = User | Post
`);

function args(query: string, input: ComputeResponseArgs['input'], variables: Record<string, unknown> = {}): ComputeResponseArgs {
  return {
    operation: operationFromDocument(schema, parse(query), { validate: true }),
    variables,
    input,
    introspectionHandling: (selection) => ({ introspected: selection.element.responseName() }),
  };
}

/** What a call gives, comparable: data with its key order, errors' messages, paths and codes; or the message thrown. */
function outcome(shape: (args: ComputeResponseArgs) => ComputeResponseResult, call: ComputeResponseArgs) {
  try {
    const { data, errors } = shape(call);
    return { data: JSON.stringify(data), errors: errors.map((error) => ({ message: error.message, path: error.path, code: error.extensions.code })) };
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

/** Shapes with both and expects the same outcome; returns ours. */
function both(query: string, input: ComputeResponseArgs['input'], variables?: Record<string, unknown>) {
  const ours = outcome(computeResponse, args(query, input, variables));
  expect(ours).toEqual(outcome(apolloComputeResponse(), args(query, input, variables)));
  return ours;
}

describe('compiled result shaping', () => {
  it('copies aliases, repeated fields and __typename in the operation’s order, dropping what was not asked', () => {
    const ours = both('{ me { id n: name __typename t: __typename friends { name } friends { id } } count }', {
      me: { id: 'u1', n: 'Li', name: 'ignored', __typename: 'User', friends: [{ name: 'Wang', id: 'u2', extra: 1 }] },
      count: 3,
      extra: true,
    });
    expect(JSON.parse(ours.data!)).toEqual({ me: { id: 'u1', n: 'Li', __typename: 'User', t: 'User', friends: [{ name: 'Wang', id: 'u2' }] }, count: 3 });
    expect(Object.keys(JSON.parse(ours.data!).me)).toEqual(['id', 'n', '__typename', 't', 'friends']);
  });

  it('applies fragments on interfaces and unions by each object’s __typename', () => {
    const ours = both('{ node(id: "1") { id ... on User { name } ... on Post { title } } things { __typename ... on User { name } ... on Post { title } ... on Node { id } } count }', {
      node: { __typename: 'Post', id: 'p1', title: 'Notice' },
      things: [{ __typename: 'User', name: 'Li', id: 'u1' }, null, { __typename: 'Post', title: 'T', id: 'p2' }],
      count: 0,
    });
    expect(JSON.parse(ours.data!)).toEqual({
      node: { id: 'p1', title: 'Notice' },
      things: [{ __typename: 'User', name: 'Li', id: 'u1' }, null, { __typename: 'Post', title: 'T', id: 'p2' }],
      count: 0,
    });
  });

  it('follows @skip and @include with variables, their defaults and literals', () => {
    const query = 'query($a: Boolean! = true, $b: Boolean!) { count @include(if: $a) ratio @skip(if: $b) me @include(if: false) { id } flag @skip(if: false) }';
    const input = { count: 1, ratio: 0.5, me: { id: 'u1' }, flag: true };
    expect(JSON.parse(both(query, input, { b: true }).data!)).toEqual({ count: 1, flag: true });
    expect(JSON.parse(both(query, input, { a: false, b: false }).data!)).toEqual({ ratio: 0.5, flag: true });
  });

  it('nulls values of the wrong type with an error, and a null in a non-null position up to the nearest nullable parent', () => {
    const query = '{ ratio flag color json id nums matrix me { nick best { id } } }';
    const ours = both(query, { ratio: '1.5', flag: 1, color: 'BLUE', json: { any: ['thing'] }, id: 12, nums: [1, null], matrix: [[1, 'x'], null], me: { nick: null, best: null } });
    expect(JSON.parse(ours.data!)).toEqual({ ratio: null, flag: null, color: null, json: { any: ['thing'] }, id: 12, nums: null, matrix: [[1, null], null], me: null });
    expect(ours.errors).toEqual([
      { message: 'Invalid value found for field Query.ratio.', path: ['ratio'], code: 'INVALID_GRAPHQL' },
      { message: 'Invalid value found for field Query.flag.', path: ['flag'], code: 'INVALID_GRAPHQL' },
      { message: 'Invalid value found for field Query.color.', path: ['color'], code: 'INVALID_GRAPHQL' },
      { message: 'Cannot return null for non-nullable array element of type Int at index 1.', path: ['nums', 1], code: 'INVALID_GRAPHQL' },
      { message: 'Invalid value found for array element of type Int at index 1.', path: ['matrix', 0, 1], code: 'INVALID_GRAPHQL' },
      { message: 'Cannot return null for non-nullable field User.best.', path: ['me', 'best'], code: 'INVALID_GRAPHQL' },
    ]);
  });

  it('nulls the whole answer when a non-null root field fails, and a list of non-null objects when one fails', () => {
    expect(both('{ count ratio }', { count: 'many', ratio: 1 }).data).toBe('null');
    expect(both('{ users { id name } }', { users: [{ id: 'u1', name: 'Li' }, { id: 'u2', name: null }] }).data).toBe('null');
    expect(both('{ me { friends { id name } } }', { me: { friends: [{ id: 'u1', name: null }] } }).data).toBe('{"me":{"friends":null}}');
  });

  it('refuses an object whose __typename the schema does not know, and keeps every scalar kind’s rules', () => {
    const ours = both('{ me { id } node(id: "1") { id } }', { me: { __typename: 'Ghost', id: 'u1' }, node: { __typename: 'Color', id: 'x' } });
    expect(JSON.parse(ours.data!)).toEqual({ me: null, node: null });
    expect(ours.errors?.map((error) => error.message)).toEqual(['Invalid __typename found for object at field Query.me.', 'Invalid __typename found for object at field Query.node.']);
    for (const value of [0, -3, 2.5, 1e21, Number.NaN, '7', true, null, { n: 1 }]) {
      both('{ count id ratio flag }', { count: value, id: value, ratio: value, flag: value });
    }
  });

  it('answers __typename on the root and on objects without one, and hands introspection fields to the gateway', () => {
    const ours = both('{ __typename kind: __typename me { __typename } __schema { queryType { name } } }', { me: { id: 'u1' } });
    expect(JSON.parse(ours.data!)).toEqual({ __typename: 'Query', kind: 'Query', me: { __typename: 'User' }, __schema: { introspected: '__schema' } });
    expect(JSON.parse(both('mutation { rename(name: "Li") { name __typename } }', { rename: { name: 'Li' } }).data!)).toEqual({ rename: { name: 'Li', __typename: 'User' } });
  });

  it('throws the same message as @apollo/gateway for malformed answers, and passes no answer through', () => {
    expect(both('{ users { id } }', { users: { id: 'u1' } }).threw).toMatch(/Invalid non-list value/);
    expect(both('{ me { id } }', { me: 'u1' }).threw).toMatch(/Invalid non-object value/);
    expect(both('{ me { id } }', { me: { __typename: 7, id: 'u1' } }).threw).toMatch(/Invalid non-string value 7 for __typename/);
    expect(both('{ ... on Query { count } }', { __typename: 1, count: 1 }).threw).toMatch(/Got unexpected value for __typename/);
    expect(both('{ count }', null)).toEqual({ data: 'null', errors: [] });
    expect(both('{ count }', undefined)).toEqual({ data: undefined, errors: [] });
  });

  it('throws where a condition’s variable is unusable only when the selection is reached, and merges a field from two fragments', () => {
    // Variables are coerced before execution, so this is the gateway's bug, not the caller's: both throw the same way, and only when reached.
    const unset = 'query($x: Boolean!) { me { id nick @skip(if: $x) } count }';
    expect(both(unset, { me: { id: 'u1', nick: 'n' }, count: 1 }, {}).threw).toMatch(/Unexpected value undefined for variable \$x/);
    expect(both(unset, { me: null, count: 1 }, {})).toEqual({ data: '{"me":null,"count":1}', errors: [] });
    const merged = both('{ node(id: "1") { ... on User { best { id } } ... on Node { ... on User { best { __typename } nick } } } }', { node: { __typename: 'User', best: { id: 'u2', __typename: 'User' }, nick: null } });
    expect(JSON.parse(merged.data!)).toEqual({ node: { best: { id: 'u2', __typename: 'User' }, nick: null } });
  });

  it('applies one fragment to objects with and without __typename, under different parent types', () => {
    const ours = both('{ me { ... on Node { id } } node(id: "1") { ... on Node { id } ... on User { name } } things { ... on User { name } } }', {
      me: { id: 'u1' },
      node: { id: 'p1' },
      things: [{ name: 'Li' }, { __typename: 'User', name: 'Wang' }],
    });
    expect(JSON.parse(ours.data!)).toEqual({ me: { id: 'u1' }, node: { id: 'p1' }, things: [{}, { name: 'Wang' }] });
  });

  it('agrees with @apollo/gateway on a thousand random answers, valid and not', () => {
    const query = `query($x: Boolean!) { users { id name nick friends { id name @skip(if: $x) } } things { __typename ... on User { id best { id } } ... on Post { title } } nums matrix color me { nick } }`;
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(values: T[]): T => values[Math.floor(random() * values.length)]!;
    const leaf = () => pick<unknown>(['a', 'RED', 1, 1.5, null, true, undefined]);
    const list = <T,>(item: () => T) => (random() < 0.1 ? pick([null, 'x']) : Array.from({ length: Math.floor(random() * 4) }, item));
    const user = (): unknown => (random() < 0.05 ? null : { id: leaf(), name: leaf(), nick: leaf(), friends: list(() => ({ id: leaf(), name: leaf() })), best: random() < 0.2 ? null : { id: leaf() } });
    for (let index = 0; index < 1000; index++) {
      const input = {
        users: list(user),
        things: list(() => (random() < 0.5 ? { __typename: pick(['User', 'Post', 'Nope', 'Node']), ...(user() as object), title: leaf() } : null)),
        nums: list(leaf),
        matrix: list(() => list(leaf)),
        color: leaf(),
        me: random() < 0.5 ? null : { nick: leaf() },
      };
      both(query, JSON.parse(JSON.stringify(input)) as Record<string, unknown>, { x: random() < 0.5 });
    }
  });
});

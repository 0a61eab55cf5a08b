import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cachePolicyOf } from '../src/cachePolicy.js';

const schema = buildSchema(`
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  scalar _Any
  union _Entity = Region | Household
  type Query {
    region(id: ID!): Region
    notice: Public
    household(id: ID!): Household
    count: Int
    _entities(representations: [_Any!]!): [_Entity]!
  }
  type Mutation { rename(id: ID!): Region }
  type Region @cacheControl(maxAge: 60, scope: PRIVATE) {
    id: ID!
    name: String!
    stats: Stats
    households: [Household!]!
    open: [Household!] @cacheControl(maxAge: 5)
    recent: [Stats!] @cacheControl(maxAge: 2)
    secret: String @cacheControl(scope: PRIVATE)
  }
  type Public @cacheControl(maxAge: 30) { note: String  secret: String @cacheControl(scope: PRIVATE) }
  type Stats @cacheControl(maxAge: 5) { orders: Int! }
  type Household { id: ID! }
`);
const policy = (document: string, operationName?: string) => cachePolicyOf(schema, parse(document), operationName);

describe('the cache policy of an operation, from the schema’s hints', () => {
  it('is the smallest max-age among the fields asked, private when any hint says so', () => {
    expect(policy('{ region(id: 1) { id name } }')).toEqual({ maxAge: 60, scope: 'PRIVATE' });
    expect(policy('{ region(id: 1) { id stats { orders } } }')).toEqual({ maxAge: 5, scope: 'PRIVATE' });
    expect(policy('{ region(id: 1) { open { id } } }')).toEqual({ maxAge: 5, scope: 'PRIVATE' });
  });

  it('lets a field’s hint replace only what it sets of its type’s hint', () => {
    expect(policy('{ region(id: 1) { recent { orders } } }')).toEqual({ maxAge: 2, scope: 'PRIVATE' });
    expect(policy('{ notice { note } }')).toEqual({ maxAge: 30, scope: 'PUBLIC' });
    expect(policy('{ notice { note secret } }')).toEqual({ maxAge: 30, scope: 'PRIVATE' }); // a scope alone still counts
  });

  it('follows fragments and picks the operation by name', () => {
    const document = 'query A { region(id: 1) { ...F } } query B { count } fragment F on Region { stats { orders } }';
    expect(policy(document, 'A')).toEqual({ maxAge: 5, scope: 'PRIVATE' });
    expect(policy(document, 'B')).toBeNull();
    expect(policy(document)).toBeNull(); // two operations and no name: nothing to answer
  });

  it('is not cacheable with an object field or root field that has no hint, nor for a mutation', () => {
    expect(policy('{ region(id: 1) { households { id } } }')).toBeNull();
    expect(policy('{ household(id: 1) { id } }')).toBeNull();
    expect(policy('{ count }')).toBeNull();
    expect(policy('mutation { rename(id: 1) { id } }')).toBeNull();
    expect(policy('{ __typename }')).toBeNull();
    expect(policy('{ __schema { queryType { name } } }')).toBeNull();
  });

  it('takes the hints of the entity types an _entities fetch asks for', () => {
    expect(policy('{ _entities(representations: []) { ... on Region { stats { orders } } } }')).toEqual({ maxAge: 5, scope: 'PRIVATE' });
    expect(policy('{ _entities(representations: []) { ... on Region { id } ... on Household { id } } }')).toBeNull();
  });
});

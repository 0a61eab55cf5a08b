// The pieces of a subgraph outage's answer: which paths a fetch fills, and one error per failed fetch.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fetchPaths, MAX_LISTED_PATHS, mergeUnavailable, outcomeOf, unavailableResponse } from '../src/outage.js';

/** What node-fetch rejects with when nothing listens on the port, and when the gateway's deadline passes. */
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4003'), { code: 'ECONNREFUSED', errno: 'ECONNREFUSED' });
const timedOut = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'AbortError' });

describe('fetchPaths', () => {
  it('names the root fields of a fetch by their response keys, through fragments, without __typename', () => {
    const document = parse('query { a: community(id: "1") { id } __typename ...F } fragment F on Query { household(id: "2") { id } }');
    expect(fetchPaths(document, {})).toEqual([['a'], ['household']]);
  });

  it('names each entity’s fields of an entity fetch, by the fragment of its type', () => {
    const document = parse(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { groupBuys { id } } ... on Street { orderStats { orders } x: id } } }',
    );
    const representations = [{ __typename: 'Community', id: '1' }, { __typename: 'Street', id: '2' }];
    expect(fetchPaths(document, { representations })).toEqual([
      ['_entities', 0, 'groupBuys'],
      ['_entities', 1, 'orderStats'],
      ['_entities', 1, 'x'],
    ]);
  });
});

describe('mergeUnavailable', () => {
  it('makes one error per failed fetch with every path, leaves other errors alone, and lists at most MAX_LISTED_PATHS', () => {
    const variables = { representations: Array.from({ length: MAX_LISTED_PATHS + 5 }, (_, id) => ({ __typename: 'Community', id })) };
    const document = parse('query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { groupBuys { id } } } }');
    const many = unavailableResponse('selforg', document, undefined, variables, refused).errors!.map((error, index) => ({ ...error, path: ['communities', index, 'groupBuys'] }));
    const one = unavailableResponse('community', undefined, '{ household(id: "1") { id } }', undefined, timedOut).errors!;
    const other = { message: 'No.', path: ['x'], extensions: { code: 'FORBIDDEN' } };
    const merged = mergeUnavailable([...one, other, ...many]);
    expect(merged).toHaveLength(3);
    expect(merged[0]).toEqual({
      message: expect.stringMatching(/^The community service is unavailable right now; the field it serves is null/),
      path: ['household'],
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'community', unavailableService: 'community', outcome: 'NOT_APPLIED', paths: [['household']] },
    });
    expect(merged[1]).toBe(other);
    expect(merged[2]!.path).toEqual(['communities', 0, 'groupBuys']);
    expect(merged[2]!.message).toMatch(`the ${MAX_LISTED_PATHS + 5} fields it serves are null`);
    expect(merged[2]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'selforg', pathsNotListed: 5 });
    expect(merged[2]!.extensions!.paths).toHaveLength(MAX_LISTED_PATHS);
  });
});

describe('outcomeOf', () => {
  it('says a read or a refused connection changed nothing, and a mutation that timed out or broke off may have', () => {
    const read = parse('{ household(id: "1") { id } }');
    const write = parse('mutation { closeGroupBuy(id: "1") { id } }');
    expect(outcomeOf(read, timedOut)).toBe('NOT_APPLIED');
    expect(outcomeOf(write, refused)).toBe('NOT_APPLIED');
    expect(outcomeOf(write, timedOut)).toBe('UNKNOWN');
    expect(outcomeOf(write, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('UNKNOWN');
    const [error] = mergeUnavailable(unavailableResponse('selforg', write, undefined, undefined, timedOut).errors!);
    expect(error!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', outcome: 'UNKNOWN' });
    expect(error!.message).toMatch(/whether the change was made is unknown: read it back before sending it again/);
  });
});

// A client's mistakes are answered as the client's: HTTP 4xx (or 200 with errors where GraphQL over HTTP
// says so), extensions.code BAD_USER_INPUT in plain words, nothing stored; never INTERNAL_SERVER_ERROR or 5xx.
import { addDays, DEMO, fixedClock, MAX_INPUT_STRING_LENGTH } from '@cgov/shared';
import { tokenFor } from '@cgov/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B_COMPOUND, LI, packageOf, room, TOWER } from './demo-ids.js';
import { startPlatform, type Platform } from './harness.js';

const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);

let platform: Platform;
let analyst: string;
beforeAll(async () => {
  platform = await startPlatform({ clock });
  analyst = await tokenFor('ANALYST', DEMO.cityId);
});
afterAll(() => platform?.stop());

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
}

/** Sends any body (an object is sent as JSON) to a URL, as a client could, and reads the answer. */
async function send(
  body: unknown,
  options: { url?: string; token?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const token = options.token ?? analyst;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(options.url ?? platform.gatewayUrl, {
    method: options.method ?? 'POST',
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Asserts the answer is the client's fault: a 4xx (or the statuses given), only BAD_USER_INPUT, a message matching. */
function expectRefused(answer: Answer, message: RegExp, statuses = [400]): void {
  const context = JSON.stringify(answer.body).slice(0, 600);
  expect(statuses, context).toContain(answer.status);
  expect(answer.body.errors?.map((error) => error.extensions?.code), context).toEqual(
    answer.body.errors?.map(() => 'BAD_USER_INPUT'),
  );
  expect(answer.body.errors?.length, context).toBeGreaterThan(0);
  expect(answer.body.errors?.[0]?.message, context).toMatch(message);
  expect(context).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|Something went wrong/);
}

async function count(subgraph: 'community' | 'selforg', table: string): Promise<number> {
  const rows = (await platform.exec[subgraph](`SELECT count(*)::int AS n FROM ${table}`)) as { rows?: Array<{ n: number }> } | Array<{ n: number }>;
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return list[0]!.n;
}

describe('which operation to run', () => {
  it('says the API has no subscriptions', async () => {
    expectRefused(await send({ query: 'subscription { cities { id } }' }), /no subscriptions/);
  });

  it('names the operations a document holds when operationName names none of them', async () => {
    expectRefused(await send({ query: '{ cities { id } }', operationName: 'Nope' }), /no operation named "Nope".*without a name/);
    expectRefused(
      await send({ query: 'query A { cities { id } } query B { cities { id } }', operationName: 'C' }),
      /no operation named "C"; its operations are named "A", "B"/,
    );
  });

  it('asks for operationName when a document holds several operations and none is named', async () => {
    expectRefused(await send({ query: 'query A { cities { id } } query B { cities { id } }' }), /2 operations: say which one to run with "operationName"/);
  });

  it('refuses a document of fragments only, and an operationName that is not a string', async () => {
    expectRefused(await send({ query: 'fragment F on City { id }' }), /Fragment "F" is never used/);
    expectRefused(await send({ query: '{ cities { id } }', operationName: 5 }), /operationName.*must be a string/);
  });
});

describe('variables', () => {
  it('refuses an explicit null for a defaulted variable used where a value is required', async () => {
    const query = 'query Q($id: ID = "420102001001") { community(id: $id) { id name } }';
    expectRefused(await send({ query, variables: { id: null } }), /\$id is null, but it is used where a value of type ID! is required/);
    // Left out, the default is used.
    const defaulted = await send({ query, variables: {} });
    expect(defaulted.body).toEqual({ data: { community: { id: DEMO.communityId, name: expect.any(String) } } });
  });

  it('refuses the same null inside an input object and at an argument with a default', async () => {
    const query = 'query Q($region: ID = "4201") { orders(filter: { regionId: $region }) { totalCount } }';
    expectRefused(await send({ query, variables: { region: null } }), /\$region is null/);
  });

  it('refuses variables that are not an object, a JSON-encoded string, an unknown enum value and an Int beyond 32 bits', async () => {
    expectRefused(await send({ query: '{ cities { id } }', variables: [1] }), /variables.*must be an object/);
    expectRefused(await send({ query: '{ cities { id } }', variables: '{}' }), /variables.*not a recursively JSON-encoded string/);
    const filter = 'query Q($c: PackageCategory!) { packages(filter: { regionId: "4201", category: $c }) { totalCount } }';
    expectRefused(await send({ query: filter, variables: { c: 'NOPE' } }), /"NOPE" does not exist in "PackageCategory"/);
    const page = 'query Q($first: Int) { orders(filter: { regionId: "4201" }, first: $first) { totalCount } }';
    expectRefused(await send({ query: page, variables: { first: 2 ** 40 } }), /non 32-bit signed integer/);
    expectRefused(await send({ query: '{ orders(filter: { regionId: "4201" }, first: 99999999999) { totalCount } }' }), /non 32-bit/);
  });
});

describe('strings no text can hold', () => {
  const submit = (idempotencyKey: string) => ({
    query: 'mutation S($input: SubmitOrdersInput!) { submitOrders(input: $input) { orders { id } } }',
    variables: {
      input: {
        idempotencyKey,
        orders: [{ householdId: room(TOWER, '1301'), packageId: packageOf(TOMORROW, 'vegetable:0'), quantity: 1, channel: 'GROUP_CHAIN' }],
      },
    },
  });

  it('refuses a NUL character in a mutation variable and stores nothing; the same key without it is taken', async () => {
    const partyMember = await tokenFor('PARTY_MEMBER', LI);
    const before = [await count('community', 'order_batches'), await count('community', 'orders')];
    expectRefused(await send(submit('a\u0000b'), { token: partyMember }), /\$input\.idempotencyKey contains the NUL character/);
    expect([await count('community', 'order_batches'), await count('community', 'orders')]).toEqual(before);
    const taken = await send(submit('a-b'), { token: partyMember });
    expect(taken.body.errors).toBeUndefined();
  });

  it('refuses a NUL character in a query literal, in a list, and in an object key', async () => {
    expectRefused(await send({ query: '{ community(id: "4201\\u0000") { id } }' }), /string at line 1, column 17 of the query contains the NUL/);
    expectRefused(await send({ query: '{ community(id: "4201\\u{0}") { id } }' }), /NUL/);
    const query = 'mutation M($input: SubmitOrdersInput!) { submitOrders(input: $input) { orders { id } } }';
    expectRefused(await send({ query, variables: { input: { idempotencyKey: 'k', orders: [{ householdId: 'x\u0000' }] } } }), /\$input\.orders\[0\]\.householdId contains the NUL/);
    expectRefused(await send({ query, variables: { input: { 'key\u0000': 1 } } }), /a key\) contains the NUL/);
  });

  it('refuses a lone surrogate and a string longer than any field takes', async () => {
    const query = 'query Q($id: ID!) { community(id: $id) { id } }';
    expectRefused(await send({ query, variables: { id: 'ab\ud800' } }), /lone UTF-16 surrogate/);
    expectRefused(await send({ query, variables: { id: 'x'.repeat(MAX_INPUT_STRING_LENGTH + 1) } }), new RegExp(`no input takes more than ${MAX_INPUT_STRING_LENGTH}`));
    // A well-formed pair (an emoji) is text like any other.
    const emoji = await send({ query, variables: { id: '😀' } });
    expect(emoji.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(emoji.body.errors?.[0]?.message).toMatch(/division code/);
  });
});

describe('dates and times', () => {
  const registerGroupBuy = (deadline: string) => ({
    query: 'mutation R($input: RegisterGroupBuyInput!) { registerGroupBuy(input: $input) { id deadline } }',
    variables: {
      input: {
        compoundId: B_COMPOUND, title: '苹果团购', category: 'FRUIT', organizer: '黄丽华',
        items: [{ name: '苹果', unit: '箱', unitPrice: '40.00', stock: 10 }], minParticipants: 1, perHouseholdLimit: 2,
        deadline, pickupAt: '2027-03-05T10:00:00+08:00', pickupPoint: 'B小区东门',
      },
    },
  });

  it('refuses a DateTime on a day the calendar does not have, and stores nothing', async () => {
    const committee = await tokenFor('OWNER_COMMITTEE', B_COMPOUND);
    const before = await count('selforg', 'group_buys');
    for (const deadline of ['2027-02-30T10:00:00+08:00', '2027-02-29T10:00:00+08:00', '2027-01-10T24:00:00+08:00', '2027-01-10T10:60:00+08:00', '2027-01-10T10:00:00+25:00']) {
      platform.counters.reset();
      expectRefused(await send(registerGroupBuy(deadline), { token: committee }), /DateTime must be an ISO 8601 date and time .* naming a real day and time/);
      // Refused by the gateway itself, before any subgraph is asked.
      expect(platform.counters.fetches).toEqual({ city: 0, community: 0, selforg: 0, requests: 0 });
    }
    expect(await count('selforg', 'group_buys')).toBe(before);
    const taken = await send(registerGroupBuy('2027-02-28T10:00:00+08:00'), { token: committee });
    expect(taken.body.errors).toBeUndefined();
  });

  it('refuses an impossible Date and DateTime alike in a literal and in a variable', async () => {
    const series = (from: string) => `{ orderStatsSeries(regionId: "4201", from: ${from}, to: "2026-03-01") { date } }`;
    expectRefused(await send({ query: series('"2026-02-30"') }), /Date must be a date written YYYY-MM-DD/);
    expectRefused(await send({ query: series('20260230') }), /Date must be a date/);
    const query = 'query Q($from: Date!) { orderStatsSeries(regionId: "4201", from: $from, to: "2026-03-01") { date } }';
    expectRefused(await send({ query, variables: { from: '2026-02-30' } }), /Date must be a date/);
    expectRefused(await send({ query, variables: { from: { year: 2026 } } }), /Date must be a date/);
    // Straight to the subgraph, the same refusal.
    expectRefused(await send({ query, variables: { from: '2026-02-30' } }, { url: platform.subgraphs.community.url }), /Date must be a date/);
    const fine = await send({ query, variables: { from: '2026-02-27' } });
    expect(fine.body).toEqual({ data: { orderStatsSeries: [{ date: '2026-02-27' }, { date: '2026-02-28' }, { date: '2026-03-01' }] } });
  });

  it('refuses bad Money at the gateway, in a variable and a literal', async () => {
    const official = await tokenFor('CITY_OFFICIAL', DEMO.cityId);
    const allocate = 'mutation A($amount: Money!) { allocateSubsidyBudget(input: { regionId: "420102", amount: $amount }) { regionId } }';
    for (const amount of ['-1.00', '1.001', 'abc', 52]) {
      expectRefused(await send({ query: allocate, variables: { amount } }, { token: official }), /amount|Money/);
    }
    expectRefused(await send({ query: 'mutation { allocateSubsidyBudget(input: { regionId: "420102", amount: "1.001" }) { regionId } }' }, { token: official }), /more than two decimal places/);
  });
});

describe('persisted queries', () => {
  it('refuses a sha256Hash that does not match the query, and an unknown version, in plain words', async () => {
    const query = '{ cities { id name } }';
    const mismatch = await send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expectRefused(mismatch, /sha256Hash is not the SHA-256 of the query sent with it/);
    expectRefused(await send({ query, extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } }), /Only version 1/);
  });

  it('is refused even when the same query is kept in the response cache', async () => {
    const query = '{ cities { id } }';
    expect((await send({ query })).body.errors).toBeUndefined();
    expect((await send({ query })).body.errors).toBeUndefined();
    expectRefused(await send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } }), /sha256Hash/);
    expectRefused(await send({ query, operationName: 7 }), /operationName/);
    expectRefused(await send({ query, variables: [] }), /variables/);
  });
});

describe('the HTTP request itself', () => {
  it('refuses a mutation over GET, other methods, a batch, a body that is not a GraphQL request, and no query', async () => {
    const get = `${platform.gatewayUrl}?query=${encodeURIComponent('mutation { cancelOrder(id: "x") { id } }')}`;
    expectRefused(await send(undefined, { url: get, method: 'GET' }), /GET requests only support query operations/, [405]);
    expectRefused(await send('{}', { method: 'PUT' }), /only GET\/POST/, [405]);
    expectRefused(await send([{ query: '{ cities { id } }' }]), /batching disabled/);
    expectRefused(await send('"hello"'), /not valid JSON/);
    expectRefused(await send({}), /POST body missing/);
    expectRefused(await send({ query: 5 }), /must be strings/);
    expectRefused(await send({ query: '{ cities { id } }' }, { headers: { 'content-type': 'text/plain' } }), /Cross-Site Request Forgery/);
  });
});

describe('the request body', () => {
  it('refuses JSON nested thousands of levels deep, at the gateway and a subgraph, and keeps serving', async () => {
    const deep = (levels: number) => `{"query":"{ cities { id } }","variables":{"x":${'['.repeat(levels)}${']'.repeat(levels)}}}`;
    for (const url of [platform.gatewayUrl, platform.subgraphs.city.url]) {
      expectRefused(await send(deep(5_000), { url }), /nests deeper than 64 levels/);
      expectRefused(await send(deep(100_000), { url }), /nests deeper than 64 levels/);
    }
    expect((await send({ query: '{ cities { id } }' })).body).toEqual({ data: { cities: [{ id: DEMO.cityId }, { id: DEMO.otherCityId }] } });
  });

  it('says what is wrong with a body it cannot read', async () => {
    const body = JSON.stringify({ query: '{ cities { id name } }' });
    expectRefused(await send(body, { headers: { 'content-type': 'application/json; charset=latin1' } }), /must be JSON in UTF-8/, [415]);
    expectRefused(await send(body, { headers: { 'content-encoding': 'zzz' } }), /Content-Encoding is not supported/, [415]);
    expectRefused(await send(body, { headers: { accept: 'text/html' } }), /accept/, [406]);
    expectRefused(await send({ query: '{ cities { id } }', variables: { x: 'y'.repeat(3_000_000) } }), /too large/, [413]);
  });
});

describe('_entities asked of a subgraph directly', () => {
  const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

  it('refuses an unknown or missing __typename, a representation that is not an object and one without its key, in every subgraph', async () => {
    for (const name of ['city', 'community', 'selforg'] as const) {
      const url = platform.subgraphs[name].url;
      expectRefused(await send({ query: entities, variables: { r: [{ __typename: 'Nope', id: 'x' }] } }, { url }), /"__typename" must name an entity of this service/, [200]);
      expectRefused(await send({ query: entities, variables: { r: [{ id: 'x' }] } }, { url }), /got null/, [200]);
      expectRefused(await send({ query: entities, variables: { r: ['x'] } }, { url }), /must be an object/, [200]);
      expectRefused(await send({ query: entities, variables: { r: [{ __typename: 'Community' }] } }, { url }), /a Community is found by id/, [200]);
      expectRefused(await send({ query: entities, variables: { r: [{ __typename: 'Community', id: 1.5 }] } }, { url }), /missing or not a string/, [200]);
      expectRefused(await send({ query: entities, variables: { r: [{ __typename: 'Community', id: { id: 1 } }] } }, { url }), /missing or not a string/, [200]);
    }
  });

  it('answers every entity of every subgraph asked with keys of any shape without an internal error', async () => {
    const keys: unknown[] = [1, -1, 1.5, 2 ** 53, 'x', '', '4201', '420102001001', '00000000-0000-0000-0000-000000000000', 'x'.repeat(300), '2020-02-20', true, null, { id: 1 }];
    for (const name of ['city', 'community', 'selforg'] as const) {
      const url = platform.subgraphs[name].url;
      const service = await send({ query: '{ _service { sdl } }' }, { url });
      const sdl = (service.body.data as { _service: { sdl: string } })._service.sdl;
      const entities = [...sdl.matchAll(/type (\w+)[^{]*?@key\(fields: "(\w+)"/g)].map((match) => [match[1]!, match[2]!] as const);
      expect(entities.length, name).toBeGreaterThan(3);
      for (const [type, key] of entities) {
        for (const value of keys) {
          const answer = await send({ query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${key} } } }`, variables: { r: [{ __typename: type, [key]: value }] } }, { url });
          const context = `${name} ${type} ${JSON.stringify(value)}: ${JSON.stringify(answer.body).slice(0, 300)}`;
          expect(answer.status, context).toBeLessThan(500);
          expect(JSON.stringify(answer.body), context).not.toMatch(/INTERNAL_SERVER_ERROR/);
        }
      }
    }
  });

  it('still answers a well-formed representation', async () => {
    const answer = await send({ query: entities, variables: { r: [{ __typename: 'Community', id: DEMO.communityId }] } }, { url: platform.subgraphs.community.url });
    expect(answer.body).toEqual({ data: { _entities: [{ __typename: 'Community' }] } });
  });
});

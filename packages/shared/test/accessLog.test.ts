// One access log line per request: request id, operation, status, duration; never the token, variables or answers.
import { Writable } from 'node:stream';
import { buildSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RequestContext, type RunningServer } from '../src/http.js';
import { operationNameOf } from '../src/accessLog.js';

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
    done();
  },
});
let server: RunningServer;
beforeAll(async () => {
  server = await serve<RequestContext>({
    name: 'test',
    logger: pino({ level: 'info' }, sink),
    port: 0,
    host: '127.0.0.1',
    apollo: {
      schema: buildSchema('type Query { phone(name: String!): String }'),
      rootValue: { phone: ({ name }: { name: string }) => `13800000000 of ${name}` },
    },
    context: async ({ requestId }) => ({ requestId }),
    health: async () => ({ ok: true, checks: {} }),
  });
});
afterAll(() => server?.stop());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await response.text();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return response;
}

describe('the access log', () => {
  it('logs one line per request with its id, operation, status and duration, and nothing of the token, variables or answer', async () => {
    lines.length = 0;
    const response = await post(
      { query: '# a comment\nquery Lookup($name: String!) { phone(name: $name) }', variables: { name: '张三' } },
      { authorization: 'Bearer secret-token-value', 'x-request-id': 'trace-7' },
    );
    expect(response.headers.get('x-request-id')).toBe('trace-7');
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.msg).toBe('POST /graphql 200');
    expect(line).toMatchObject({ level: 30, requestId: 'trace-7', operationName: 'Lookup', req: { method: 'POST', path: '/graphql' }, res: { status: 200 } });
    expect(typeof line!.durationMs).toBe('number');
    expect(JSON.stringify(line)).not.toMatch(/secret-token-value|authorization|张三|13800000000|phone|variables/i);
  });

  it('takes the operationName the request names, gives a new id when none (or a malformed one) is sent, and logs refusals too', async () => {
    lines.length = 0;
    await post({ query: 'query A { phone(name: "x") } query B { phone(name: "y") }', operationName: 'B' }, { 'x-request-id': 'bad id with spaces' });
    await post('not json');
    await fetch(server.url.replace('/graphql', '/health'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.map((line) => [line.operationName, (line.res as { status: number }).status])).toEqual([['B', 200], [undefined, 400]]);
    for (const line of lines) expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the operation from the document when the request does not, looking only at its beginning', () => {
    const named = (query: string, operationName?: string) => operationNameOf({ body: { query, operationName }, query: {} } as never);
    expect(named('query CityDashboard($cityId: ID!) { city(id: $cityId) { id } }')).toBe('CityDashboard');
    expect(named('# the committee\nmutation PublishPackage { a }')).toBe('PublishPackage');
    expect(named('fragment F on City { id }\n\nquery Cities { cities { ...F } }')).toBe('Cities');
    expect(named('{ cities { id } }')).toBeUndefined();
    expect(named('query A { a }', 'B')).toBe('B');
    // Whitespace a hundred thousand lines long (once a quadratic scan): the name is not looked for past the start.
    expect(named(`${'\n'.repeat(100_000)}query Late { a }`)).toBeUndefined();
  });
});

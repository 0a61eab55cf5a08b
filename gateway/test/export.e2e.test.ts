// CSV exports of the analysts' lists through the gateway: every row of the list under the caller's token and scope,
// streamed with a BOM and a header row in the language asked, never a name or a phone.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { addDays, fixedClock } from '@cgov/shared';
import { tokenFor } from '@cgov/shared/testing';
import { getNamedType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_LISTS } from '../src/exportColumns.js';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/server.js';
import { callerFor, startPlatform, type Platform } from './harness.js';

const TODAY = '2026-12-01';
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
const BOM = '\ufeff';

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock });
}, 120_000);
afterAll(() => platform?.stop());

async function exportCsv(list: string, params: Record<string, string>, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return fetch(`${platform.gatewayBaseUrl}/export/${list}.csv?${new URLSearchParams(params)}`, { headers });
}

/** A CSV answer's text as sent, its BOM kept (Response.text() drops it). */
async function csvText(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** The records of CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A CSV file's text without its BOM, split into its header and rows. */
function table(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parseCsv(text.slice(BOM.length)) as string[][];
  return { header: header!, rows };
}

describe('CSV export', () => {
  it('streams an analyst’s filtered orders: exactly totalCount rows over several pages, BOM, a Chinese header by default', async () => {
    const filter = { regionId: '4201', dateFrom: addDays(TODAY, -2), dateTo: addDays(TODAY, -1) };
    const analyst = callerFor(platform, 'ANALYST', '4201');
    const counted = await analyst.query<{ orders: { totalCount: number } }>('query ($f: OrderFilter!) { orders(filter: $f, first: 1) { totalCount } }', { f: filter });
    const total = counted.data!.orders.totalCount;
    expect(total).toBeGreaterThan(100);

    const response = await exportCsv('orders', filter, await tokenFor('ANALYST', '4201'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="orders-${TODAY}.csv"`);
    expect(response.headers.get('x-total-count')).toBe(String(total));
    const text = await csvText(response);
    expect(text.startsWith(BOM)).toBe(true);
    const { header, rows } = table(text);
    expect(header).toEqual(EXPORT_LISTS.orders.columns.map((column) => column.label['zh-CN']));
    expect(header.slice(0, 3)).toEqual(['订单编号', '配送日期', '社区代码']);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row[0])).size).toBe(total);
    const at = (name: string) => header.indexOf(name);
    for (const row of rows) {
      expect([filter.dateFrom, filter.dateTo]).toContain(row[at('配送日期')]);
      expect(row[at('标价')]).toMatch(/^\d+\.\d\d$/);
      expect(row[at('状态')]).toMatch(/^[A-Z_]+$/);
    }
    expect(rows.some((row) => row[at('标价')] === '52.00')).toBe(true);
  });

  it('writes the header in English when asked, and filters by status', async () => {
    const response = await exportCsv('orders', { regionId: '420102001001', dateFrom: addDays(TODAY, -1), dateTo: addDays(TODAY, -1), status: 'DELIVERED', lang: 'en-US' }, await tokenFor('ANALYST', '4201'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('en-US');
    const { header, rows } = table(await csvText(response));
    expect(header.slice(0, 3)).toEqual(['Order ID', 'Delivery date', 'Community code']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[header.indexOf('Status')] === 'DELIVERED' && row[header.indexOf('Community code')] === '420102001001')).toBe(true);
  });

  it('exports packages, policies, group buys and the daily series, each with its own header', async () => {
    const token = await tokenFor('ANALYST', '4201');
    const cases = [
      ['packages', { regionId: '420102001001', dateFrom: TODAY, dateTo: TODAY }],
      ['policies', { regionId: '4201', status: 'ACTIVE' }],
      ['groupBuys', { regionId: '4201', status: 'OPEN' }],
      ['orderStatsSeries', { regionId: '4201', from: addDays(TODAY, -29), to: TODAY }],
    ] as const;
    for (const [list, params] of cases) {
      const response = await exportCsv(list, params, token);
      expect(response.status, list).toBe(200);
      const { header, rows } = table(await csvText(response));
      expect(header, list).toEqual(EXPORT_LISTS[list].columns.map((column) => column.label['zh-CN']));
      expect(rows.length, list).toBeGreaterThan(0);
    }
    const series = table(await csvText(await exportCsv('orderStatsSeries', cases[3][1], token)));
    expect(series.rows.map((row) => row[0])).toEqual(Array.from({ length: 30 }, (_, i) => addDays(TODAY, i - 29)));
    expect(table(await csvText(await exportCsv('groupBuys', cases[2][1], token))).rows).toHaveLength(3);
    expect(table(await csvText(await exportCsv('policies', cases[1][1], token))).rows.map((row) => row[2]).sort()).toEqual(['PORK_BASIC', 'VEGETABLE_BASIC']);
  });

  it('never has a column of a name or a phone number', () => {
    const schema: GraphQLSchema = Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
    const personal = new Set(['Household.headOfHousehold', 'Household.phone', 'PartyMember.name', 'PartyMember.phone', 'GroupBuy.volunteers', 'GroupBuy.organizer']);
    for (const [name, list] of Object.entries(EXPORT_LISTS)) {
      const field = schema.getQueryType()!.getFields()[list.field]!;
      // A connection's rows are its edges' nodes; a plain list's are its items.
      let root: GraphQLNamedType = getNamedType(field.type);
      if (list.paged && isObjectType(root)) {
        const edge = getNamedType(root.getFields().edges!.type);
        if (isObjectType(edge)) root = getNamedType(edge.getFields().node!.type);
      }
      for (const column of list.columns) {
        let type = root;
        for (const part of column.path.split('.')) {
          if (!isObjectType(type)) throw new Error(`${name}: ${column.path} goes below a leaf`);
          expect(personal.has(`${type.name}.${part}`), `${name}: ${column.path} is personal`).toBe(false);
          const next = type.getFields()[part];
          expect(next, `${name}: ${column.path} is not in the schema`).toBeDefined();
          type = getNamedType(next!.type);
        }
        for (const label of Object.values(column.label)) expect(label, `${name}: ${column.path}`).not.toMatch(/姓名|电话|手机|phone|^name$|organi[sz]er|volunteer/i);
      }
    }
  });

  it('refuses without a token (401), outside the caller’s scope (403), and a bad filter (400), in JSON before any row', async () => {
    const missing = await exportCsv('orders', { regionId: '4201' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const forged = await fetch(`${platform.gatewayBaseUrl}/export/orders.csv?regionId=4201`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(forged.status).toBe(401);
    const inQuery = await exportCsv('orders', { regionId: '4201', access_token: await tokenFor('ANALYST', '4201') });
    expect(inQuery.status).toBe(401);

    const street = await exportCsv('orders', { regionId: '4201' }, await tokenFor('STREET_OFFICER', '420102001'));
    expect(street.status).toBe(403);
    expect(street.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await street.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await exportCsv('orders', { regionId: '420102001' }, await tokenFor('STREET_OFFICER', '420102001'))).status).toBe(200);

    const token = await tokenFor('ANALYST', '4201');
    for (const [list, params, message] of [
      ['orders', { regionId: '4201', status: 'LOST' }, /status must be one of PLACED, REPORTED/],
      ['orders', { regionId: '42' }, /regionId must be a division code/],
      ['orders', { regionId: '4201', dateFrom: '2026-02-30' }, /dateFrom must be a real date/],
      ['orders', { regionId: '4201', colour: 'red' }, /takes regionId, dateFrom.*; not colour/],
      ['orders', {}, /needs regionId/],
      ['orders', { regionId: '4201', lang: 'fr-FR' }, /lang must be zh-CN or en-US/],
      ['groupBuys', { regionId: '4201', deadlineFrom: '2026-12-01 10:00' }, /deadlineFrom must be a date and time/],
      ['orderStatsSeries', { regionId: '4201', from: TODAY }, /needs to/],
      // Checked by the API on the first page: still a 400 before any row.
      ['orders', { regionId: '4201', dateFrom: TODAY, dateTo: addDays(TODAY, -3) }, /./],
    ] as const) {
      const response = await exportCsv(list, params, token);
      expect(response.status, JSON.stringify(params)).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.message, JSON.stringify(params)).toMatch(message);
    }
    const unknownList = await exportCsv('households', { regionId: '4201' }, token);
    expect(unknownList.status).toBe(404);
  });
});

import { once } from 'node:events';
import {
  isCalendarDate,
  isDateTime,
  regionLevel,
  shanghaiDate,
  viewerFromAuthorization,
  type HttpApp,
  type HttpRequest,
  type HttpResponse,
  type Logger,
} from '@cgov/shared';
import { stringify } from 'csv-stringify/sync';
import { getNamedType, isEnumType, isInputObjectType, isNonNullType, type GraphQLArgument, type GraphQLInputField, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { EXPORT_LANGUAGES, EXPORT_LISTS, selectionOf, valueAt, type ExportColumn, type ExportList, type ExportListName } from './exportColumns.js';
import { sendError, statusOfCode } from './httpErrors.js';

/** The most data rows one export holds; past it the file ends with a line saying it was cut there. */
export const EXPORT_ROW_LIMIT = 100_000;

/** Rows asked of the API per page (its most). */
const PAGE_SIZE = 100;

export interface ExportOptions {
  /** The gateway's API schema once loaded: the lists' filter inputs, argument types and enum values come from it. */
  schema: () => GraphQLSchema | undefined;
  /** This gateway's own /graphql, where each page is asked under the caller's token. */
  graphqlUrl: () => string;
  jwtSecret: string;
  logger: Logger;
  now?: () => number;
  rowLimit?: number;
}

/** What an export of one list asks: the GraphQL document, and how its URL parameters become the variables. */
interface ExportPlan {
  document: string;
  params: ReadonlyArray<GraphQLArgument | GraphQLInputField>;
  variables(params: Record<string, unknown>, after: string | null): Record<string, unknown>;
}

const operationName = (name: string) => `Export${name[0]!.toUpperCase()}${name.slice(1)}`;

/** The document and parameters of a list's export, read from the API schema: a connection's `filter` fields, or a plain list's arguments. */
function planOf(schema: GraphQLSchema, name: ExportListName, list: ExportList): ExportPlan {
  const field = schema.getQueryType()?.getFields()[list.field];
  if (!field) throw new Error(`The API has no Query.${list.field} to export`);
  const selection = selectionOf(list.columns);
  if (list.paged) {
    const filter = field.args.find((arg) => arg.name === 'filter');
    const input = filter && getNamedType(filter.type);
    if (!filter || !isInputObjectType(input)) throw new Error(`Query.${list.field} has no filter input`);
    return {
      document: `query ${operationName(name)}($filter: ${String(filter.type)}, $after: String) { ${list.field}(filter: $filter, first: ${PAGE_SIZE}, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node ${selection} } } }`,
      params: Object.values(input.getFields()),
      variables: (params, after) => ({ filter: params, after }),
    };
  }
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const uses = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return {
    document: `query ${operationName(name)}(${definitions}) { ${list.field}(${uses}) ${selection} }`,
    params: field.args,
    variables: (params) => params,
  };
}

/** A zod check of one URL parameter of the type the API declares, with a message that says what to send. */
function checkOf(param: GraphQLArgument | GraphQLInputField): z.ZodType {
  const named = getNamedType(param.type);
  const name = param.name;
  let check: z.ZodType;
  if (isEnumType(named)) {
    const values = named.getValues().map((value) => value.name);
    check = z.string().refine((value) => values.includes(value), `${name} must be one of ${values.join(', ')}.`);
  } else if (named.name === 'ID' && name === 'regionId') {
    check = z.string().refine((value) => regionLevel(value) !== null, `${name} must be a division code: 4 digits for a city, 6 for a district, 9 for a street, 12 for a community (like 4201).`);
  } else if (named.name === 'Date') {
    check = z.string().refine(isCalendarDate, `${name} must be a real date written YYYY-MM-DD, such as 2020-02-20.`);
  } else if (named.name === 'DateTime') {
    check = z.string().refine(isDateTime, `${name} must be a date and time with its offset, such as 2020-02-20T18:00:00+08:00 (write + as %2B in a URL).`);
  } else if (named.name === 'ID' || named.name === 'String') {
    check = z.string().min(1, `${name} must not be empty.`);
  } else if (named.name === 'Int') {
    check = z.string().regex(/^-?\d{1,9}$/, `${name} must be a whole number.`).transform(Number);
  } else if (named.name === 'Boolean') {
    check = z.enum(['true', 'false'], { error: `${name} must be true or false.` }).transform((value) => value === 'true');
  } else {
    throw new Error(`An export parameter of type ${named.name} is not supported`);
  }
  return isNonNullType(param.type) ? check : check.optional();
}

/** Reads an export's URL parameters: each filter field once, `lang`, nothing else; a refusal says what is wrong with which. */
function readParams(query: Record<string, unknown>, plan: ExportPlan, name: string): { params: Record<string, unknown>; lang: string } | { problem: string } {
  const known = [...plan.params.map((param) => param.name), 'lang'];
  const unknown = Object.keys(query).filter((key) => !known.includes(key));
  if (unknown.length) return { problem: `The ${name} export takes ${known.join(', ')}; not ${unknown.join(', ')}.` };
  for (const [key, value] of Object.entries(query)) if (typeof value !== 'string') return { problem: `${key} must be given once.` };
  const missing = plan.params.filter((param) => isNonNullType(param.type) && query[param.name] === undefined).map((param) => param.name);
  if (missing.length) return { problem: `The ${name} export needs ${missing.join(', ')}.` };
  const schema = z.object({
    ...Object.fromEntries(plan.params.map((param) => [param.name, checkOf(param)])),
    lang: z.enum(EXPORT_LANGUAGES, { error: `lang must be ${EXPORT_LANGUAGES.join(' or ')}.` }).default('zh-CN'),
  });
  const result = schema.safeParse(query);
  if (!result.success) return { problem: result.error.issues.map((issue) => issue.message).join(' ') };
  const { lang, ...params } = result.data as Record<string, unknown> & { lang: string };
  return { params, lang };
}

/** A spreadsheet reads a cell starting with = + - @ (or a tab or CR) as a formula: free text is prefixed with ' instead. */
function guardFormula(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function rowsOf(columns: readonly ExportColumn[], items: readonly unknown[]): unknown[][] {
  return items.map((item) => columns.map((column) => (column.text ? guardFormula(valueAt(item, column.path)) : valueAt(item, column.path))));
}

type Page = { items: unknown[]; totalCount?: number; next: string | null } | { status: number; code: string; message: string };

/** Asks this gateway for one page under the caller's Authorization; any error (even beside data) is the page's failure. */
async function fetchPage(options: ExportOptions, plan: ExportPlan, list: ExportList, authorization: string, params: Record<string, unknown>, after: string | null): Promise<Page> {
  let response: Response;
  try {
    response = await fetch(options.graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: plan.document, variables: plan.variables(params, after) }),
    });
  } catch (error) {
    options.logger.error({ err: error }, 'an export could not reach the gateway itself');
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'The export could not ask the API; try again.' };
  }
  const body = (await response.json().catch(() => ({}))) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const error = body.errors?.[0];
  if (error) return { status: statusOfCode(error.extensions?.code), code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', message: error.message };
  const value = body.data?.[list.field];
  if (value === undefined || value === null) return { status: 502, code: 'INTERNAL_SERVER_ERROR', message: `The API answered no ${list.field} (HTTP ${response.status}).` };
  if (!list.paged) return { items: value as unknown[], next: null };
  const connection = value as { totalCount: number; edges: Array<{ node: unknown }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  return {
    items: connection.edges.map((edge) => edge.node),
    totalCount: connection.totalCount,
    next: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
  };
}

/** Writes a chunk, waiting while the client's buffer is full; false once the client has gone. */
async function write(res: HttpResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

/**
 * GET /export/<list>.csv?<filter fields>&lang=zh-CN|en-US under the caller's `Authorization: Bearer` header: pages
 * through the whole list by asking this gateway's own /graphql (so scope, limits and caching are the caller's) and
 * streams it as CSV (UTF-8 with a BOM, a header row in the language asked). Refusals before the first row are JSON
 * `{ error: { code, message } }` with the matching status; an error after rows were sent ends the file with a line
 * `# error: <message>`, and a list past the row limit ends with a line `# cut at <limit> rows: …`.
 */
export function exportRoutes(app: HttpApp, options: ExportOptions): void {
  const rowLimit = options.rowLimit ?? EXPORT_ROW_LIMIT;
  const plans = new Map<ExportListName, ExportPlan>();
  app.get('/export/:file', async (req: HttpRequest, res: HttpResponse) => {
    const name = /^(\w+)\.csv$/.exec(req.params.file as string)?.[1];
    if (!name || !Object.hasOwn(EXPORT_LISTS, name)) {
      return sendError(res, 404, 'NOT_FOUND', `There is no such export; the lists are ${Object.keys(EXPORT_LISTS).map((list) => `/export/${list}.csv`).join(', ')}.`);
    }
    const listName = name as ExportListName;
    const list: ExportList = EXPORT_LISTS[listName];
    const authorization = req.header('authorization');
    try {
      await viewerFromAuthorization(authorization, options.jwtSecret);
    } catch (error) {
      return sendError(res, 401, 'UNAUTHENTICATED', error instanceof Error ? error.message : String(error));
    }
    const schema = options.schema();
    if (!schema) return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The gateway has not loaded its schema yet; try again in a moment.');
    if (!plans.has(listName)) plans.set(listName, planOf(schema, listName, list));
    const plan = plans.get(listName)!;
    const read = readParams(req.query as Record<string, unknown>, plan, listName);
    if ('problem' in read) return sendError(res, 400, 'BAD_USER_INPUT', read.problem);

    let after: string | null = null;
    let rows = 0;
    let started = false;
    for (;;) {
      const page = await fetchPage(options, plan, list, authorization!, read.params, after);
      if ('status' in page) {
        if (!started) return sendError(res, page.status, page.code, page.message);
        options.logger.warn({ list: listName, code: page.code, rows }, 'an export broke off after its first page');
        await write(res, `# error: ${page.message.replace(/[\r\n]+/g, ' ')}\n`);
        break;
      }
      if (!started) {
        started = true;
        const date = shanghaiDate(new Date(options.now?.() ?? Date.now()));
        res.status(200).set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${listName}-${date}.csv"`,
          'Content-Language': read.lang,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          ...(page.totalCount === undefined ? {} : { 'X-Total-Count': String(page.totalCount) }),
        });
        const header = list.columns.map((column) => column.label[read.lang as keyof ExportColumn['label']]);
        if (!(await write(res, stringify([header], { bom: true })))) return;
      }
      const take = page.items.slice(0, rowLimit - rows);
      if (take.length && !(await write(res, stringify(rowsOf(list.columns, take))))) return;
      rows += take.length;
      if (rows >= rowLimit && (take.length < page.items.length || page.next)) {
        await write(res, `# cut at ${rowLimit.toLocaleString("en-US")} rows, the most one export holds: narrow the filters (a smaller region or fewer days) for the rest.\n`);
        break;
      }
      if (!page.next) break;
      after = page.next;
    }
    res.end();
  });
}

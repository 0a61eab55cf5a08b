import type { ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  BREAK,
  isNonNullType,
  Kind,
  TypeInfo,
  ValidationContext,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { requestRefused } from './errors.js';

/** The longest string any input may carry, in UTF-16 code units (no field of the API takes more than 500 characters). */
export const MAX_INPUT_STRING_LENGTH = 2000;

/** The deepest a request body's JSON may nest (the API's inputs nest 5 levels; past a few thousand, any recursive step would overflow the stack). */
export const MAX_BODY_DEPTH = 64;

/** A UTF-16 surrogate without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A name a client sent, quoted for a message: at most 60 characters. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * Why a string cannot be taken as text, or undefined when it can: PostgreSQL refuses the NUL character in
 * text, a lone UTF-16 surrogate is no character at all (it would be stored as U+FFFD), and no field takes
 * more than `MAX_INPUT_STRING_LENGTH` characters.
 */
export function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'contains the NUL character (\\u0000), which no text may hold';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate, which is not a character';
  if (value.length > MAX_INPUT_STRING_LENGTH) return `is ${value.length} characters long; no input takes more than ${MAX_INPUT_STRING_LENGTH}`;
  return undefined;
}

/** True when `stringProblem` might object to a string: it is too long, or holds a NUL or any surrogate (a char-code loop, faster than a RegExp per short string). */
function suspect(text: string): boolean {
  if (text.length > MAX_INPUT_STRING_LENGTH) return true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0 || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
}

/**
 * True when `stringProblem` objects to some string in a JSON value (object keys too); builds no paths and
 * no arrays of entries, so a clean value (the usual case: 1,560 representations in ~0.1 ms) costs one pass.
 */
function anyStringProblem(value: unknown): boolean {
  const isBad = (text: string) => suspect(text) && stringProblem(text) !== undefined;
  const stack: object[] = [];
  const look = (item: unknown): boolean => {
    if (typeof item === 'string') return isBad(item);
    if (typeof item === 'object' && item !== null) stack.push(item);
    return false;
  };
  if (look(value)) return true;
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i += 1) if (look(current[i])) return true;
    } else {
      for (const key in current) {
        if (isBad(key) || look((current as Record<string, unknown>)[key])) return true;
      }
    }
  }
  return false;
}

/** Every string in a JSON value (object keys too), with where it is (`$input.orders[0].idempotencyKey`); iterative, so any depth is safe. */
function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [current, where] = stack.pop()!;
    if (typeof current === 'string') yield [current, where];
    else if (Array.isArray(current)) current.forEach((item, i) => stack.push([item, `${where}[${i}]`]));
    else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        yield [key, `${where} (a key)`];
        stack.push([item, `${where}.${key}`]);
      }
    }
  }
}

/** True when a JSON value nests deeper than `max` arrays and objects; iterative, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) stack.push([item, depth + 1]);
  }
  return false;
}

/** Refuses the request when it names no operation it holds, or an operation kind the API does not have. */
function checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode | undefined, operationName: string | undefined): OperationDefinitionNode {
  if (!operation) {
    const names = document.definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value] : [],
    );
    if (names.length === 0) throw requestRefused('This document holds no operation to run: add a query or a mutation.');
    const named = names.filter((name): name is string => name !== undefined);
    const holds =
      named.length === 0
        ? 'it holds one operation without a name: leave "operationName" out'
        : `its operations are named ${named.map((name) => quoted(name)).join(', ')}`;
    if (operationName != null) throw requestRefused(`This document has no operation named ${quoted(operationName)}; ${holds}.`);
    throw requestRefused(`This document holds ${names.length} operations: say which one to run with "operationName" (${named.map((name) => quoted(name)).join(', ')}).`);
  }
  if (!schema.getRootType(operation.operation)) {
    throw requestRefused(
      operation.operation === 'subscription'
        ? 'This API has no subscriptions: ask again with a query to see what changed.'
        : `This API has no ${operation.operation} operations.`,
    );
  }
  return operation;
}

/**
 * Refuses every string of the document's literals and (unless `checkVariables` is false) of the variables that
 * `stringProblem` objects to. Where a refused variable string is (its path) is worked out only once one is found.
 */
function checkStrings(document: DocumentNode, variables: Record<string, unknown> | undefined, checkVariables: boolean): void {
  const literal = literalRefusal(document);
  if (literal) throw requestRefused(literal);
  if (!checkVariables || !variables || !anyStringProblem(variables)) return;
  for (const [value, where] of stringsIn(variables, '$')) {
    const problem = stringProblem(value);
    if (problem) throw requestRefused(`The variable ${where.replace(/^\$\./, '$')} ${problem}.`);
  }
}

/** What is wrong with a document's first refused literal string (null: nothing), by document: Apollo Server parses a query text once. */
const literalRefusals = new WeakMap<DocumentNode, string | null>();

/** Why the document's literals cannot be taken (where the first refused string is and why), or null; worked out once per document. */
function literalRefusal(document: DocumentNode): string | null {
  let refusal = literalRefusals.get(document);
  if (refusal === undefined) {
    refusal = null;
    visit(document, {
      StringValue(node) {
        const problem = stringProblem(node.value);
        if (!problem) return undefined;
        const at = node.loc ? locate(node.loc.source.body, node.loc.start) : undefined;
        refusal = `The string ${at ? `at line ${at.line}, column ${at.column} ` : ''}of the query ${problem}.`;
        return BREAK;
      },
    });
    literalRefusals.set(document, refusal);
  }
  return refusal;
}

/** Line and column (from 1) of an offset in the query text. */
function locate(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Refuses an explicit null for a variable declared nullable (it has a default) but used where a value is
 * required: graphql accepts the document, then fails the field at run time (`query Q($id: ID = "…")
 * { community(id: $id) … }` with `{"id": null}`).
 */
function checkNullsInRequiredPlaces(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  if (!variables) return;
  const nulled = new Set(
    (operation.variableDefinitions ?? [])
      .filter((definition) => definition.type.kind !== Kind.NON_NULL_TYPE && variables[definition.variable.name.value] === null)
      .map((definition) => definition.variable.name.value),
  );
  if (nulled.size === 0) return;
  const context = new ValidationContext(schema, document, new TypeInfo(schema), () => undefined);
  for (const usage of context.getRecursiveVariableUsages(operation)) {
    const name = usage.node.name.value;
    if (nulled.has(name) && usage.type && isNonNullType(usage.type)) {
      throw requestRefused(
        `The variable $${name} is null, but it is used where a value of type ${String(usage.type)} is required: give it a value, or leave it out to use its default.`,
      );
    }
  }
}

/**
 * Checks every request before it runs, in every service alike (gateway and subgraphs), so that a client's
 * mistake is answered BAD_USER_INPUT with HTTP 400 and a plain message rather than failing deep inside:
 * an operation the document does not hold (an unknown `operationName`, several operations and none named),
 * an operation kind the API has none of (subscriptions), strings no text can hold (NUL, lone surrogates,
 * longer than any field takes) anywhere in literals or variables, and null given where a value is required.
 * `internal(request)` true marks our own services' requests (the internal credential): their variables were
 * built from inputs the gateway already checked, so their strings are not walked again (every other check applies).
 */
export function requestChecks<TContext extends BaseContext>(
  options: { internal?: (request: GraphQLRequest) => boolean } = {},
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context: GraphQLRequestContextDidResolveOperation<TContext>) {
          const { schema, document, request } = context;
          // Apollo Server calls this hook even when the document holds no operation of that name.
          const resolved = context.operation as OperationDefinitionNode | undefined;
          const operation = checkOperation(schema, document, resolved, request.operationName);
          checkStrings(document, request.variables, !options.internal?.(request));
          checkNullsInRequiredPlaces(schema, document, operation, request.variables);
        },
      };
    },
  };
}

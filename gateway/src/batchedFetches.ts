import type { GraphQLRequest } from '@apollo/server';
import { Kind, parse, print, visit, type DefinitionNode, type FieldNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';

/** One subgraph fetch of a query plan: its operation text and variables, as the gateway sends them. */
export type Fetch = Pick<GraphQLRequest, 'query' | 'variables' | 'operationName'>;

/** Several fetches to one subgraph as one operation, and how to give each its own part of the answer. */
export interface MergedFetches {
  request: { query: string; variables: Record<string, unknown>; operationName: string };
  /** Says the subgraph refused the merged document: these fetches are not merged again (mergeFetches answers undefined). */
  refused(): void;
  /**
   * Each fetch's own answer from the merged one, in the order the fetches were given: its root fields under their own
   * names, and the errors whose path starts in one of them, with that path as the fetch would have had it.
   */
  split(response: { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }): Array<{ data: Record<string, unknown>; errors?: GraphQLFormattedError[] }>;
}

/** The name the merged operation goes by in the subgraph's logs. */
export const MERGED_OPERATION_NAME = 'MergedFetches';

/** Fetch i's prefix for its root fields' aliases, its variables and its fragments: unique, and never a GraphQL reserved `__` name. */
const prefix = (i: number) => `f${i}_`;

/** The root fields' response keys of an operation that only selects fields at its root; undefined when it cannot be merged. */
function rootKeys(operation: OperationDefinitionNode): string[] | undefined {
  const keys: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return undefined;
    keys.push(selection.alias?.value ?? selection.name.value);
  }
  return keys;
}

/** One fetch's definitions with its variables, fragments and root fields renamed under `prefix(i)`; undefined when it cannot be merged. */
function renamed(query: string, i: number): { operation: OperationDefinitionNode; fragments: DefinitionNode[]; keys: string[] } | undefined {
  const document = parse(query, { noLocation: true });
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation || operation.operation !== 'query' || operation.directives?.length) return undefined;
  const keys = rootKeys(operation);
  if (!keys) return undefined;
  const name = (value: string) => ({ kind: Kind.NAME, value: `${prefix(i)}${value}` }) as const;
  const renamedDocument = visit(document, {
    Variable: (node) => ({ ...node, name: name(node.name.value) }),
    FragmentSpread: (node) => ({ ...node, name: name(node.name.value) }),
    FragmentDefinition: (node) => ({ ...node, name: name(node.name.value) }),
  });
  const renamedOperation = renamedDocument.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const selections = (renamedOperation.selectionSet.selections as FieldNode[]).map((field, k) => ({ ...field, alias: name(keys[k]!) }));
  return {
    operation: { ...renamedOperation, selectionSet: { ...renamedOperation.selectionSet, selections } },
    fragments: renamedDocument.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
    keys,
  };
}

/** The merged operations already worked out, by their fetches' texts: a plan's fetches are the same text every time. */
const mergedTexts = new Map<string, { query: string; keys: string[][] } | null>();
const MERGED_TEXTS_KEPT = 500;

/**
 * Several query fetches to one subgraph as one operation (as Hive Gateway batches a plan's entity fetches): fetch i's
 * root fields are aliased `f{i}_<key>`, its variables and fragments renamed `f{i}_<name>`, so no two collide, and the
 * subgraph resolves them all in one request (one HTTP exchange, one context, its DataLoaders shared).
 * Returns undefined when any of them cannot be merged (a mutation, several operations in a text, a fragment or a
 * directive at the root, an operation directive), so those fetches are sent as they are.
 */
export function mergeFetches(fetches: Fetch[]): MergedFetches | undefined {
  const texts = fetches.map((fetch) => fetch.query ?? '');
  const cacheKey = texts.join('\u0000');
  let merged = mergedTexts.get(cacheKey);
  if (merged === undefined) {
    merged = mergeTexts(texts);
    if (mergedTexts.size >= MERGED_TEXTS_KEPT) mergedTexts.delete(mergedTexts.keys().next().value!);
    mergedTexts.set(cacheKey, merged);
  }
  if (!merged) return undefined;
  const { query, keys } = merged;
  const variables: Record<string, unknown> = {};
  fetches.forEach((fetch, i) => {
    for (const [name, value] of Object.entries(fetch.variables ?? {})) variables[`${prefix(i)}${name}`] = value;
  });
  return {
    request: { query, variables, operationName: MERGED_OPERATION_NAME },
    refused: () => void mergedTexts.set(cacheKey, null),
    split(response) {
      const data: Record<string, unknown> = response.data ?? {};
      const parts = keys.map((fetchKeys, i) => ({
        data: Object.fromEntries(fetchKeys.map((key) => [key, data[`${prefix(i)}${key}`]])) as Record<string, unknown>,
        errors: undefined as GraphQLFormattedError[] | undefined,
      }));
      for (const error of response.errors ?? []) {
        const [head, ...rest] = error.path ?? [];
        const owner = typeof head === 'string' ? /^f(\d+)_(.*)$/s.exec(head) : null;
        const i = owner ? Number(owner[1]) : 0;
        const part = parts[i] ?? parts[0]!;
        // An error outside every fetch's fields (none has a path here: the subgraph answered data) goes to the first.
        const own = owner && parts[i] ? { ...error, path: [owner[2]!, ...rest] } : error;
        (part.errors ??= []).push(own);
      }
      return parts;
    },
  };
}

function mergeTexts(texts: string[]): { query: string; keys: string[][] } | null {
  const parts = texts.map((text, i) => renamed(text, i));
  if (parts.some((part) => !part)) return null;
  const defined = parts as NonNullable<(typeof parts)[number]>[];
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: defined[0]!.operation.operation,
    name: { kind: Kind.NAME, value: MERGED_OPERATION_NAME },
    variableDefinitions: defined.flatMap((part) => part.operation.variableDefinitions ?? []),
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: defined.flatMap((part) => part.operation.selectionSet.selections) },
  };
  const query = print({ kind: Kind.DOCUMENT, definitions: [operation, ...defined.flatMap((part) => part.fragments)] });
  return { query, keys: defined.map((part) => part.keys) };
}

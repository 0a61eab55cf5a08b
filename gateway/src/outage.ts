// A subgraph that does not answer: one SERVICE_UNAVAILABLE error per failed fetch, with the paths of what it nulled.
import { randomUUID } from 'node:crypto';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '@cgov/shared';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';

/** What a data source's process() resolves to. */
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Extension that ties the errors of one failed fetch together until `outageErrors` merges them; never sent. */
const FETCH_MARK = 'unavailableFetch';

/** At most this many paths are listed in one error's `extensions.paths` (a city-wide list of entities can be thousands). */
export const MAX_LISTED_PATHS = 100;

/** The response keys (alias or name, never __typename) a selection set asks for, through fragments; `typename` picks the fragments that apply. */
function responseKeys(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  typename?: string,
): string[] {
  const keys: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.push(selection.alias?.value ?? selection.name.value);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    if (typename && condition && condition !== typename) continue;
    keys.push(...responseKeys(fragment.selectionSet, fragments, typename));
  }
  return [...new Set(keys)];
}

/**
 * The paths, relative to the fetch, of every field a subgraph fetch would have filled: its root fields
 * (`["community"]`), or for an entity fetch each entity's fields (`["_entities", 3, "groupBuys"]`), which
 * the gateway turns into paths of the whole answer.
 */
export function fetchPaths(document: DocumentNode, variables: Record<string, unknown> | undefined): Array<Array<string | number>> {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const entities = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities' && selection.selectionSet,
  );
  const representations = variables?.representations;
  if (entities?.kind === Kind.FIELD && entities.selectionSet && Array.isArray(representations)) {
    return representations.flatMap((representation: unknown, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const keys = responseKeys(entities.selectionSet!, fragments, typeof typename === 'string' ? typename : undefined);
      return keys.map((key) => ['_entities', index, key]);
    });
  }
  return responseKeys(operation.selectionSet, fragments).map((key) => [key]);
}

/**
 * Whether a failed fetch may have changed something: `NOT_APPLIED` when the subgraph refused the connection or
 * the fetch only read; `UNKNOWN` for a mutation it may have received before the timeout or the broken
 * connection (it may have committed). A client retries the first freely and reads the second back first.
 */
export type FetchOutcome = 'NOT_APPLIED' | 'UNKNOWN';

/** The message of a service's unavailability; `count` fields of the answer are null because of it. */
function unavailableMessage(serviceName: string, count: number, outcome: unknown): string {
  const what = count === 1 ? 'the field it serves is null' : `the ${count} fields it serves are null`;
  const then =
    outcome === 'UNKNOWN'
      ? 'it did not answer in time, so whether the change was made is unknown: read it back before sending it again (a mutation with an idempotencyKey may be sent again with the same key).'
      : 'try again shortly.';
  return `The ${serviceName} service is unavailable right now; ${what} in this answer (see path and extensions.paths), the rest of the answer stands; ${then}`;
}

/** Whether a fetch that failed with `error` may have been applied (see FetchOutcome). */
export function outcomeOf(document: DocumentNode | undefined, error: unknown): FetchOutcome {
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return 'NOT_APPLIED';
  const code = (error as { code?: unknown; errno?: unknown } | null)?.code ?? (error as { errno?: unknown } | null)?.errno;
  return code === 'ECONNREFUSED' ? 'NOT_APPLIED' : 'UNKNOWN';
}

/**
 * What a data source answers for a fetch its subgraph did not answer: one error per field the fetch would
 * have filled, marked as one fetch, with code SERVICE_UNAVAILABLE, the service's name in `serviceName` and
 * `unavailableService`, and `outcome` (whether the change may have been made) (as a subgraph names a service it asked that did not answer; never its address
 * or the socket error). The gateway gives each its path in the whole answer; `outageErrors` then merges
 * them into one error per fetch.
 */
export function unavailableResponse(
  serviceName: string,
  document: DocumentNode | undefined,
  query: string | undefined,
  variables: Record<string, unknown> | undefined,
  error: unknown,
): GatewayGraphQLResponse {
  const parsed = document ?? parse(query ?? '{ __typename }');
  const paths = fetchPaths(parsed, variables);
  const mark = randomUUID();
  const outcome = outcomeOf(parsed, error);
  const extensions = { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName, unavailableService: serviceName, outcome, [FETCH_MARK]: mark };
  const message = unavailableMessage(serviceName, paths.length, outcome);
  return {
    data: null,
    errors: paths.length ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }],
  };
}

/**
 * Merges the errors of each failed fetch (see `unavailableResponse`) into one: `path` is the first field it
 * nulled, `extensions.paths` lists them (at most MAX_LISTED_PATHS), and the message says how many.
 */
export function mergeUnavailable(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const merged: GraphQLFormattedError[] = [];
  const byFetch = new Map<unknown, { index: number; paths: Array<ReadonlyArray<string | number>> }>();
  for (const error of errors) {
    const mark = error.extensions?.[FETCH_MARK];
    if (mark === undefined) {
      merged.push(error);
      continue;
    }
    const seen = byFetch.get(mark);
    if (seen) {
      if (error.path) seen.paths.push(error.path);
      continue;
    }
    byFetch.set(mark, { index: merged.length, paths: error.path ? [error.path] : [] });
    merged.push(error);
  }
  for (const { index, paths } of byFetch.values()) {
    const first = merged[index]!;
    const { [FETCH_MARK]: _mark, ...extensions } = first.extensions ?? {};
    const serviceName = String(extensions.serviceName);
    merged[index] = {
      message: unavailableMessage(serviceName, paths.length, extensions.outcome),
      ...(paths[0] ? { path: paths[0] } : {}),
      extensions: {
        ...extensions,
        paths: paths.slice(0, MAX_LISTED_PATHS),
        ...(paths.length > MAX_LISTED_PATHS ? { pathsNotListed: paths.length - MAX_LISTED_PATHS } : {}),
      },
    };
  }
  return merged;
}

/** Gateway plugin: one SERVICE_UNAVAILABLE error per failed subgraph fetch in every answer (see `mergeUnavailable`). */
export function outageErrors<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (errors?.some((error) => error.extensions?.[FETCH_MARK] !== undefined)) {
            response.body.singleResult.errors = mergeUnavailable(errors);
          }
        },
      };
    },
  };
}

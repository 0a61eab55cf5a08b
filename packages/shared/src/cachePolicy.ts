import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  isCompositeType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** How long an answer may be kept, and by whom: what a subgraph tells the gateway in `Cache-Control`. */
export interface CachePolicy {
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint | undefined {
  const directive = directives?.find((each) => each.name.value === 'cacheControl');
  if (!directive) return undefined;
  const hint: Hint = {};
  for (const argument of directive.arguments ?? []) {
    if (argument.name.value === 'maxAge' && argument.value.kind === Kind.INT) hint.maxAge = Number(argument.value.value);
    if (argument.name.value === 'scope' && argument.value.kind === Kind.ENUM) hint.scope = argument.value.value === 'PUBLIC' ? 'PUBLIC' : 'PRIVATE';
  }
  return hint;
}

/** The properties a hint sets (an absent argument leaves the other hint's value standing). */
const definedOf = (hint: Hint | undefined): Hint =>
  Object.fromEntries(Object.entries(hint ?? {}).filter(([, value]) => value !== undefined)) as Hint;

const typeHint = (type: GraphQLNamedType) =>
  hintOf(type.astNode?.directives) ?? type.extensionASTNodes.map((node) => hintOf(node.directives)).find(Boolean);

/**
 * The cache policy of an operation, read from its document and the schema's `@cacheControl` hints alone,
 * as Apollo's cache-control plugin would compute it while resolving: a field's own hint, else (for an
 * object) its type's; a root field or an object field without one is not cacheable; scalars inherit.
 * `_entities` takes the hints of the entity types its fragments ask for. Null: not cacheable.
 */
export function cachePolicyOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): CachePolicy | null {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((each) => each.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  const queryType = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !queryType) return null;
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const policy: CachePolicy = { maxAge: Number.POSITIVE_INFINITY, scope: 'PUBLIC' };
  const restrict = (hint: Hint | undefined): boolean => {
    if (hint?.scope === 'PRIVATE') policy.scope = 'PRIVATE';
    if (hint?.maxAge === undefined) return false;
    policy.maxAge = Math.min(policy.maxAge, hint.maxAge);
    return policy.maxAge > 0;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, root: boolean): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) return false;
        const type = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (!type || !isCompositeType(type) || !walk(fragment.selectionSet, type, root)) return false;
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (!('getFields' in parent)) return false;
      const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
      if (!field) return false;
      const type = getNamedType(field.type);
      if (root && name === '_entities') {
        // Each representation resolves to the type its fragment names: the fragments' types give the hint.
        for (const entity of selection.selectionSet?.selections ?? []) {
          if (entity.kind !== Kind.INLINE_FRAGMENT || !entity.typeCondition) continue;
          const entityType = schema.getType(entity.typeCondition.name.value);
          if (!entityType || !restrict(typeHint(entityType))) return false;
        }
        if (!selection.selectionSet || !walk(selection.selectionSet, type as GraphQLCompositeType, false)) return false;
        continue;
      }
      // As Apollo's plugin: the type's hint (for an object), with whatever the field's own hint sets replacing it.
      const hint = { ...(isCompositeType(type) ? typeHint(type) : undefined), ...definedOf(hintOf(field.astNode?.directives)) };
      if (hint.maxAge === undefined) {
        restrict(hint);
        if (root || isCompositeType(type)) return false;
      } else if (!restrict(hint)) return false;
      if (selection.selectionSet && isCompositeType(type) && !walk(selection.selectionSet, type, false)) return false;
    }
    return true;
  };
  if (!walk(operation.selectionSet, queryType, true) || !Number.isFinite(policy.maxAge)) return null;
  return policy;
}

/**
 * Sets each answer's `Cache-Control` from `cachePolicyOf`, worked out once per document: the same header
 * Apollo's cache-control plugin would send, without its work on every resolved field (at the full city that
 * work was half of a dashboard's cost in the community subgraph). Answers with errors are never cacheable.
 */
export function cacheControlFromHints<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const policies = new WeakMap<DocumentNode, Map<string, CachePolicy | null>>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ schema, document, operationName, response }) {
          let policy: CachePolicy | null = null;
          if (document && response.body.kind === 'single' && !response.body.singleResult.errors) {
            const known = policies.get(document) ?? new Map<string, CachePolicy | null>();
            policies.set(document, known);
            const key = operationName ?? '';
            if (!known.has(key)) known.set(key, cachePolicyOf(schema, document, operationName));
            policy = known.get(key)!;
          }
          response.http.headers.set('cache-control', policy ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store');
        },
      };
    },
  };
}

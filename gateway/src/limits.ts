import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/** The deepest a query may nest fields, and the most aliases it may use: checked before any planning. */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 30 };

/**
 * Refuses, before the gateway plans or fetches anything, documents deeper than `maxDepth` or with more
 * than `maxAliases` aliases (the cheap ways to make one request cost a thousand). Introspection is exempt.
 */
export function queryLimits(limits = QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    const depthOf = (selectionSet: SelectionSetNode | undefined, visited: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visited));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visited));
        } else {
          const name = selection.name.value;
          const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
          if (fragment && !visited.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...visited, name])));
        }
      }
      return deepest;
    };
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`This query nests ${depth} levels deep; at most ${limits.maxDepth} are served.`, { nodes: [node] }));
        }
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases) {
            context.reportError(new GraphQLError(`This query uses ${aliases} aliases; at most ${limits.maxAliases} are served.`));
          }
        },
      },
    };
  };
}

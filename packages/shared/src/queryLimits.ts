import type { ApolloServerPlugin, BaseContext, GraphQLRequest } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  validate,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { costCache } from './costCache.js';
import { ErrorCode } from './errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';

/**
 * What one request may ask of the gateway (and of a subgraph reached directly), checked before any planning: how deep it nests fields, how
 * many aliases it uses once its fragments are expanded, how many tokens its text has (a parse option, so
 * 3,000 nested braces are refused before they can exhaust the stack), and what it costs.
 * The cost is the number of objects it can return, each list weighed by its page size (`first`) or by
 * the size declared in LIST_SIZES: the contract's CityDashboard at full city scale (13 districts,
 * 156 streets, 1,560 communities) costs 31,001.
 */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 30, maxTokens: 1000, maxCost: 50_000 };


/** How many items a list without a page size is weighed at, unless LIST_SIZES says otherwise. */
export const DEFAULT_LIST_SIZE = 20;

/**
 * How many items each list holds at most in practice, by `Type.field` (or a function of the field's
 * arguments): the region tree at full city scale, a compound's buildings and a building's households as
 * the city generator builds them, one entry per category. A connection's `edges` count 1 because the
 * connection field is weighed by its `first`.
 */
export const LIST_SIZES: Record<string, number | ((args: Record<string, unknown>) => number)> = {
  'Query.cities': 10,
  'City.districts': 13,
  'District.streets': 12,
  'Street.communities': 10,
  'Community.compounds': 4,
  'Community.groupBuys': 10,
  'Compound.groupBuys': 5,
  'Compound.buildings': 10,
  'Building.households': 50,
  'VolunteerCoverage.uncoveredBuildings': 40,
  'OrderStats.byCategory': 6,
  'Query.orderStatsSeries': 366,
  'Query.subsidyPolicyMatrix': (args) =>
    (Array.isArray(args.regionIds) ? args.regionIds.length : 1) * (Array.isArray(args.dates) ? args.dates.length : 1),
  'OrderConnection.edges': 1,
  'PackageConnection.edges': 1,
  'GroupBuyConnection.edges': 1,
  'SubsidyPolicyConnection.edges': 1,
  'AuditLogPage.entries': 1,
  'Query._entities': (args) => (Array.isArray(args.representations) ? args.representations.length : 1),
};

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Weighs a field: 1 for an object (0 for a scalar) plus what is selected under it, times the list's size
 * (its `first`, at most MAX_PAGE_SIZE, the page cap, else LIST_SIZES, else DEFAULT_LIST_SIZE). Introspection is free.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const own = (isCompositeType(getNamedType(field.type)) ? 1 : 0) + childComplexity;
  const declared = LIST_SIZES[`${type.name}.${field.name}`];
  const pageSize = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE) : undefined;
  if (pageSize !== undefined) return own * pageSize;
  if (!isList(field.type)) return own;
  const size = typeof declared === 'function' ? declared(args) : (declared ?? DEFAULT_LIST_SIZE);
  return own * size;
};

/** The most fields a cost count walks (fragments expanded) before it gives up and refuses the document. */
const MAX_COUNTED_NODES = 20_000;

/**
 * What a document costs (see QUERY_LIMITS) with these variables, fragments expanded.
 * Throws a GraphQLError when the document has more than MAX_COUNTED_NODES fields once expanded.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
  estimator: ComplexityEstimator = listSizeEstimator,
): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator], maxQueryNodes: MAX_COUNTED_NODES });
}

/** A refusal of the request as written: BAD_USER_INPUT, HTTP 400. */
function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}

const found = (error: GraphQLError) => /found (\d+)/.exec(error.message)?.[1] ?? 'more';

/**
 * Validation rules (GraphQL Armor's) refusing documents deeper than `maxDepth` or with more than
 * `maxAliases` aliases counted after fragment expansion; they run before the gateway plans anything.
 * Introspection is exempt from the depth count.
 */
export function queryLimitRules(limits = QUERY_LIMITS): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [
        (context, error) =>
          (context as ValidationContext | null)?.reportError(
            new GraphQLError(
              `This query nests ${found(error)} levels deep; at most ${limits.maxDepth} are served. Ask for less nested data, or start from a nearer field (e.g. community(id:) instead of city { districts { … } }).`,
            ),
          ),
      ],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        (context, error) =>
          (context as ValidationContext | null)?.reportError(
            new GraphQLError(
              `This query uses ${found(error)} aliases once its fragments are expanded (an alias inside a fragment counts once for each place the fragment is spread); at most ${limits.maxAliases} are served. Use fewer aliases, or send several requests.`,
            ),
          ),
      ],
    }),
  ];
}

export interface QueryLimitsPluginOptions {
  limits?: typeof QUERY_LIMITS;
  /** Also apply queryLimitRules here (where they cannot be validation rules because some requests are exempt). */
  checkShape?: boolean;
  /** Requests the limits do not apply to (our own services' requests to a subgraph). */
  exempt?: (request: GraphQLRequest) => boolean;
}

/**
 * Refuses, after validation and before the gateway plans or fetches anything, an operation whose cost
 * with the request's variables exceeds `maxCost` (and, with `checkShape`, one too deep or with too many
 * aliases): BAD_USER_INPUT with HTTP 400, saying what to change.
 */
export function queryLimitsPlugin<TContext extends BaseContext>(options: QueryLimitsPluginOptions = {}): ApolloServerPlugin<TContext> {
  const limits = options.limits ?? QUERY_LIMITS;
  const rules = options.checkShape ? queryLimitRules(limits) : [];
  // Per document Apollo Server keeps (it parses and validates a query text once): the shape refusal, and the cost.
  const shapes = new WeakMap<DocumentNode, { schema: GraphQLSchema; refused: string | undefined }>();
  const shapeRefusal = (schema: GraphQLSchema, document: DocumentNode): string | undefined => {
    let kept = shapes.get(document);
    if (!kept || kept.schema !== schema) {
      kept = { schema, refused: validate(schema, document, rules)[0]?.message };
      shapes.set(document, kept);
    }
    return kept.refused;
  };
  const cachedCost = costCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, operationName }) {
          if (options.exempt?.(request)) return;
          const shape = rules.length > 0 ? shapeRefusal(schema, document) : undefined;
          if (shape) throw refusal(shape);
          const variables = request.variables ?? {};
          let cost: number;
          try {
            cost = cachedCost(schema, document, operation, variables, (wrap) =>
              queryCost(schema, document, variables, operationName ?? undefined, wrap(listSizeEstimator)),
            );
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            // The variables do not fit the operation (a required one missing, a null where a value is needed).
            throw refusal(
              /maximum allowed number of nodes/.test(error.message)
                ? `This query asks for more than ${MAX_COUNTED_NODES} fields once its fragments are expanded. Ask for fewer fields, or send several requests.`
                : error.message,
            );
          }
          if (cost > limits.maxCost) {
            throw refusal(
              `This query could return about ${cost} objects (each list counted at its page size \`first\` or its usual size); at most ${limits.maxCost} are served. Ask for fewer fields or aliases under lists, a smaller \`first\`, or a narrower region, or split it into several requests.`,
            );
          }
        },
      };
    },
  };
}

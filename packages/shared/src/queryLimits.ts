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
import { requestRefused } from './errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';

/**
 * What one request may ask of the gateway (and of a subgraph reached directly), checked before any planning: how deep it nests fields, how
 * many aliases it uses once its fragments are expanded, how many tokens its text has (a parse option, so
 * 3,000 nested braces are refused before they can exhaust the stack), and what it costs.
 * The cost is the number of objects it can return, each list weighed by its page size (`first`) or by
 * the most it holds in practice, declared in LIST_SIZES (an undeclared list weighs UNDECLARED_LIST_SIZE):
 * the contract's CityDashboard at full city scale (13 districts, 156 streets, 1,560 communities) costs 31,001, and an
 * owners' committee's pickup list of a full group buy (500 households, 50 items, each line naming its item) 52,001.
 */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 30, maxTokens: 1000, maxCost: 60_000 };

/**
 * The most lexical tokens a document sent to a subgraph may have (the gateway's, QUERY_LIMITS.maxTokens, is
 * lower: a client's document is shorter than the gateway's fetches). It bounds nesting too: 3,000 nested braces or list brackets would otherwise exhaust the parser's stack
 * ("Maximum call stack size exceeded"); 2,000 tokens nest at most 1,000 deep, which parses safely.
 */
export const SUBGRAPH_MAX_TOKENS = 2000;


/** A community at full city scale (cityAtScale): 4 compounds of 10 buildings of 10 floors of 5 households. */
const COMPOUND_HOUSEHOLDS = 10 * 10 * 5;
const COMMUNITY_HOUSEHOLDS = 4 * COMPOUND_HOUSEHOLDS;
/** Packages a community publishes for one delivery date: 6 categories, a few choices in some (the demo's Q社区: 4 vegetable packages and pork). */
const PACKAGES_A_DAY = 10;
/** Orders a household places for one delivery date: a few of the day's packages (in the demo at most two vegetable packages and pork). */
const HOUSEHOLD_ORDERS_A_DAY = 5;
/** A year of days: what an uncapped history (a household's orders without a date, a daily series) is weighed at. */
const YEAR = 366;
/** Orders one request of submitOrders or markDelivered takes at most (BATCH_LIMIT in the community service). */
const ORDER_BATCH = 200;

/**
 * What a list nobody declared in LIST_SIZES (and without `first`) is weighed at: large enough that a query
 * using it is refused rather than under-counted. limits.test.ts fails when a list field of the schema is undeclared.
 */
export const UNDECLARED_LIST_SIZE = 100_000;

/**
 * How many items each list holds at most, by `Type.field` (or a function of the field's arguments): the
 * region tree at full city scale as the city generator builds it (a community of 2,000 households); caps
 * the services enforce (30 items a package, 50 a group buy, 20 volunteers, 30 committee members, 200 orders
 * a batch); and, where nothing caps a list (a household's orders without a date, a region's policy
 * history), a year of data. A connection's `edges` count 1 because the connection field is weighed by its
 * `first`. Every list field of the schema must be here or take `first` (limits.test.ts checks).
 */
export const LIST_SIZES: Record<string, number | ((args: Record<string, unknown>) => number)> = {
  // The region tree and roster (city generator at full scale).
  'Query.cities': 10,
  'City.districts': 13,
  'District.streets': 12,
  'Street.communities': 10,
  'Community.compounds': 4,
  'Compound.buildings': 10,
  'Building.households': 50,
  // One party member a floor of each of the community's 40 buildings.
  'Community.partyMembers': 4 * 10 * 10,
  // Assignments are floor ranges; one party member's never overlap in a building (others' may): a party member has at
  // most one a floor of the community, a building two party members a floor.
  'Building.assignments': 2 * 10,
  'PartyMember.assignments': 4 * 10 * 10,
  // A party member's floors can cover at most the whole community; deliveries are those households' orders of one date.
  'PartyMember.households': COMMUNITY_HOUSEHOLDS,
  'PartyMember.deliveries': COMMUNITY_HOUSEHOLDS * HOUSEHOLD_ORDERS_A_DAY,
  // At most 36 months a request (the community service refuses more).
  'PartyMember.monthlyRecord': 36,
  'VolunteerCoverage.uncoveredBuildings': 40,
  // The micro-grid: the community grid, up to 10 areas and 10 dedicated grids, a micro-grid a building (40); a micro-grid
  // holds at most the community's buildings; its workers (a micro-grid has two, the other grids a few: not capped, rare);
  // a party group at most the community's party members; care flags one a kind (4) a household of the community.
  'Community.grids': 1 + 10 + 10 + 40,
  'Grid.buildings': 40,
  'Grid.workers': 20,
  'PartyGroup.members': 4 * 10 * 10,
  'Grid.careHouseholds': 4 * COMMUNITY_HOUSEHOLDS,
  // Readiness: the latest plan of each of 6 hazards, or one hazard's versions (a review a week for a year, far more than
  // any community makes); up to 50 steps a plan and 10 skills a volunteer (the service's caps); spaces and supply items
  // a community keeps (not capped, a few dozen in practice); a volunteer a household or party member a team kind.
  'Community.emergencyPlans': (args) => (typeof args.hazard === 'string' ? 52 : 6),
  'EmergencyPlan.steps': 50,
  'Community.emergencySpaces': 100,
  'Community.supplies': 200,
  'Community.volunteers': 2 * COMMUNITY_HOUSEHOLDS,
  'Volunteer.skills': 10,
  // Packages and orders: a day's packages; a household's orders of a date, or of every date (a year of days).
  'Community.packages': PACKAGES_A_DAY,
  'Compound.orderReport': PACKAGES_A_DAY,
  'Compound.orderStatusCounts': 6, // one line per status
  'Package.items': 30,
  // One rating a household that had the package delivered: at most the community's households.
  'Package.ratings': COMMUNITY_HOUSEHOLDS,
  'Household.orders': (args) => (typeof args.date === 'string' ? HOUSEHOLD_ORDERS_A_DAY : YEAR * HOUSEHOLD_ORDERS_A_DAY),
  'SubmitOrdersResult.orders': ORDER_BATCH,
  'MarkDeliveredResult.orders': ORDER_BATCH,
  // A compound's orders of one date move together.
  'AdvanceOrdersResult.orders': COMPOUND_HOUSEHOLDS * HOUSEHOLD_ORDERS_A_DAY,
  'AdvanceOrdersResult.skipped': 6,
  'OrderStats.byCategory': 6,
  'Query.orderStatsSeries': YEAR,
  // Group buys: open ones at a time (10 a community); all of them over a year (one a week a compound).
  'Community.groupBuys': (args) => (args.status === 'OPEN' ? 10 : 4 * 52),
  'Compound.groupBuys': 52,
  'GroupBuy.items': 50,
  'GroupBuy.volunteers': 20,
  // The pickup list: one participation a household of the compound (a household may join again: not capped, rare).
  'GroupBuy.participations': COMPOUND_HOUSEHOLDS,
  'Participation.lines': 50,
  'OwnerCommittee.members': 30,
  // Residents' councils (民生微实事): members capped at registration, proposals a round and reports a project capped when
  // taken; a community's rounds are its latest 50.
  'ResidentsCouncil.members': 50,
  'Community.projectRounds': 50,
  'ProjectRound.projects': 200,
  'MicroProject.progress': 100,
  // The shared community (共享社区): at most 20 suggestions, a household's latest 100 ledger entries, and a match's steps
  // (proposed, accepted, then completed or cancelled); a household's latest 50 listings and a listing's latest 20 matches.
  'Listing.suggestedMatches': 20,
  'Household.listings': 50,
  'Listing.matches': 20,
  'TimeCredits.entries': 100,
  'Match.actions': 3,
  // Subsidy policies: one a category in force; a region's history is a year of weekly versions of each category.
  'Query.subsidyPolicies': 6 * 52,
  'Query.effectiveSubsidyPolicies': 6,
  'RegionDatePolicies.policies': 6,
  'Query.subsidyPolicyMatrix': (args) =>
    (Array.isArray(args.regionIds) ? args.regionIds.length : 1) * (Array.isArray(args.dates) ? args.dates.length : 1),
  'Query.suppliers': 50,
  // Resident requests: a city's catalogue and departments; a request's summons (capped by whistle) and its history (each
  // move, whistle and report a line; a request reopened every week for a year stays below it: not capped, rare).
  'Query.requestCategories': 100,
  'Query.departments': 100,
  'Request.summons': 21, // 20 by whistles, and the one the third reopening adds by itself
  'Request.history': 200,
  'RequestConnection.edges': 1,
  'Household.requests': 100, // its latest 100
  // A month's ranking lists every street (a city of 3,120 communities has about 300) or department of the city.
  'Query.requestRanking': 1_000,
  'City.frequentProblems': (args) => (typeof args.first === 'number' ? args.first : 10),
  'District.frequentProblems': (args) => (typeof args.first === 'number' ? args.first : 10),
  'Street.frequentProblems': (args) => (typeof args.first === 'number' ? args.first : 10),
  'Community.frequentProblems': (args) => (typeof args.first === 'number' ? args.first : 10),
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

/** What to change when a list weighs most, for lists whose size depends on their arguments. */
const LIST_HINTS: Record<string, string> = {
  'Household.orders': `give it a date: one day’s orders count ${HOUSEHOLD_ORDERS_A_DAY}`,
  'Community.groupBuys': 'ask for status: OPEN',
};

/** The size a list field is weighed at with these arguments: its `first` (at most MAX_PAGE_SIZE), else LIST_SIZES, else UNDECLARED_LIST_SIZE. */
function listSize(key: string, args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE);
  const declared = LIST_SIZES[key];
  return typeof declared === 'function' ? declared(args) : (declared ?? UNDECLARED_LIST_SIZE);
}

/**
 * An estimator weighing a field: 1 for an object (0 for a scalar) plus what is selected under it, times its
 * page size (`first`) or, for a list, its size (listSize). Introspection is free. Each list weighed is
 * recorded in `weighed` (`Type.field` → size) when given.
 */
export function listSizeEstimatorFor(weighed?: Map<string, number>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const own = (isCompositeType(getNamedType(field.type)) ? 1 : 0) + childComplexity;
    if (typeof args.first !== 'number' && !isList(field.type)) return own;
    const key = `${type.name}.${field.name}`;
    const size = listSize(key, args);
    if (weighed && typeof args.first !== 'number') weighed.set(key, Math.max(size, weighed.get(key) ?? 0));
    return own * size;
  };
}

/** The estimator of queryCost, recording nothing. */
export const listSizeEstimator: ComplexityEstimator = listSizeEstimatorFor();

/** The most fields a cost count walks (fragments expanded) before it gives up and refuses the document. */
const MAX_COUNTED_NODES = 20_000;

/**
 * What a document costs (see QUERY_LIMITS) with these variables, fragments expanded, and the lists without a
 * page size it weighed (`Type.field` → size). Throws a GraphQLError when the document has more than
 * MAX_COUNTED_NODES fields once expanded.
 */
export function queryWeight(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): { cost: number; lists: Map<string, number> } {
  const lists = new Map<string, number>();
  const cost = queryCost(schema, document, variables, operationName, listSizeEstimatorFor(lists));
  return { cost, lists };
}

/** What a document costs (see QUERY_LIMITS) with these variables, fragments expanded, weighed by `estimator`. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
  estimator: ComplexityEstimator = listSizeEstimator,
): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator], maxQueryNodes: MAX_COUNTED_NODES });
}

/** The (at most three) largest lists a document weighed, for its refusal: "Household.orders counted at 3660 (give it a date …)". */
function heaviestLists(lists: Map<string, number>): string {
  const heaviest = [...lists].sort((a, b) => b[1] - a[1]).slice(0, 3);
  if (!heaviest.length) return '';
  const named = heaviest.map(([key, size]) => `${key} counted at ${size}${LIST_HINTS[key] && size === listSize(key, {}) ? ` (${LIST_HINTS[key]})` : ''}`);
  return ` Its largest lists: ${named.join(', ')}.`;
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
          if (shape) throw requestRefused(shape);
          const variables = request.variables ?? {};
          let cost: number;
          try {
            cost = cachedCost(schema, document, operation, variables, (wrap) =>
              queryCost(schema, document, variables, operationName ?? undefined, wrap(listSizeEstimator)),
            );
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            // The variables do not fit the operation (a required one missing, a null where a value is needed).
            throw requestRefused(
              /maximum allowed number of nodes/.test(error.message)
                ? `This query asks for more than ${MAX_COUNTED_NODES} fields once its fragments are expanded. Ask for fewer fields, or send several requests.`
                : error.message,
            );
          }
          if (cost > limits.maxCost) {
            // Refusals are rare: weigh the document again, uncached, to name its largest lists.
            const weight = queryWeight(schema, document, variables, operationName ?? undefined);
            throw requestRefused(
              `This query could return about ${Math.min(weight.cost, Number.MAX_SAFE_INTEGER)} objects (each list counted at its page size \`first\` or the most it holds in practice); at most ${limits.maxCost} are served. Ask for fewer fields or aliases under lists, a smaller \`first\`, a date or a narrower region, or split it into several requests.${heaviestLists(weight.lists)}`,
            );
          }
        },
      };
    },
  };
}

// The query limits, computed on the committed supergraph: no platform needed (the e2e side is in auth.e2e.test.ts).
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { SUBGRAPHS, subgraphSdlFile } from '@cgov/schema';
import { contractOperation, contractOperationNames } from '@cgov/schema/contract';
import {
  buildSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  typeFromAST,
  validate,
  visit,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { cityAtScale } from '../bench/generate.js';
import { LIST_SIZES, MAX_PAGE_SIZE, QUERY_LIMITS, queryCost, queryLimitRules, queryWeight, UNDECLARED_LIST_SIZE } from '@cgov/shared';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/server.js';
import { EVERY_HOUSEHOLD, fragmentFanOut, orderHistoriesDocument, thousandCopiesDocument } from './costly-documents.js';

const supergraphSdl = readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8');
const schema = buildSchema(supergraphSdl);
/** The schema clients see through the gateway (the supergraph less its @inaccessible parts and join machinery). */
const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

const refusals = (document: string) => validate(schema, parse(document), queryLimitRules()).map((error) => error.message);

describe('query cost', () => {
  it('weighs the region tree at full city scale, as the city generator builds it', () => {
    const city = cityAtScale(1);
    expect(LIST_SIZES['City.districts']).toBe(city.districts);
    expect(LIST_SIZES['District.streets']).toBe(city.streetsPerDistrict);
    expect(LIST_SIZES['Street.communities']).toBe(city.communitiesPerStreet);
    expect(LIST_SIZES['Community.compounds']).toBe(city.compoundsPerCommunity);
    expect(LIST_SIZES['Compound.buildings']).toBe(city.buildingsPerCompound);
    expect(LIST_SIZES['Building.households']).toBe(city.floors * city.householdsPerFloor);
    expect(city.districts * city.streetsPerDistrict * city.communitiesPerStreet).toBe(1560);
  });

  it('serves the contract’s CityDashboard for a full city of 1,560 communities', () => {
    const cost = queryCost(schema, parse(contractOperation('CityDashboard')), { cityId: '4401', date: '2026-11-22' });
    // Per community: itself, its orderStats with 6 categories, its coverage and 10 open group buys (19),
    // 1,560 times; the streets' and districts' own stats (8 each); the city, its budget and stats (9).
    expect(cost).toBe(1560 * 19 + 156 * 8 + 13 * 8 + 9);
    expect(cost).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
    expect(refusals(contractOperation('CityDashboard'))).toEqual([]);
  });

  it('refuses the thousand copies of a compound’s households by its aliases once fragments are expanded, and by its cost', () => {
    const document = thousandCopiesDocument();
    expect(document.length).toBeLessThan(1100);
    expect(refusals(document)).toEqual([expect.stringMatching(/^This query uses 1110 aliases once its fragments are expanded .* at most 30 are served\. Use fewer aliases/)]);
    // 10 × 10 × 10 copies of a compound's 10 buildings of 50 households, each with its objects: 85 times what is served.
    const cost = queryCost(schema, parse(document), { c: 'x' });
    expect(cost).toBe(5_101_101);
    expect(cost).toBeGreaterThan(80 * QUERY_LIMITS.maxCost);
  });

  it('refuses the whole city’s households asked without aliases by its cost, not its depth', () => {
    expect(refusals(EVERY_HOUSEHOLD)).toEqual([]);
    expect(queryCost(schema, parse(EVERY_HOUSEHOLD))).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('stops counting a document whose fragments fan out past 20,000 fields, however few aliases it has', () => {
    expect(refusals(fragmentFanOut())).toEqual([]);
    expect(() => queryCost(schema, parse(fragmentFanOut()))).toThrow(/maximum allowed number of nodes/);
  });

  it('weighs a page by its first (at most 100), and other lists by their declared size', () => {
    const page = (first: number) =>
      queryCost(schema, parse(`query ($n: Int) { orders(filter: { regionId: "4201" }, first: $n) { totalCount edges { node { id } } } }`), { n: first });
    expect(page(10)).toBe(10 * 3);
    expect(page(100)).toBe(100 * 3);
    expect(page(5000)).toBe(100 * 3);
    // The default page (first: Int = 20) when the variable is left out.
    expect(queryCost(schema, parse(`{ orders(filter: { regionId: "4201" }) { edges { node { id } } } }`))).toBe(20 * 3);
    expect(queryCost(schema, parse(`{ subsidyPolicyMatrix(regionIds: ["4201", "420102"], dates: ["2026-01-01", "2026-01-02", "2026-01-03"]) { regionId } }`))).toBe(6);
    expect(queryCost(schema, parse(`{ suppliers(regionId: "4201") { id } }`))).toBe(LIST_SIZES['Query.suppliers']);
  });

  it('counts aliases inside fragments each time the fragment is spread, and depth through fragments', () => {
    const spread = `{ ...Q ...Q } fragment Q on Query { ${Array.from({ length: 16 }, (_, i) => `c${i}: cities { id }`).join(' ')} }`;
    // Counted for each spread, even where graphql would merge the two: the count never undercounts.
    expect(refusals(spread)).toEqual([expect.stringMatching(/uses 32 aliases/)]);
    const twice = `{ a: cities { ...D } b: cities { ...D } } fragment D on City { ${Array.from({ length: 15 }, (_, i) => `d${i}: districts { id }`).join(' ')} }`;
    expect(refusals(twice)).toEqual([expect.stringMatching(/uses 32 aliases/)]);
    const deep = `{ cities { ...A } } fragment A on City { districts { city { districts { city { districts { city { districts { city { districts { city { districts { id } } } } } } } } } } } }`;
    expect(refusals(deep)).toEqual([expect.stringMatching(/nests 13 levels deep; at most 12 are served/)]);
  });
});

/** `Type.field` of every field returning a list in these (object and interface) types, and whether it takes `first`. */
function listFieldsOf(schema: GraphQLSchema): Array<{ key: string; paginated: boolean }> {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && (isObjectType(type) || isInterfaceType(type)))
    .flatMap((type) => Object.values((type as { getFields(): Record<string, { name: string; type: unknown; args: ReadonlyArray<{ name: string }> }> }).getFields())
      .filter((field) => isListType(getNullableType(field.type as never)))
      .map((field) => ({ key: `${type.name}.${field.name}`, paginated: field.args.some((arg) => arg.name === 'first') })));
}

/** The same for a subgraph's own SDL (its types and type extensions, as the subgraph serves them). */
function listFieldsOfSdl(sdl: string): Array<{ key: string; paginated: boolean }> {
  const isList = (type: TypeNode): boolean => type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && isList(type.type));
  return parse(sdl).definitions.flatMap((definition) =>
    'fields' in definition && definition.fields && definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INPUT_OBJECT_TYPE_EXTENSION
      ? definition.fields
          .filter((field) => 'arguments' in field && isList(field.type))
          .map((field) => ({ key: `${definition.name.value}.${field.name.value}`, paginated: 'arguments' in field && (field.arguments ?? []).some((arg) => arg.name.value === 'first') }))
      : [],
  );
}

describe('every list is weighed honestly', () => {
  const undeclared = (fields: Array<{ key: string; paginated: boolean }>) => fields.filter(({ key, paginated }) => !paginated && !(key in LIST_SIZES)).map(({ key }) => key);

  it('every list field of the API schema takes `first` or has its size in LIST_SIZES', () => {
    const fields = listFieldsOf(apiSchema);
    expect(fields.length).toBeGreaterThan(30);
    expect(undeclared(fields), 'declare these lists in LIST_SIZES (packages/shared/src/queryLimits.ts) or give them `first`').toEqual([]);
  });

  it('so does every list field a subgraph serves at its own port (its SDL, @inaccessible fields and _entities too)', () => {
    for (const { name } of SUBGRAPHS) {
      const fields = [...listFieldsOfSdl(readFileSync(subgraphSdlFile(name), 'utf8')), { key: 'Query._entities', paginated: false }];
      expect(undeclared(fields), name).toEqual([]);
    }
    expect(undeclared(listFieldsOf(schema))).toEqual([]);
  });

  it('declares no list the schema does not have (a renamed field would fall back to the undeclared size)', () => {
    const known = new Set([...listFieldsOf(schema).map(({ key }) => key), 'Query._entities']);
    expect(Object.keys(LIST_SIZES).filter((key) => !known.has(key))).toEqual([]);
  });

  it('weighs a list nobody declared so that a query using it is refused, not counted at 20', () => {
    const lonely = buildSchema('type Query { things: [Thing!]! } type Thing { id: ID! }');
    expect(queryCost(lonely, parse('{ things { id } }'))).toBe(UNDECLARED_LIST_SIZE);
    expect(UNDECLARED_LIST_SIZE).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('refuses the review’s query: order histories under a package’s ratings, naming the lists to narrow', () => {
    const { cost, lists } = queryWeight(schema, parse(orderHistoriesDocument('h')));
    expect(cost).toBeGreaterThan(1000 * QUERY_LIMITS.maxCost);
    expect(lists.get('Household.orders')).toBe(366 * 5);
    expect(lists.get('Package.ratings')).toBe(4 * 10 * 50);
    // Asked for one day, a household's orders count a few; without a date, a year of them.
    expect(queryCost(schema, parse('{ household(id: "h") { orders(date: "2026-11-22") { id } } }'))).toBe(1 + 5);
    expect(queryCost(schema, parse('{ household(id: "h") { orders { id } } }'))).toBe(1 + 1830);
  });

  it('weighs the lists that grow with a community or with time at what they hold at full scale', () => {
    const cost = (document: string, variables: Record<string, unknown> = {}) => queryCost(schema, parse(document), variables);
    expect(cost('{ community(id: "c") { partyMembers { id } } }')).toBe(1 + 400);
    expect(cost('{ community(id: "c") { packages(date: "2026-11-22") { id items { name } } } }')).toBe(1 + 10 * (1 + 30));
    expect(cost('{ community(id: "c") { groupBuys(status: OPEN) { id } } }')).toBe(1 + 10);
    expect(cost('{ community(id: "c") { groupBuys { id } } }')).toBe(1 + 4 * 52);
    expect(cost('{ partyMember(id: "p") { households { id } } }')).toBe(1 + 2000);
    expect(cost('{ partyMember(id: "p") { deliveries(date: "2026-11-22") { id } } }')).toBe(1 + 10_000);
    expect(cost('{ groupBuy(id: "g") { participations { id lines { quantity } } } }')).toBe(1 + 500 * (1 + 50));
  });
});

/** Variables for an operation as a client could send them, each `Int` at the page cap (a page asked at its largest). */
function variablesFor(operation: OperationDefinitionNode): Record<string, unknown> {
  const value = (type: GraphQLInputType): unknown => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return [value(nullable.ofType as GraphQLInputType)];
    if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
    if (isInputObjectType(nullable)) return Object.fromEntries(Object.values(nullable.getFields()).map((field) => [field.name, value(field.type)]));
    const samples: Record<string, unknown> = { Int: MAX_PAGE_SIZE, Float: 1, Boolean: true, Date: '2026-11-22', DateTime: '2026-11-22T08:00:00Z', Money: '1.00' };
    return samples[nullable.name] ?? '1';
  };
  return Object.fromEntries((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, value(typeFromAST(apiSchema, definition.type as never) as GraphQLInputType)]));
}

describe('what users need stays under the limit with honest sizes', () => {
  it('serves every operation of the contract, its pages asked at their largest', () => {
    const costs = Object.fromEntries(
      contractOperationNames().map((name) => {
        const document = parse(contractOperation(name));
        let operation: OperationDefinitionNode | undefined;
        visit(document, { OperationDefinition: (node) => void (operation = node) });
        return [name, queryCost(apiSchema, document, variablesFor(operation!))];
      }),
    );
    expect(Object.keys(costs).length).toBeGreaterThan(20);
    for (const [name, cost] of Object.entries(costs)) expect(cost, name).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
    expect(costs.CityDashboard).toBe(31_001);
  });

  it('serves the pickup list, a party member’s floors and deliveries, and a compound’s orders by package', () => {
    const served = {
      // The committee's pickup list with each participation's lines (selforg.e2e), and with households (refusals.e2e).
      pickup: 'query ($id: ID!) { groupBuy(id: $id) { id title items { id name unit unitPrice stock remaining } participations { id householdLabel amount pickedUp lines { quantity } } } }',
      pickupHouseholds: 'query ($id: ID!) { groupBuy(id: $id) { title participations { amount household { id building { name } room } } } }',
      // The owners' committee's printable pickup list (console /group-buys): each household's door and each line's item.
      pickupList:
        'query ($id: ID!) { groupBuy(id: $id) { id items { id name unit unitPrice } participations { id amount pickedUp household { id room building { id name } } lines { quantity unitPrice item { id } } } } }',
      // A party member's floors: its households, and its deliveries of a date door by door.
      floors: 'query ($id: ID!) { partyMember(id: $id) { assignments { floorFrom floorTo building { id name } } households(needsDoorToDoor: true) { floor room headOfHousehold } } }',
      deliveries: 'query ($id: ID!, $date: Date!) { partyMember(id: $id) { deliveries(date: $date) { id status household { id } } record { deliveriesMade } } }',
      // The committee's orders by compound: units and orders per package for a date.
      orderReport: 'query ($id: ID!, $date: Date!) { compound(id: $id) { orderReport(date: $date) { package { id name } units orders households } } }',
      // The committee advancing a compound's orders of a date twice in one request, each order with its household's orders that day (freshness.e2e).
      advanceTwice: `mutation { ${['a: REPORTED', 'b: PROCURED'].map((step) => `${step.split(':')[0]}: advanceOrders(input: { compoundId: "c", date: "2026-11-22", to: ${step.split(': ')[1]} }) { orders { id status household { orders(date: "2026-11-22") { id status } } } }`).join(' ')} }`,
      // A household's orders of one day.
      dayOrders: 'query ($id: ID!, $date: Date!) { household(id: $id) { orders(date: $date) { id package { id name } quantity payable status } } }',
    };
    for (const [name, document] of Object.entries(served)) {
      expect(queryCost(apiSchema, parse(document), { id: 'x', date: '2026-11-22' }), name).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
    }
  });
});

// A bounded, seeded fuzz of the contract's operations through the gateway: mutated variables (nulls, wrong
// types, huge and negative numbers, NUL, impossible dates, unicode, empty and long strings, unknown ids),
// mutated documents (dropped, duplicated and unknown fields, literals instead of variables, another operation
// kind, a swapped operationName) and callers of every role. Whatever a client sends, the answer is never a
// 5xx and never INTERNAL_SERVER_ERROR. FUZZ_SEED and FUZZ_REQUESTS replay or widen a run.
import { readFileSync } from 'node:fs';
import { addDays, DEMO, DEMO_SUPPLIER_IDS, demoId, demoIds, fixedClock, type Role } from '@cgov/shared';
import { contractOperation, contractOperationNames } from '@cgov/schema/contract';
import { tokenFor } from '@cgov/shared/testing';
import {
  astFromValue,
  buildSchema,
  Kind,
  parse,
  print,
  typeFromAST,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/server.js';
import {
  A3,
  A_COMPOUND,
  B_COMPOUND,
  B_HOUSEHOLDS,
  DEMO_FRUIT,
  DEMO_MATCH_PROPOSED,
  DEMO_NEED_SPACE,
  DEMO_OFFER_REPAIR,
  DEMO_OFFER_SPACE,
  DEMO_PROJECT_SUPPORTING,
  DEMO_PROJECT_UNDER_WAY,
  DEMO_ROUND_PUBLICISED,
  DEMO_ROUND_SUPPORTING,
  LI,
  LI_AYI_HOUSEHOLD,
  NEIGHBOUR_HOUSEHOLD,
  packageOf,
  Q,
  Q_COUNCIL_MEMBERS,
  room,
  TOWER,
  WATER_COMPANY,
  ZHANG,
} from './demo-ids.js';
import { callerFor, startPlatform, type Platform } from './harness.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2400);
const CONCURRENCY = 4;
/** A request unanswered this long is a failure of its own (a hang), reported like any other. */
const REQUEST_TIMEOUT_MS = 10_000;
const TODAY = '2026-11-21';
const TOMORROW = addDays(TODAY, 1);
const clock = fixedClock(`${TODAY}T10:00:00+08:00`);

/** mulberry32: a small deterministic PRNG, the same sequence for the same seed on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const CALLERS: Array<[Role, string]> = [
  ['CITY_OFFICIAL', DEMO.cityId],
  ['ANALYST', DEMO.cityId],
  ['STREET_OFFICER', DEMO.streetId],
  ['COMMUNITY_STAFF', Q],
  ['PARTY_MEMBER', LI],
  ['OWNER_COMMITTEE', B_COMPOUND],
  ['RESIDENT', room(TOWER, '1201')],
  ['RESIDENT', B_HOUSEHOLDS[3]!],
  ['HOTLINE_OPERATOR', DEMO.cityId],
  ['DEPARTMENT_OFFICER', WATER_COMPANY],
  ['GRID_WORKER', demoIds.gridWorker(Q, 'a1-lead')],
];

/** Each contract operation with the role it is for and valid variables (as the contract test sends them). */
function seeds(ids: { orderId: string; policyId: string; itemId: string; requestId: string }): Array<{ name: string; caller: [Role, string]; variables: Record<string, unknown> }> {
  const [official, analyst, streetOfficer, staff, partyMember, committee, resident, bResident, hotline, department, gridWorker] = CALLERS as Array<typeof CALLERS[0]> as [
    typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0], typeof CALLERS[0],
  ];
  const qGrid = (key: string) => demoId(`grid:${Q}:${key}`);
  return [
    { name: 'Cities', caller: resident, variables: {} },
    { name: 'CityTree', caller: analyst, variables: { cityId: DEMO.cityId } },
    { name: 'CommunityRoster', caller: staff, variables: { communityId: Q } },
    { name: 'PublishSubsidyPolicy', caller: official, variables: { input: { regionId: DEMO.streetId, category: 'EGG_BASIC', subsidyPerUnit: '2.00', maxListPrice: '20.00', perHouseholdDailyLimit: 1, effectiveFrom: TOMORROW } } },
    { name: 'RevokeSubsidyPolicy', caller: official, variables: { id: ids.policyId, effectiveTo: addDays(TOMORROW, 3) } },
    { name: 'SubsidyPolicies', caller: official, variables: { regionId: DEMO.streetId } },
    { name: 'EffectiveSubsidyPolicies', caller: official, variables: { regionId: Q, date: TOMORROW } },
    { name: 'AllocateSubsidyBudget', caller: official, variables: { input: { regionId: DEMO.districtId, amount: '50000.00' } } },
    { name: 'DesignateSupplier', caller: official, variables: { input: { regionId: DEMO.streetId, name: '青山平价蔬菜店' } } },
    { name: 'Suppliers', caller: official, variables: { regionId: Q } },
    { name: 'PublishPackage', caller: staff, variables: { input: { communityId: Q, category: 'PORK_BASIC', name: '猪肉套餐(精)', date: TOMORROW, listPrice: '66.00', items: [{ name: '猪肉', quantity: 2, unit: '斤' }], supplierId: DEMO_SUPPLIER_IDS.qSupermarket } } },
    { name: 'Packages', caller: resident, variables: { communityId: Q, date: TOMORROW } },
    { name: 'RegisterPartyMember', caller: staff, variables: { input: { communityId: Q, name: '钱进', phone: '13900009999', workUnit: 'H市图书馆' } } },
    { name: 'AssignPartyMember', caller: staff, variables: { input: { partyMemberId: ZHANG, buildingId: A3, floorFrom: 1, floorTo: 6 } } },
    { name: 'PartyMember', caller: partyMember, variables: { id: LI } },
    { name: 'SubmitOrders', caller: partyMember, variables: { input: { idempotencyKey: 'fuzz', orders: [{ householdId: room(TOWER, '1302'), packageId: packageOf(TOMORROW, 'vegetable:0'), quantity: 1, channel: 'GROUP_CHAIN' }] } } },
    { name: 'AdvanceOrders', caller: staff, variables: { input: { compoundId: A_COMPOUND, date: TOMORROW, to: 'REPORTED' } } },
    { name: 'MarkDelivered', caller: partyMember, variables: { orderIds: [ids.orderId] } },
    { name: 'CancelOrder', caller: partyMember, variables: { id: ids.orderId } },
    { name: 'RegisterOwnerCommittee', caller: staff, variables: { input: { communityId: Q, compoundId: A_COMPOUND, name: 'A小区业主委员会', members: [{ name: '孙海', role: '主任' }] } } },
    { name: 'RegisterGroupBuy', caller: committee, variables: { input: { compoundId: B_COMPOUND, title: '鸡蛋团购', category: 'OTHER', organizer: '黄丽华', items: [{ name: '土鸡蛋', unit: '盒(30枚)', unitPrice: '36.00', stock: 50 }], minParticipants: 1, perHouseholdLimit: 2, deadline: `${TODAY}T18:00:00+08:00`, pickupAt: `${TOMORROW}T10:00:00+08:00`, pickupPoint: 'B小区东门' } } },
    { name: 'JoinGroupBuy', caller: bResident, variables: { input: { groupBuyId: DEMO_FRUIT, householdId: B_HOUSEHOLDS[3], idempotencyKey: 'fuzz', lines: [{ itemId: ids.itemId, quantity: 1 }] } } },
    { name: 'CloseGroupBuy', caller: committee, variables: { id: DEMO_FRUIT } },
    { name: 'AdvanceGroupBuy', caller: committee, variables: { id: DEMO_FRUIT, to: 'DISTRIBUTING' } },
    { name: 'CompoundGroupBuys', caller: bResident, variables: { compoundId: B_COMPOUND } },
    { name: 'CityDashboard', caller: analyst, variables: { cityId: DEMO.cityId, date: TOMORROW } },
    { name: 'RequestCatalogue', caller: resident, variables: { cityId: DEMO.cityId } },
    { name: 'FileRequest', caller: hotline, variables: { input: { communityId: Q, categoryCode: 'PROPERTY', description: '电梯停运', channel: 'HOTLINE', idempotencyKey: 'fuzz' } } },
    { name: 'AcceptRequest', caller: streetOfficer, variables: { id: ids.requestId } },
    { name: 'ReturnRequest', caller: streetOfficer, variables: { id: ids.requestId, reason: '应由物业处理' } },
    { name: 'DispatchRequest', caller: hotline, variables: { input: { requestId: ids.requestId, streetId: DEMO.streetId } } },
    { name: 'Whistle', caller: streetOfficer, variables: { input: { requestId: ids.requestId, departmentIds: [WATER_COMPANY], note: '请协助' } } },
    { name: 'ReportToWhistle', caller: department, variables: { requestId: ids.requestId, note: '已到场' } },
    { name: 'ReplyToRequest', caller: streetOfficer, variables: { id: ids.requestId, reply: '已处理' } },
    { name: 'RecordCallback', caller: hotline, variables: { input: { requestId: ids.requestId, resolved: true, satisfaction: 'SATISFIED' } } },
    { name: 'Request', caller: hotline, variables: { id: ids.requestId } },
    { name: 'RequestRanking', caller: analyst, variables: { cityId: DEMO.cityId, month: TODAY.slice(0, 7), unitKind: 'STREET' } },
    { name: 'RequestDashboard', caller: analyst, variables: { cityId: DEMO.cityId, month: TODAY.slice(0, 7) } },
    { name: 'Requests', caller: official, variables: { filter: { regionId: DEMO.streetId }, first: 10 } },
    { name: 'RegisterResidentsCouncil', caller: staff, variables: { input: { communityId: Q, members: [{ name: '陈建华', role: 'CHAIR' }, { name: '王秀英', role: 'PARTY_REPRESENTATIVE' }, { name: '刘国强', role: 'MEMBER', householdId: B_HOUSEHOLDS[3] }] } } },
    { name: 'OpenProjectRound', caller: staff, variables: { input: { communityId: Q, title: '2027年民生微实事', budget: '300000.00', proposalsUntil: `${TOMORROW}T18:00:00+08:00`, supportsUntil: `${addDays(TOMORROW, 7)}T18:00:00+08:00` } } },
    { name: 'ProposeMicroProject', caller: bResident, variables: { input: { roundId: DEMO_ROUND_SUPPORTING, title: '加装楼道扶手', kind: 'WORKS', description: '方便老人上下楼', estimatedCost: '80000.00' } } },
    { name: 'SupportMicroProject', caller: bResident, variables: { input: { projectId: DEMO_PROJECT_SUPPORTING, householdId: B_HOUSEHOLDS[3], idempotencyKey: 'fuzz' } } },
    { name: 'WithdrawSupport', caller: bResident, variables: { projectId: DEMO_PROJECT_SUPPORTING, householdId: B_HOUSEHOLDS[3] } },
    {
      name: 'RecordCouncilResolution',
      caller: staff,
      variables: { input: { roundId: DEMO_ROUND_SUPPORTING, membersPresent: Q_COUNCIL_MEMBERS.slice(0, 7), votes: [{ projectId: DEMO_PROJECT_SUPPORTING, for: 6, against: 1, abstain: 0, recused: [] }] } },
    },
    { name: 'ReportProjectProgress', caller: staff, variables: { input: { projectId: DEMO_PROJECT_UNDER_WAY, percentDone: 70, note: '扶手安装过半', spent: '120000.00' } } },
    { name: 'AcceptMicroProject', caller: staff, variables: { input: { projectId: DEMO_PROJECT_UNDER_WAY, accepted: true, note: '验收合格' } } },
    { name: 'ProjectRound', caller: bResident, variables: { id: DEMO_ROUND_PUBLICISED } },
    { name: 'CreateGrid', caller: staff, variables: { input: { communityId: Q, parentId: qGrid('a'), level: 'BUILDING', name: 'A小区4栋微网格', buildingIds: [A3] } } },
    { name: 'AssignGridWorker', caller: staff, variables: { input: { gridId: qGrid('b2'), name: '钱网格', phone: '13700009999', duty: 'FULL_TIME', partyMemberId: ZHANG } } },
    { name: 'FlagHouseholdCare', caller: staff, variables: { input: { householdId: room(TOWER, '1501'), kind: 'ELDERLY_ALONE', visitEveryDays: 7 } } },
    { name: 'RecordVisit', caller: gridWorker, variables: { input: { householdId: room(TOWER, '1501'), note: '上门看望', idempotencyKey: 'fuzz' } } },
    { name: 'CommunityGrid', caller: staff, variables: { communityId: Q } },
    { name: 'GridCare', caller: gridWorker, variables: { gridId: qGrid('a1') } },
    { name: 'PublishEmergencyPlan', caller: staff, variables: { input: { communityId: Q, hazard: 'FIRE', title: '消防应急预案', steps: [{ action: '疏散', responsible: '物业' }], reviewedOn: TODAY } } },
    { name: 'RegisterEmergencySpace', caller: staff, variables: { input: { communityId: Q, name: '架空层', normalUse: '休闲', emergencyUse: 'SHELTER', capacity: 60, conversionHours: 4 } } },
    { name: 'RecordSupplies', caller: staff, variables: { input: { communityId: Q, item: '医用口罩', unit: '箱', change: -1, reason: '发放', idempotencyKey: 'fuzz' } } },
    { name: 'EnrolVolunteer', caller: resident, variables: { input: { communityId: Q, teamKind: 'LOGISTICS', householdId: room(TOWER, '1201'), skills: ['搬运'] } } },
    { name: 'AcceptVolunteer', caller: staff, variables: { id: demoId('volunteer:q-chen') } },
    { name: 'Readiness', caller: official, variables: { cityId: DEMO.cityId } },
    { name: 'VerifyHousehold', caller: staff, variables: { householdId: B_HOUSEHOLDS[3] } },
    {
      name: 'PostListing',
      caller: bResident,
      variables: { input: { householdId: B_HOUSEHOLDS[3], kind: 'NEED', type: 'SKILL', title: '修门锁', description: '门锁坏了', availableFrom: `${TODAY}T10:00:00+08:00`, availableTo: `${addDays(TODAY, 5)}T18:00:00+08:00`, verifiedOnly: false, idempotencyKey: 'fuzz' } },
    },
    { name: 'ListingMatches', caller: bResident, variables: { listingId: DEMO_OFFER_REPAIR } },
    { name: 'ProposeMatch', caller: staff, variables: { needId: DEMO_NEED_SPACE, offerId: DEMO_OFFER_SPACE } },
    { name: 'AcceptMatch', caller: staff, variables: { id: DEMO_MATCH_PROPOSED } },
    { name: 'CompleteMatch', caller: staff, variables: { id: DEMO_MATCH_PROPOSED, hours: 1.5 } },
    { name: 'TimeCredits', caller: staff, variables: { householdId: LI_AYI_HOUSEHOLD } },
    { name: 'CommunitySharing', caller: official, variables: { communityId: Q } },
  ];
}

/** Numbers a client may send instead of the right one. */
const NUMBERS: unknown[] = [0, -1, 1, 2, 7, 99, 100, 101, 1000, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308];
/** Strings a client may send instead of the right one: NUL, surrogates, unicode, long, injections, impossible dates, odd amounts, unknown and foreign ids, enum values. */
const STRINGS: unknown[] = [
  '', ' ', '\t\n', 'a\u0000b', '\u0000', '\ud800', 'x\udfff', '李卫东', '😀'.repeat(20), '\u202eevil', 'e\u0301', '\ufeff', 'x'.repeat(101), 'x'.repeat(2000), 'x'.repeat(2001), 'x'.repeat(100_000),
  "'; DROP TABLE orders; --", '%s%n%x', '../../etc/passwd', '<script>alert(1)</script>', '${jndi:ldap://x}', '\\', '"', 'null', 'undefined', 'NaN', 'true',
  '2027-02-30T10:00:00+08:00', '2026-02-30', '2026-13-01', '2026-11-22T24:00:00+08:00', '2026-11-22T10:00:00+15:00', '9999-12-31', '9999-12-31T23:59:59-14:00', '1000-01-01', '1000-01-01T00:00:00+14:00', '0000-00-00', '1970-01-01T00:00:00Z', '2026-11-22', '2020-02-20', `${TOMORROW}T10:00:00+08:00`, `${TODAY}T09:00:00+08:00`,
  '-1.00', '0.00', '1.001', '99999999999999.99', '9999999999999.99', '1e5', '０.５', ' 52.00 ', '52.', '.5', '0x10',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '4201', '4202', '420102', '420102001', '420102001001', '420102001002', '4201020010019', '4201x', Q, A_COMPOUND, B_COMPOUND, TOWER, A3, LI, ZHANG, NEIGHBOUR_HOUSEHOLD, DEMO_FRUIT, room(TOWER, '1201'), packageOf(TOMORROW, 'pork'), packageOf(TODAY, 'vegetable:1'),
  'NOPE', 'reported', 'EPIDEMIC', 'SUPPLY_DEPOT', 'PENDING', 'ACCEPTED', 'PLACED', 'REPORTED', 'PROCURED', 'AT_GATE', 'DELIVERED', 'CANCELLED', 'OPEN', 'CLOSED', 'DISTRIBUTING', 'FRUIT', 'EGG_BASIC', 'APP', 'PHONE',
];
/** Values of another JSON kind altogether. */
const deeplyNested = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => [inner], []);
const OTHERS: unknown[] = [null, true, false, {}, [], [[]], { unknown: 1 }, [null], deeplyNested(100), deeplyNested(1000)];

/** A value like `current` but wrong in a small way, mostly of the same JSON kind (so it reaches the resolvers), or any junk. */
function mutateValue(rng: Rng, current: unknown): unknown {
  if (typeof current === 'string' && rng.chance(0.3)) {
    return rng.pick([
      `${current}x`, current.slice(0, -1), current.toUpperCase(), current.toLowerCase(), ` ${current} `, current.repeat(50),
      `${current}\u0000`, current.split('').reverse().join(''), `${current.slice(0, 4)}-99`, current.replace(/\d/g, '9'),
    ]);
  }
  if (typeof current === 'number' && rng.chance(0.3)) return rng.pick([current + 1, current - 1, -current, current * 1000, current + 0.5, 0, 2 ** 31 - 1]);
  if (Array.isArray(current) && rng.chance(0.35)) {
    return rng.pick([[...current, ...current], current.slice(1), Array.from({ length: 120 }, () => current[0]), [null], [current]]);
  }
  if (rng.chance(0.7)) {
    if (typeof current === 'string') return rng.pick(STRINGS);
    if (typeof current === 'number') return rng.pick(NUMBERS);
  }
  return rng.pick(rng.pick([NUMBERS, STRINGS, OTHERS]));
}

/** Every place in a value (the value itself, its keys, its items), as paths. */
function placesIn(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const places = [path];
  if (path.length > 8) return places;
  if (Array.isArray(value)) value.forEach((item, i) => places.push(...placesIn(item, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...path, key]));
  return places;
}

/** The variables with one place changed, dropped or given an extra key. */
function mutateVariables(rng: Rng, variables: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(variables) as Record<string, unknown>;
  const places = placesIn(copy).filter((path) => path.length > 0);
  if (places.length === 0) return rng.chance(0.5) ? { extra: rng.pick(STRINGS) } : copy;
  const path = rng.pick(places);
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const roll = rng.next();
  if (roll < 0.15 && !Array.isArray(parent)) delete parent[key];
  else if (roll < 0.2 && !Array.isArray(parent)) parent[`${String(key)}Extra`] = rng.pick(STRINGS);
  else parent[key] = mutateValue(rng, parent[key]);
  return copy;
}

/** The selection sets of a document (fields to drop, duplicate or add to). */
function selectionSets(document: DocumentNode): SelectionSetNode[] {
  const sets: SelectionSetNode[] = [];
  visit(document, { SelectionSet: (node) => void sets.push(node) });
  return sets;
}

/** Rewrites one node of a document (nodes are frozen, so by visiting). */
function replaceNode(document: DocumentNode, target: ASTNode, replacement: ASTNode | null): DocumentNode {
  return visit(document, { enter: (node) => (node === target ? replacement : undefined) }) as DocumentNode;
}

interface FuzzRequest {
  body: { query: string; operationName?: unknown; variables?: unknown };
  caller: [Role, string];
  mutations: string[];
  /** How it is sent: POST with JSON (most), or GET with the request in the URL; and any extra headers. */
  method: 'GET' | 'POST';
  headers: Record<string, string>;
}

/** Headers a client may send besides the right ones. */
const HEADERS: Array<Record<string, string>> = [
  { accept: 'application/graphql-response+json' },
  { accept: 'text/html' },
  { 'cache-control': 'no-cache' },
  { 'content-type': 'application/json; charset=utf-16' },
  { 'content-type': 'text/plain' },
  { 'apollo-require-preflight': 'true', 'content-type': 'text/plain' },
  { 'x-request-id': 'x'.repeat(300) },
];

/** One mutated request: a contract operation, its variables, its caller, with one to three mutations. */
function fuzzRequest(rng: Rng, schema: GraphQLSchema, base: ReturnType<typeof seeds>, documents: Map<string, string>): FuzzRequest {
  const seed = rng.pick(base);
  let document = parse(documents.get(seed.name)!);
  let variables: Record<string, unknown> | unknown = structuredClone(seed.variables);
  let operationName: unknown = seed.name;
  let caller = seed.caller;
  const mutations: string[] = [];
  const count = 1 + rng.int(3);
  for (let i = 0; i < count; i += 1) {
    const roll = Math.max(0, rng.int(16) - 2);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    if (roll <= 4) {
      variables = mutateVariables(rng, (variables && typeof variables === 'object' && !Array.isArray(variables) ? variables : {}) as Record<string, unknown>);
      mutations.push('variable');
    } else if (roll === 5) {
      caller = rng.pick(CALLERS);
      mutations.push(`caller ${caller[0]}`);
    } else if (roll === 6) {
      const set = rng.pick(selectionSets(document));
      const dropped = rng.pick(set.selections);
      document = replaceNode(document, dropped, null);
      mutations.push('drop field');
    } else if (roll === 7) {
      const set = rng.pick(selectionSets(document));
      const field = rng.pick(set.selections);
      const extra: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: rng.pick(['id', 'name', '__typename', 'nope', 'totalCount', 'edges']) } };
      document = replaceNode(document, set, { ...set, selections: [...set.selections, field, extra] });
      mutations.push('duplicate and add field');
    } else if (roll === 8) {
      operationName = rng.pick([undefined, null, 'Nope', '', rng.pick(base).name, 5, ['x'], seed.name.toLowerCase()]);
      mutations.push(`operationName ${JSON.stringify(operationName)}`);
    } else if (roll === 9) {
      // Another contract operation in the same document, named or not.
      const other = parse(documents.get(rng.pick(base).name)!);
      document = { ...document, definitions: [...document.definitions, ...other.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)] };
      mutations.push('two operations');
    } else if (roll === 10) {
      const kind = rng.pick(['query', 'mutation', 'subscription'] as const);
      document = replaceNode(document, operation, { ...operation, operation: kind as OperationDefinitionNode['operation'] });
      mutations.push(`as ${kind}`);
    } else if (roll === 11 && (operation.variableDefinitions?.length ?? 0) > 0) {
      // A variable written as a literal: the scalars' parseLiteral instead of parseValue.
      const definition = rng.pick(operation.variableDefinitions!);
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
      const value = (variables as Record<string, unknown> | undefined)?.[name];
      let literal: ReturnType<typeof astFromValue> = null;
      try {
        literal = type ? astFromValue(value, type) : null;
      } catch {
        literal = null;
      }
      if (literal) {
        const inlined = visit(document, {
          VariableDefinition: (node) => (node.variable.name.value === name ? null : undefined),
          Variable: (node) => (node.name.value === name ? literal : undefined),
        }) as DocumentNode;
        document = inlined;
        mutations.push(`literal $${name}`);
      }
    } else if (roll === 12 && (operation.variableDefinitions?.length ?? 0) > 0) {
      // A required variable made nullable with a default, then sent as null.
      const definition = rng.pick(operation.variableDefinitions!);
      const type = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type;
      const defaultValue = type.kind === Kind.NAMED_TYPE && ['ID', 'String', 'Date'].includes(type.name.value) ? { kind: Kind.STRING as const, value: TOMORROW } : undefined;
      document = replaceNode(document, definition, { ...definition, type, defaultValue });
      variables = { ...(variables as object), [definition.variable.name.value]: null };
      mutations.push(`nullable $${definition.variable.name.value} = null`);
    } else {
      variables = rng.pick([undefined, null, [], 'x', { ...(variables as object), extra: 1 }]);
      mutations.push(`variables ${JSON.stringify(variables)?.slice(0, 40)}`);
    }
  }
  let query: string;
  try {
    query = print(document);
  } catch {
    query = documents.get(seed.name)!;
  }
  const body: FuzzRequest['body'] = { query };
  if (operationName !== undefined) body.operationName = operationName;
  if (variables !== undefined) body.variables = variables;
  const method = rng.chance(0.08) ? 'GET' : 'POST';
  const headers = rng.chance(0.06) ? rng.pick(HEADERS) : {};
  if (method === 'GET') mutations.push('GET');
  if (Object.keys(headers).length > 0) mutations.push(`headers ${JSON.stringify(headers).slice(0, 60)}`);
  return { body, caller, mutations, method, headers };
}

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform({ clock });
});
afterAll(() => platform?.stop());

describe('fuzzed contract operations', () => {
  it(`never answer 5xx or INTERNAL_SERVER_ERROR (seed ${SEED}, ${REQUESTS} requests)`, { timeout: 180_000 }, async () => {
    console.info(`[fuzz] seed ${SEED}, ${REQUESTS} requests (FUZZ_SEED=${SEED} FUZZ_REQUESTS=${REQUESTS} to replay)`);
    // Real ids to aim at: an order, a policy, a group buy's item.
    const official = callerFor(platform, 'CITY_OFFICIAL', DEMO.cityId);
    const partyMember = callerFor(platform, 'PARTY_MEMBER', LI);
    const committee = callerFor(platform, 'OWNER_COMMITTEE', B_COMPOUND);
    const policy = await official.op<{ publishSubsidyPolicy: { id: string } }>('PublishSubsidyPolicy', {
      input: { regionId: DEMO.streetId, category: 'EGG_BASIC', subsidyPerUnit: '2.00', maxListPrice: '20.00', perHouseholdDailyLimit: 1, effectiveFrom: TOMORROW },
    });
    const order = await partyMember.op<{ submitOrders: { orders: Array<{ id: string }> } }>('SubmitOrders', {
      input: { idempotencyKey: 'fuzz-setup', orders: [{ householdId: room(TOWER, '1301'), packageId: packageOf(TOMORROW, 'vegetable:0'), quantity: 1, channel: 'GROUP_CHAIN' }] },
    });
    const groupBuy = await committee.query<{ groupBuy: { items: Array<{ id: string }> } }>('query ($id: ID!) { groupBuy(id: $id) { items { id } } }', { id: DEMO_FRUIT });
    const filed = await callerFor(platform, 'HOTLINE_OPERATOR', DEMO.cityId).op<{ fileRequest: { id: string } }>('FileRequest', {
      input: { communityId: Q, categoryCode: 'PROPERTY', description: '楼道灯坏了', channel: 'HOTLINE', idempotencyKey: 'fuzz-setup' },
    });
    const ids = {
      requestId: filed.data!.fileRequest.id,
      policyId: policy.data!.publishSubsidyPolicy.id,
      orderId: order.data!.submitOrders.orders[0]!.id,
      itemId: groupBuy.data!.groupBuy.items[0]!.id,
    };

    const schema = buildSchema(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'), { assumeValidSDL: true });
    const documents = new Map(contractOperationNames().map((name) => [name, contractOperation(name)]));
    const base = seeds(ids);
    expect(base.map((seed) => seed.name).sort()).toEqual([...documents.keys()].sort());
    const rng = prng(SEED);
    const requests = Array.from({ length: REQUESTS }, () => fuzzRequest(rng, schema, base, documents));
    const tokens = new Map(await Promise.all(CALLERS.map(async ([role, scope]) => [`${role}:${scope}`, await tokenFor(role, scope)] as const)));

    const failures: Array<{ index: number; request: FuzzRequest; status: number; body: string }> = [];
    let next = 0;
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    const worker = async () => {
      while (next < requests.length) {
        const index = next;
        next += 1;
        const request = requests[index]!;
        const started = Date.now();
        try {
          const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(`${request.caller[0]}:${request.caller[1]}`)}`, ...request.headers };
          const url = new URL(platform.gatewayUrl);
          if (request.method === 'GET') {
            for (const [key, value] of Object.entries(request.body)) url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
          }
          const response = await fetch(url, {
            method: request.method,
            headers: request.method === 'GET' ? { ...headers, 'apollo-require-preflight': 'true' } : headers,
            body: request.method === 'GET' ? undefined : JSON.stringify(request.body),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const body = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          for (const [, code] of body.matchAll(/"code":"(\w+)"/g)) codes.set(code!, (codes.get(code!) ?? 0) + 1);
          if (response.status >= 500 || body.includes('INTERNAL_SERVER_ERROR')) failures.push({ index, request, status: response.status, body });
        } catch (error) {
          failures.push({ index, request, status: 0, body: `no answer after ${Date.now() - started} ms: ${String(error)}` });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.info(`[fuzz] statuses ${JSON.stringify(Object.fromEntries(statuses))}, error codes ${JSON.stringify(Object.fromEntries(codes))}, ${failures.length} failures`);

    failures.sort((a, b) => a.index - b.index);
    const first = failures[0];
    const describeFailure = (failure: (typeof failures)[number]) =>
      `#${failure.index} as ${failure.request.caller.join(' ')} after ${failure.request.mutations.join(', ')}: HTTP ${failure.status}\n` +
      `${failure.request.method} ${JSON.stringify(failure.request.headers)} ${JSON.stringify(failure.request.body).slice(0, 1500)}\nanswer ${failure.body.slice(0, 600)}`;
    expect(
      failures.length,
      first ? `seed ${SEED}: ${failures.length} of ${REQUESTS} failed; the first:\n${describeFailure(first)}\n\nothers:\n${failures.slice(1, 6).map(describeFailure).join('\n\n')}` : '',
    ).toBe(0);
  });
});

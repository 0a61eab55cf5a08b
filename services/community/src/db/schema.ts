import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PACKAGE_CATEGORIES } from '@cgov/shared';

/** Compounds (小区) of a community; the community id is the city registry's division code. */
export const compounds = pgTable(
  'compounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('compounds_community_id_idx').on(table.communityId),
    unique('compounds_community_name_key').on(table.communityId, table.name),
    unique('compounds_id_community_key').on(table.id, table.communityId),
    check('compounds_community_code', sql`${table.communityId} ~ '^[0-9]{12}$'`),
  ],
);

/** Buildings (楼栋) of a compound, with their number of floors. */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id').notNull(),
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    floors: integer('floors').notNull(),
    /** Every floor falls in some party member's assignment: kept when assignments change, read by coverage. */
    covered: boolean('covered').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      name: 'buildings_compound_fk',
      columns: [table.compoundId, table.communityId],
      foreignColumns: [compounds.id, compounds.communityId],
    }),
    index('buildings_compound_id_idx').on(table.compoundId),
    index('buildings_community_id_idx').on(table.communityId),
    unique('buildings_compound_name_key').on(table.compoundId, table.name),
    unique('buildings_id_compound_community_key').on(table.id, table.compoundId, table.communityId),
    check('buildings_floors_range', sql`${table.floors} BETWEEN 1 AND 200`),
  ],
);

/** Households (户): personal fields (name, phone) are read only by those the contract allows. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingId: uuid('building_id').notNull(),
    compoundId: uuid('compound_id').notNull(),
    communityId: text('community_id').notNull(),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    headOfHousehold: text('head_of_household').notNull(),
    phone: text('phone'),
    needsDoorToDoor: boolean('needs_door_to_door').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      name: 'households_building_fk',
      columns: [table.buildingId, table.compoundId, table.communityId],
      foreignColumns: [buildings.id, buildings.compoundId, buildings.communityId],
    }),
    index('households_building_floor_idx').on(table.buildingId, table.floor),
    index('households_compound_id_idx').on(table.compoundId),
    index('households_community_id_idx').on(table.communityId),
    unique('households_building_room_key').on(table.buildingId, table.room),
    check('households_floor_positive', sql`${table.floor} >= 1`),
  ],
);

/** Party members who reported to the community (双报到), keeping membership at their work unit. */
export const partyMembers = pgTable(
  'party_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    workUnit: text('work_unit').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    registeredBy: text('registered_by').notNull(),
  },
  (table) => [
    index('party_members_community_id_idx').on(table.communityId),
    unique('party_members_community_phone_key').on(table.communityId, table.phone),
  ],
);

/** The floors of a building a party member covers: collects orders there and carries them to each door. */
export const assignments = pgTable(
  'party_member_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyMemberId: uuid('party_member_id')
      .notNull()
      .references(() => partyMembers.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    communityId: text('community_id').notNull(),
    floorFrom: integer('floor_from').notNull(),
    floorTo: integer('floor_to').notNull(),
    assignedBy: text('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('assignments_party_member_id_idx').on(table.partyMemberId),
    index('assignments_building_id_idx').on(table.buildingId),
    index('assignments_community_id_idx').on(table.communityId),
    check('assignments_floor_range', sql`${table.floorFrom} >= 1 AND ${table.floorFrom} <= ${table.floorTo}`),
  ],
);

/** One line of a package's contents: "白菜 2 斤". */
export interface PackageItem {
  name: string;
  quantity: number;
  unit: string;
}

/** Benefit packages (惠民套餐) a residents' committee publishes for a delivery date; subsidies come from the city's policy. */
export const packages = pgTable(
  'packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    category: text('category', { enum: PACKAGE_CATEGORIES }).notNull(),
    name: text('name').notNull(),
    listPrice: bigint('list_price', { mode: 'number' }).notNull(),
    items: jsonb('items').$type<PackageItem[]>().notNull(),
    supplierId: uuid('supplier_id').notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('packages_community_date_idx').on(table.communityId, table.date),
    index('packages_region_date_idx').on(table.communityId.op('text_pattern_ops'), table.date),
    unique('packages_community_date_name_key').on(table.communityId, table.date, table.name),
    check('packages_list_price_positive', sql`${table.listPrice} > 0`),
  ],
);

export const ORDER_STATUSES = ['PLACED', 'REPORTED', 'PROCURED', 'AT_GATE', 'DELIVERED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_CHANNELS = ['APP', 'GROUP_CHAIN', 'DOOR_TO_DOOR', 'PHONE'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/** A batch of orders as submitted: the idempotency key of its submitter, and a fingerprint of what it asked. */
export const orderBatches = pgTable(
  'order_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submittedBy: text('submitted_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [unique('order_batches_submitter_key').on(table.submittedBy, table.idempotencyKey)],
);

/**
 * A delivery batch as sent with an idempotency key (`markDelivered`): the key of its sender and a fingerprint of the
 * orders it named, so a batch sent again after a lost answer is recognised instead of refused as already delivered.
 */
export const deliveryBatches = pgTable(
  'delivery_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submittedBy: text('submitted_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [unique('delivery_batches_submitter_key').on(table.submittedBy, table.idempotencyKey)],
);

/** Package orders, prices fixed at placement (whole fen), moving only forward through their statuses. */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => orderBatches.id),
    position: smallint('position').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    packageId: uuid('package_id')
      .notNull()
      .references(() => packages.id),
    communityId: text('community_id').notNull(),
    compoundId: uuid('compound_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    category: text('category', { enum: PACKAGE_CATEGORIES }).notNull(),
    quantity: integer('quantity').notNull(),
    subsidizedQuantity: integer('subsidized_quantity').notNull(),
    listPrice: bigint('list_price', { mode: 'number' }).notNull(),
    subsidy: bigint('subsidy', { mode: 'number' }).notNull(),
    payable: bigint('payable', { mode: 'number' }).notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull().default('PLACED'),
    channel: text('channel', { enum: ORDER_CHANNELS }).notNull(),
    submittedBy: text('submitted_by').notNull(),
    collectedBy: uuid('collected_by').references(() => partyMembers.id),
    deliveredBy: uuid('delivered_by').references(() => partyMembers.id),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // Regions are code prefixes: text_pattern_ops lets LIKE '420102%' use the index whatever the collation.
    index('orders_date_community_idx').on(table.date, table.communityId.op('text_pattern_ops')),
    index('orders_compound_date_status_idx').on(table.compoundId, table.date, table.status),
    index('orders_household_date_idx').on(table.householdId, table.date),
    index('orders_package_id_idx').on(table.packageId),
    index('orders_batch_id_idx').on(table.batchId),
    // Most orders are placed by staff or residents and none is delivered when placed: partial indexes cost
    // nothing at intake for those, and still serve a party member's record.
    index('orders_collected_by_idx').on(table.collectedBy).where(sql`${table.collectedBy} IS NOT NULL`),
    index('orders_delivered_by_idx').on(table.deliveredBy).where(sql`${table.deliveredBy} IS NOT NULL`),
    check('orders_quantities', sql`${table.quantity} > 0 AND ${table.subsidizedQuantity} BETWEEN 0 AND ${table.quantity}`),
    check(
      'orders_payable',
      sql`${table.payable} = ${table.quantity} * ${table.listPrice} - ${table.subsidizedQuantity} * ${table.subsidy}`,
    ),
  ],
);

/**
 * Subsidised units a household has taken per category and delivery date: the row every order for that
 * household, category and date locks, so that concurrent orders never exceed the daily limit.
 */
export const subsidyUsage = pgTable(
  'household_subsidy_usage',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    date: date('date', { mode: 'string' }).notNull(),
    category: text('category', { enum: PACKAGE_CATEGORIES }).notNull(),
    units: integer('units').notNull().default(0),
  },
  (table) => [
    primaryKey({ name: 'household_subsidy_usage_pkey', columns: [table.householdId, table.date, table.category] }),
    check('household_subsidy_usage_units', sql`${table.units} >= 0`),
  ],
);

/** A resident's rating of a delivered package (1–5) with a comment: what the committee reads to plan tomorrow. */
export const packageRatings = pgTable(
  'package_ratings',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => packages.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ name: 'package_ratings_pkey', columns: [table.packageId, table.householdId] }),
    check('package_ratings_range', sql`${table.rating} BETWEEN 1 AND 5`),
  ],
);

/**
 * A day's orders (not cancelled) of a community per category, kept up to date in the same transaction as
 * every order placed, cancelled or delivered: statistics read these few rows, never a day's orders.
 */
export const communityDailyStats = pgTable(
  'community_daily_stats',
  {
    communityId: text('community_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    category: text('category', { enum: PACKAGE_CATEGORIES }).notNull(),
    orders: integer('orders').notNull(),
    units: integer('units').notNull(),
    listTotal: bigint('list_total', { mode: 'number' }).notNull(),
    subsidyTotal: bigint('subsidy_total', { mode: 'number' }).notNull(),
    payableTotal: bigint('payable_total', { mode: 'number' }).notNull(),
    delivered: integer('delivered').notNull(),
  },
  (table) => [
    primaryKey({ name: 'community_daily_stats_pkey', columns: [table.communityId, table.date, table.category] }),
    index('community_daily_stats_date_region_idx').on(table.date, table.communityId.op('text_pattern_ops')),
    index('community_daily_stats_region_idx').on(table.communityId.op('text_pattern_ops')),
  ],
);

/** How many of a community's households have an order (not cancelled) for a day. */
export const communityDailyHouseholds = pgTable(
  'community_daily_households',
  {
    communityId: text('community_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    households: integer('households').notNull(),
  },
  (table) => [
    primaryKey({ name: 'community_daily_households_pkey', columns: [table.communityId, table.date] }),
    index('community_daily_households_date_region_idx').on(table.date, table.communityId.op('text_pattern_ops')),
  ],
);

/** How many orders (not cancelled) a household has for a day: when it goes from 0 to 1 the household counts. */
export const householdDailyOrders = pgTable(
  'household_daily_orders',
  {
    householdId: uuid('household_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    communityId: text('community_id').notNull(),
    orders: integer('orders').notNull(),
  },
  (table) => [primaryKey({ name: 'household_daily_orders_pkey', columns: [table.householdId, table.date] })],
);

export const GRID_LEVELS = ['COMMUNITY', 'AREA', 'BUILDING', 'DEDICATED'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];
export const GRID_DUTIES = ['GRID_LEADER', 'FULL_TIME', 'PART_TIME', 'BUILDING_LEAD', 'BACKUP'] as const;
export type GridDuty = (typeof GRID_DUTIES)[number];
export const CARE_KINDS = ['ELDERLY_ALONE', 'DISABLED', 'CHILD_IN_DIFFICULTY', 'CHRONIC_ILLNESS'] as const;
export type CareKind = (typeof CARE_KINDS)[number];

/**
 * The grids of a community's micro-grid (微网实格): one COMMUNITY grid (the root), AREA and DEDICATED grids under it,
 * BUILDING micro-grids under an area. The party group's leader is kept here; its members are derived.
 */
export const grids = pgTable(
  'grids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    parentId: uuid('parent_id'),
    level: text('level', { enum: GRID_LEVELS }).notNull(),
    name: text('name').notNull(),
    partyGroupLeaderId: uuid('party_group_leader_id').references(() => partyMembers.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    foreignKey({ name: 'grids_parent_fk', columns: [table.parentId], foreignColumns: [table.id] }),
    index('grids_community_id_idx').on(table.communityId),
    index('grids_parent_id_idx').on(table.parentId),
    unique('grids_community_name_key').on(table.communityId, table.name),
    // One community grid per community, also under concurrent requests.
    uniqueIndex('grids_one_community_grid_key').on(table.communityId).where(sql`${table.level} = 'COMMUNITY'`),
    check('grids_root_has_no_parent', sql`(${table.level} = 'COMMUNITY') = (${table.parentId} IS NULL)`),
  ],
);

/** The buildings a micro-grid holds: a building is in at most one micro-grid (its primary key), also under concurrent requests. */
export const gridBuildings = pgTable(
  'grid_buildings',
  {
    buildingId: uuid('building_id')
      .primaryKey()
      .references(() => buildings.id),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grids.id),
    communityId: text('community_id').notNull(),
  },
  (table) => [index('grid_buildings_grid_id_idx').on(table.gridId), index('grid_buildings_community_id_idx').on(table.communityId)],
);

/**
 * The workers of a grid (网格员) with their duties. In a micro-grid `slot` is RESPONSIBLE or BACKUP and unique per
 * grid (one of each, also under concurrent requests); elsewhere it is null and a grid has as many workers as it needs.
 */
export const gridWorkers = pgTable(
  'grid_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grids.id),
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    duty: text('duty', { enum: GRID_DUTIES }).notNull(),
    slot: text('slot', { enum: ['RESPONSIBLE', 'BACKUP'] }),
    partyMemberId: uuid('party_member_id').references(() => partyMembers.id),
    assignedBy: text('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('grid_workers_grid_id_idx').on(table.gridId),
    index('grid_workers_community_id_idx').on(table.communityId),
    index('grid_workers_party_member_id_idx').on(table.partyMemberId).where(sql`${table.partyMemberId} IS NOT NULL`),
    unique('grid_workers_grid_slot_key').on(table.gridId, table.slot),
  ],
);

/** Households flagged for care (关爱对象), one row per kind: personal data, for the community's staff and the grid's workers. */
export const careFlags = pgTable(
  'care_flags',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind', { enum: CARE_KINDS }).notNull(),
    communityId: text('community_id').notNull(),
    visitEveryDays: integer('visit_every_days').notNull(),
    flaggedBy: text('flagged_by').notNull(),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ name: 'care_flags_pkey', columns: [table.householdId, table.kind] }),
    index('care_flags_community_id_idx').on(table.communityId),
    check('care_flags_interval', sql`${table.visitEveryDays} BETWEEN 1 AND 90`),
  ],
);

/** Grid workers' visits to households, idempotent by the worker's key; the last one per household sets when the next is due. */
export const careVisits = pgTable(
  'care_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    communityId: text('community_id').notNull(),
    gridWorkerId: uuid('grid_worker_id')
      .notNull()
      .references(() => gridWorkers.id),
    note: text('note').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
  },
  (table) => [
    index('care_visits_household_visited_idx').on(table.householdId, table.visitedAt),
    index('care_visits_community_id_idx').on(table.communityId),
    unique('care_visits_worker_key').on(table.gridWorkerId, table.idempotencyKey),
  ],
);

export const HAZARDS = ['EPIDEMIC', 'FLOOD', 'FIRE', 'EARTHQUAKE', 'HEATWAVE', 'OTHER'] as const;
export type Hazard = (typeof HAZARDS)[number];
export const EMERGENCY_USES = ['OBSERVATION_POINT', 'SUPPLY_DEPOT', 'SHELTER', 'DELIVERY_POINT', 'MEDICAL_POINT'] as const;
export type EmergencyUse = (typeof EMERGENCY_USES)[number];
export const TEAM_KINDS = ['DELIVERY', 'MEDICAL', 'SECURITY', 'LOGISTICS', 'PSYCHOLOGICAL', 'OTHER'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const VOLUNTEER_STATUSES = ['PENDING', 'ACCEPTED'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** One step of an emergency plan: what is done and which unit does it (each unit's part). */
export interface PlanStep {
  action: string;
  responsible: string;
}

/** Emergency plans (应急预案) per community and hazard, versioned: publishing again for the same hazard adds the next version. */
export const emergencyPlans = pgTable(
  'emergency_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    hazard: text('hazard', { enum: HAZARDS }).notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    steps: jsonb('steps').$type<PlanStep[]>().notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('emergency_plans_version_key').on(table.communityId, table.hazard, table.version),
    check('emergency_plans_version_positive', sql`${table.version} >= 1`),
  ],
);

/** Spaces that switch from daily to emergency use (平疫结合): a community hall that becomes an observation point. */
export const emergencySpaces = pgTable(
  'emergency_spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    normalUse: text('normal_use').notNull(),
    emergencyUse: text('emergency_use', { enum: EMERGENCY_USES }).notNull(),
    capacity: integer('capacity').notNull(),
    conversionHours: integer('conversion_hours').notNull(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('emergency_spaces_community_name_key').on(table.communityId, table.name),
    check('emergency_spaces_capacity', sql`${table.capacity} >= 1`),
    check('emergency_spaces_conversion', sql`${table.conversionHours} >= 0`),
  ],
);

/** A community's supply items, each the sum of its ledger: on hand never below 0, the minimum to keep, the earliest expiry on hand. */
export const supplyItems = pgTable(
  'supply_items',
  {
    communityId: text('community_id').notNull(),
    item: text('item').notNull(),
    unit: text('unit').notNull(),
    onHand: integer('on_hand').notNull(),
    minimum: integer('minimum'),
    /** The earliest expiry of the stock added since the item last stood at 0; null when nothing on hand expires. */
    expiresOn: date('expires_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ name: 'supply_items_pkey', columns: [table.communityId, table.item] }),
    check('supply_items_on_hand', sql`${table.onHand} >= 0`),
    check('supply_items_minimum', sql`${table.minimum} IS NULL OR ${table.minimum} >= 0`),
  ],
);

/** The supplies ledger: every change of an item is a row, idempotent by the community's key. */
export const supplyChanges = pgTable(
  'supply_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    item: text('item').notNull(),
    change: integer('change').notNull(),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    minimum: integer('minimum'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
  },
  (table) => [
    unique('supply_changes_key').on(table.communityId, table.idempotencyKey),
    index('supply_changes_item_idx').on(table.communityId, table.item, table.recordedAt),
  ],
);

/** A community's volunteer teams, one per kind, formed with the first volunteer who offers for it. */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    kind: text('kind', { enum: TEAM_KINDS }).notNull(),
  },
  (table) => [unique('volunteer_teams_community_kind_key').on(table.communityId, table.kind)],
);

/** Volunteers chosen both ways (双选): a household or party member offers (PENDING), the community accepts (ACCEPTED). */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => volunteerTeams.id),
    householdId: uuid('household_id').references(() => households.id),
    partyMemberId: uuid('party_member_id').references(() => partyMembers.id),
    skills: jsonb('skills').$type<string[]>().notNull(),
    status: text('status', { enum: VOLUNTEER_STATUSES }).notNull(),
    enrolledBy: text('enrolled_by').notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    acceptedBy: text('accepted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (table) => [
    index('volunteers_community_id_idx').on(table.communityId),
    uniqueIndex('volunteers_team_household_key').on(table.teamId, table.householdId).where(sql`${table.householdId} IS NOT NULL`),
    uniqueIndex('volunteers_team_party_member_key').on(table.teamId, table.partyMemberId).where(sql`${table.partyMemberId} IS NOT NULL`),
    check('volunteers_one_person', sql`(${table.householdId} IS NULL) <> (${table.partyMemberId} IS NULL)`),
  ],
);

/**
 * Shifts worked by accepted volunteers of a community's emergency teams, recorded by its staff after the fact
 * (idempotent by the community's key): never overlapping for one volunteer, each longer than 0 and at most 24 hours.
 * The volunteer's party member is copied in so that a party member's record counts its shifts without a join.
 */
export const emergencyShifts = pgTable(
  'emergency_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    partyMemberId: uuid('party_member_id').references(() => partyMembers.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
  },
  (table) => [
    unique('emergency_shifts_key').on(table.communityId, table.idempotencyKey),
    index('emergency_shifts_volunteer_started_idx').on(table.volunteerId, table.startedAt),
    index('emergency_shifts_party_member_idx').on(table.partyMemberId, table.startedAt).where(sql`${table.partyMemberId} IS NOT NULL`),
    check('emergency_shifts_length', sql`${table.endedAt} > ${table.startedAt} AND ${table.endedAt} <= ${table.startedAt} + interval '24 hours'`),
  ],
);

/**
 * A community's readiness (应急准备) kept with every plan, space, supply and volunteer write (in the same transaction,
 * its row locked first so that writes of a community follow one another), and its households with every household
 * added. What depends on the clock is kept as dates and decided when read: the latest EPIDEMIC plan's review date, and
 * the expiry of each item on hand.
 */
export const communityReadiness = pgTable(
  'community_readiness',
  {
    communityId: text('community_id').primaryKey(),
    households: integer('households').notNull().default(0),
    epidemicPlanReviewedOn: date('epidemic_plan_reviewed_on', { mode: 'string' }),
    spaces: integer('spaces').notNull().default(0),
    spaceCapacity: integer('space_capacity').notNull().default(0),
    observationPoints: integer('observation_points').notNull().default(0),
    supplyDepots: integer('supply_depots').notNull().default(0),
    deliveryPoints: integer('delivery_points').notNull().default(0),
    suppliesBelowMinimum: integer('supplies_below_minimum').notNull().default(0),
    /** The expiry date of each item with stock on hand that expires, earliest first. */
    expiryDates: date('expiry_dates', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    volunteers: integer('volunteers').notNull().default(0),
  },
  (table) => [index('community_readiness_region_idx').on(table.communityId.op('text_pattern_ops'))],
);

export const tables = {
  compounds,
  buildings,
  households,
  partyMembers,
  assignments,
  packages,
  orderBatches,
  orders,
  subsidyUsage,
  packageRatings,
  communityDailyStats,
  communityDailyHouseholds,
  householdDailyOrders,
  grids,
  gridBuildings,
  gridWorkers,
  careFlags,
  careVisits,
  emergencyPlans,
  emergencySpaces,
  supplyItems,
  supplyChanges,
  volunteerTeams,
  volunteers,
  emergencyShifts,
  communityReadiness,
};
export type CommunityTables = typeof tables;
export type CompoundRow = typeof compounds.$inferSelect;
export type BuildingRow = typeof buildings.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;
export type PartyMemberRow = typeof partyMembers.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type PackageRow = typeof packages.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type GridRow = typeof grids.$inferSelect;
export type GridWorkerRow = typeof gridWorkers.$inferSelect;
export type CareFlagRow = typeof careFlags.$inferSelect;
export type CareVisitRow = typeof careVisits.$inferSelect;
export type EmergencyPlanRow = typeof emergencyPlans.$inferSelect;
export type EmergencySpaceRow = typeof emergencySpaces.$inferSelect;
export type SupplyItemRow = typeof supplyItems.$inferSelect;
export type VolunteerRow = typeof volunteers.$inferSelect;
export type VolunteerTeamRow = typeof volunteerTeams.$inferSelect;
export type EmergencyShiftRow = typeof emergencyShifts.$inferSelect;

import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Owners' committees, one per compound; the community id is kept from the registration. */
export const ownerCommittees = pgTable(
  'owner_committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id').notNull().unique('owner_committees_compound_key'),
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('owner_committees_community_id_idx').on(table.communityId),
    check('owner_committees_community_code', sql`${table.communityId} ~ '^[0-9]{12}$'`),
  ],
);

/** The members of an owners' committee and the role each plays (chair, procurement, volunteers…). */
export const ownerCommitteeMembers = pgTable(
  'owner_committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => ownerCommittees.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    phone: text('phone'),
  },
  (table) => [index('owner_committee_members_committee_id_idx').on(table.committeeId)],
);

export const GROUP_BUY_CATEGORIES = ['FRUIT', 'SEAFOOD', 'MEAT', 'VEGETABLE', 'GRAIN_OIL', 'DAILY_NECESSITIES', 'MEDICINE', 'OTHER'] as const;
export type GroupBuyCategory = (typeof GROUP_BUY_CATEGORIES)[number];
export const GROUP_BUY_STATUSES = ['OPEN', 'CONFIRMED', 'CANCELLED', 'DISTRIBUTING', 'COMPLETED'] as const;
export type GroupBuyStatus = (typeof GROUP_BUY_STATUSES)[number];

/** A compound's own group buy (团购), run by its owners' committee; closes at its deadline. */
export const groupBuys = pgTable(
  'group_buys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => ownerCommittees.id),
    compoundId: uuid('compound_id').notNull(),
    communityId: text('community_id').notNull(),
    title: text('title').notNull(),
    category: text('category', { enum: GROUP_BUY_CATEGORIES }).notNull(),
    organizer: text('organizer').notNull(),
    minParticipants: integer('min_participants').notNull(),
    perHouseholdLimit: integer('per_household_limit'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    pickupAt: timestamp('pickup_at', { withTimezone: true }).notNull(),
    pickupPoint: text('pickup_point').notNull(),
    volunteers: jsonb('volunteers').$type<string[]>().notNull(),
    status: text('status', { enum: GROUP_BUY_STATUSES }).notNull().default('OPEN'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedBy: text('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    index('group_buys_compound_id_idx').on(table.compoundId),
    index('group_buys_community_status_idx').on(table.communityId, table.status),
    index('group_buys_region_deadline_idx').on(table.communityId.op('text_pattern_ops'), table.deadline),
    index('group_buys_open_deadline_idx').on(table.deadline).where(sql`${table.status} = 'OPEN'`),
    check('group_buys_min_participants', sql`${table.minParticipants} >= 1`),
    check('group_buys_per_household_limit', sql`${table.perHouseholdLimit} IS NULL OR ${table.perHouseholdLimit} >= 1`),
    check('group_buys_pickup_after_deadline', sql`${table.pickupAt} >= ${table.deadline}`),
  ],
);

/** What a group buy offers: unit price (fen), and stock when it is limited; `sold` never passes `stock`. */
export const groupBuyItems = pgTable(
  'group_buy_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupBuyId: uuid('group_buy_id')
      .notNull()
      .references(() => groupBuys.id),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    stock: integer('stock'),
    sold: integer('sold').notNull().default(0),
  },
  (table) => [
    index('group_buy_items_group_buy_id_idx').on(table.groupBuyId),
    check('group_buy_items_price', sql`${table.unitPrice} > 0`),
    check('group_buy_items_never_oversold', sql`${table.sold} >= 0 AND (${table.stock} IS NULL OR ${table.sold} <= ${table.stock})`),
  ],
);

/** A household joining a group buy: what it takes, what it owes, whether it has picked the goods up. */
export const participations = pgTable(
  'participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupBuyId: uuid('group_buy_id')
      .notNull()
      .references(() => groupBuys.id),
    householdId: uuid('household_id').notNull(),
    /** Where the volunteers find the household: "B小区 1号楼 601" (no names). */
    householdLabel: text('household_label').notNull(),
    submittedBy: text('submitted_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    pickedUpBy: text('picked_up_by'),
  },
  (table) => [
    unique('participations_submitter_key').on(table.submittedBy, table.idempotencyKey),
    index('participations_group_buy_household_idx').on(table.groupBuyId, table.householdId),
    index('participations_household_id_idx').on(table.householdId),
  ],
);

/** The lines of a participation, at the unit price of the moment it joined. */
export const participationLines = pgTable(
  'participation_lines',
  {
    participationId: uuid('participation_id')
      .notNull()
      .references(() => participations.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => groupBuyItems.id),
    quantity: integer('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('participation_lines_participation_id_idx').on(table.participationId),
    unique('participation_lines_item_key').on(table.participationId, table.itemId),
    check('participation_lines_quantity', sql`${table.quantity} >= 1`),
  ],
);

export const tables = { ownerCommittees, ownerCommitteeMembers, groupBuys, groupBuyItems, participations, participationLines };
export type SelforgTables = typeof tables;
export type OwnerCommitteeRow = typeof ownerCommittees.$inferSelect;
export type MemberRow = typeof ownerCommitteeMembers.$inferSelect;
export type GroupBuyRow = typeof groupBuys.$inferSelect;
export type GroupBuyItemRow = typeof groupBuyItems.$inferSelect;
export type ParticipationRow = typeof participations.$inferSelect;
export type ParticipationLineRow = typeof participationLines.$inferSelect;

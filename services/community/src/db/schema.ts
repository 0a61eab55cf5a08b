import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

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

export const tables = { compounds, buildings, households };
export type CommunityTables = typeof tables;
export type CompoundRow = typeof compounds.$inferSelect;
export type BuildingRow = typeof buildings.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;

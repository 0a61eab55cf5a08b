import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { PACKAGE_CATEGORIES } from '@cgov/shared';

/** The region registry: one row per city, district, street and community, keyed by division code. */
export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    level: text('level', { enum: ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'] }).notNull(),
    name: text('name').notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => regions.id),
  },
  (table) => [
    index('regions_parent_id_idx').on(table.parentId),
    index('regions_level_idx').on(table.level),
    check(
      'regions_code_matches_level',
      sql`${table.id} ~ '^[0-9]+$' AND char_length(${table.id}) = CASE ${table.level}
        WHEN 'CITY' THEN 4 WHEN 'DISTRICT' THEN 6 WHEN 'STREET' THEN 9 WHEN 'COMMUNITY' THEN 12 END`,
    ),
    check(
      'regions_parent_is_prefix',
      sql`(${table.level} = 'CITY' AND ${table.parentId} IS NULL) OR (${table.level} <> 'CITY' AND left(${table.id}, char_length(${table.parentId})) = ${table.parentId})`,
    ),
  ],
);

/**
 * Subsidy policies, every version kept: a new version ends the open one the day before it starts.
 * Money is whole fen. A revoked version still applies up to its (shortened) effective_to.
 */
export const subsidyPolicies = pgTable(
  'subsidy_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    category: text('category', { enum: PACKAGE_CATEGORIES }).notNull(),
    version: integer('version').notNull(),
    subsidyPerUnit: bigint('subsidy_per_unit', { mode: 'number' }).notNull(),
    maxListPrice: bigint('max_list_price', { mode: 'number' }).notNull(),
    perHouseholdDailyLimit: integer('per_household_daily_limit').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    revokedBy: text('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    unique('subsidy_policies_region_category_version_key').on(table.regionId, table.category, table.version),
    uniqueIndex('subsidy_policies_one_open_version')
      .on(table.regionId, table.category)
      .where(sql`${table.effectiveTo} IS NULL`),
    index('subsidy_policies_lookup_idx').on(table.regionId, table.category, table.effectiveFrom),
    index('subsidy_policies_region_pattern_idx').on(table.regionId.op('text_pattern_ops'), table.publishedAt),
    check('subsidy_policies_amounts', sql`${table.subsidyPerUnit} >= 0 AND ${table.subsidyPerUnit} <= ${table.maxListPrice}`),
    check('subsidy_policies_daily_limit', sql`${table.perHouseholdDailyLimit} >= 0`),
    check(
      'subsidy_policies_dates',
      sql`${table.effectiveTo} IS NULL OR ${table.effectiveTo} >= ${table.effectiveFrom} OR ${table.revokedAt} IS NOT NULL`,
    ),
  ],
);

/** Fair-price suppliers (定点平价供应商) designated for a region; they serve every region inside it. */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    address: text('address'),
    designatedBy: text('designated_by').notNull(),
    designatedAt: timestamp('designated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('suppliers_region_name_key').on(table.regionId, table.name),
    index('suppliers_region_id_idx').on(table.regionId),
  ],
);

/** The subsidy budget the city allocated to itself or a district; allocating again replaces it (the audit log keeps the history). */
export const subsidyBudgets = pgTable(
  'subsidy_budgets',
  {
    regionId: text('region_id')
      .primaryKey()
      .references(() => regions.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    allocatedBy: text('allocated_by').notNull(),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('subsidy_budgets_amount', sql`${table.amount} >= 0`)],
);

/** Who changed what in a city's policies, budgets and suppliers, and when; never updated or deleted. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cityId: text('city_id').notNull(),
    regionId: text('region_id').notNull(),
    actor: text('actor').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('audit_log_city_id_idx').on(table.cityId, table.id)],
);

export const tables = { regions, subsidyPolicies, suppliers, subsidyBudgets, auditLog };
export type CityTables = typeof tables;
export type RegionRow = typeof regions.$inferSelect;
export type SubsidyPolicyRow = typeof subsidyPolicies.$inferSelect;
export type SupplierRow = typeof suppliers.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type SubsidyBudgetRow = typeof subsidyBudgets.$inferSelect;

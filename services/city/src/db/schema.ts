import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';

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

export const tables = { regions };
export type CityTables = typeof tables;
export type RegionRow = typeof regions.$inferSelect;

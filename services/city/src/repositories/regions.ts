import { asc, eq } from 'drizzle-orm';
import { anyOf, type Database, type Executor } from '@cgov/shared';
import { regions, type CityTables, type RegionRow } from '../db/schema.js';

export type NewRegion = typeof regions.$inferInsert;

/** The only code that reads or writes the region registry. */
export class RegionRepository {
  constructor(private readonly db: Database<CityTables>) {}

  cities(): Promise<RegionRow[]> {
    return this.db.select().from(regions).where(eq(regions.level, 'CITY')).orderBy(asc(regions.id));
  }

  byIds(ids: readonly string[]): Promise<RegionRow[]> {
    return this.db.select().from(regions).where(anyOf(regions.id, [...ids]));
  }

  childrenOf(parentIds: readonly string[]): Promise<RegionRow[]> {
    return this.db.select().from(regions).where(anyOf(regions.parentId, [...parentIds])).orderBy(asc(regions.id));
  }

  static async insertMissing(executor: Executor<CityTables>, rows: NewRegion[]): Promise<void> {
    if (rows.length) await executor.insert(regions).values(rows).onConflictDoNothing();
  }
}

import { asc, inArray } from 'drizzle-orm';
import { validUuids, type Database, type Executor } from '@cgov/shared';
import { buildings, compounds, households, type CommunityTables } from '../db/schema.js';

/** The only code that reads or writes compounds, buildings and households. */
export class RosterRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  compoundsByIds(ids: readonly string[]) {
    return this.db.select().from(compounds).where(inArray(compounds.id, validUuids(ids)));
  }

  compoundsOfCommunities(communityIds: readonly string[]) {
    return this.db
      .select()
      .from(compounds)
      .where(inArray(compounds.communityId, [...communityIds]))
      .orderBy(asc(compounds.name));
  }

  buildingsByIds(ids: readonly string[]) {
    return this.db.select().from(buildings).where(inArray(buildings.id, validUuids(ids)));
  }

  buildingsOfCompounds(compoundIds: readonly string[]) {
    return this.db
      .select()
      .from(buildings)
      .where(inArray(buildings.compoundId, validUuids(compoundIds)))
      .orderBy(asc(buildings.name));
  }

  householdsByIds(ids: readonly string[]) {
    return this.db.select().from(households).where(inArray(households.id, validUuids(ids)));
  }

  householdsOfBuildings(buildingIds: readonly string[]) {
    return this.db
      .select()
      .from(households)
      .where(inArray(households.buildingId, validUuids(buildingIds)))
      .orderBy(asc(households.floor), asc(households.room));
  }

  /** Inserts roster rows that are not there yet (by id); used by the demo loader. */
  static async insertMissing(
    executor: Executor<CommunityTables>,
    rows: {
      compounds: (typeof compounds.$inferInsert)[];
      buildings: (typeof buildings.$inferInsert)[];
      households: (typeof households.$inferInsert)[];
    },
  ): Promise<void> {
    if (rows.compounds.length) await executor.insert(compounds).values(rows.compounds).onConflictDoNothing();
    if (rows.buildings.length) await executor.insert(buildings).values(rows.buildings).onConflictDoNothing();
    if (rows.households.length) await executor.insert(households).values(rows.households).onConflictDoNothing();
  }
}

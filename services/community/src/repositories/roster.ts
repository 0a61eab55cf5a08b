import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import { anyOf, conflict, validUuids, type Database, type Executor } from '@cgov/shared';
import { buildings, compounds, households, type CommunityTables } from '../db/schema.js';
import { countHouseholds, recountHouseholds } from './readiness.js';

/** The only code that reads or writes compounds, buildings and households. */
export class RosterRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  compoundsByIds(ids: readonly string[]) {
    return this.db.select().from(compounds).where(anyOf(compounds.id, validUuids(ids)));
  }

  compoundsOfCommunities(communityIds: readonly string[]) {
    return this.db
      .select()
      .from(compounds)
      .where(anyOf(compounds.communityId, [...communityIds]))
      .orderBy(asc(compounds.name));
  }

  buildingsByIds(ids: readonly string[]) {
    return this.db.select().from(buildings).where(anyOf(buildings.id, validUuids(ids)));
  }

  buildingsOfCompounds(compoundIds: readonly string[]) {
    return this.db
      .select()
      .from(buildings)
      .where(anyOf(buildings.compoundId, validUuids(compoundIds)))
      .orderBy(asc(buildings.name));
  }

  householdsByIds(ids: readonly string[]) {
    return this.db.select().from(households).where(anyOf(households.id, validUuids(ids)));
  }

  householdsOfBuildings(buildingIds: readonly string[]) {
    return this.db
      .select()
      .from(households)
      .where(anyOf(households.buildingId, validUuids(buildingIds)))
      .orderBy(asc(households.floor), asc(households.room));
  }

  /** The households on floor ranges of buildings (a party member's floors), by building, floor and room. */
  householdsOnFloors(
    ranges: ReadonlyArray<{ buildingId: string; floorFrom: number; floorTo: number }>,
    needsDoorToDoor?: boolean | null,
  ) {
    if (!ranges.length) return Promise.resolve([]);
    const onFloors = or(
      ...ranges.map((range) =>
        and(eq(households.buildingId, range.buildingId), sql`${households.floor} BETWEEN ${range.floorFrom} AND ${range.floorTo}`),
      ),
    );
    return this.db
      .select()
      .from(households)
      .where(needsDoorToDoor == null ? onFloors : and(onFloors, eq(households.needsDoorToDoor, needsDoorToDoor)))
      .orderBy(asc(households.buildingId), asc(households.floor), asc(households.room));
  }

  /** Adds a household; a room already taken in the building is a CONFLICT. */
  async addHousehold(input: typeof households.$inferInsert) {
    return this.db.transaction(async (tx) => {
      // The community's readiness row first (as every readiness write takes it): its households count one more.
      await countHouseholds(tx, input.communityId, 1);
      const [created] = await tx
        .insert(households)
        .values(input)
        .onConflictDoNothing({ target: [households.buildingId, households.room] })
        .returning();
      if (!created) throw conflict(`Room ${input.room} of that building already has a household.`);
      return created;
    });
  }

  /** Changes a household's details; moving it to a room already taken is a CONFLICT. */
  async updateHousehold(id: string, changes: Partial<typeof households.$inferInsert>) {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(households).where(eq(households.id, id)).for('update');
      if (changes.room !== undefined && current) {
        const [taken] = await tx
          .select({ id: households.id })
          .from(households)
          .where(and(eq(households.buildingId, current.buildingId), eq(households.room, changes.room), ne(households.id, id)));
        if (taken) throw conflict(`Room ${changes.room} of that building already has a household.`);
      }
      const [updated] = await tx.update(households).set(changes).where(eq(households.id, id)).returning();
      return updated!;
    });
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
    await recountHouseholds(executor, [...new Set(rows.compounds.map((row) => row.communityId))]);
  }
}

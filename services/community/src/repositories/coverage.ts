import { sql } from 'drizzle-orm';
import { anyOf, type Database, type Executor } from '@cgov/shared';
import { buildings, partyMembers, type CommunityTables } from '../db/schema.js';

/** Sets `buildings.covered` from the assignments: a building is covered when every floor lies in some assignment. */
export const REFRESH_COVERAGE_SQL = `UPDATE buildings b SET covered = NOT EXISTS (
  SELECT 1 FROM generate_series(1, b.floors) AS f
  WHERE NOT EXISTS (SELECT 1 FROM party_member_assignments a WHERE a.building_id = b.id AND f BETWEEN a.floor_from AND a.floor_to))`;

/** Refreshes the coverage of some buildings (after an assignment), or of every building (after a bulk load). */
export async function refreshCoverage(tx: Executor<CommunityTables>, buildingIds?: readonly string[]): Promise<void> {
  if (!buildingIds) {
    await tx.execute(sql.raw(REFRESH_COVERAGE_SQL));
    return;
  }
  if (!buildingIds.length) return;
  await tx.execute(sql`${sql.raw(REFRESH_COVERAGE_SQL)} WHERE b.id IN (${sql.join(buildingIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** Buildings, covered buildings and party members per community: two aggregate statements for any number of communities. */
export class CoverageRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  async ofCommunities(communityIds: readonly string[]) {
    const [counts, members] = await Promise.all([
      this.db
        .select({
          communityId: buildings.communityId,
          buildings: sql<number>`count(*)::int`,
          buildingsCovered: sql<number>`count(*) FILTER (WHERE ${buildings.covered})::int`,
        })
        .from(buildings)
        .where(anyOf(buildings.communityId, [...communityIds]))
        .groupBy(buildings.communityId),
      this.db
        .select({ communityId: partyMembers.communityId, partyMembers: sql<number>`count(*)::int` })
        .from(partyMembers)
        .where(anyOf(partyMembers.communityId, [...communityIds]))
        .groupBy(partyMembers.communityId),
    ]);
    const countOf = new Map(counts.map((row) => [row.communityId, row]));
    const membersOf = new Map(members.map((row) => [row.communityId, row.partyMembers]));
    return communityIds.map((communityId) => ({
      communityId,
      buildings: countOf.get(communityId)?.buildings ?? 0,
      buildingsCovered: countOf.get(communityId)?.buildingsCovered ?? 0,
      partyMembers: membersOf.get(communityId) ?? 0,
    }));
  }

  uncoveredOf(communityIds: readonly string[]) {
    return this.db
      .select()
      .from(buildings)
      .where(sql`${anyOf(buildings.communityId, [...communityIds])} AND NOT ${buildings.covered}`)
      .orderBy(buildings.name);
  }
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { anyOf, conflict, validUuids, type Database } from '@cgov/shared';
import {
  careFlags,
  careVisits,
  gridBuildings,
  grids,
  gridWorkers,
  households,
  type CareKind,
  type CommunityTables,
  type GridRow,
} from '../db/schema.js';

/** A care flag as read with its household's building and its last visit. */
export interface CareRow {
  householdId: string;
  communityId: string;
  buildingId: string;
  kind: CareKind;
  visitEveryDays: number;
  flaggedAt: Date;
  lastVisitAt: Date | null;
}

/** The only code that reads or writes grids, their buildings and workers, care flags and visits. */
export class GridRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(grids).where(anyOf(grids.id, validUuids(ids)));
  }

  ofCommunities(communityIds: readonly string[]) {
    return this.db.select().from(grids).where(anyOf(grids.communityId, [...communityIds]));
  }

  /** Which micro-grid holds each building of the communities. */
  buildingsOfCommunities(communityIds: readonly string[]) {
    return this.db.select().from(gridBuildings).where(anyOf(gridBuildings.communityId, [...communityIds]));
  }

  /** Households per micro-grid of the communities: one aggregate statement. */
  householdCounts(communityIds: readonly string[]) {
    return this.db
      .select({ gridId: gridBuildings.gridId, communityId: gridBuildings.communityId, households: sql<number>`count(${households.id})::int` })
      .from(gridBuildings)
      .innerJoin(households, eq(households.buildingId, gridBuildings.buildingId))
      .where(anyOf(gridBuildings.communityId, [...communityIds]))
      .groupBy(gridBuildings.gridId, gridBuildings.communityId);
  }

  /** Households per community (all of them, in a micro-grid or not). */
  communityHouseholds(communityIds: readonly string[]) {
    return this.db
      .select({ communityId: households.communityId, households: sql<number>`count(*)::int` })
      .from(households)
      .where(anyOf(households.communityId, [...communityIds]))
      .groupBy(households.communityId);
  }

  workersByIds(ids: readonly string[]) {
    return this.db.select().from(gridWorkers).where(anyOf(gridWorkers.id, validUuids(ids)));
  }

  workersOfCommunities(communityIds: readonly string[]) {
    return this.db
      .select()
      .from(gridWorkers)
      .where(anyOf(gridWorkers.communityId, [...communityIds]))
      .orderBy(asc(gridWorkers.assignedAt), asc(gridWorkers.id));
  }

  /** The care flags of the communities, each with its household's building and the household's last visit. */
  careOfCommunities(communityIds: readonly string[]): Promise<CareRow[]> {
    return this.db
      .select({
        householdId: careFlags.householdId,
        communityId: careFlags.communityId,
        buildingId: households.buildingId,
        kind: careFlags.kind,
        visitEveryDays: careFlags.visitEveryDays,
        flaggedAt: careFlags.flaggedAt,
        lastVisitAt: sql<Date | null>`(SELECT max(${careVisits.visitedAt}) FROM ${careVisits} WHERE ${careVisits.householdId} = ${careFlags.householdId})`.mapWith(
          (value: string | Date | null) => (value === null ? null : new Date(value)),
        ),
      })
      .from(careFlags)
      .innerJoin(households, eq(households.id, careFlags.householdId))
      .where(anyOf(careFlags.communityId, [...communityIds]))
      .orderBy(asc(households.buildingId), asc(households.floor), asc(households.room), asc(careFlags.kind));
  }

  /**
   * Draws a grid and, for a micro-grid, takes its buildings, all or nothing: a second community grid, a name taken in
   * the community, or a building already in a micro-grid (concurrent requests included) is a CONFLICT.
   */
  async createGrid(grid: typeof grids.$inferInsert, buildingIds: readonly string[]): Promise<GridRow> {
    return this.db.transaction(async (tx) => {
      const [created] = await tx.insert(grids).values(grid).onConflictDoNothing().returning();
      if (!created) {
        if (grid.level === 'COMMUNITY') {
          const [root] = await tx.select().from(grids).where(and(eq(grids.communityId, grid.communityId), eq(grids.level, 'COMMUNITY')));
          if (root) throw conflict(`Community ${grid.communityId} already has its community grid (${root.name}); a community has one.`);
        }
        throw conflict(`Community ${grid.communityId} already has a grid named ${grid.name}.`);
      }
      if (buildingIds.length) {
        const taken = await tx
          .insert(gridBuildings)
          // In one order, so that two grids asking for the same buildings at once wait for each other instead of deadlocking.
          .values([...buildingIds].sort().map((buildingId) => ({ buildingId, gridId: created.id, communityId: created.communityId })))
          .onConflictDoNothing()
          .returning({ buildingId: gridBuildings.buildingId });
        if (taken.length < buildingIds.length) {
          const held = buildingIds.filter((id) => !taken.some((row) => row.buildingId === id));
          throw conflict(`A building is in at most one micro-grid: ${held.length === 1 ? 'building' : 'buildings'} ${held.join(', ')} already ${held.length === 1 ? 'is' : 'are'} in one.`);
        }
      }
      return created;
    });
  }

  /** Names a worker; a micro-grid's second responsible worker or second backup (concurrent ones included) is a CONFLICT. */
  async addWorker(worker: typeof gridWorkers.$inferInsert) {
    const [created] = await this.db.insert(gridWorkers).values(worker).onConflictDoNothing().returning();
    if (!created) {
      const place = worker.slot === 'BACKUP' ? 'a backup' : 'a responsible worker';
      throw conflict(`This micro-grid already has ${place}; a micro-grid has one responsible worker and one backup.`);
    }
    return created;
  }

  /** Sets (or clears) the leader of a grid's party group. */
  async setPartyGroupLeader(gridId: string, partyMemberId: string | null) {
    const [updated] = await this.db.update(grids).set({ partyGroupLeaderId: partyMemberId }).where(eq(grids.id, gridId)).returning();
    return updated!;
  }

  /** Flags a household for care; flagging the same kind again changes the interval and keeps when it was first flagged. */
  async flagCare(flag: typeof careFlags.$inferInsert) {
    const [row] = await this.db
      .insert(careFlags)
      .values(flag)
      .onConflictDoUpdate({ target: [careFlags.householdId, careFlags.kind], set: { visitEveryDays: flag.visitEveryDays } })
      .returning();
    return row!;
  }

  /**
   * Records a visit, idempotent by the worker's key: the same key with the same visit answers the first one; with
   * another visit it is a CONFLICT.
   */
  async recordVisit(visit: typeof careVisits.$inferInsert) {
    const [created] = await this.db.insert(careVisits).values(visit).onConflictDoNothing().returning();
    if (created) return created;
    const [first] = await this.db
      .select()
      .from(careVisits)
      .where(and(eq(careVisits.gridWorkerId, visit.gridWorkerId), eq(careVisits.idempotencyKey, visit.idempotencyKey)));
    if (!first || first.fingerprint !== visit.fingerprint) {
      throw conflict(`You already recorded another visit with idempotencyKey "${visit.idempotencyKey}"; use a new key for a new visit.`);
    }
    return first;
  }
}

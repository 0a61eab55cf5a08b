import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { anyOf, byLevel, conflict, everyLevel, formatDateTime, ofLevel, validUuids, type CalendarDate, type Database, type Executor } from '@cgov/shared';
import {
  communityReadiness,
  emergencyPlans,
  emergencyShifts,
  emergencySpaces,
  supplyChanges,
  supplyItems,
  volunteers,
  volunteerTeams,
  type CommunityTables,
  type TeamKind,
} from '../db/schema.js';
import { expiryHorizon, NO_READINESS, type ReadinessCounts } from '../domain/readinessRules.js';

/**
 * Sets a community's kept readiness from its records (all communities without a WHERE): the latest EPIDEMIC plan's
 * review date, spaces by use, supplies below their minimum, the expiry of each item on hand, accepted volunteers.
 */
export const REFRESH_READINESS_SQL = `UPDATE community_readiness r SET
  epidemic_plan_reviewed_on = (SELECT p.reviewed_on FROM emergency_plans p WHERE p.community_id = r.community_id AND p.hazard = 'EPIDEMIC' ORDER BY p.version DESC LIMIT 1),
  (spaces, space_capacity, observation_points, supply_depots, delivery_points) = (SELECT count(*)::int, coalesce(sum(s.capacity), 0)::int,
    count(*) FILTER (WHERE s.emergency_use = 'OBSERVATION_POINT')::int, count(*) FILTER (WHERE s.emergency_use = 'SUPPLY_DEPOT')::int,
    count(*) FILTER (WHERE s.emergency_use = 'DELIVERY_POINT')::int FROM emergency_spaces s WHERE s.community_id = r.community_id),
  (supplies_below_minimum, expiry_dates) = (SELECT count(*) FILTER (WHERE i.minimum IS NOT NULL AND i.on_hand < i.minimum)::int,
    coalesce(array_agg(i.expires_on ORDER BY i.expires_on) FILTER (WHERE i.on_hand > 0 AND i.expires_on IS NOT NULL), '{}'::date[])
    FROM supply_items i WHERE i.community_id = r.community_id),
  volunteers = (SELECT count(*)::int FROM volunteers v WHERE v.community_id = r.community_id AND v.status = 'ACCEPTED')`;

/** Counts every community's households into its readiness row (a row for every community with a compound), after a bulk load. */
export const REBUILD_READINESS_HOUSEHOLDS_SQL = `INSERT INTO community_readiness (community_id, households)
  SELECT c.community_id, (SELECT count(*) FROM households h WHERE h.community_id = c.community_id)::int FROM (SELECT DISTINCT community_id FROM compounds) c
  ON CONFLICT (community_id) DO UPDATE SET households = excluded.households`;

/**
 * Takes a community's readiness row (creating it), locked until the transaction ends: the first statement of every
 * write that changes readiness, so that writes of one community follow one another and each sees the last.
 */
export async function lockReadiness(tx: Executor<CommunityTables>, communityId: string): Promise<void> {
  await tx
    .insert(communityReadiness)
    .values({ communityId })
    .onConflictDoUpdate({ target: communityReadiness.communityId, set: { communityId: sql`excluded.community_id` } });
}

/** Sets a community's kept readiness from its records, in the transaction of the write that changed them. */
export async function refreshReadiness(tx: Executor<CommunityTables>, communityId: string): Promise<void> {
  await tx.execute(sql`${sql.raw(REFRESH_READINESS_SQL)} WHERE r.community_id = ${communityId}`);
}

/** Adds households to their communities' readiness rows (a household added), after locking them. */
export async function countHouseholds(tx: Executor<CommunityTables>, communityId: string, added: number): Promise<void> {
  await tx
    .insert(communityReadiness)
    .values({ communityId, households: added })
    .onConflictDoUpdate({ target: communityReadiness.communityId, set: { households: sql`${communityReadiness.households} + ${added}` } });
}

/** Recounts the households of some communities (after the demo's roster is inserted). */
export async function recountHouseholds(tx: Executor<CommunityTables>, communityIds: readonly string[]): Promise<void> {
  if (!communityIds.length) return;
  await tx.execute(
    sql`INSERT INTO community_readiness (community_id, households)
        SELECT c, (SELECT count(*) FROM households h WHERE h.community_id = c)::int FROM unnest(${sql.param([...communityIds])}::text[]) c
        ON CONFLICT (community_id) DO UPDATE SET households = excluded.households`,
  );
}

/** What a supply change asks of its item. */
export interface SupplyChange {
  /** The ledger row's id (the demo's are stable); a new one when left out. */
  id?: string;
  communityId: string;
  item: string;
  unit: string;
  change: number;
  reason: string;
  expiresOn: CalendarDate | null;
  minimum: number | null;
  recordedBy: string;
  recordedAt: Date;
  idempotencyKey: string;
  fingerprint: string;
}

/** The only code that reads or writes plans, spaces, supplies, volunteers and the kept readiness. */
export class ReadinessRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  /** Publishes a plan as the next version for its community and hazard, keeping the readiness in the same transaction. */
  async publishPlan(plan: Omit<typeof emergencyPlans.$inferInsert, 'version'>) {
    return this.db.transaction(async (tx) => {
      await lockReadiness(tx, plan.communityId);
      const [last] = await tx
        .select({ version: emergencyPlans.version })
        .from(emergencyPlans)
        .where(and(eq(emergencyPlans.communityId, plan.communityId), eq(emergencyPlans.hazard, plan.hazard)))
        .orderBy(desc(emergencyPlans.version))
        .limit(1);
      const [created] = await tx.insert(emergencyPlans).values({ ...plan, version: (last?.version ?? 0) + 1 }).returning();
      await refreshReadiness(tx, plan.communityId);
      return created!;
    });
  }

  /** Registers a space; a name taken in the community is a CONFLICT. */
  async registerSpace(space: typeof emergencySpaces.$inferInsert) {
    return this.db.transaction(async (tx) => {
      await lockReadiness(tx, space.communityId);
      const [created] = await tx.insert(emergencySpaces).values(space).onConflictDoNothing().returning();
      if (!created) throw conflict(`Community ${space.communityId} already has a space named ${space.name}.`);
      await refreshReadiness(tx, space.communityId);
      return created;
    });
  }

  /**
   * Records a change of an item, idempotent by the community's key: the same key with the same change answers the item
   * as it stands and changes nothing; with another change it is a CONFLICT. On hand never goes below 0 (a CONFLICT,
   * concurrent withdrawals included: the item's row is updated only while the sum stays at 0 or more).
   */
  async recordSupplies(change: SupplyChange) {
    return this.db.transaction(async (tx) => {
      await lockReadiness(tx, change.communityId);
      const [first] = await tx
        .select()
        .from(supplyChanges)
        .where(and(eq(supplyChanges.communityId, change.communityId), eq(supplyChanges.idempotencyKey, change.idempotencyKey)));
      if (first) {
        if (first.fingerprint !== change.fingerprint) {
          throw conflict(`Another supply change was recorded with idempotencyKey "${change.idempotencyKey}"; use a new key for a new change.`);
        }
        const [item] = await tx.select().from(supplyItems).where(and(eq(supplyItems.communityId, change.communityId), eq(supplyItems.item, first.item)));
        return item!;
      }
      const [current] = await tx.select().from(supplyItems).where(and(eq(supplyItems.communityId, change.communityId), eq(supplyItems.item, change.item)));
      if (current && current.unit !== change.unit) throw conflict(`${change.item} is counted in ${current.unit}, not ${change.unit}.`);
      const onHand = (current?.onHand ?? 0) + change.change;
      if (onHand < 0) throw conflict(`Only ${current?.onHand ?? 0} ${change.unit} of ${change.item} on hand: ${-change.change} cannot be taken out.`);
      const i = supplyItems;
      const [item] = current
        ? await tx
            .update(i)
            .set({
              onHand: sql`${i.onHand} + ${change.change}`,
              minimum: change.minimum ?? current.minimum,
              // The earliest expiry of what was added since the item last stood at 0.
              expiresOn: sql`CASE WHEN ${i.onHand} + ${change.change} = 0 THEN NULL WHEN ${i.onHand} = 0 THEN ${change.expiresOn}::date ELSE least(${i.expiresOn}, ${change.expiresOn}::date) END`,
              updatedAt: change.recordedAt,
            })
            // Also the guard of the rule when writes of the community did not follow one another.
            .where(and(eq(i.communityId, change.communityId), eq(i.item, change.item), sql`${i.onHand} + ${change.change} >= 0`))
            .returning()
        : await tx
            .insert(i)
            .values({ communityId: change.communityId, item: change.item, unit: change.unit, onHand: change.change, minimum: change.minimum, expiresOn: change.expiresOn, updatedAt: change.recordedAt })
            .returning();
      if (!item) throw conflict(`Not enough ${change.item} on hand: ${-change.change} cannot be taken out.`);
      await tx.insert(supplyChanges).values({
        ...(change.id ? { id: change.id } : {}),
        communityId: change.communityId,
        item: change.item,
        change: change.change,
        reason: change.reason,
        expiresOn: change.expiresOn,
        minimum: change.minimum,
        recordedBy: change.recordedBy,
        recordedAt: change.recordedAt,
        idempotencyKey: change.idempotencyKey,
        fingerprint: change.fingerprint,
      });
      await refreshReadiness(tx, change.communityId);
      return item;
    });
  }

  /** Enrols a volunteer (PENDING) in the community's team of a kind, forming the team with its first volunteer; offering twice for one team is a CONFLICT. */
  async enrol(volunteer: Omit<typeof volunteers.$inferInsert, 'teamId' | 'status'> & { kind: TeamKind }) {
    return this.db.transaction(async (tx) => {
      await lockReadiness(tx, volunteer.communityId);
      await tx.insert(volunteerTeams).values({ communityId: volunteer.communityId, kind: volunteer.kind }).onConflictDoNothing();
      const [team] = await tx
        .select()
        .from(volunteerTeams)
        .where(and(eq(volunteerTeams.communityId, volunteer.communityId), eq(volunteerTeams.kind, volunteer.kind)));
      const { kind: _kind, ...row } = volunteer;
      const [created] = await tx.insert(volunteers).values({ ...row, teamId: team!.id, status: 'PENDING' }).onConflictDoNothing().returning();
      if (!created) throw conflict(`You already offered to the ${volunteer.kind} team of community ${volunteer.communityId}.`);
      return created;
    });
  }

  /** The community accepts a PENDING volunteer; one already accepted is a CONFLICT. */
  async accept(id: string, communityId: string, acceptedBy: string, acceptedAt: Date) {
    return this.db.transaction(async (tx) => {
      await lockReadiness(tx, communityId);
      const [accepted] = await tx
        .update(volunteers)
        .set({ status: 'ACCEPTED', acceptedBy, acceptedAt })
        .where(and(eq(volunteers.id, id), eq(volunteers.status, 'PENDING')))
        .returning();
      if (!accepted) throw conflict('This volunteer was already accepted.');
      await refreshReadiness(tx, communityId);
      return accepted;
    });
  }

  /**
   * Records a shift of a volunteer, idempotent by the community's key: the same key with the same shift answers the
   * first one and changes nothing; with another shift it is a CONFLICT, as is a shift overlapping one the volunteer
   * already has. The volunteer's row is locked first, so that shifts of one volunteer follow one another.
   */
  async recordShift(shift: typeof emergencyShifts.$inferInsert & { id: string }) {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.id, shift.volunteerId)).for('update');
      const byKey = async () => {
        const [first] = await tx
          .select()
          .from(emergencyShifts)
          .where(and(eq(emergencyShifts.communityId, shift.communityId), eq(emergencyShifts.idempotencyKey, shift.idempotencyKey)));
        if (first && first.fingerprint !== shift.fingerprint) {
          throw conflict(`Another shift was recorded with idempotencyKey "${shift.idempotencyKey}"; use a new key for a new shift.`);
        }
        return first;
      };
      const first = await byKey();
      if (first) return first;
      const [overlap] = await tx
        .select()
        .from(emergencyShifts)
        .where(and(eq(emergencyShifts.volunteerId, shift.volunteerId), sql`${emergencyShifts.startedAt} < ${shift.endedAt.toISOString()}::timestamptz`, sql`${emergencyShifts.endedAt} > ${shift.startedAt.toISOString()}::timestamptz`))
        .limit(1);
      if (overlap) {
        throw conflict(`This volunteer already has a shift from ${formatDateTime(overlap.startedAt)} to ${formatDateTime(overlap.endedAt)}, which this one overlaps.`);
      }
      const [created] = await tx.insert(emergencyShifts).values(shift).onConflictDoNothing().returning();
      // Not inserted: the same key was taken meanwhile (for another volunteer), answered as the key says.
      return created ?? (await byKey())!;
    });
  }

  volunteersByIds(ids: readonly string[]) {
    return this.db.select().from(volunteers).where(anyOf(volunteers.id, validUuids(ids)));
  }

  volunteersOfCommunities(communityIds: readonly string[]) {
    return this.db.select().from(volunteers).where(anyOf(volunteers.communityId, [...communityIds])).orderBy(asc(volunteers.enrolledAt), asc(volunteers.id));
  }

  teamsByIds(ids: readonly string[]) {
    return this.db.select().from(volunteerTeams).where(anyOf(volunteerTeams.id, validUuids(ids)));
  }

  /** Every version of the communities' plans, newest first per hazard. */
  plansOfCommunities(communityIds: readonly string[]) {
    return this.db
      .select()
      .from(emergencyPlans)
      .where(anyOf(emergencyPlans.communityId, [...communityIds]))
      .orderBy(asc(emergencyPlans.hazard), desc(emergencyPlans.version));
  }

  spacesOfCommunities(communityIds: readonly string[]) {
    return this.db.select().from(emergencySpaces).where(anyOf(emergencySpaces.communityId, [...communityIds])).orderBy(asc(emergencySpaces.name));
  }

  suppliesOfCommunities(communityIds: readonly string[]) {
    return this.db.select().from(supplyItems).where(anyOf(supplyItems.communityId, [...communityIds])).orderBy(asc(supplyItems.item));
  }

  /**
   * The readiness of regions of any levels, summed from their communities' kept rows: one statement (a UNION ALL of
   * one GROUP BY per level), with plan currency and expiry decided against today.
   */
  async regionReadiness(regionIds: readonly string[], today: CalendarDate): Promise<Map<string, ReadinessCounts>> {
    const found = new Map<string, ReadinessCounts>(regionIds.map((id) => [id, { ...NO_READINESS }]));
    const levels = [...byLevel(regionIds)];
    if (!levels.length) return found;
    const r = communityReadiness;
    const horizon = expiryHorizon(today);
    const perLevel = levels.map(([length, ids]) => {
      const region = ofLevel(r.communityId, length);
      return this.db
        .select({
          regionId: sql<string>`${region}`.as('region_id'),
          communities: sql<number>`count(*)::int`.as('communities'),
          communitiesWithCurrentPlan: sql<number>`count(*) FILTER (WHERE (${r.epidemicPlanReviewedOn} + interval '1 year')::date >= ${today}::date)::int`.as('with_plan'),
          communitiesWithEverySpace: sql<number>`count(*) FILTER (WHERE ${r.observationPoints} > 0 AND ${r.supplyDepots} > 0 AND ${r.deliveryPoints} > 0)::int`.as('with_spaces'),
          communitiesWithoutShortage: sql<number>`count(*) FILTER (WHERE ${r.suppliesBelowMinimum} = 0)::int`.as('without_shortage'),
          spaces: sql<number>`coalesce(sum(${r.spaces}), 0)::int`.as('spaces'),
          spaceCapacity: sql<number>`coalesce(sum(${r.spaceCapacity}), 0)::int`.as('space_capacity'),
          suppliesBelowMinimum: sql<number>`coalesce(sum(${r.suppliesBelowMinimum}), 0)::int`.as('below_minimum'),
          suppliesExpiringWithin30Days: sql<number>`coalesce(sum((SELECT count(*) FROM unnest(${r.expiryDates}) AS d WHERE d <= ${horizon}::date)), 0)::int`.as('expiring'),
          volunteers: sql<number>`coalesce(sum(${r.volunteers}), 0)::int`.as('volunteers'),
          households: sql<number>`coalesce(sum(${r.households}), 0)::int`.as('households'),
        })
        .from(r)
        .where(anyOf(region, ids))
        .groupBy(region)
        .$dynamic();
    });
    for (const { regionId, ...counts } of await everyLevel(perLevel)) found.set(regionId, counts);
    return found;
  }
}

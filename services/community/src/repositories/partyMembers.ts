import { and, count, eq, sql } from 'drizzle-orm';
import { anyOf, conflict, validUuids, type Database } from '@cgov/shared';
import { assignments, orders, partyMembers, type CommunityTables } from '../db/schema.js';
import { refreshCoverage } from './coverage.js';

/** The only code that reads or writes party members and their floor assignments. */
export class PartyMemberRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(partyMembers).where(anyOf(partyMembers.id, validUuids(ids)));
  }

  ofCommunities(communityIds: readonly string[]) {
    return this.db.select().from(partyMembers).where(anyOf(partyMembers.communityId, [...communityIds]));
  }

  assignmentsOfMembers(partyMemberIds: readonly string[]) {
    return this.db
      .select()
      .from(assignments)
      .where(anyOf(assignments.partyMemberId, validUuids(partyMemberIds)))
      .orderBy(assignments.buildingId, assignments.floorFrom);
  }

  assignmentsOfCommunities(communityIds: readonly string[]) {
    return this.db.select().from(assignments).where(anyOf(assignments.communityId, [...communityIds]));
  }

  /** Registers a party member who reported to the community; one registration per phone number there. */
  async register(input: typeof partyMembers.$inferInsert) {
    const [created] = await this.db
      .insert(partyMembers)
      .values(input)
      .onConflictDoNothing({ target: [partyMembers.communityId, partyMembers.phone] })
      .returning();
    if (!created) throw conflict(`A party member with phone ${input.phone} has already reported to community ${input.communityId}.`);
    return created;
  }

  /** Assigns floors of a building; overlapping an assignment the same member already has there is a CONFLICT. */
  async assign(input: typeof assignments.$inferInsert) {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`assignment:${input.partyMemberId}:${input.buildingId}`}))`);
      const [overlap] = await tx
        .select()
        .from(assignments)
        .where(
          and(
            eq(assignments.partyMemberId, input.partyMemberId),
            eq(assignments.buildingId, input.buildingId),
            sql`${assignments.floorFrom} <= ${input.floorTo} AND ${assignments.floorTo} >= ${input.floorFrom}`,
          ),
        );
      if (overlap) {
        throw conflict(`This party member already covers floors ${overlap.floorFrom}–${overlap.floorTo} of that building.`);
      }
      const [created] = await tx.insert(assignments).values(input).returning();
      await refreshCoverage(tx, [input.buildingId]);
      return created!;
    });
  }

  /** Per party member: orders collected (submitted by them) and deliveries made (marked delivered by them). */
  async records(partyMemberIds: readonly string[]) {
    const ids = validUuids(partyMemberIds);
    const [collected, delivered] = await Promise.all([
      this.db
        .select({ id: orders.collectedBy, n: count() })
        .from(orders)
        .where(and(anyOf(orders.collectedBy, ids), sql`${orders.status} <> 'CANCELLED'`))
        .groupBy(orders.collectedBy),
      this.db
        .select({ id: orders.deliveredBy, n: count() })
        .from(orders)
        .where(anyOf(orders.deliveredBy, ids))
        .groupBy(orders.deliveredBy),
    ]);
    const collectedBy = new Map(collected.map((row) => [row.id, row.n]));
    const deliveredBy = new Map(delivered.map((row) => [row.id, row.n]));
    return ids.map((id) => ({ id, ordersCollected: collectedBy.get(id) ?? 0, deliveriesMade: deliveredBy.get(id) ?? 0 }));
  }
}

import { and, eq, sql, type SQL } from 'drizzle-orm';
import { anyOf, conflict, rowsOf, validUuids, type Database } from '@cgov/shared';
import { assignments, partyMembers, type CommunityTables } from '../db/schema.js';
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

  /**
   * Per party member and month (Asia/Shanghai, "YYYY-MM"): orders collected (submitted by them, not cancelled, by when
   * placed), deliveries made (marked delivered by them, by when marked), visits recorded (by grid workers linked to
   * them, by when visited) and emergency shifts (by when started). Only months with something counted; `from` and `to`
   * bound the instants (from inclusive, to exclusive), null for no bound. One statement whatever the number of members.
   */
  async monthlyRecords(partyMemberIds: readonly string[], from: Date | null, to: Date | null): Promise<MonthCount[]> {
    const ids = validUuids(partyMemberIds);
    if (!ids.length) return [];
    const within = (column: SQL) => sql`${from ? sql` AND ${column} >= ${from.toISOString()}::timestamptz` : sql``}${to ? sql` AND ${column} < ${to.toISOString()}::timestamptz` : sql``}`;
    const month = (column: SQL) => sql`to_char(${column} AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM')`;
    const members = sql`${sql.param(ids)}::uuid[]`;
    return rowsOf<MonthCount>(
      this.db,
      sql`
      SELECT member_id AS "partyMemberId", month, kind, count(*)::int AS n FROM (
        SELECT o.collected_by AS member_id, ${month(sql`o.placed_at`)} AS month, 'ordersCollected' AS kind FROM orders o
          WHERE o.collected_by = ANY(${members}) AND o.status <> 'CANCELLED'${within(sql`o.placed_at`)}
        UNION ALL
        SELECT o.delivered_by, ${month(sql`o.updated_at`)}, 'deliveriesMade' FROM orders o
          WHERE o.delivered_by = ANY(${members})${within(sql`o.updated_at`)}
        UNION ALL
        SELECT w.party_member_id, ${month(sql`v.visited_at`)}, 'visitsRecorded' FROM care_visits v JOIN grid_workers w ON w.id = v.grid_worker_id
          WHERE w.party_member_id = ANY(${members})${within(sql`v.visited_at`)}
        UNION ALL
        SELECT s.party_member_id, ${month(sql`s.started_at`)}, 'emergencyShifts' FROM emergency_shifts s
          WHERE s.party_member_id = ANY(${members})${within(sql`s.started_at`)}
      ) counted GROUP BY member_id, month, kind`,
    );
  }
}

/** What a party member did in a month, one kind of work: how many. */
export interface MonthCount {
  partyMemberId: string;
  month: string;
  kind: RecordKind;
  n: number;
}

/** The kinds of work a party member's record counts. */
export const RECORD_KINDS = ['ordersCollected', 'deliveriesMade', 'visitsRecorded', 'emergencyShifts'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

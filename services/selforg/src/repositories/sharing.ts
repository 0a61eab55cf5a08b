import { and, asc, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { anyOf, byLevel, conflict, everyLevel, notFound, ofLevel, validUuids, type Database, type Executor } from '@cgov/shared';
import {
  householdVerifications,
  listings,
  matchActions,
  matches,
  sharingFigures,
  sharingHouseholds,
  timeCreditBalances,
  timeCreditEntries,
  type ListingRow,
  type MatchRow,
  type MatchStatus,
  type SelforgTables,
} from '../db/schema.js';
import { assertAboveFloor, assertMatchMove, MATCHED_IN_TIME_MS, SUGGESTIONS, whyNotMatchable } from '../domain/sharingRules.js';

type Tx = Executor<SelforgTables>;

/** Who took a step, and for which household. */
export interface Actor {
  sub: string;
  role: string;
  householdId: string;
}

/** A region's shared community counted. */
export interface SharingCounts {
  openNeeds: number;
  openOffers: number;
  needsPosted: number;
  needsMatchedWithin48h: number;
  completedMatches: number;
  activeHouseholds: number;
}

/** The listing to post, where its household lives already looked up. */
export type NewListing = Omit<typeof listings.$inferInsert, 'state' | 'firstAcceptedAt'>;

async function lockMatch(tx: Tx, id: string): Promise<MatchRow> {
  const [match] = await tx.select().from(matches).where(anyOf(matches.id, validUuids([id]))).for('update');
  if (!match) throw notFound(`There is no match with id ${id}.`);
  return match;
}

async function record(tx: Tx, matchId: string, status: MatchStatus, actor: Actor, at: Date) {
  await tx.insert(matchActions).values({ matchId, status, householdId: actor.householdId, actorSub: actor.sub, actorRole: actor.role, at });
}

const addFigures = (tx: Tx, communityId: string, add: Partial<Record<'needsPosted' | 'needsMatchedWithin48h' | 'completedMatches' | 'activeHouseholds', number>>) => {
  const f = sharingFigures;
  return tx
    .insert(f)
    .values({ communityId, ...add })
    .onConflictDoUpdate({
      target: f.communityId,
      set: {
        needsPosted: sql`${f.needsPosted} + excluded.needs_posted`,
        needsMatchedWithin48h: sql`${f.needsMatchedWithin48h} + excluded.needs_matched_within_48h`,
        completedMatches: sql`${f.completedMatches} + excluded.completed_matches`,
        activeHouseholds: sql`${f.activeHouseholds} + excluded.active_households`,
      },
    });
};

/** The only code that reads or writes the shared community: verifications, listings, matches, the time credit ledger and its figures. */
export class SharingRepository {
  constructor(private readonly db: Database<SelforgTables>) {}

  /** Records a household's verification by its community's staff; verifying again changes nothing. */
  async verify(verification: typeof householdVerifications.$inferInsert) {
    await this.db.insert(householdVerifications).values(verification).onConflictDoNothing();
  }

  /** Which of the households are verified. */
  verifiedAmong(householdIds: readonly string[]) {
    return this.db
      .select({ householdId: householdVerifications.householdId })
      .from(householdVerifications)
      .where(anyOf(householdVerifications.householdId, validUuids(householdIds)));
  }

  listingsByIds(ids: readonly string[]) {
    return this.db.select().from(listings).where(anyOf(listings.id, validUuids(ids)));
  }

  /** The listing posted earlier with this key by the same poster, if any. */
  async listingByKey(postedBy: string, idempotencyKey: string): Promise<ListingRow | null> {
    const [found] = await this.db.select().from(listings).where(and(eq(listings.postedBy, postedBy), eq(listings.idempotencyKey, idempotencyKey)));
    return found ?? null;
  }

  /**
   * Posts a listing and counts it (a need posted; a household's first posting makes it active), all or nothing. A key
   * committed meanwhile by the same poster returns that listing (the caller compares it).
   */
  async post(listing: NewListing): Promise<{ listing: ListingRow; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const [created] = await tx.insert(listings).values(listing).onConflictDoNothing({ target: [listings.postedBy, listings.idempotencyKey] }).returning();
      if (!created) {
        const [earlier] = await tx.select().from(listings).where(and(eq(listings.postedBy, listing.postedBy), eq(listings.idempotencyKey, listing.idempotencyKey)));
        return { listing: earlier!, created: false };
      }
      const [first] = await tx
        .insert(sharingHouseholds)
        .values({ householdId: listing.householdId, communityId: listing.communityId, firstPostedAt: listing.postedAt })
        .onConflictDoNothing()
        .returning();
      await addFigures(tx, listing.communityId, { needsPosted: listing.kind === 'NEED' ? 1 : 0, activeHouseholds: first ? 1 : 0 });
      return { listing: created, created: true };
    });
  }

  /**
   * For each listing id, the ids of the open listings it may be matched with at `now`, in the contract's order (same
   * compound first, then the community; soonest-expiring first; at most SUGGESTIONS each): opposite kind, same type,
   * windows overlapping, never the household's own, verifiedOnly respected on both sides. One statement for any number
   * of listings (a LATERAL subquery per listing); the caller shows suggestions for open listings only.
   */
  async suggestionIdsFor(listingIds: readonly string[], now: Date): Promise<Map<string, string[]>> {
    const ids = validUuids(listingIds);
    const found = new Map<string, string[]>();
    if (!ids.length) return found;
    const source = alias(listings, 'source');
    const sourceVerification = alias(householdVerifications, 'source_verification');
    const candidate = alias(listings, 'candidate');
    const candidateVerification = alias(householdVerifications, 'candidate_verification');
    const picked = this.db
      .select({
        candidateId: sql<string>`${candidate.id}`.as('candidate_id'),
        position: sql<number>`row_number() OVER (ORDER BY (${candidate.compoundId} = ${source.compoundId}) DESC, ${candidate.expiresAt}, ${candidate.postedAt}, ${candidate.id})`.as('position'),
      })
      .from(candidate)
      .leftJoin(candidateVerification, eq(candidateVerification.householdId, candidate.householdId))
      .where(
        and(
          eq(candidate.communityId, source.communityId),
          eq(candidate.type, source.type),
          ne(candidate.kind, source.kind),
          eq(candidate.state, 'OPEN'),
          gt(candidate.expiresAt, now),
          ne(candidate.householdId, source.householdId),
          lt(candidate.availableFrom, source.expiresAt),
          gt(candidate.expiresAt, source.availableFrom),
          sql`(NOT ${source.verifiedOnly} OR ${candidateVerification.householdId} IS NOT NULL)`,
          sql`(NOT ${candidate.verifiedOnly} OR ${sourceVerification.householdId} IS NOT NULL)`,
        ),
      )
      .orderBy(sql`(${candidate.compoundId} = ${source.compoundId}) DESC`, asc(candidate.expiresAt), asc(candidate.postedAt), asc(candidate.id))
      .limit(SUGGESTIONS)
      .as('picked');
    const rows = await this.db
      .select({ sourceId: source.id, candidateId: picked.candidateId, position: picked.position })
      .from(source)
      .leftJoin(sourceVerification, eq(sourceVerification.householdId, source.householdId))
      .crossJoinLateral(picked)
      .where(anyOf(source.id, ids));
    rows.sort((a, b) => Number(a.position) - Number(b.position));
    for (const row of rows) found.set(row.sourceId, [...(found.get(row.sourceId) ?? []), row.candidateId]);
    return found;
  }

  matchesByIds(ids: readonly string[]) {
    return this.db.select().from(matches).where(anyOf(matches.id, validUuids(ids)));
  }

  /** The households' listings, newest first (at most `perHousehold` each); one statement. */
  async listingsOfHouseholds(householdIds: readonly string[], perHousehold: number): Promise<ListingRow[]> {
    const rows = await this.db.select().from(listings).where(anyOf(listings.householdId, validUuids(householdIds))).orderBy(desc(listings.postedAt), desc(listings.seq));
    const taken = new Map<string, number>();
    return rows.filter((row) => {
      const count = (taken.get(row.householdId) ?? 0) + 1;
      taken.set(row.householdId, count);
      return count <= perHousehold;
    });
  }

  /** The matches the listings are in (as need or offer), latest proposed first; one statement. */
  matchesOfListings(listingIds: readonly string[]) {
    const ids = validUuids(listingIds);
    return this.db
      .select()
      .from(matches)
      .where(sql`${anyOf(matches.needId, ids)} OR ${anyOf(matches.offerId, ids)}`)
      .orderBy(desc(matches.proposedAt), desc(matches.seq));
  }

  /** The matches' steps, in order (steps of one instant in the lifecycle's order). */
  actionsOf(matchIds: readonly string[]) {
    const stage = sql`CASE ${matchActions.status} WHEN 'PROPOSED' THEN 0 WHEN 'ACCEPTED' THEN 1 ELSE 2 END`;
    return this.db.select().from(matchActions).where(anyOf(matchActions.matchId, validUuids(matchIds))).orderBy(asc(matchActions.at), stage, asc(matchActions.seq));
  }

  /** Proposes a match (both listings locked in id order, checked open and matchable under the locks); both become MATCHED. Its id a new random one unless given, as the demo does. */
  async propose(needId: string, offerId: string, actor: Actor, now: Date, id?: string): Promise<MatchRow> {
    return this.db.transaction(async (tx) => {
      const locked = await tx.select().from(listings).where(anyOf(listings.id, validUuids([needId, offerId]))).orderBy(asc(listings.id)).for('update');
      const need = locked.find((row) => row.id === needId);
      const offer = locked.find((row) => row.id === offerId);
      if (!need || need.kind !== 'NEED') throw notFound(`There is no need with id ${needId}.`);
      if (!offer || offer.kind !== 'OFFER') throw notFound(`There is no offer with id ${offerId}.`);
      const verified = new Set(
        (await tx.select({ householdId: householdVerifications.householdId }).from(householdVerifications).where(anyOf(householdVerifications.householdId, [need.householdId, offer.householdId]))).map(
          (row) => row.householdId,
        ),
      );
      const why = whyNotMatchable(need, offer, (id) => verified.has(id), now);
      if (why) throw conflict(`This need and offer cannot be matched: ${why}.`);
      const [match] = await tx
        .insert(matches)
        .values({
          id,
          needId,
          offerId,
          needHouseholdId: need.householdId,
          offerHouseholdId: offer.householdId,
          communityId: need.communityId,
          type: need.type,
          proposedFor: actor.householdId,
          proposedAt: now,
        })
        .returning();
      await tx.update(listings).set({ state: 'MATCHED' }).where(anyOf(listings.id, [needId, offerId]));
      await record(tx, match!.id, 'PROPOSED', actor, now);
      return match!;
    });
  }

  /** The other side accepts (under the match's lock); the need's first acceptance within 48 hours of posting is counted. */
  async accept(matchId: string, actor: Actor, now: Date): Promise<MatchRow> {
    return this.db.transaction(async (tx) => {
      const match = await lockMatch(tx, matchId);
      assertMatchMove(match.status, 'ACCEPTED');
      const [accepted] = await tx.update(matches).set({ status: 'ACCEPTED', acceptedAt: now }).where(eq(matches.id, match.id)).returning();
      const [need] = await tx
        .update(listings)
        .set({ firstAcceptedAt: now })
        .where(and(eq(listings.id, match.needId), sql`${listings.firstAcceptedAt} IS NULL`))
        .returning();
      if (need && now.getTime() - need.postedAt.getTime() <= MATCHED_IN_TIME_MS) await addFigures(tx, match.communityId, { needsMatchedWithin48h: 1 });
      await record(tx, match.id, 'ACCEPTED', actor, now);
      return accepted!;
    });
  }

  /**
   * The needing side completes an ACCEPTED match: both listings COMPLETED, the completion counted, and for SKILL and
   * ACTIVITY its minutes moved from the needing household to the offering one as two opposite entries. Both balances
   * are locked in household order, so concurrent completions are counted one after the other and none passes the floor.
   */
  async complete(matchId: string, minutes: number | null, actor: Actor, now: Date): Promise<MatchRow> {
    return this.db.transaction(async (tx) => {
      const match = await lockMatch(tx, matchId);
      assertMatchMove(match.status, 'COMPLETED');
      if (minutes) {
        const households = [match.needHouseholdId, match.offerHouseholdId];
        await tx
          .insert(timeCreditBalances)
          .values(households.map((householdId) => ({ householdId, communityId: match.communityId })))
          .onConflictDoNothing();
        const balances = await tx
          .select()
          .from(timeCreditBalances)
          .where(anyOf(timeCreditBalances.householdId, households))
          .orderBy(asc(timeCreditBalances.householdId))
          .for('update');
        const needing = balances.find((row) => row.householdId === match.needHouseholdId)!;
        assertAboveFloor(needing.minutes, minutes);
        await tx.insert(timeCreditEntries).values([
          { matchId: match.id, householdId: match.needHouseholdId, communityId: match.communityId, minutes: -minutes, at: now },
          { matchId: match.id, householdId: match.offerHouseholdId, communityId: match.communityId, minutes, at: now },
        ]);
        await tx.update(timeCreditBalances).set({ minutes: sql`${timeCreditBalances.minutes} - ${minutes}` }).where(eq(timeCreditBalances.householdId, match.needHouseholdId));
        await tx.update(timeCreditBalances).set({ minutes: sql`${timeCreditBalances.minutes} + ${minutes}` }).where(eq(timeCreditBalances.householdId, match.offerHouseholdId));
      }
      const [completed] = await tx.update(matches).set({ status: 'COMPLETED', completedAt: now, minutes }).where(eq(matches.id, match.id)).returning();
      await tx.update(listings).set({ state: 'COMPLETED' }).where(anyOf(listings.id, [match.needId, match.offerId]));
      await addFigures(tx, match.communityId, { completedMatches: 1 });
      await record(tx, match.id, 'COMPLETED', actor, now);
      return completed!;
    });
  }

  /** A side cancels a match not yet completed; both listings are open again (they expire by their own windows). */
  async cancel(matchId: string, actor: Actor, now: Date): Promise<MatchRow> {
    return this.db.transaction(async (tx) => {
      const match = await lockMatch(tx, matchId);
      assertMatchMove(match.status, 'CANCELLED');
      const [cancelled] = await tx.update(matches).set({ status: 'CANCELLED', cancelledAt: now }).where(eq(matches.id, match.id)).returning();
      await tx.update(listings).set({ state: 'OPEN' }).where(anyOf(listings.id, [match.needId, match.offerId]));
      await record(tx, match.id, 'CANCELLED', actor, now);
      return cancelled!;
    });
  }

  /** The households' balances (minutes). */
  balancesOf(householdIds: readonly string[]) {
    return this.db.select().from(timeCreditBalances).where(anyOf(timeCreditBalances.householdId, validUuids(householdIds)));
  }

  /** The households' latest 100 ledger entries each, latest first. */
  entriesOf(householdIds: readonly string[]) {
    const e = timeCreditEntries;
    const ranked = this.db
      .select({ id: e.id, rank: sql<number>`row_number() OVER (PARTITION BY ${e.householdId} ORDER BY ${e.at} DESC, ${e.seq} DESC)`.as('rank') })
      .from(e)
      .where(anyOf(e.householdId, validUuids(householdIds)))
      .as('ranked');
    return this.db
      .select({ entry: e })
      .from(e)
      .innerJoin(ranked, eq(ranked.id, e.id))
      .where(sql`${ranked.rank} <= 100`)
      .orderBy(desc(e.at), desc(e.seq))
      .then((rows) => rows.map((row) => row.entry));
  }

  /** Per region asked (any level): the kept figures added up, and the listings open at `now` counted; two statements for every region and level. */
  async figures(regionIds: readonly string[], now: Date): Promise<Map<string, SharingCounts>> {
    const levels = [...byLevel(regionIds)];
    const result = new Map<string, SharingCounts>();
    if (!levels.length) return result;
    const f = sharingFigures;
    const l = listings;
    const [kept, open] = await Promise.all([
      everyLevel(
        levels.map(([length, ids]) => {
          const region = ofLevel(f.communityId, length);
          return this.db
            .select({
              regionId: sql<string>`${region}`.as('region_id'),
              needsPosted: sql<number>`coalesce(sum(${f.needsPosted}), 0)::int`.as('needs_posted'),
              needsMatchedWithin48h: sql<number>`coalesce(sum(${f.needsMatchedWithin48h}), 0)::int`.as('needs_matched_within_48h'),
              completedMatches: sql<number>`coalesce(sum(${f.completedMatches}), 0)::int`.as('completed_matches'),
              activeHouseholds: sql<number>`coalesce(sum(${f.activeHouseholds}), 0)::int`.as('active_households'),
            })
            .from(f)
            .where(anyOf(region, ids))
            .groupBy(region)
            .$dynamic();
        }),
      ),
      everyLevel(
        levels.map(([length, ids]) => {
          const region = ofLevel(l.communityId, length);
          return this.db
            .select({
              regionId: sql<string>`${region}`.as('region_id'),
              openNeeds: sql<number>`count(*) FILTER (WHERE ${l.kind} = 'NEED')::int`.as('open_needs'),
              openOffers: sql<number>`count(*) FILTER (WHERE ${l.kind} = 'OFFER')::int`.as('open_offers'),
            })
            .from(l)
            .where(and(anyOf(region, ids), eq(l.state, 'OPEN'), gt(l.expiresAt, now)))
            .groupBy(region)
            .$dynamic();
        }),
      ),
    ]);
    const entry = (regionId: string) => {
      let found = result.get(regionId);
      if (!found) result.set(regionId, (found = { openNeeds: 0, openOffers: 0, needsPosted: 0, needsMatchedWithin48h: 0, completedMatches: 0, activeHouseholds: 0 }));
      return found;
    };
    for (const row of kept) Object.assign(entry(row.regionId), { ...row, regionId: undefined });
    for (const row of open) Object.assign(entry(row.regionId), { openNeeds: row.openNeeds, openOffers: row.openOffers });
    return result;
  }
}

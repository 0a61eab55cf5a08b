import { and, asc, count, desc, eq, gte, like, lte, sql, type SQL } from 'drizzle-orm';
import { anyOf, conflict, notFound, regionPattern, validUuids, type Database, type Executor, type Fen } from '@cgov/shared';
import {
  groupBuyItems,
  groupBuys,
  participationLines,
  participations,
  type GroupBuyCategory,
  type GroupBuyRow,
  type GroupBuyStatus,
  type ParticipationRow,
  type SelforgTables,
} from '../db/schema.js';
import { assertAdvance, assertOpenForJoining, priceJoin, statusOnClose, type JoinLine } from '../domain/groupBuys.js';

export interface JoinRequest {
  groupBuyId: string;
  householdId: string;
  householdLabel: string;
  submittedBy: string;
  idempotencyKey: string;
  fingerprint: string;
  lines: JoinLine[];
  now: Date;
  /** The participation's id; a new random one when absent. The demo gives stable ones. */
  id?: string;
}

/** What an analyst filters group buys by. */
export interface GroupBuyFilter {
  regionId: string;
  status?: GroupBuyStatus | null;
  category?: GroupBuyCategory | null;
  deadlineFrom?: Date | null;
  deadlineTo?: Date | null;
}

function filterConditions(filter: GroupBuyFilter): SQL {
  return and(
    like(groupBuys.communityId, regionPattern(filter.regionId)),
    filter.status ? eq(groupBuys.status, filter.status) : undefined,
    filter.category ? eq(groupBuys.category, filter.category) : undefined,
    filter.deadlineFrom ? gte(groupBuys.deadline, filter.deadlineFrom) : undefined,
    filter.deadlineTo ? lte(groupBuys.deadline, filter.deadlineTo) : undefined,
  )!;
}

/** The only code that reads or writes group buys, their items and the households' participations. */
export class GroupBuyRepository {
  constructor(private readonly db: Database<SelforgTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(groupBuys).where(anyOf(groupBuys.id, validUuids(ids)));
  }

  ofCompounds(compoundIds: readonly string[]) {
    return this.db
      .select()
      .from(groupBuys)
      .where(anyOf(groupBuys.compoundId, validUuids(compoundIds)))
      .orderBy(desc(groupBuys.createdAt), desc(groupBuys.seq));
  }

  ofCommunities(communityIds: readonly string[], status: GroupBuyStatus | null) {
    const inCommunities = anyOf(groupBuys.communityId, [...communityIds]);
    return this.db
      .select()
      .from(groupBuys)
      .where(status ? and(inCommunities, eq(groupBuys.status, status)) : inCommunities)
      .orderBy(desc(groupBuys.createdAt), desc(groupBuys.seq));
  }

  /** A page matching the filter, latest deadline first, after the key (deadline, id) of the last row seen. */
  list(filter: GroupBuyFilter, limit: number, after: [string, string] | null) {
    const afterKey = after ? sql`(${groupBuys.deadline}, ${groupBuys.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined;
    return this.db
      .select()
      .from(groupBuys)
      .where(and(filterConditions(filter), afterKey))
      .orderBy(desc(groupBuys.deadline), desc(groupBuys.id))
      .limit(limit);
  }

  async count(filter: GroupBuyFilter): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(groupBuys).where(filterConditions(filter));
    return row?.n ?? 0;
  }

  itemsOf(groupBuyIds: readonly string[]) {
    return this.db
      .select()
      .from(groupBuyItems)
      .where(anyOf(groupBuyItems.groupBuyId, validUuids(groupBuyIds)))
      .orderBy(asc(groupBuyItems.position));
  }

  itemsByIds(ids: readonly string[]) {
    return this.db.select().from(groupBuyItems).where(anyOf(groupBuyItems.id, validUuids(ids)));
  }

  participationsOf(groupBuyIds: readonly string[]) {
    return this.db
      .select()
      .from(participations)
      .where(anyOf(participations.groupBuyId, validUuids(groupBuyIds)))
      .orderBy(asc(participations.householdLabel), asc(participations.joinedAt));
  }

  participationsByIds(ids: readonly string[]) {
    return this.db.select().from(participations).where(anyOf(participations.id, validUuids(ids)));
  }

  linesOf(participationIds: readonly string[]) {
    return this.db.select().from(participationLines).where(anyOf(participationLines.participationId, validUuids(participationIds)));
  }

  /** Registers a group buy and its items, OPEN (items' ids are new random ones unless given, as the demo does). */
  async register(groupBuy: typeof groupBuys.$inferInsert, items: Array<{ id?: string; name: string; unit: string; unitPrice: Fen; stock: number | null }>) {
    return this.db.transaction(async (tx) => {
      const [created] = await tx.insert(groupBuys).values(groupBuy).returning();
      await tx.insert(groupBuyItems).values(items.map((item, position) => ({ ...item, position, groupBuyId: created!.id })));
      return created!;
    });
  }

  /**
   * The participation a key made before, when this submitter used it for the same join; null for a new key;
   * a CONFLICT when the key was used for a different join.
   */
  async replayJoin(submittedBy: string, idempotencyKey: string, fingerprint: string): Promise<ParticipationRow | null> {
    const [earlier] = await this.db
      .select()
      .from(participations)
      .where(and(eq(participations.submittedBy, submittedBy), eq(participations.idempotencyKey, idempotencyKey)));
    if (!earlier) return null;
    if (earlier.fingerprint !== fingerprint) {
      throw conflict(`The idempotency key "${idempotencyKey}" was already used for a different join; use a new key.`);
    }
    return earlier;
  }

  /**
   * Joins a household to a group buy in one transaction. The group buy's row is locked FOR NO KEY UPDATE, so the
   * joins to one group buy take turns: the household's limit, whether this is its first participation (which adds
   * one to the group buy's `participant_count`) and the stock are each read with no other join in between, and
   * closing, which takes the row FOR UPDATE, never lets a join slip past it. Stock is taken by one conditional
   * UPDATE over the items locked in id order: it is never oversold, and a join that does not fit is a CONFLICT
   * that changes nothing.
   */
  async join(request: JoinRequest): Promise<{ participation: ParticipationRow; replayed: boolean }> {
    const joined = await this.db.transaction(async (tx) => {
      const [groupBuy] = await tx.select().from(groupBuys).where(eq(groupBuys.id, request.groupBuyId)).for('no key update');
      if (!groupBuy) throw notFound(`There is no group buy with id ${request.groupBuyId}.`);
      assertOpenForJoining(groupBuy, request.now);

      const [created] = await tx
        .insert(participations)
        .values({
          id: request.id,
          groupBuyId: request.groupBuyId,
          householdId: request.householdId,
          householdLabel: request.householdLabel,
          submittedBy: request.submittedBy,
          idempotencyKey: request.idempotencyKey,
          fingerprint: request.fingerprint,
          amount: 0,
          joinedAt: request.now,
        })
        .onConflictDoNothing({ target: [participations.submittedBy, participations.idempotencyKey] })
        .returning();
      if (!created) return null;

      const items = await tx
        .select()
        .from(groupBuyItems)
        .where(eq(groupBuyItems.groupBuyId, request.groupBuyId))
        .orderBy(asc(groupBuyItems.id))
        .for('update');
      const [taken] = await tx
        .select({ units: sql<number>`coalesce(sum(${participationLines.quantity}), 0)::int` })
        .from(participationLines)
        .innerJoin(participations, eq(participations.id, participationLines.participationId))
        .where(and(eq(participations.groupBuyId, request.groupBuyId), eq(participations.householdId, request.householdId)));
      const price = priceJoin(request.lines, items, { perHousehold: groupBuy.perHouseholdLimit, alreadyTaken: taken?.units ?? 0 });

      const short = price.priced
        .map((line) => ({ line, item: items.find((item) => item.id === line.itemId)! }))
        .filter(({ line, item }) => item.stock !== null && item.sold + line.quantity > item.stock);
      if (short.length) {
        throw conflict(
          `Not enough left: ${short.map(({ line, item }) => `${item.name} has ${item.stock! - item.sold} ${item.unit} left, you asked for ${line.quantity}`).join('; ')}. Nothing was taken.`,
        );
      }
      const values = price.priced.map((line) => sql`(${line.itemId}::uuid, ${line.quantity}::int)`);
      await tx.execute(sql`UPDATE group_buy_items AS i SET sold = i.sold + v.quantity
        FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, quantity) WHERE i.id = v.id`);
      await tx.insert(participationLines).values(
        price.priced.map((line) => ({ participationId: created.id, itemId: line.itemId, quantity: line.quantity, unitPrice: line.unitPrice })),
      );
      const [priced] = await tx.update(participations).set({ amount: price.amount }).where(eq(participations.id, created.id)).returning();
      await tx
        .update(groupBuys)
        .set({ participantCount: sql`${groupBuys.participantCount} + 1` })
        .where(
          and(
            eq(groupBuys.id, request.groupBuyId),
            sql`NOT EXISTS (SELECT 1 FROM ${participations} WHERE ${participations.groupBuyId} = ${request.groupBuyId}
                AND ${participations.householdId} = ${request.householdId} AND ${participations.id} <> ${created.id})`,
          ),
        );
      return priced!;
    });
    if (joined) return { participation: joined, replayed: false };
    // Another request with the same key committed first: answer as it did.
    return { participation: (await this.replayJoin(request.submittedBy, request.idempotencyKey, request.fingerprint))!, replayed: true };
  }

  /** Closes one group buy inside a transaction that holds it FOR UPDATE. */
  private static async closeLocked(tx: Executor<SelforgTables>, groupBuy: GroupBuyRow, closedBy: string, now: Date) {
    const [closed] = await tx
      .update(groupBuys)
      .set({ status: statusOnClose(groupBuy.participantCount, groupBuy.minParticipants), closedBy, closedAt: now })
      .where(and(eq(groupBuys.id, groupBuy.id), eq(groupBuys.status, 'OPEN')))
      .returning();
    return closed!;
  }

  /** The committee closes its group buy (before or after the deadline); only an OPEN one. */
  async close(id: string, closedBy: string, now: Date, authorize: (groupBuy: GroupBuyRow) => void) {
    return this.db.transaction(async (tx) => {
      const [groupBuy] = await tx.select().from(groupBuys).where(anyOf(groupBuys.id, validUuids([id]))).for('update');
      if (!groupBuy) throw notFound(`There is no group buy with id ${id}.`);
      authorize(groupBuy);
      if (groupBuy.status !== 'OPEN') throw conflict(`This group buy is already ${groupBuy.status}.`);
      return GroupBuyRepository.closeLocked(tx, groupBuy, closedBy, now);
    });
  }

  /**
   * Closes every OPEN group buy whose deadline has come. SKIP LOCKED and the OPEN condition let several
   * instances sweep at once without closing one twice.
   */
  async closeDue(now: Date, limit = 100) {
    return this.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(groupBuys)
        .where(and(eq(groupBuys.status, 'OPEN'), lte(groupBuys.deadline, now)))
        .orderBy(asc(groupBuys.deadline))
        .limit(limit)
        .for('update', { skipLocked: true });
      const closed = [];
      for (const groupBuy of due) closed.push(await GroupBuyRepository.closeLocked(tx, groupBuy, 'scheduler', now));
      return closed;
    });
  }

  /** The committee moves a closed group buy forward. */
  async advance(id: string, to: GroupBuyStatus, authorize: (groupBuy: GroupBuyRow) => void) {
    return this.db.transaction(async (tx) => {
      const [groupBuy] = await tx.select().from(groupBuys).where(anyOf(groupBuys.id, validUuids([id]))).for('update');
      if (!groupBuy) throw notFound(`There is no group buy with id ${id}.`);
      authorize(groupBuy);
      assertAdvance(groupBuy.status, to);
      const [moved] = await tx.update(groupBuys).set({ status: to }).where(eq(groupBuys.id, id)).returning();
      return moved!;
    });
  }

  /** A volunteer marks a participation picked up while its group buy is DISTRIBUTING. */
  async markPickedUp(participationId: string, by: string, now: Date, authorize: (groupBuy: GroupBuyRow) => void) {
    return this.db.transaction(async (tx) => {
      const [participation] = await tx
        .select()
        .from(participations)
        .where(anyOf(participations.id, validUuids([participationId])))
        .for('update');
      if (!participation) throw notFound(`There is no participation with id ${participationId}.`);
      const [groupBuy] = await tx.select().from(groupBuys).where(eq(groupBuys.id, participation.groupBuyId));
      authorize(groupBuy!);
      if (groupBuy!.status !== 'DISTRIBUTING') throw conflict(`Goods are picked up while the group buy is DISTRIBUTING; it is ${groupBuy!.status}.`);
      if (participation.pickedUpAt) throw conflict('This participation was already picked up.');
      const [marked] = await tx
        .update(participations)
        .set({ pickedUpAt: now, pickedUpBy: by })
        .where(eq(participations.id, participationId))
        .returning();
      return marked!;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gte, like, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { anyOf, byLevel, conflict, everyLevel, everyLevelRows, ofLevel, unnestRows, notFound, regionPattern, validUuids, type CalendarDate, type Database, type PackageCategory } from '@cgov/shared';
import {
  communityDailyHouseholds,
  communityDailyStats,
  households,
  deliveryBatches,
  orderBatches,
  orders,
  subsidyUsage,
  type CommunityTables,
  type HouseholdRow,
  type OrderChannel,
  type OrderRow,
  type OrderStatus,
  type PackageRow,
} from '../db/schema.js';
import { ORDER_PATH, priceOrder, subsidyFor, type PolicyTerms } from '../domain/orders.js';
import type { RegionStatsRows } from '../domain/stats.js';
import { countCancelled, countDelivered, countPlaced } from './dailyStats.js';

/** One order of a batch, with everything needed to price it. */
export interface OrderLine {
  household: HouseholdRow;
  pkg: PackageRow;
  quantity: number;
  channel: OrderChannel;
  /** The policy in force for the package's community, category and date; null when none. */
  policy: PolicyTerms | null;
}

/** Who sent a batch, the idempotency key it came with and a fingerprint of what it asked. */
export interface BatchKey {
  submittedBy: string;
  idempotencyKey: string;
  fingerprint: string;
}

export interface SubmitBatch extends BatchKey {
  lines: OrderLine[];
  /** The party member who collected the orders, when one submitted them. */
  collectedBy: string | null;
  now: Date;
  /** Ids for the batch and its orders (by position); new random ones when absent. The demo gives stable ones. */
  ids?: { batch: string; order(position: number): string };
}

/** Every status in path order, CANCELLED last: the order in which counts by status are listed. */
const STATUS_ORDER: readonly OrderStatus[] = [...ORDER_PATH, 'CANCELLED'];

const usageKey = (row: { householdId: string; date: string; category: string }) => `${row.householdId}|${row.date}|${row.category}`;

/** What an analyst filters orders by: a region (any level), delivery dates, category, status, channel. */
export interface OrderFilter {
  regionId: string;
  dateFrom?: CalendarDate | null;
  dateTo?: CalendarDate | null;
  category?: PackageCategory | null;
  status?: OrderStatus | null;
  channel?: OrderChannel | null;
}

function orderConditions(filter: OrderFilter): SQL {
  return and(
    like(orders.communityId, regionPattern(filter.regionId)),
    filter.dateFrom ? gte(orders.date, filter.dateFrom) : undefined,
    filter.dateTo ? lte(orders.date, filter.dateTo) : undefined,
    filter.category ? eq(orders.category, filter.category) : undefined,
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.channel ? eq(orders.channel, filter.channel) : undefined,
  )!;
}

/** The only code that reads or writes orders, their batches and the households' subsidy usage. */
export class OrderRepository {
  constructor(private readonly db: Database<CommunityTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(orders).where(anyOf(orders.id, validUuids(ids)));
  }

  /**
   * Places a batch all-or-nothing. The household-day-category usage rows are locked (in key order, so
   * concurrent batches never deadlock) before pricing, so the daily subsidy limit holds under any concurrency.
   * A key seen before returns the first answer when the orders are the same, and is a CONFLICT otherwise.
   */
  async submit(batch: SubmitBatch): Promise<{ orders: OrderRow[]; replayed: boolean }> {
    const placed = await this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(orderBatches)
        .values({ id: batch.ids?.batch, submittedBy: batch.submittedBy, idempotencyKey: batch.idempotencyKey, fingerprint: batch.fingerprint, submittedAt: batch.now })
        .onConflictDoNothing({ target: [orderBatches.submittedBy, orderBatches.idempotencyKey] })
        .returning();
      if (!created) return null;

      const subsidised = batch.lines.filter((line) => subsidyFor(line.pkg.listPrice, line.policy) > 0);
      const keys = [
        ...new Map(
          subsidised.map((line) => {
            const key = { householdId: line.household.id, date: line.pkg.date, category: line.pkg.category };
            return [usageKey(key), key] as const;
          }),
        ).values(),
      ].sort((a, b) => usageKey(a).localeCompare(usageKey(b)));
      const used = new Map<string, number>();
      /** The usage rows of the batch's keys, as `household_id, date, category, units` (units by key). */
      const usage = (units: (key: (typeof keys)[number]) => number) => sql`(${unnestRows(subsidyUsage, keys.map((key) => ({ ...key, units: units(key) })))})`;
      if (keys.length) {
        await tx.insert(subsidyUsage).select(unnestRows(subsidyUsage, keys.map((key) => ({ ...key, units: 0 })))).onConflictDoNothing();
        const locked = await tx
          .select()
          .from(subsidyUsage)
          .where(
            sql`(${subsidyUsage.householdId}, ${subsidyUsage.date}, ${subsidyUsage.category}) IN (SELECT household_id, date, category FROM ${usage(() => 0)} AS k(household_id, date, category, units))`,
          )
          .orderBy(asc(subsidyUsage.householdId), asc(subsidyUsage.date), asc(subsidyUsage.category))
          .for('update');
        for (const row of locked) used.set(usageKey(row), row.units);
      }

      const rows = batch.lines.map((line, position) => {
        const key = usageKey({ householdId: line.household.id, date: line.pkg.date, category: line.pkg.category });
        const price = priceOrder({ quantity: line.quantity, listPrice: line.pkg.listPrice, policy: line.policy, alreadySubsidised: used.get(key) ?? 0 });
        if (used.has(key)) used.set(key, used.get(key)! + price.subsidizedQuantity);
        return {
          id: batch.ids?.order(position) ?? randomUUID(),
          batchId: created.id,
          position,
          householdId: line.household.id,
          packageId: line.pkg.id,
          communityId: line.household.communityId,
          compoundId: line.household.compoundId,
          buildingId: line.household.buildingId,
          date: line.pkg.date,
          category: line.pkg.category,
          quantity: line.quantity,
          listPrice: line.pkg.listPrice,
          ...price,
          status: 'PLACED' as const,
          channel: line.channel,
          submittedBy: batch.submittedBy,
          collectedBy: batch.collectedBy,
          deliveredBy: null,
          placedAt: batch.now,
          updatedAt: batch.now,
        };
      });
      if (keys.length) {
        await tx.execute(sql`UPDATE household_subsidy_usage AS u SET units = v.units
          FROM ${usage((key) => used.get(usageKey(key)) ?? 0)} AS v(household_id, date, category, units)
          WHERE u.household_id = v.household_id AND u.date = v.date AND u.category = v.category`);
      }
      const inserted = await tx.insert(orders).select(unnestRows(orders, rows)).returning();
      await countPlaced(tx, inserted);
      return inserted;
    });
    if (placed) return { orders: placed.sort((a, b) => a.position - b.position), replayed: false };

    // Another request with the same key committed first: answer as it did.
    return { orders: (await this.replay(batch.submittedBy, batch.idempotencyKey, batch.fingerprint))!, replayed: true };
  }

  /** A page of orders matching the filter, newest delivery date first, after the key (date, id) of the last row seen. */
  list(filter: OrderFilter, limit: number, after: [string, string] | null) {
    const afterKey = after ? sql`(${orders.date}, ${orders.id}) < (${after[0]}::date, ${after[1]}::uuid)` : undefined;
    return this.db
      .select()
      .from(orders)
      .where(and(orderConditions(filter), afterKey))
      .orderBy(desc(orders.date), desc(orders.id))
      .limit(limit);
  }

  async count(filter: OrderFilter): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(orders).where(orderConditions(filter));
    return row?.n ?? 0;
  }

  /** Households' orders, of one delivery date or all, newest first. */
  ofHouseholds(householdIds: readonly string[], date: CalendarDate | null) {
    const mine = anyOf(orders.householdId, validUuids(householdIds));
    return this.db
      .select()
      .from(orders)
      .where(date ? and(mine, eq(orders.date, date)) : mine)
      .orderBy(desc(orders.placedAt), desc(orders.seq));
  }

  /**
   * The orders a key placed before, when this submitter used it for the same orders; null for a new key;
   * a CONFLICT when the key was used for different orders.
   */
  async replay(submittedBy: string, idempotencyKey: string, fingerprint: string): Promise<OrderRow[] | null> {
    const [earlier] = await this.db
      .select()
      .from(orderBatches)
      .where(and(eq(orderBatches.submittedBy, submittedBy), eq(orderBatches.idempotencyKey, idempotencyKey)));
    if (!earlier) return null;
    if (earlier.fingerprint !== fingerprint) {
      throw conflict(`The idempotency key "${idempotencyKey}" was already used for different orders; use a new key for a new batch.`);
    }
    return this.ofBatch(earlier.id);
  }

  ofBatch(batchId: string) {
    return this.db.select().from(orders).where(eq(orders.batchId, batchId)).orderBy(asc(orders.position));
  }

  /**
   * Moves a compound's orders for a date from one status to the next. Orders further behind block the
   * move (they would be skipped): that is a CONFLICT naming them. Answers the orders moved and the compound's
   * other orders of the date counted by status (taken before the move, so orders already at `to` count there).
   */
  async advance(compoundId: string, date: CalendarDate, from: OrderStatus, to: OrderStatus, now: Date) {
    return this.db.transaction(async (tx) => {
      // Lock what moves first, in id order as markDelivered does (so the two never deadlock); counting after the
      // lock sees what a concurrent advance or cancel committed meanwhile, so moved and skipped add up.
      const moving = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.compoundId, compoundId), eq(orders.date, date), eq(orders.status, from)))
        .orderBy(asc(orders.id))
        .for('update');
      // The compound's orders of the date by status: any further behind than `from` block the move, the rest are what it skips.
      const byStatus = await tx
        .select({ status: orders.status, count: sql<number>`count(*)::int` })
        .from(orders)
        .where(and(eq(orders.compoundId, compoundId), eq(orders.date, date)))
        .groupBy(orders.status);
      const late = byStatus.find((row) => ORDER_PATH.indexOf(row.status) >= 0 && ORDER_PATH.indexOf(row.status) < ORDER_PATH.indexOf(from));
      if (late) throw conflict(`Some orders of this compound for ${date} are still ${late.status}; move them to ${from} before ${to}.`);
      // Orders that reached `from` after the lock (placed meanwhile) stay where they are: counted as skipped too.
      const skipped = byStatus
        .map((row) => (row.status === from ? { ...row, count: row.count - moving.length } : row))
        .filter((row) => row.count > 0)
        .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
      if (!moving.length) return { orders: [], skipped };
      const moved = await tx
        .update(orders)
        .set({ status: to, updatedAt: now })
        .where(and(anyOf(orders.id, moving.map((order) => order.id)), eq(orders.status, from)))
        .returning();
      return { orders: moved, skipped };
    });
  }

  /**
   * Marks orders delivered, all or none: each must be AT_GATE and allowed to the caller. Who may act is
   * checked before the transaction (a household never moves), so no other statement runs while it holds locks.
   * With a key, the batch is recorded in the same transaction; when another request with that key committed first,
   * the answer is that batch's (the orders as they are now), or a CONFLICT when it named other orders.
   */
  async markDelivered(
    ids: readonly string[],
    deliveredBy: string | null,
    now: Date,
    authorize: (order: OrderRow) => Promise<void>,
    key: BatchKey | null = null,
  ): Promise<OrderRow[]> {
    const known = await this.byIds(ids);
    const missing = ids.filter((id) => !known.some((order) => order.id === id));
    if (missing.length) throw notFound(`There is no order with id ${missing.join(', ')}.`);
    for (const order of known) await authorize(order);
    const delivered = await this.db.transaction(async (tx) => {
      if (key) {
        const [created] = await tx
          .insert(deliveryBatches)
          .values({ submittedBy: key.submittedBy, idempotencyKey: key.idempotencyKey, fingerprint: key.fingerprint, submittedAt: now })
          .onConflictDoNothing({ target: [deliveryBatches.submittedBy, deliveryBatches.idempotencyKey] })
          .returning({ id: deliveryBatches.id });
        if (!created) return null;
      }
      const found = await tx.select().from(orders).where(anyOf(orders.id, validUuids(ids))).orderBy(asc(orders.id)).for('update');
      const wrong = found.filter((order) => order.status !== 'AT_GATE');
      if (wrong.length) {
        throw conflict(
          `Only orders at the gate can be delivered; ${wrong.map((order) => `${order.id} is ${order.status}`).join(', ')}. Nothing was marked.`,
        );
      }
      const result = await tx
        .update(orders)
        .set({ status: 'DELIVERED', deliveredBy, updatedAt: now })
        .where(anyOf(orders.id, validUuids(ids)))
        .returning();
      await countDelivered(tx, result);
      return ids.map((id) => result.find((order) => order.id === id)!);
    });
    if (delivered) return delivered;
    return (await this.deliveryReplay(ids, key!))!;
  }

  /**
   * The orders of a delivery batch sent before with this key, as they are now, when it named the same orders; null
   * for a new key; a CONFLICT when the key was used for other orders.
   */
  async deliveryReplay(ids: readonly string[], key: BatchKey): Promise<OrderRow[] | null> {
    const [earlier] = await this.db
      .select()
      .from(deliveryBatches)
      .where(and(eq(deliveryBatches.submittedBy, key.submittedBy), eq(deliveryBatches.idempotencyKey, key.idempotencyKey)));
    if (!earlier) return null;
    if (earlier.fingerprint !== key.fingerprint) {
      throw conflict(`The idempotency key "${key.idempotencyKey}" was already used for other orders; use a new key for a new delivery batch.`);
    }
    const rows = await this.byIds(ids);
    return ids.map((id) => rows.find((order) => order.id === id)!);
  }

  /** Cancels a PLACED order and gives its subsidised units back to the household's day; who may is checked first. */
  async cancel(id: string, now: Date, authorize: (order: OrderRow) => Promise<void>) {
    const [known] = await this.byIds([id]);
    if (!known) throw notFound(`There is no order with id ${id}.`);
    await authorize(known);
    return this.db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
      if (order!.status !== 'PLACED') throw conflict(`Order ${id} is ${order!.status}; only a PLACED order can be cancelled.`);
      if (order!.subsidizedQuantity > 0) {
        await tx
          .update(subsidyUsage)
          .set({ units: sql`${subsidyUsage.units} - ${order!.subsidizedQuantity}` })
          .where(and(eq(subsidyUsage.householdId, order!.householdId), eq(subsidyUsage.date, order!.date), eq(subsidyUsage.category, order!.category)));
      }
      const [cancelled] = await tx.update(orders).set({ status: 'CANCELLED', updatedAt: now }).where(eq(orders.id, id)).returning();
      await countCancelled(tx, order!);
      return cancelled!;
    });
  }

  /** Units and orders per package of compounds for a date (not cancelled): what the committee procures. */
  report(compoundIds: readonly string[], date: CalendarDate) {
    return this.db
      .select({
        compoundId: orders.compoundId,
        packageId: orders.packageId,
        units: sql<number>`sum(${orders.quantity})::int`,
        orders: sql<number>`count(*)::int`,
        households: sql<number>`count(DISTINCT ${orders.householdId})::int`,
      })
      .from(orders)
      .where(and(anyOf(orders.compoundId, validUuids(compoundIds)), eq(orders.date, date), ne(orders.status, 'CANCELLED')))
      .groupBy(orders.compoundId, orders.packageId);
  }

  /** Orders of compounds for a date counted by status (cancelled ones included). */
  statusCounts(compoundIds: readonly string[], date: CalendarDate) {
    return this.db
      .select({ compoundId: orders.compoundId, status: orders.status, count: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(anyOf(orders.compoundId, validUuids(compoundIds)), eq(orders.date, date)))
      .groupBy(orders.compoundId, orders.status);
  }

  /** Not-cancelled orders of a date for the households on some floors of some buildings, door by door. */
  onFloors(date: CalendarDate, ranges: ReadonlyArray<{ buildingId: string; floorFrom: number; floorTo: number }>) {
    if (!ranges.length) return Promise.resolve([]);
    return this.db
      .select({ order: orders, floor: households.floor })
      .from(orders)
      .innerJoin(households, eq(households.id, orders.householdId))
      .where(
        and(
          eq(orders.date, date),
          ne(orders.status, 'CANCELLED'),
          or(
            ...ranges.map((range) =>
              and(eq(households.buildingId, range.buildingId), sql`${households.floor} BETWEEN ${range.floorFrom} AND ${range.floorTo}`),
            ),
          ),
        ),
      )
      .orderBy(asc(households.buildingId), asc(households.floor), asc(households.room), asc(orders.placedAt))
      .then((rows) => rows.map((row) => ({ ...row.order, floor: row.floor })));
  }

  /**
   * Per region asked (any level), delivery date in [from, to] and category, the orders not cancelled of the
   * communities inside it, summed by the database from the daily statistics kept with every order
   * (`categories`); and per region and date its distinct households (`households`: a household lives in one
   * community, so communities' counts add up). Two statements, whatever the number of regions and levels.
   */
  async regionStats(regionIds: readonly string[], from: CalendarDate, to: CalendarDate): Promise<RegionStatsRows> {
    const levels = [...byLevel(regionIds)];
    if (!levels.length) return { categories: [], households: [] };
    const s = communityDailyStats;
    const h = communityDailyHouseholds;
    // Thousands of rows at the city's size: read as the driver returns them, each column named as its field.
    const perCategory = levels.map(([length, ids]) => {
      const region = ofLevel(s.communityId, length);
      return this.db
        .select({
          regionId: sql<string>`${region}`.as('regionId'),
          date: s.date,
          category: s.category,
          orders: sql<number>`sum(${s.orders})::int`.as('orders'),
          units: sql<number>`sum(${s.units})::int`.as('units'),
          listTotal: sql<number>`sum(${s.listTotal})::float8`.as('listTotal'),
          subsidyTotal: sql<number>`sum(${s.subsidyTotal})::float8`.as('subsidyTotal'),
          payableTotal: sql<number>`sum(${s.payableTotal})::float8`.as('payableTotal'),
          delivered: sql<number>`sum(${s.delivered})::int`.as('delivered'),
        })
        .from(s)
        .where(and(gte(s.date, from), lte(s.date, to), anyOf(region, ids)))
        .groupBy(region, s.date, s.category)
        .having(sql`sum(${s.orders}) > 0`)
        .$dynamic();
    });
    const households = levels.map(([length, ids]) => {
      const region = ofLevel(h.communityId, length);
      return this.db
        .select({ regionId: sql<string>`${region}`.as('regionId'), date: h.date, households: sql<number>`sum(${h.households})::int`.as('households') })
        .from(h)
        .where(and(gte(h.date, from), lte(h.date, to), anyOf(region, ids)))
        .groupBy(region, h.date)
        .$dynamic();
    });
    const [categories, householdRows] = await Promise.all([everyLevelRows(this.db, perCategory), everyLevelRows(this.db, households)]);
    return { categories, households: householdRows };
  }

  /** Per region asked (any level), the subsidy granted on every order not cancelled inside it: one statement. */
  async subsidySpent(regionIds: readonly string[]): Promise<Map<string, number>> {
    const spent = new Map(regionIds.map((id) => [id, 0]));
    const levels = [...byLevel(regionIds)];
    if (!levels.length) return spent;
    const perLevel = levels.map(([length, ids]) => {
      const region = ofLevel(communityDailyStats.communityId, length);
      return this.db
        .select({ regionId: sql<string>`${region}`.as('region_id'), spent: sql<number>`sum(${communityDailyStats.subsidyTotal})::float8`.as('spent') })
        .from(communityDailyStats)
        .where(anyOf(region, ids))
        .groupBy(region)
        .$dynamic();
    });
    for (const row of await everyLevel(perLevel)) spent.set(row.regionId, row.spent);
    return spent;
  }
}

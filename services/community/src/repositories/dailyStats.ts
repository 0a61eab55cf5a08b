import { sql } from 'drizzle-orm';
import { addedOnConflict, unnestRows, type Executor } from '@cgov/shared';
import { communityDailyHouseholds, communityDailyStats, householdDailyOrders, type CommunityTables, type OrderRow } from '../db/schema.js';

type Tx = Executor<CommunityTables>;

interface StatsDelta {
  communityId: string;
  date: string;
  category: OrderRow['category'];
  orders: number;
  units: number;
  listTotal: number;
  subsidyTotal: number;
  payableTotal: number;
  delivered: number;
}

const key = (...parts: string[]) => parts.join('|');


/** Adds (or, with sign -1, takes away) orders from their communities' daily statistics, in key order. */
async function applyStats(tx: Tx, rows: readonly OrderRow[], sign: 1 | -1, deliveredOnly = false): Promise<void> {
  const deltas = new Map<string, StatsDelta>();
  for (const row of rows) {
    const k = key(row.communityId, row.date, row.category);
    const delta = deltas.get(k) ?? { communityId: row.communityId, date: row.date, category: row.category, orders: 0, units: 0, listTotal: 0, subsidyTotal: 0, payableTotal: 0, delivered: 0 };
    if (deliveredOnly) delta.delivered += sign;
    else {
      delta.orders += sign;
      delta.units += sign * row.quantity;
      delta.listTotal += sign * row.quantity * row.listPrice;
      delta.subsidyTotal += sign * row.subsidizedQuantity * row.subsidy;
      delta.payableTotal += sign * row.payable;
      if (row.status === 'DELIVERED') delta.delivered += sign;
    }
    deltas.set(k, delta);
  }
  if (!deltas.size) return;
  const sorted = [...deltas.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, delta]) => delta);
  const s = communityDailyStats;
  await tx
    .insert(s)
    .select(unnestRows(s, sorted))
    .onConflictDoUpdate({
      target: [s.communityId, s.date, s.category],
      set: {
        orders: addedOnConflict(s.orders),
        units: addedOnConflict(s.units),
        listTotal: addedOnConflict(s.listTotal),
        subsidyTotal: addedOnConflict(s.subsidyTotal),
        payableTotal: addedOnConflict(s.payableTotal),
        delivered: addedOnConflict(s.delivered),
      },
    });
}

/** Counts households that got their first order of a day (or lost their last one), per community. */
async function applyHouseholds(tx: Tx, rows: readonly OrderRow[], sign: 1 | -1): Promise<void> {
  const perHousehold = new Map<string, { householdId: string; date: string; communityId: string; orders: number }>();
  for (const row of rows) {
    const k = key(row.householdId, row.date);
    const entry = perHousehold.get(k) ?? { householdId: row.householdId, date: row.date, communityId: row.communityId, orders: 0 };
    entry.orders += sign;
    perHousehold.set(k, entry);
  }
  const entries = [...perHousehold.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, entry]) => entry);
  const after = await tx
    .insert(householdDailyOrders)
    .select(unnestRows(householdDailyOrders, entries))
    .onConflictDoUpdate({ target: [householdDailyOrders.householdId, householdDailyOrders.date], set: { orders: addedOnConflict(householdDailyOrders.orders) } })
    .returning();
  const changes = new Map<string, { communityId: string; date: string; households: number }>();
  for (const row of after) {
    const delta = perHousehold.get(key(row.householdId, row.date))!.orders;
    const before = row.orders - delta;
    const change = before === 0 && row.orders > 0 ? 1 : before > 0 && row.orders === 0 ? -1 : 0;
    if (!change) continue;
    const k = key(row.communityId, row.date);
    const entry = changes.get(k) ?? { communityId: row.communityId, date: row.date, households: 0 };
    entry.households += change;
    changes.set(k, entry);
  }
  if (!changes.size) return;
  const counts = [...changes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, c]) => c);
  await tx
    .insert(communityDailyHouseholds)
    .select(unnestRows(communityDailyHouseholds, counts))
    .onConflictDoUpdate({
      target: [communityDailyHouseholds.communityId, communityDailyHouseholds.date],
      set: { households: addedOnConflict(communityDailyHouseholds.households) },
    });
}

/** Counts orders just placed into the daily statistics (same transaction). */
export async function countPlaced(tx: Tx, rows: readonly OrderRow[]): Promise<void> {
  if (!rows.length) return;
  await applyHouseholds(tx, rows, 1);
  await applyStats(tx, rows, 1);
}

/** Takes a cancelled order out of the daily statistics (same transaction). */
export async function countCancelled(tx: Tx, row: OrderRow): Promise<void> {
  await applyHouseholds(tx, [row], -1);
  await applyStats(tx, [row], -1);
}

/** Counts orders just delivered (same transaction). */
export async function countDelivered(tx: Tx, rows: readonly OrderRow[]): Promise<void> {
  await applyStats(tx, rows, 1, true);
}

/** Rebuilds every daily statistic from the orders themselves: for data loaded in bulk (the demo, generated cities). */
export const REBUILD_DAILY_STATS_SQL = [
  `DELETE FROM community_daily_stats`,
  `DELETE FROM community_daily_households`,
  `DELETE FROM household_daily_orders`,
  `INSERT INTO community_daily_stats (community_id, date, category, orders, units, list_total, subsidy_total, payable_total, delivered)
   SELECT community_id, date, category, count(*), sum(quantity), sum(quantity * list_price), sum(subsidized_quantity * subsidy), sum(payable),
          count(*) FILTER (WHERE status = 'DELIVERED')
   FROM orders WHERE status <> 'CANCELLED' GROUP BY community_id, date, category`,
  `INSERT INTO household_daily_orders (household_id, date, community_id, orders)
   SELECT household_id, date, min(community_id), count(*) FROM orders WHERE status <> 'CANCELLED' GROUP BY household_id, date`,
  `INSERT INTO community_daily_households (community_id, date, households)
   SELECT community_id, date, count(*) FROM household_daily_orders WHERE orders > 0 GROUP BY community_id, date`,
];

export async function rebuildDailyStats(tx: Tx): Promise<void> {
  for (const statement of REBUILD_DAILY_STATS_SQL) await tx.execute(sql.raw(statement));
}

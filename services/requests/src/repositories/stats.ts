import { sql, type Column } from 'drizzle-orm';
import { anyOf, byLevel, everyLevel, ofLevel, unnestRows, type CalendarMonth, type Database, type Executor } from '@cgov/shared';
import { and, eq } from 'drizzle-orm';
import { requestCommunityStats, requestUnitStats, type RequestsTables } from '../db/schema.js';
import { REGION_COUNTS, type CommunityDelta, type RateCounts, type RegionCounts, type UnitDelta } from '../domain/stats.js';

type Tx = Executor<RequestsTables>;

/** In an upsert: the row's count plus the incoming row's. */
const added = (column: Column) => sql`${column} + excluded.${sql.identifier(column.name)}`;

/** Adds what a write changed to its community's month and category (same transaction as the write). */
export async function applyCommunityDeltas(tx: Tx, deltas: readonly CommunityDelta[]): Promise<void> {
  if (!deltas.length) return;
  const s = requestCommunityStats;
  // One row per key (an upsert may touch a row once), in key order (concurrent writers lock rows in the same order).
  const merged = new Map<string, CommunityDelta>();
  for (const delta of deltas) {
    const key = `${delta.communityId}|${delta.month}|${delta.categoryCode}`;
    const into = merged.get(key);
    if (!into) merged.set(key, { ...delta });
    else for (const count of REGION_COUNTS) into[count] += delta[count];
  }
  const sorted = [...merged.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, delta]) => delta);
  await tx
    .insert(s)
    .select(unnestRows(s, sorted))
    .onConflictDoUpdate({
      target: [s.communityId, s.month, s.categoryCode],
      set: {
        received: added(s.received),
        open: added(s.open),
        overdue: added(s.overdue),
        closed: added(s.closed),
        dispatched: added(s.dispatched),
        respondedOnTime: added(s.respondedOnTime),
        callbacks: added(s.callbacks),
        resolvedCallbacks: added(s.resolvedCallbacks),
        satisfiedCallbacks: added(s.satisfiedCallbacks),
      },
    });
}

/** Adds what a write changed to the month of the unit that holds the request (same transaction as the write). */
export async function applyUnitDelta(tx: Tx, delta: UnitDelta): Promise<void> {
  const s = requestUnitStats;
  await tx
    .insert(s)
    .values(delta)
    .onConflictDoUpdate({
      target: [s.cityId, s.month, s.unitKind, s.unitId],
      set: {
        dispatched: added(s.dispatched),
        respondedOnTime: added(s.respondedOnTime),
        callbacks: added(s.callbacks),
        resolvedCallbacks: added(s.resolvedCallbacks),
        satisfiedCallbacks: added(s.satisfiedCallbacks),
      },
    });
}

const c = requestCommunityStats;
const sum = (column: Column, name: string) => sql<number>`sum(${column})::int`.as(name);

/** The statistics the requests tier keeps, read back: regions' months, categories, and units' months. */
export class RequestStatsRepository {
  constructor(private readonly db: Database<RequestsTables>) {}

  /**
   * Per region asked (any level) and month, the sums of its communities' rows: one statement for every region and
   * level asked, whatever the number of requests.
   */
  async regionCounts(regionIds: readonly string[], months: readonly CalendarMonth[]): Promise<Array<{ regionId: string; month: string } & RegionCounts>> {
    const levels = [...byLevel(regionIds)];
    if (!levels.length || !months.length) return [];
    return everyLevel(
      levels.map(([length, ids]) => {
        const region = ofLevel(c.communityId, length);
        return this.db
          .select({
            regionId: sql<string>`${region}`.as('region_id'),
            month: c.month,
            received: sum(c.received, 'received'),
            open: sum(c.open, 'open'),
            overdue: sum(c.overdue, 'overdue'),
            closed: sum(c.closed, 'closed'),
            dispatched: sum(c.dispatched, 'dispatched'),
            respondedOnTime: sum(c.respondedOnTime, 'responded_on_time'),
            callbacks: sum(c.callbacks, 'callbacks'),
            resolvedCallbacks: sum(c.resolvedCallbacks, 'resolved_callbacks'),
            satisfiedCallbacks: sum(c.satisfiedCallbacks, 'satisfied_callbacks'),
          })
          .from(c)
          .where(and(anyOf(c.month, months), anyOf(region, ids)))
          .groupBy(region, c.month)
          .$dynamic();
      }),
    );
  }

  /** Per region asked and month, requests received per category: one statement for every region and level asked. */
  async categoryCounts(regionIds: readonly string[], months: readonly CalendarMonth[]): Promise<Array<{ regionId: string; month: string; categoryCode: string; count: number }>> {
    const levels = [...byLevel(regionIds)];
    if (!levels.length || !months.length) return [];
    return everyLevel(
      levels.map(([length, ids]) => {
        const region = ofLevel(c.communityId, length);
        return this.db
          .select({ regionId: sql<string>`${region}`.as('region_id'), month: c.month, categoryCode: c.categoryCode, count: sum(c.received, 'count') })
          .from(c)
          .where(and(anyOf(c.month, months), anyOf(region, ids)))
          .groupBy(region, c.month, c.categoryCode)
          .having(sql`sum(${c.received}) > 0`)
          .$dynamic();
      }),
    );
  }

  /** Every unit of a kind with dispatches in a city's month, with its counts: one statement. */
  unitCounts(cityId: string, month: CalendarMonth, unitKind: 'STREET' | 'DEPARTMENT'): Promise<Array<{ unitId: string } & RateCounts>> {
    const u = requestUnitStats;
    return this.db
      .select({
        unitId: u.unitId,
        dispatched: u.dispatched,
        respondedOnTime: u.respondedOnTime,
        callbacks: u.callbacks,
        resolvedCallbacks: u.resolvedCallbacks,
        satisfiedCallbacks: u.satisfiedCallbacks,
      })
      .from(u)
      .where(and(eq(u.cityId, cityId), eq(u.month, month), eq(u.unitKind, unitKind)));
  }
}

const MONTH_OF = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const ON_TIME = `(responded_at IS NOT NULL AND responded_at <= response_deadline)::int`;

/**
 * Rebuilds the kept statistics from the requests, their dispatches and callbacks: for data loaded in bulk (the
 * benchmark's city) and to check, in tests, that what every write kept equals what the rows say.
 */
export const REBUILD_REQUEST_STATS_SQL = [
  `DELETE FROM request_community_stats`,
  `DELETE FROM request_unit_stats`,
  `INSERT INTO request_community_stats (community_id, month, category_code, received, open, overdue, closed, dispatched, responded_on_time, callbacks, resolved_callbacks, satisfied_callbacks)
   SELECT community_id, ${MONTH_OF('received_at')}, category_code, count(*), count(*) FILTER (WHERE status <> 'CLOSED'),
          count(*) FILTER (WHERE overdue AND status <> 'CLOSED'), count(*) FILTER (WHERE status = 'CLOSED'), sum(dispatch_count),
          sum(${ON_TIME}), sum(callback_count), sum(resolved_callbacks), sum(satisfied_callbacks)
   FROM requests GROUP BY 1, 2, 3`,
  `INSERT INTO request_unit_stats (city_id, month, unit_kind, unit_id, dispatched, responded_on_time, callbacks, resolved_callbacks, satisfied_callbacks)
   SELECT city_id, month, unit_kind, unit_id, sum(dispatched), sum(responded_on_time), sum(callbacks), sum(resolved_callbacks), sum(satisfied_callbacks)
   FROM (
     SELECT r.city_id, ${MONTH_OF('d.dispatched_at')} AS month, CASE WHEN d.street_id IS NULL THEN 'DEPARTMENT' ELSE 'STREET' END AS unit_kind,
            coalesce(d.street_id, d.department_id::text) AS unit_id, 1 AS dispatched, 0 AS responded_on_time, 0 AS callbacks, 0 AS resolved_callbacks, 0 AS satisfied_callbacks
     FROM request_dispatches d JOIN requests r ON r.id = d.request_id
     UNION ALL
     SELECT city_id, ${MONTH_OF('dispatched_at')}, CASE WHEN street_id IS NULL THEN 'DEPARTMENT' ELSE 'STREET' END, coalesce(street_id, department_id::text),
            0, ${ON_TIME}, callback_count, resolved_callbacks, satisfied_callbacks
     FROM requests
   ) AS shares GROUP BY 1, 2, 3, 4`,
];

/** Runs REBUILD_REQUEST_STATS_SQL in the transaction given. */
export async function rebuildRequestStats(tx: Tx): Promise<void> {
  for (const statement of REBUILD_REQUEST_STATS_SQL) await tx.execute(sql.raw(statement));
}

import { sql, type Column } from 'drizzle-orm';
import { addedOnConflict, anyOf, byLevel, everyLevel, ofLevel, unnestRows, type CalendarMonth, type Database, type Executor } from '@cgov/shared';
import { and, eq } from 'drizzle-orm';
import { requestCommunityStats, requestUnitStats, type RequestsTables } from '../db/schema.js';
import { RATE_COUNTS, REGION_COUNTS, type CommunityDelta, type RateCounts, type RegionCounts, type UnitDelta } from '../domain/stats.js';

type Tx = Executor<RequestsTables>;


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
        received: addedOnConflict(s.received),
        open: addedOnConflict(s.open),
        overdue: addedOnConflict(s.overdue),
        closed: addedOnConflict(s.closed),
        dispatched: addedOnConflict(s.dispatched),
        respondedOnTime: addedOnConflict(s.respondedOnTime),
        callbacks: addedOnConflict(s.callbacks),
        resolvedCallbacks: addedOnConflict(s.resolvedCallbacks),
        satisfiedCallbacks: addedOnConflict(s.satisfiedCallbacks),
      },
    });
}

/** Adds what a write changed to the months of the units that held the request (same transaction as the write), in key order. */
export async function applyUnitDeltas(tx: Tx, deltas: readonly UnitDelta[]): Promise<void> {
  if (!deltas.length) return;
  const s = requestUnitStats;
  const keyOf = (delta: UnitDelta) => `${delta.cityId}|${delta.month}|${delta.unitKind}|${delta.unitId}`;
  const merged = new Map<string, UnitDelta>();
  for (const delta of deltas) {
    const into = merged.get(keyOf(delta));
    if (!into) merged.set(keyOf(delta), { ...delta });
    else for (const count of RATE_COUNTS) into[count] += delta[count];
  }
  await tx
    .insert(s)
    .values([...merged.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, delta]) => delta))
    .onConflictDoUpdate({
      target: [s.cityId, s.month, s.unitKind, s.unitId],
      set: {
        dispatched: addedOnConflict(s.dispatched),
        respondedOnTime: addedOnConflict(s.respondedOnTime),
        callbacks: addedOnConflict(s.callbacks),
        resolvedCallbacks: addedOnConflict(s.resolvedCallbacks),
        satisfiedCallbacks: addedOnConflict(s.satisfiedCallbacks),
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

/** The month of an instant in Asia/Shanghai (UTC+8 all year, as shanghaiMonth counts it). */
const MONTH_OF = (column: string) => `to_char(${column} AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM')`;
/** Per request: its dispatches, and its callbacks with those resolved and satisfied, from the rows recorded. */
const RECORDED = `
  (SELECT request_id, count(*) AS dispatches FROM request_dispatches GROUP BY request_id) AS d
  JOIN requests r ON r.id = d.request_id
  LEFT JOIN (SELECT request_id, count(*) AS callbacks, count(*) FILTER (WHERE resolved) AS resolved,
                    count(*) FILTER (WHERE satisfaction <> 'DISSATISFIED') AS satisfied
             FROM request_callbacks GROUP BY request_id) AS c ON c.request_id = r.id`;
const ON_TIME = `(r.responded_at IS NOT NULL AND r.responded_at <= r.response_deadline)::int`;

/**
 * Rebuilds the kept statistics from what was recorded — the requests, every dispatch and every callback — not from
 * the counters the writes keep: for data loaded in bulk (the benchmark's city) and to check, in tests, that what
 * every write kept equals what the rows say. Writers wait while it runs (the lock), so none slips in between.
 */
export const REBUILD_REQUEST_STATS_SQL = [
  `LOCK TABLE requests IN SHARE MODE`,
  `DELETE FROM request_community_stats`,
  `DELETE FROM request_unit_stats`,
  `INSERT INTO request_community_stats (community_id, month, category_code, received, open, overdue, closed, dispatched, responded_on_time, callbacks, resolved_callbacks, satisfied_callbacks)
   SELECT r.community_id, ${MONTH_OF('r.received_at')}, r.category_code, count(*), count(*) FILTER (WHERE r.status <> 'CLOSED'),
          count(*) FILTER (WHERE r.overdue AND r.status <> 'CLOSED'), count(*) FILTER (WHERE r.status = 'CLOSED'), sum(d.dispatches),
          sum(${ON_TIME}), coalesce(sum(c.callbacks), 0), coalesce(sum(c.resolved), 0), coalesce(sum(c.satisfied), 0)
   FROM ${RECORDED} GROUP BY 1, 2, 3`,
  // Every dispatch counts for the unit it went to, in the month it was sent; the first response and the callbacks
  // belong to the unit that holds the request now (a request is returned only before it is accepted).
  `INSERT INTO request_unit_stats (city_id, month, unit_kind, unit_id, dispatched, responded_on_time, callbacks, resolved_callbacks, satisfied_callbacks)
   SELECT city_id, month, unit_kind, unit_id, sum(dispatched), sum(responded_on_time), sum(callbacks), sum(resolved_callbacks), sum(satisfied_callbacks)
   FROM (
     SELECT r.city_id, ${MONTH_OF('d.dispatched_at')} AS month, CASE WHEN d.street_id IS NULL THEN 'DEPARTMENT' ELSE 'STREET' END AS unit_kind,
            coalesce(d.street_id, d.department_id::text) AS unit_id, 1 AS dispatched, 0 AS responded_on_time, 0 AS callbacks, 0 AS resolved_callbacks, 0 AS satisfied_callbacks
     FROM request_dispatches d JOIN requests r ON r.id = d.request_id
     UNION ALL
     SELECT r.city_id, ${MONTH_OF('r.dispatched_at')}, CASE WHEN r.street_id IS NULL THEN 'DEPARTMENT' ELSE 'STREET' END, coalesce(r.street_id, r.department_id::text),
            0, ${ON_TIME}, coalesce(c.callbacks, 0), coalesce(c.resolved, 0), coalesce(c.satisfied, 0)
     FROM ${RECORDED}
   ) AS shares GROUP BY 1, 2, 3, 4`,
];

/** Runs REBUILD_REQUEST_STATS_SQL in the transaction given. */
export async function rebuildRequestStats(tx: Tx): Promise<void> {
  for (const statement of REBUILD_REQUEST_STATS_SQL) await tx.execute(sql.raw(statement));
}

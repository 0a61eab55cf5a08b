import { anyOf, badInput, conflict, notFound, regionPattern, shanghaiInstant, addDays, validUuids, type Database, type Executor } from '@cgov/shared';
import { and, asc, count, desc, eq, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  requestCallbacks,
  requestDispatches,
  requestHistory,
  requests,
  summons,
  type RequestRow,
  type RequestStatus,
  type RequestsTables,
  type Satisfaction,
} from '../db/schema.js';
import { isOverdue } from '../domain/rules.js';
import { communityShare, statsDeltas } from '../domain/stats.js';
import { applyCommunityDeltas, applyUnitDeltas } from './stats.js';

/** Which requests to list (the contract's RequestFilter). */
export interface RequestFilter {
  regionId?: string | null;
  departmentId?: string | null;
  streetId?: string | null;
  summonedDepartmentId?: string | null;
  status?: RequestStatus | null;
  categoryCode?: string | null;
  overdue?: boolean | null;
  from?: string | null;
  to?: string | null;
}

export type NewRequest = typeof requests.$inferInsert;
export type NewSummons = Omit<typeof summons.$inferInsert, 'requestId'>;

/** What one status move writes: the request's new values, a history line, and any summons. */
export interface Change {
  patch: Partial<NewRequest>;
  history?: { status: RequestStatus; at: Date; by: string; note?: string | null };
  summons?: NewSummons[];
  /** A summons to mark reported: the department that reports, when and with what note. */
  report?: { departmentId: string; at: Date; note: string };
  /** A (re-)dispatch to record: the unit in the patch, at the patch's dispatchedAt. */
  dispatched?: { by: string };
  /** A callback to record. */
  callback?: { resolved: boolean; satisfaction: Satisfaction; note: string | null; by: string };
}

type Tx = Executor<RequestsTables>;

/** Keeps the statistics in step with one write of a request (same transaction): before is null for a filing. */
async function countWrite(tx: Tx, before: RequestRow | null, after: RequestRow): Promise<void> {
  const { community, units } = statsDeltas(before, after);
  if (community) await applyCommunityDeltas(tx, [community]);
  await applyUnitDeltas(tx, units);
}

/** The requests, their history and summons: the only code that touches these tables. */
export class RequestRepository {
  constructor(private readonly db: Database<RequestsTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(requests).where(anyOf(requests.id, validUuids(ids)));
  }

  historyOf(ids: readonly string[]) {
    return this.db
      .select()
      .from(requestHistory)
      .where(anyOf(requestHistory.requestId, validUuids(ids)))
      .orderBy(asc(requestHistory.seq));
  }

  summonsOf(ids: readonly string[]) {
    return this.db.select().from(summons).where(anyOf(summons.requestId, validUuids(ids))).orderBy(asc(summons.summonedAt), asc(summons.seq));
  }

  /**
   * The request filed earlier by this filer with this key, or null when the key is new; the same key with another
   * input is a CONFLICT.
   */
  async replay(filedBy: string, idempotencyKey: string, fingerprint: string, db: Executor<RequestsTables> = this.db): Promise<RequestRow | null> {
    const [earlier] = await db
      .select()
      .from(requests)
      .where(and(eq(requests.filedBy, filedBy), eq(requests.idempotencyKey, idempotencyKey)));
    if (!earlier) return null;
    if (earlier.fingerprint !== fingerprint) {
      throw conflict(`The idempotency key "${idempotencyKey}" was already used for a different request; use a new key.`);
    }
    return earlier;
  }

  /**
   * Files a request in one transaction, idempotent by the filer's key: the first filing inserts the request and
   * its DISPATCHED history line; a retry (concurrent or later) with the same input finds the first one's row
   * (the unique key makes the late one wait for the first to commit), and with another input is a CONFLICT.
   */
  async file(request: NewRequest & { id: string; filedBy: string; idempotencyKey: string; fingerprint: string }, note: string): Promise<RequestRow> {
    return this.db.transaction(async (tx) => {
      const [created] = await tx.insert(requests).values(request).onConflictDoNothing({ target: [requests.filedBy, requests.idempotencyKey] }).returning();
      if (created) {
        await tx.insert(requestHistory).values({ requestId: created.id, status: 'DISPATCHED', at: request.dispatchedAt, by: request.filedBy, note });
        await tx.insert(requestDispatches).values({ requestId: created.id, streetId: created.streetId, departmentId: created.departmentId, dispatchedAt: created.dispatchedAt, by: created.filedBy });
        await countWrite(tx, null, created);
        return created;
      }
      const earlier = await this.replay(request.filedBy, request.idempotencyKey, request.fingerprint, tx);
      if (!earlier) throw conflict('A filing with this idempotency key is still under way; try again.');
      return earlier;
    });
  }

  /**
   * One status move at `now`, all or nothing: the request is read FOR UPDATE (concurrent moves queue behind it),
   * `decide` checks the rules against what it holds and says what to write, and the request (with `overdue` worked
   * out afresh), its history, summons, dispatches, callbacks and the kept statistics are written in the same
   * transaction.
   */
  async change(id: string, now: Date, decide: (request: RequestRow, summoned: ReadonlyArray<typeof summons.$inferSelect>) => Change): Promise<RequestRow> {
    if (!validUuids([id]).length) throw notFound(`There is no request with id ${id}.`);
    return this.db.transaction(async (tx) => {
      const [request] = await tx.select().from(requests).where(eq(requests.id, id)).for('update');
      if (!request) throw notFound(`There is no request with id ${id}.`);
      const summoned = await tx.select().from(summons).where(eq(summons.requestId, id));
      const change = decide(request, summoned);
      const patch = { ...change.patch };
      if (Object.keys(patch).length) patch.overdue = isOverdue({ ...request, ...patch }, now);
      const [updated] = Object.keys(patch).length ? await tx.update(requests).set(patch).where(eq(requests.id, id)).returning() : [request];
      if (change.history) {
        await tx.insert(requestHistory).values({ requestId: id, ...change.history });
      }
      if (change.summons?.length) await tx.insert(summons).values(change.summons.map((row) => ({ ...row, requestId: id })));
      if (change.report) await this.markReported(tx, id, change.report);
      if (change.dispatched) {
        await tx.insert(requestDispatches).values({ requestId: id, streetId: updated!.streetId, departmentId: updated!.departmentId, dispatchedAt: updated!.dispatchedAt, by: change.dispatched.by });
      }
      if (change.callback) await tx.insert(requestCallbacks).values({ requestId: id, at: now, ...change.callback });
      if (updated !== request) await countWrite(tx, request, updated!);
      return updated!;
    });
  }

  private async markReported(tx: Executor<RequestsTables>, requestId: string, report: NonNullable<Change['report']>) {
    await tx
      .update(summons)
      .set({ reportedAt: report.at, reportNote: report.note })
      .where(and(eq(summons.requestId, requestId), eq(summons.departmentId, report.departmentId), isNull(summons.reportedAt)));
  }

  /**
   * Marks every open request whose deadline passed unmet as overdue, with a history line by the system, and counts
   * it in its community's month, in batches of `limit`. SKIP LOCKED and the "not yet marked" condition let several
   * instances sweep at once without marking one twice. Returns the requests marked.
   */
  async markOverdue(now: Date, limit = 500): Promise<RequestRow[]> {
    const marked: RequestRow[] = [];
    for (;;) {
      const batch = await this.db.transaction(async (tx) => {
        const due = await tx
          .select({ id: requests.id })
          .from(requests)
          .where(
            and(
              eq(requests.overdue, false),
              sql`${requests.status} NOT IN ('CLOSED', 'REPLIED')`,
              or(and(isNull(requests.respondedAt), lt(requests.responseDeadline, now)), lt(requests.resolutionDeadline, now)),
            ),
          )
          .orderBy(asc(requests.id))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (!due.length) return [];
        const rows = await tx
          .update(requests)
          .set({ overdue: true })
          .where(anyOf(requests.id, due.map((row) => row.id)))
          .returning();
        await tx.insert(requestHistory).values(
          rows.map((row) => ({
            requestId: row.id,
            status: row.status,
            at: now,
            by: 'system',
            note: row.respondedAt === null && row.responseDeadline < now ? 'overdue: no first response by the response deadline' : 'overdue: no reply by the resolution deadline',
          })),
        );
        await applyCommunityDeltas(
          tx,
          rows.map((row) => ({ ...communityShare(row), received: 0, open: 0, overdue: 1, closed: 0, dispatched: 0, respondedOnTime: 0, callbacks: 0, resolvedCallbacks: 0, satisfiedCallbacks: 0 })),
        );
        return rows;
      });
      marked.push(...batch);
      if (batch.length < limit) return marked;
    }
  }

  list(filter: RequestFilter, limit: number, after: [string, string] | null) {
    const conditions = [filterConditions(filter)];
    if (after) {
      const at = cursorInstant(after[0]);
      if (!at || typeof after[1] !== 'string' || !validUuids([after[1]]).length) throw badInput('after must be the endCursor of an earlier page of the same list.', 'after');
      conditions.push(or(lt(requests.receivedAt, at), and(eq(requests.receivedAt, at), lt(requests.id, after[1])))!);
    }
    return this.db
      .select()
      .from(requests)
      .where(and(...conditions))
      .orderBy(desc(requests.receivedAt), desc(requests.id))
      .limit(limit);
  }

  async count(filter: RequestFilter): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(requests).where(filterConditions(filter));
    return row?.n ?? 0;
  }

  /** The latest `perHousehold` requests of each household, latest first (one statement for any number of households). */
  ofHouseholds(householdIds: readonly string[], perHousehold: number) {
    const ranked = this.db
      .select({ id: requests.id, rank: sql<number>`row_number() OVER (PARTITION BY ${requests.householdId} ORDER BY ${requests.receivedAt} DESC, ${requests.seq} DESC)`.as('rank') })
      .from(requests)
      .where(anyOf(requests.householdId, validUuids(householdIds)))
      .as('ranked');
    return this.db
      .select()
      .from(requests)
      .innerJoin(ranked, eq(ranked.id, requests.id))
      .where(lte(ranked.rank, perHousehold))
      .orderBy(desc(requests.receivedAt), desc(requests.seq))
      .then((rows) => rows.map((row) => row.requests));
  }
}

/** An ISO timestamp of years 2000–9999 as a cursor holds it (what PostgreSQL stores), or null for anything else. */
function cursorInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^[2-9][0-9]{3}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?(Z|[+-][0-9]{2}:[0-9]{2})$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

function filterConditions(filter: RequestFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.regionId) conditions.push(sql`${requests.communityId} LIKE ${regionPattern(filter.regionId)}`);
  if (filter.departmentId) conditions.push(eq(requests.departmentId, filter.departmentId));
  if (filter.streetId) conditions.push(eq(requests.streetId, filter.streetId));
  if (filter.summonedDepartmentId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${summons} WHERE ${summons.requestId} = ${requests.id} AND ${summons.departmentId} = ${filter.summonedDepartmentId})`);
  }
  if (filter.status) conditions.push(eq(requests.status, filter.status));
  if (filter.categoryCode) conditions.push(eq(requests.categoryCode, filter.categoryCode));
  if (filter.from) conditions.push(gte(requests.receivedAt, shanghaiInstant(filter.from, 0)));
  if (filter.to) conditions.push(lt(requests.receivedAt, shanghaiInstant(addDays(filter.to, 1), 0)));
  if (filter.overdue != null) conditions.push(eq(requests.overdue, filter.overdue));
  return conditions.length ? and(...conditions)! : sql`true`;
}

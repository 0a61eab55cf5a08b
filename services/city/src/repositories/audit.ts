import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database, Executor, Viewer } from '@cgov/shared';
import { auditLog, type CityTables } from '../db/schema.js';

/** What changed: one of the city's governing acts. */
export type AuditAction =
  | 'POLICY_PUBLISHED'
  | 'POLICY_ENDED_BY_NEW_VERSION'
  | 'POLICY_REVOKED'
  | 'BUDGET_ALLOCATED'
  | 'SUPPLIER_DESIGNATED';

export interface AuditEntryInput {
  regionId: string;
  action: AuditAction;
  subjectId: string;
  details: Record<string, unknown>;
}

/** The only code that writes or reads the audit log; entries are written in the same transaction as the change. */
export class AuditRepository {
  constructor(private readonly db: Database<CityTables>) {}

  static async record(tx: Executor<CityTables>, viewer: Viewer, at: Date, entries: AuditEntryInput[]): Promise<void> {
    if (!entries.length) return;
    await tx.insert(auditLog).values(
      entries.map((entry) => ({
        cityId: entry.regionId.slice(0, 4),
        regionId: entry.regionId,
        actor: viewer.sub,
        actorRole: viewer.role,
        action: entry.action,
        subjectId: entry.subjectId,
        details: entry.details,
        at,
      })),
    );
  }

  /** A city's entries, newest first, `first` at a time, before the entry id `before` when paging on. */
  ofCity(cityId: string, first: number, before?: number) {
    return this.db
      .select()
      .from(auditLog)
      .where(before === undefined ? eq(auditLog.cityId, cityId) : and(eq(auditLog.cityId, cityId), lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(first);
  }
}

import { anyOf, type Database, type Fen, type Viewer } from '@cgov/shared';
import { subsidyBudgets, type CityTables } from '../db/schema.js';
import { AuditRepository } from './audit.js';

/** The only code that reads or writes subsidy budgets. */
export class BudgetRepository {
  constructor(private readonly db: Database<CityTables>) {}

  ofRegions(regionIds: readonly string[]) {
    return this.db.select().from(subsidyBudgets).where(anyOf(subsidyBudgets.regionId, [...regionIds]));
  }

  /** Sets a region's allocation, replacing the previous one, and audits both amounts. */
  async allocate(viewer: Viewer, regionId: string, amount: Fen, now: Date) {
    return this.db.transaction(async (tx) => {
      const [previous] = await tx.select().from(subsidyBudgets).where(anyOf(subsidyBudgets.regionId, [regionId])).for('update');
      const [saved] = await tx
        .insert(subsidyBudgets)
        .values({ regionId, amount, allocatedBy: viewer.sub, allocatedAt: now })
        .onConflictDoUpdate({ target: subsidyBudgets.regionId, set: { amount, allocatedBy: viewer.sub, allocatedAt: now } })
        .returning();
      await AuditRepository.record(tx, viewer, now, [
        { regionId, action: 'BUDGET_ALLOCATED', subjectId: regionId, details: { amount, previousAmount: previous?.amount ?? null } },
      ]);
      return saved!;
    });
  }
}

import { asc } from 'drizzle-orm';
import { anyOf, conflict, validUuids, type Database, type Viewer } from '@cgov/shared';
import { suppliers, type CityTables, type SupplierRow } from '../db/schema.js';
import { AuditRepository } from './audit.js';

/** The only code that reads or writes designated suppliers. */
export class SupplierRepository {
  constructor(private readonly db: Database<CityTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(suppliers).where(anyOf(suppliers.id, validUuids(ids)));
  }

  /** Suppliers designated for any of the regions (a region's lineage: those that serve it). */
  designatedFor(regionIds: readonly string[]) {
    return this.db
      .select()
      .from(suppliers)
      .where(anyOf(suppliers.regionId, [...regionIds]))
      .orderBy(asc(suppliers.name), asc(suppliers.regionId));
  }

  /** Designates a supplier for a region; the same name twice in one region is a CONFLICT. Audited. */
  async designate(viewer: Viewer, input: { regionId: string; name: string; address: string | null }, now: Date): Promise<SupplierRow> {
    return this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(suppliers)
        .values({ ...input, designatedBy: viewer.sub, designatedAt: now })
        .onConflictDoNothing({ target: [suppliers.regionId, suppliers.name] })
        .returning();
      if (!created) throw conflict(`"${input.name}" is already a designated supplier of region ${input.regionId}.`);
      await AuditRepository.record(tx, viewer, now, [
        { regionId: input.regionId, action: 'SUPPLIER_DESIGNATED', subjectId: created.id, details: input },
      ]);
      return created;
    });
  }
}

import { inArray } from 'drizzle-orm';
import { validUuids, type Database } from '@cgov/shared';
import { ownerCommittees, type SelforgTables } from '../db/schema.js';

/** The only code that reads or writes owners' committees. */
export class OwnerCommitteeRepository {
  constructor(private readonly db: Database<SelforgTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(ownerCommittees).where(inArray(ownerCommittees.id, validUuids(ids)));
  }

  ofCompounds(compoundIds: readonly string[]) {
    return this.db.select().from(ownerCommittees).where(inArray(ownerCommittees.compoundId, validUuids(compoundIds)));
  }
}

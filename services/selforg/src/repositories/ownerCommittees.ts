import { anyOf, conflict, validUuids, type Database } from '@cgov/shared';
import { ownerCommitteeMembers, ownerCommittees, type SelforgTables } from '../db/schema.js';

/** The only code that reads or writes owners' committees and their members. */
export class OwnerCommitteeRepository {
  constructor(private readonly db: Database<SelforgTables>) {}

  byIds(ids: readonly string[]) {
    return this.db.select().from(ownerCommittees).where(anyOf(ownerCommittees.id, validUuids(ids)));
  }

  ofCompounds(compoundIds: readonly string[]) {
    return this.db.select().from(ownerCommittees).where(anyOf(ownerCommittees.compoundId, validUuids(compoundIds)));
  }

  membersOf(committeeIds: readonly string[]) {
    return this.db.select().from(ownerCommitteeMembers).where(anyOf(ownerCommitteeMembers.committeeId, validUuids(committeeIds)));
  }

  /** Registers a compound's committee with its members; a compound has one committee. */
  async register(
    committee: typeof ownerCommittees.$inferInsert,
    members: Array<Omit<typeof ownerCommitteeMembers.$inferInsert, 'committeeId'>>,
  ) {
    return this.db.transaction(async (tx) => {
      const [created] = await tx.insert(ownerCommittees).values(committee).onConflictDoNothing({ target: ownerCommittees.compoundId }).returning();
      if (!created) throw conflict('This compound already has a registered owners’ committee.');
      await tx.insert(ownerCommitteeMembers).values(members.map((member) => ({ ...member, committeeId: created.id })));
      return created;
    });
  }
}

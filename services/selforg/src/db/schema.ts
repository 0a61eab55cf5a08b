import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Owners' committees, one per compound; the community id is kept from the registration. */
export const ownerCommittees = pgTable(
  'owner_committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id').notNull().unique('owner_committees_compound_key'),
    communityId: text('community_id').notNull(),
    name: text('name').notNull(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('owner_committees_community_id_idx').on(table.communityId),
    check('owner_committees_community_code', sql`${table.communityId} ~ '^[0-9]{12}$'`),
  ],
);

/** The members of an owners' committee and the role each plays (chair, procurement, volunteers…). */
export const ownerCommitteeMembers = pgTable(
  'owner_committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => ownerCommittees.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    phone: text('phone'),
  },
  (table) => [index('owner_committee_members_committee_id_idx').on(table.committeeId)],
);

export const tables = { ownerCommittees, ownerCommitteeMembers };
export type SelforgTables = typeof tables;
export type OwnerCommitteeRow = typeof ownerCommittees.$inferSelect;

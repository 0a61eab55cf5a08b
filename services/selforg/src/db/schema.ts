import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

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

export const GROUP_BUY_CATEGORIES = ['FRUIT', 'SEAFOOD', 'MEAT', 'VEGETABLE', 'GRAIN_OIL', 'DAILY_NECESSITIES', 'MEDICINE', 'OTHER'] as const;
export type GroupBuyCategory = (typeof GROUP_BUY_CATEGORIES)[number];
export const GROUP_BUY_STATUSES = ['OPEN', 'CONFIRMED', 'CANCELLED', 'DISTRIBUTING', 'COMPLETED'] as const;
export type GroupBuyStatus = (typeof GROUP_BUY_STATUSES)[number];

/** A compound's own group buy (团购), run by its owners' committee; closes at its deadline. */
export const groupBuys = pgTable(
  'group_buys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => ownerCommittees.id),
    compoundId: uuid('compound_id').notNull(),
    communityId: text('community_id').notNull(),
    title: text('title').notNull(),
    category: text('category', { enum: GROUP_BUY_CATEGORIES }).notNull(),
    organizer: text('organizer').notNull(),
    minParticipants: integer('min_participants').notNull(),
    perHouseholdLimit: integer('per_household_limit'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    pickupAt: timestamp('pickup_at', { withTimezone: true }).notNull(),
    pickupPoint: text('pickup_point').notNull(),
    volunteers: jsonb('volunteers').$type<string[]>().notNull(),
    status: text('status', { enum: GROUP_BUY_STATUSES }).notNull().default('OPEN'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedBy: text('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Distinct households that joined, kept with the writes: the join that brings a household's first participation adds one. */
    participantCount: integer('participant_count').notNull().default(0),
  },
  (table) => [
    index('group_buys_compound_id_idx').on(table.compoundId),
    index('group_buys_community_status_idx').on(table.communityId, table.status),
    index('group_buys_region_deadline_idx').on(table.communityId.op('text_pattern_ops'), table.deadline),
    index('group_buys_open_deadline_idx').on(table.deadline).where(sql`${table.status} = 'OPEN'`),
    check('group_buys_min_participants', sql`${table.minParticipants} >= 1`),
    check('group_buys_per_household_limit', sql`${table.perHouseholdLimit} IS NULL OR ${table.perHouseholdLimit} >= 1`),
    check('group_buys_pickup_after_deadline', sql`${table.pickupAt} >= ${table.deadline}`),
    check('group_buys_participant_count', sql`${table.participantCount} >= 0`),
  ],
);

/** What a group buy offers: unit price (fen), and stock when it is limited; `sold` never passes `stock`. */
export const groupBuyItems = pgTable(
  'group_buy_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupBuyId: uuid('group_buy_id')
      .notNull()
      .references(() => groupBuys.id),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    stock: integer('stock'),
    sold: integer('sold').notNull().default(0),
  },
  (table) => [
    index('group_buy_items_group_buy_id_idx').on(table.groupBuyId),
    check('group_buy_items_price', sql`${table.unitPrice} > 0`),
    check('group_buy_items_never_oversold', sql`${table.sold} >= 0 AND (${table.stock} IS NULL OR ${table.sold} <= ${table.stock})`),
  ],
);

/** A household joining a group buy: what it takes, what it owes, whether it has picked the goods up. */
export const participations = pgTable(
  'participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupBuyId: uuid('group_buy_id')
      .notNull()
      .references(() => groupBuys.id),
    householdId: uuid('household_id').notNull(),
    /** Where the volunteers find the household: "B小区 1号楼 601" (no names). */
    householdLabel: text('household_label').notNull(),
    submittedBy: text('submitted_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    pickedUpBy: text('picked_up_by'),
  },
  (table) => [
    unique('participations_submitter_key').on(table.submittedBy, table.idempotencyKey),
    index('participations_group_buy_household_idx').on(table.groupBuyId, table.householdId),
    index('participations_household_id_idx').on(table.householdId),
  ],
);

/** The lines of a participation, at the unit price of the moment it joined. */
export const participationLines = pgTable(
  'participation_lines',
  {
    participationId: uuid('participation_id')
      .notNull()
      .references(() => participations.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => groupBuyItems.id),
    quantity: integer('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('participation_lines_participation_id_idx').on(table.participationId),
    unique('participation_lines_item_key').on(table.participationId, table.itemId),
    check('participation_lines_quantity', sql`${table.quantity} >= 1`),
  ],
);

export const COUNCIL_ROLES = ['CHAIR', 'MEMBER', 'PARTY_REPRESENTATIVE'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/** A community's residents' council (居民议事会), registered by its staff; one per community. */
export const residentsCouncils = pgTable(
  'residents_councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull().unique('residents_councils_community_key'),
    registeredBy: text('registered_by').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('residents_councils_community_code', sql`${table.communityId} ~ '^[0-9]{12}$'`)],
);

/** The members of a residents' council: whose presence makes the quorum, whose votes pass a project. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => residentsCouncils.id),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: COUNCIL_ROLES }).notNull(),
    householdId: uuid('household_id'),
  },
  (table) => [index('council_members_council_id_idx').on(table.councilId)],
);

/**
 * A round of small livelihood projects (民生微实事) with its yearly budget (fen). Its phase follows from the clock
 * (proposalsUntil, supportsUntil) and from resolvedAt and closedAt. allocated, spent and the project counts are kept
 * by every write in the same transaction: a region's figures add up its rounds.
 */
export const projectRounds = pgTable(
  'project_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => residentsCouncils.id),
    communityId: text('community_id').notNull(),
    /** The Asia/Shanghai year the round was opened: what a region's yearly figures count. */
    year: integer('year').notNull(),
    title: text('title').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    proposalsUntil: timestamp('proposals_until', { withTimezone: true }).notNull(),
    supportsUntil: timestamp('supports_until', { withTimezone: true }).notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    allocated: bigint('allocated', { mode: 'number' }).notNull().default(0),
    spent: bigint('spent', { mode: 'number' }).notNull().default(0),
    projectCount: integer('project_count').notNull().default(0),
    fundedCount: integer('funded_count').notNull().default(0),
    acceptedCount: integer('accepted_count').notNull().default(0),
    /** The resolution: the council members present (ids) and how many members the council had. */
    membersPresent: jsonb('members_present').$type<string[]>(),
    memberCount: integer('member_count'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    index('project_rounds_community_idx').on(table.communityId.op('text_pattern_ops'), table.year),
    check('project_rounds_budget', sql`${table.budget} > 0`),
    check('project_rounds_windows', sql`${table.proposalsUntil} < ${table.supportsUntil}`),
    check('project_rounds_adds_up', sql`${table.allocated} >= 0 AND ${table.allocated} <= ${table.budget} AND ${table.spent} >= 0 AND ${table.spent} <= ${table.allocated}`),
  ],
);

export const MICRO_PROJECT_KINDS = ['WORKS', 'SERVICE', 'GOODS'] as const;
export type MicroProjectKind = (typeof MICRO_PROJECT_KINDS)[number];
export const MICRO_PROJECT_STATUSES = ['PROPOSED', 'FUNDED', 'NOT_FUNDED', 'REJECTED', 'IN_PROGRESS', 'ACCEPTED', 'DROPPED'] as const;
export type MicroProjectStatus = (typeof MICRO_PROJECT_STATUSES)[number];

/** A small livelihood project proposed in a round: its supports (kept), the council's votes, progress and spending. */
export const microProjects = pgTable(
  'micro_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => projectRounds.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: MICRO_PROJECT_KINDS }).notNull(),
    description: text('description').notNull(),
    estimatedCost: bigint('estimated_cost', { mode: 'number' }).notNull(),
    householdId: uuid('household_id'),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: MICRO_PROJECT_STATUSES }).notNull().default('PROPOSED'),
    supports: integer('supports').notNull().default(0),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    recused: jsonb('recused').$type<string[]>(),
    funded: boolean('funded').notNull().default(false),
    percentDone: smallint('percent_done').notNull().default(0),
    spent: bigint('spent', { mode: 'number' }).notNull().default(0),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (table) => [
    index('micro_projects_round_id_idx').on(table.roundId),
    check('micro_projects_cost', sql`${table.estimatedCost} > 0`),
    check('micro_projects_supports', sql`${table.supports} >= 0`),
    check('micro_projects_percent', sql`${table.percentDone} BETWEEN 0 AND 100`),
    check('micro_projects_spent_within_estimate', sql`${table.spent} >= 0 AND ${table.spent} <= ${table.estimatedCost}`),
  ],
);

/** A household's support for a project (at most 3 projects a round); deleted when withdrawn. */
export const microProjectSupports = pgTable(
  'micro_project_supports',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => microProjects.id),
    roundId: uuid('round_id').notNull(),
    householdId: uuid('household_id').notNull(),
    submittedBy: text('submitted_by').notNull(),
    supportedAt: timestamp('supported_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ name: 'micro_project_supports_pkey', columns: [table.projectId, table.householdId] }),
    index('micro_project_supports_round_household_idx').on(table.roundId, table.householdId),
  ],
);

/** Every idempotency key a support was sent with, kept after a withdrawal: the key sent again changes nothing. */
export const microProjectSupportKeys = pgTable(
  'micro_project_support_keys',
  {
    submittedBy: text('submitted_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => microProjects.id),
    householdId: uuid('household_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ name: 'micro_project_support_keys_pkey', columns: [table.submittedBy, table.idempotencyKey] })],
);

/** What a project's progress reports said, in order: percent done, a note, and what it had spent by then (fen). */
export const microProjectReports = pgTable(
  'micro_project_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => microProjects.id),
    percentDone: smallint('percent_done').notNull(),
    note: text('note').notNull(),
    spent: bigint('spent', { mode: 'number' }).notNull(),
    reportedBy: text('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('micro_project_reports_project_id_idx').on(table.projectId, table.reportedAt)],
);

/** A household's identity confirmed by its community's staff (身份认证): who confirmed is kept, never shown. */
export const householdVerifications = pgTable(
  'household_verifications',
  {
    householdId: uuid('household_id').primaryKey(),
    communityId: text('community_id').notNull(),
    verifiedBy: text('verified_by').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('household_verifications_community_code', sql`${table.communityId} ~ '^[0-9]{12}$'`)],
);

export const LISTING_KINDS = ['NEED', 'OFFER'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
export const LISTING_TYPES = ['GOODS', 'SKILL', 'ACTIVITY', 'SPACE'] as const;
export type ListingType = (typeof LISTING_TYPES)[number];
/** Stored statuses; EXPIRED is worked out from the clock (an OPEN listing past expiresAt). */
export const LISTING_STATES = ['OPEN', 'MATCHED', 'COMPLETED'] as const;
export type ListingState = (typeof LISTING_STATES)[number];

/** A household's need or offer (共享社区), where it lives (asked of the community tier at posting), and who posted it for whom. */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    householdId: uuid('household_id').notNull(),
    communityId: text('community_id').notNull(),
    compoundId: uuid('compound_id').notNull(),
    /** "A小区 1栋 302": the household's address, shown to the other side once a match is accepted. */
    address: text('address').notNull(),
    kind: text('kind', { enum: LISTING_KINDS }).notNull(),
    type: text('type', { enum: LISTING_TYPES }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    availableFrom: timestamp('available_from', { withTimezone: true }).notNull(),
    availableTo: timestamp('available_to', { withTimezone: true }).notNull(),
    verifiedOnly: boolean('verified_only').notNull().default(false),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    state: text('state', { enum: LISTING_STATES }).notNull().default('OPEN'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Who posted it (the token's sub and role): the household's resident, or staff or a grid worker acting for it. */
    postedBy: text('posted_by').notNull(),
    postedByRole: text('posted_by_role').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** When a match of this need was first accepted (needs only): what the 48-hour rate counts. */
    firstAcceptedAt: timestamp('first_accepted_at', { withTimezone: true }),
  },
  (table) => [
    unique('listings_idempotency_key').on(table.postedBy, table.idempotencyKey),
    index('listings_open_idx').on(table.communityId, table.type, table.kind, table.state, table.expiresAt),
    index('listings_household_idx').on(table.householdId),
    check('listings_community_code', sql`${table.communityId} ~ '^[0-9]{12}$'`),
    check('listings_window', sql`${table.availableFrom} < ${table.availableTo} AND ${table.expiresAt} <= ${table.availableTo}`),
  ],
);

export const MATCH_STATUSES = ['PROPOSED', 'ACCEPTED', 'COMPLETED', 'CANCELLED'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** A need and an offer brought together, and the time credit it moved (minutes). */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    needId: uuid('need_id')
      .notNull()
      .references(() => listings.id),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => listings.id),
    needHouseholdId: uuid('need_household_id').notNull(),
    offerHouseholdId: uuid('offer_household_id').notNull(),
    communityId: text('community_id').notNull(),
    type: text('type', { enum: LISTING_TYPES }).notNull(),
    status: text('status', { enum: MATCH_STATUSES }).notNull().default('PROPOSED'),
    /** The household whose side proposed it: the other side accepts. */
    proposedFor: uuid('proposed_for').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    minutes: integer('minutes'),
  },
  (table) => [
    index('matches_need_idx').on(table.needId),
    index('matches_offer_idx').on(table.offerId),
    check('matches_minutes', sql`${table.minutes} IS NULL OR ${table.minutes} > 0`),
  ],
);

/** Each step of a match: for which household, by whom (sub and role) — staff and grid workers act for households without a phone. */
export const matchActions = pgTable(
  'match_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id),
    status: text('status', { enum: MATCH_STATUSES }).notNull(),
    householdId: uuid('household_id').notNull(),
    actorSub: text('actor_sub').notNull(),
    actorRole: text('actor_role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('match_actions_match_idx').on(table.matchId, table.at)],
);

/** The time credit ledger (时间银行), double entry: every completion writes a debit and its opposite credit, in minutes. */
export const timeCreditEntries = pgTable(
  'time_credit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id),
    householdId: uuid('household_id').notNull(),
    communityId: text('community_id').notNull(),
    minutes: integer('minutes').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('time_credit_entries_household_idx').on(table.householdId, table.at),
    unique('time_credit_entries_match_household').on(table.matchId, table.householdId),
    check('time_credit_entries_not_zero', sql`${table.minutes} <> 0`),
  ],
);

/** Each household's balance (minutes), kept with the ledger under a row lock: never below −12 hours. */
export const timeCreditBalances = pgTable(
  'time_credit_balances',
  {
    householdId: uuid('household_id').primaryKey(),
    communityId: text('community_id').notNull(),
    minutes: integer('minutes').notNull().default(0),
  },
  (table) => [check('time_credit_balances_floor', sql`${table.minutes} >= -720`)],
);

/** A community's shared community counted, kept with every write: posts, matches within 48 hours, completions, households. */
export const sharingFigures = pgTable(
  'sharing_figures',
  {
    communityId: text('community_id').primaryKey(),
    needsPosted: integer('needs_posted').notNull().default(0),
    needsMatchedWithin48h: integer('needs_matched_within_48h').notNull().default(0),
    completedMatches: integer('completed_matches').notNull().default(0),
    activeHouseholds: integer('active_households').notNull().default(0),
  },
  (table) => [index('sharing_figures_community_idx').on(table.communityId.op('text_pattern_ops'))],
);

/** The households that posted at least once (what activeHouseholds counts). */
export const sharingHouseholds = pgTable('sharing_households', {
  householdId: uuid('household_id').primaryKey(),
  communityId: text('community_id').notNull(),
  firstPostedAt: timestamp('first_posted_at', { withTimezone: true }).notNull(),
});

export const tables = {
  ownerCommittees,
  ownerCommitteeMembers,
  groupBuys,
  groupBuyItems,
  participations,
  participationLines,
  residentsCouncils,
  councilMembers,
  projectRounds,
  microProjects,
  microProjectSupports,
  microProjectSupportKeys,
  microProjectReports,
  householdVerifications,
  listings,
  matches,
  matchActions,
  timeCreditEntries,
  timeCreditBalances,
  sharingFigures,
  sharingHouseholds,
};
export type SelforgTables = typeof tables;
export type OwnerCommitteeRow = typeof ownerCommittees.$inferSelect;
export type MemberRow = typeof ownerCommitteeMembers.$inferSelect;
export type GroupBuyRow = typeof groupBuys.$inferSelect;
export type GroupBuyItemRow = typeof groupBuyItems.$inferSelect;
export type ParticipationRow = typeof participations.$inferSelect;
export type ParticipationLineRow = typeof participationLines.$inferSelect;
export type ResidentsCouncilRow = typeof residentsCouncils.$inferSelect;
export type CouncilMemberRow = typeof councilMembers.$inferSelect;
export type ProjectRoundRow = typeof projectRounds.$inferSelect;
export type MicroProjectRow = typeof microProjects.$inferSelect;
export type MicroProjectReportRow = typeof microProjectReports.$inferSelect;
export type ListingRow = typeof listings.$inferSelect;
export type MatchRow = typeof matches.$inferSelect;
export type MatchActionRow = typeof matchActions.$inferSelect;
export type TimeCreditEntryRow = typeof timeCreditEntries.$inferSelect;

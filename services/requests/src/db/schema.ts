import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const URGENCIES = ['URGENT', 'NORMAL', 'COMPLEX'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const REQUEST_CHANNELS = ['HOTLINE', 'APP', 'GRID_PATROL', 'VISIT'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_STATUSES = ['DISPATCHED', 'ACCEPTED', 'RETURNED', 'REPLIED', 'REOPENED', 'CLOSED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** The city's departments and public service companies that take requests (委办局、公共服务企业). */
export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cityId: text('city_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [unique('departments_city_name_key').on(table.cityId, table.name), check('departments_city_code', sql`${table.cityId} ~ '^[0-9]{4}$'`)],
);

/** The category catalogue (派单目录) of a city: urgency and the unit responsible (null department: the street). */
export const requestCategories = pgTable(
  'request_categories',
  {
    cityId: text('city_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    responsibleDepartmentId: uuid('responsible_department_id').references(() => departments.id),
    /** The department summoned by itself on a request's third reopening (the responsible one, or the one overseeing the street's work). */
    supervisingDepartmentId: uuid('supervising_department_id').references(() => departments.id),
    position: integer('position').notNull().default(0),
  },
  (table) => [primaryKey({ name: 'request_categories_pkey', columns: [table.cityId, table.code] })],
);

/**
 * A resident's request (诉求). Exactly one unit holds it: a street (`streetId`) or a department
 * (`departmentId`); `communityId` says where it happened. Deadlines count from `dispatchedAt`.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    cityId: text('city_id').notNull(),
    communityId: text('community_id').notNull(),
    categoryCode: text('category_code').notNull(),
    description: text('description').notNull(),
    channel: text('channel', { enum: REQUEST_CHANNELS }).notNull(),
    householdId: uuid('household_id'),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    streetId: text('street_id'),
    departmentId: uuid('department_id').references(() => departments.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull(),
    responseDeadline: timestamp('response_deadline', { withTimezone: true }).notNull(),
    resolutionDeadline: timestamp('resolution_deadline', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    reply: text('reply'),
    returnCount: integer('return_count').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
    callbackResolved: boolean('callback_resolved'),
    callbackSatisfaction: text('callback_satisfaction', { enum: SATISFACTIONS }),
    callbackNote: text('callback_note'),
    callbackAt: timestamp('callback_at', { withTimezone: true }),
    /** How often it was dispatched (filing and each re-dispatch). */
    dispatchCount: integer('dispatch_count').notNull().default(1),
    /** Callbacks recorded on it, those saying resolved, and those SATISFIED or BASICALLY_SATISFIED. */
    callbackCount: integer('callback_count').notNull().default(0),
    resolvedCallbacks: integer('resolved_callbacks').notNull().default(0),
    satisfiedCallbacks: integer('satisfied_callbacks').notNull().default(0),
    /** Marked by the scheduler when a deadline passed unmet; worked out afresh at every move. */
    overdue: boolean('overdue').notNull().default(false),
    filedBy: text('filed_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
  },
  (table) => [
    unique('requests_filed_by_idempotency_key').on(table.filedBy, table.idempotencyKey),
    index('requests_community_received_idx').on(table.communityId.op('text_pattern_ops'), table.receivedAt),
    index('requests_street_idx').on(table.streetId),
    index('requests_department_idx').on(table.departmentId),
    index('requests_household_idx').on(table.householdId),
    index('requests_overdue_idx').on(table.communityId.op('text_pattern_ops'), table.receivedAt).where(sql`${table.overdue}`),
    /** What the scheduler looks at: open requests not yet marked, by the deadline that may pass. */
    index('requests_response_watch_idx').on(table.responseDeadline).where(sql`NOT ${table.overdue} AND ${table.respondedAt} IS NULL AND ${table.status} NOT IN ('CLOSED', 'REPLIED')`),
    index('requests_resolution_watch_idx').on(table.resolutionDeadline).where(sql`NOT ${table.overdue} AND ${table.status} NOT IN ('CLOSED', 'REPLIED')`),
    check('requests_community_code', sql`${table.communityId} ~ '^[0-9]{12}$'`),
    check('requests_one_unit', sql`(${table.streetId} IS NULL) <> (${table.departmentId} IS NULL)`),
  ],
);

/** Every status move of a request, who made it and why. */
export const requestHistory = pgTable(
  'request_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order steps were written in (two steps may share an instant under a fixed clock). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: text('by').notNull(),
    note: text('note'),
  },
  (table) => [index('request_history_request_idx').on(table.requestId, table.seq)],
);

/** A department summoned on a request (吹哨报到); it must report by `reportDeadline`. */
export const summons = pgTable(
  'summons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: breaks ties between rows made at the same instant of the clock, so "in the order they happened" is one order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    note: text('note').notNull(),
    summonedBy: text('summoned_by').notNull(),
    summonedAt: timestamp('summoned_at', { withTimezone: true }).notNull(),
    reportDeadline: timestamp('report_deadline', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportNote: text('report_note'),
  },
  (table) => [index('summons_request_idx').on(table.requestId), index('summons_department_idx').on(table.departmentId)],
);

/** Every dispatch of a request (filing and re-dispatches): the unit it went to and when. A unit's month counts these. */
export const requestDispatches = pgTable(
  'request_dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    streetId: text('street_id'),
    departmentId: uuid('department_id').references(() => departments.id),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull(),
    by: text('by').notNull(),
  },
  (table) => [index('request_dispatches_request_idx').on(table.requestId), check('request_dispatches_one_unit', sql`(${table.streetId} IS NULL) <> (${table.departmentId} IS NULL)`)],
);

/** Every callback (回访) recorded on a request; the request row keeps the last one. */
export const requestCallbacks = pgTable(
  'request_callbacks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    resolved: boolean('resolved').notNull(),
    satisfaction: text('satisfaction', { enum: SATISFACTIONS }).notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: text('by').notNull(),
  },
  (table) => [index('request_callbacks_request_idx').on(table.requestId)],
);

/**
 * A community's requests received in a month, per category (kept in the same transaction as every move): regions
 * add up their communities' rows, and frequentProblems reads the categories.
 */
export const requestCommunityStats = pgTable(
  'request_community_stats',
  {
    communityId: text('community_id').notNull(),
    month: text('month').notNull(),
    categoryCode: text('category_code').notNull(),
    received: integer('received').notNull().default(0),
    open: integer('open').notNull().default(0),
    overdue: integer('overdue').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    dispatched: integer('dispatched').notNull().default(0),
    respondedOnTime: integer('responded_on_time').notNull().default(0),
    callbacks: integer('callbacks').notNull().default(0),
    resolvedCallbacks: integer('resolved_callbacks').notNull().default(0),
    satisfiedCallbacks: integer('satisfied_callbacks').notNull().default(0),
  },
  (table) => [
    primaryKey({ name: 'request_community_stats_pkey', columns: [table.communityId, table.month, table.categoryCode] }),
    index('request_community_stats_month_idx').on(table.month),
  ],
);

/** A unit's (street's or department's) dispatches of a month and what came of them: the ranking reads these rows. */
export const requestUnitStats = pgTable(
  'request_unit_stats',
  {
    cityId: text('city_id').notNull(),
    month: text('month').notNull(),
    unitKind: text('unit_kind', { enum: ['STREET', 'DEPARTMENT'] }).notNull(),
    unitId: text('unit_id').notNull(),
    dispatched: integer('dispatched').notNull().default(0),
    respondedOnTime: integer('responded_on_time').notNull().default(0),
    callbacks: integer('callbacks').notNull().default(0),
    resolvedCallbacks: integer('resolved_callbacks').notNull().default(0),
    satisfiedCallbacks: integer('satisfied_callbacks').notNull().default(0),
  },
  (table) => [primaryKey({ name: 'request_unit_stats_pkey', columns: [table.cityId, table.month, table.unitKind, table.unitId] })],
);

export const tables = { departments, requestCategories, requests, requestHistory, summons, requestDispatches, requestCallbacks, requestCommunityStats, requestUnitStats };
export type RequestsTables = typeof tables;
export type DepartmentRow = typeof departments.$inferSelect;
export type CategoryRow = typeof requestCategories.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;
export type HistoryRow = typeof requestHistory.$inferSelect;
export type SummonsRow = typeof summons.$inferSelect;
export type CommunityStatsRow = typeof requestCommunityStats.$inferSelect;
export type UnitStatsRow = typeof requestUnitStats.$inferSelect;

import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { teams } from '../teams/teams.table.js';
import { needCategories } from '../need-categories/categories.table.js';

/** A need (需求/诉求/微心愿); once accepted it is worked as an order (工单). */
export const needs = pgTable(
  'needs',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Human-readable number for phone calls and paper, e.g. XQ20261123-4F2A9C (not a URL id). */
    number: varchar('number', { length: 24 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    categoryId: uuid('category_id').notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    description: text('description').notNull(),
    photos: uuid('photos').array().notNull().default([]),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    regionId: uuid('region_id').notNull(),
    address: varchar('address', { length: 200 }),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    requesterId: uuid('requester_id'),
    requesterName: varchar('requester_name', { length: 50 }).notNull(),
    requesterPhone: varchar('requester_phone', { length: 20 }),
    wantedFrom: timestamp('wanted_from', { withTimezone: true }),
    wantedTo: timestamp('wanted_to', { withTimezone: true }),
    slots: integer('slots').notNull().default(1),
    /** Service round: 1, then +1 each time a poor rating reopens the order (slots start afresh). */
    round: integer('round').notNull().default(1),
    /** Slots taken; only ever changed by `UPDATE … SET filled = filled + 1 WHERE filled < slots`. */
    filled: integer('filled').notNull().default(0),
    severity: varchar('severity', { length: 12 }).notNull().default('general'),
    channel: varchar('channel', { length: 16 }).notNull(),
    /** The requester's consent to the anonymised public board (同意匿名公示); only they change it later. */
    isPublic: boolean('is_public').notNull().default(false),
    /**
     * When the requester agreed to the public board in its words (受理后在社区公示栏匿名展示办理进度和结果),
     * null without that consent: `is_public` alone was given under older words (neighbours may find and
     * follow the need), which never put anything on the board.
     */
    boardConsentAt: timestamp('board_consent_at', { withTimezone: true }),
    /** The requester also allowed the completion's photos on the board (off unless they said so). */
    boardPhotos: boolean('board_photos').notNull().default(false),
    /** Set while the community has taken the need off the public board (撤下公示), whatever the consent. */
    boardWithdrawnAt: timestamp('board_withdrawn_at', { withTimezone: true }),
    status: varchar('status', { length: 16 }).notNull(),
    /** Bumped by every transition: the event log's sequence and an optimistic-lock token. */
    version: integer('version').notNull().default(1),
    teamId: uuid('team_id'),
    mergedIntoId: uuid('merged_into_id'),
    declineCount: integer('decline_count').notNull().default(0),
    /** After a second decline the street decides who must take it (审定). */
    rulingPending: boolean('ruling_pending').notNull().default(false),
    ruled: boolean('ruled').notNull().default(false),
    duplicateOf: uuid('duplicate_of').array().notNull().default([]),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    /**
     * When the deadline's clock started: acceptance, then each reopening; moved on by the time spent
     * paused, so `deadline_at − window_started_at` is always the window's running length (in its
     * unit) and the warnings of what remains fall in the right place. Null: accepted before it
     * existed (read as `accepted_at`). `accepted_at` itself never moves (response time counts from it).
     */
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }),
    /** The window's unit (calendar_days | working_days), fixed with it; null reads as calendar_days. */
    windowUnit: varchar('window_unit', { length: 16 }),
    /** Set while the clock is paused (挂起, approved in modules/oversight): not overdue, no warnings. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    solved: boolean('solved'),
    createdBy: uuid('created_by').notNull(),
    /**
     * The submitting client's key (a phone that typed the need offline sends it again until it gets an
     * answer): UNIQUE per district, so a repeat finds the need the first attempt made instead of a second one.
     */
    idempotencyKey: varchar('idempotency_key', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    regionRef('needs_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.categoryId], foreignColumns: [needCategories.districtId, needCategories.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    accountRef(t.districtId, t.requesterId),
    foreignKey({ columns: [t.districtId, t.mergedIntoId], foreignColumns: [t.districtId, t.id] }),
    unique('needs_number_uq').on(t.districtId, t.number),
    unique('needs_idempotency_key_uq').on(t.districtId, t.idempotencyKey),
    index('needs_status_idx').on(t.districtId, t.status, t.createdAt),
    // a community's list: its regions' needs in the list's order (created_at, id) from the index alone —
    // without id each of a community's ~900 needs was read from the table to sort the page (3.5 → 1.7 ms).
    // The trailing columns (never part of the order: id is unique) are what the other orders and the
    // status tabs sort and pick by, so those pages' rows are chosen and ordered from the index alone too
    // (the rows themselves are then read for 20 ids): a community's page by deadline (2310 supervision)
    // 17.9 → 1.9 ms on PostgreSQL, overdue first 1.9 → 0.8 (session 29). Cost: a pause or a deadline's
    // change alone can no longer be a HOT update (every status change never was)
    index('needs_region_idx').on(t.districtId, t.regionId, t.createdAt, t.id, t.deadlineAt, t.pausedAt, t.status),
    // the list's order and the export's keyset pages: (created_at, id) < (last row), newest first
    index('needs_created_idx').on(t.districtId, t.createdAt, t.id),
    index('needs_requester_idx').on(t.districtId, t.requesterId),
    // the public board's pages (needs.board.ts), newest accepted or completed first, only what may be shown
    index('needs_board_accepted_idx').on(t.districtId, t.acceptedAt).where(sql`board_consent_at IS NOT NULL AND board_withdrawn_at IS NULL AND accepted_at IS NOT NULL`),
    index('needs_board_completed_idx').on(t.districtId, t.completedAt).where(sql`board_consent_at IS NOT NULL AND board_withdrawn_at IS NULL AND completed_at IS NOT NULL`),
    index('needs_board_wishes_idx').on(t.districtId, t.acceptedAt).where(sql`kind = 'microWish' AND board_consent_at IS NOT NULL AND board_withdrawn_at IS NULL AND accepted_at IS NOT NULL`),
    index('needs_team_idx').on(t.districtId, t.teamId).where(sql`team_id IS NOT NULL`),
  ],
);

/** The timeline: one row per transition, append-only (a trigger refuses UPDATE and DELETE). */
export const needEvents = pgTable(
  'need_events',
  {
    districtId: uuid('district_id').notNull(),
    needId: uuid('need_id').notNull(),
    /** = the need's version after the transition; UNIQUE, so two racing transitions cannot both log. */
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: varchar('action', { length: 24 }).notNull(),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 50 }),
    actorRole: varchar('actor_role', { length: 20 }).notNull(),
    note: text('note'),
    attachments: uuid('attachments').array().notNull().default([]),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.needId, t.seq] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    // the ratings of a period (figures' satisfaction rate): without it, every event of the district is read
    index('need_events_rate_idx').on(t.districtId, t.at).where(sql`action = 'rate'`),
  ],
);

/** People notified with a need: merged requesters and residents who chose "follow this one instead". */
export const needFollowers = pgTable(
  'need_followers',
  {
    districtId: uuid('district_id').notNull(),
    needId: uuid('need_id').notNull(),
    accountId: uuid('account_id').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.needId, t.accountId] }),
    accountRef(t.districtId, t.accountId),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    index('need_followers_account_idx').on(t.districtId, t.accountId),
  ],
);

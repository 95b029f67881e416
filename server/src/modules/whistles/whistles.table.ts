import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { needs } from '../needs/needs.table.js';
import { teams } from '../teams/teams.table.js';
import type { CallKind, CallState, UnitKind, WhistleSource, WhistleState } from './whistles.policy.js';

/**
 * Departments (职能部门) and partner units (共建单位) a street may call in; teams are called by their
 * own row. A unit serves the subtree of its region (the district root: everywhere). District
 * provisioning installs the common ones by `code`; a unit is retired (`active` false), never deleted,
 * since past whistles name it.
 */
export const units = pgTable(
  'units',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Stable code of a provisioned default (null for a unit the district added). */
    code: varchar('code', { length: 40 }),
    name: varchar('name', { length: 60 }).notNull(),
    kind: varchar('kind', { length: 12 }).$type<UnitKind>().notNull(),
    /** Who answers for the unit: gets its calls in their inbox, reports in and records its part. */
    contactAccountId: uuid('contact_account_id'),
    regionId: uuid('region_id').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    regionRef('units_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('units_code_uq').on(t.districtId, t.code),
    unique('units_name_uq').on(t.districtId, t.name),
    accountRef(t.districtId, t.contactAccountId),
    index('units_contact_idx').on(t.districtId, t.contactAccountId),
  ],
);

/**
 * A need whistled to its street (吹哨). At most one open whistle per need (partial UNIQUE); and each
 * cause opens at most one, ever (UNIQUE source_key: the accepting event, or the escalation's step),
 * so an event delivered twice, or a request racing its own event, opens nothing more.
 */
export const whistles = pgTable(
  'whistles',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    needId: uuid('need_id').notNull(),
    /** The street it is whistled to: its admins run it. */
    streetId: uuid('street_id').notNull(),
    /** The need's place when it was whistled: staff over it follow the whistle. */
    regionId: uuid('region_id').notNull(),
    source: varchar('source', { length: 12 }).$type<WhistleSource>().notNull(),
    sourceKey: varchar('source_key', { length: 120 }).notNull(),
    /** null: the system (a major need accepted). */
    openedBy: uuid('opened_by'),
    reason: text('reason'),
    state: varchar('state', { length: 8 }).$type<WhistleState>().notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    summary: text('summary'),
  },
  (t) => [
    regionRef('whistles_region_fk', t.districtId, t.regionId),
    regionRef('whistles_street_fk', t.districtId, t.streetId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    accountRef(t.districtId, t.openedBy),
    accountRef(t.districtId, t.closedBy),
    uniqueIndex('whistles_open_need_uq').on(t.districtId, t.needId).where(sql`state = 'open'`),
    unique('whistles_source_uq').on(t.districtId, t.sourceKey),
    index('whistles_street_idx').on(t.districtId, t.streetId, t.state, t.openedAt),
    index('whistles_need_idx').on(t.districtId, t.needId),
    check('whistles_closed_ck', sql`(state = 'open') = (closed_at IS NULL)`),
  ],
);

/**
 * A unit called in to a whistle (召集): a team, or a department / partner unit — exactly one — once
 * per whistle (its kind and name kept as they were). `contact_id` is who answers for it, fixed when called (the team's leader, the unit's
 * contact; moved along when a unit's contact changes): they see the whistle and act on this row.
 */
export const whistleUnits = pgTable(
  'whistle_units',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    whistleId: uuid('whistle_id').notNull(),
    teamId: uuid('team_id'),
    unitId: uuid('unit_id'),
    /** The unit's kind and name when called: the record says who was called, whatever is renamed later. */
    kind: varchar('kind', { length: 12 }).$type<CallKind>().notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    contactId: uuid('contact_id'),
    state: varchar('state', { length: 10 }).$type<CallState>().notNull().default('called'),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull(),
    calledBy: uuid('called_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by'),
    /** Its part (办理情况), as the timeline shows it. */
    part: text('part'),
    partAt: timestamp('part_at', { withTimezone: true }),
    partBy: uuid('part_by'),
    photos: uuid('photos').array().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.whistleId], foreignColumns: [whistles.districtId, whistles.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    accountRef(t.districtId, t.contactId),
    accountRef(t.districtId, t.calledBy),
    accountRef(t.districtId, t.reportedBy),
    accountRef(t.districtId, t.partBy),
    uniqueIndex('whistle_units_team_uq').on(t.districtId, t.whistleId, t.teamId).where(sql`team_id IS NOT NULL`),
    uniqueIndex('whistle_units_unit_uq').on(t.districtId, t.whistleId, t.unitId).where(sql`unit_id IS NOT NULL`),
    // "whistles I was called to": the contact's list and scope
    index('whistle_units_contact_idx').on(t.districtId, t.contactId),
    check('whistle_units_one_ck', sql`(team_id IS NULL) <> (unit_id IS NULL)`),
  ],
);

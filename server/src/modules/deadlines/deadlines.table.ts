import { check, date, foreignKey, integer, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { needCategories } from '../need-categories/categories.table.js';
import type { SeverityCode } from '../needs/needs.enums.js';
import type { DayKind, WindowUnit } from './deadlines.policy.js';

/**
 * 2310 windows: for a severity, optionally limited to a region's subtree and to a category (and its
 * subcategories), how long from acceptance a need has. The most specific rule wins
 * (deadlines.policy.ts `chooseRule`). One rule per (region, category, severity): NULLS NOT DISTINCT,
 * so there is one district-wide rule per severity, too (PostgreSQL 15+, PGlite alike).
 */
export const deadlineRules = pgTable(
  'deadline_rules',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** null: the whole district. */
    regionId: uuid('region_id'),
    /** null: every category. */
    categoryId: uuid('category_id'),
    severity: varchar('severity', { length: 12 }).$type<SeverityCode>().notNull(),
    amount: integer('amount').notNull(),
    unit: varchar('unit', { length: 16 }).$type<WindowUnit>().notNull(),
    /** null when provisioning wrote it. */
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    regionRef('deadline_rules_region_fk', t.districtId, t.regionId),
    unique('deadline_rules_scope_uq').on(t.districtId, t.regionId, t.categoryId, t.severity).nullsNotDistinct(),
    foreignKey({ columns: [t.districtId, t.categoryId], foreignColumns: [needCategories.districtId, needCategories.id] }),
    accountRef(t.districtId, t.updatedBy),
    check('deadline_rules_amount_ck', sql`${t.amount} > 0`),
  ],
);

/**
 * The district's exceptions to Monday–Friday: 放假 on a weekday (or across a holiday's weekend) and
 * 调休上班 on a weekend. A day not listed follows the week.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    districtId: uuid('district_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: varchar('kind', { length: 8 }).$type<DayKind>().notNull(),
    name: varchar('name', { length: 40 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.day] })],
);

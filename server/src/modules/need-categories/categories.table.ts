import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import type { SeverityCode } from '../needs/needs.enums.js';

/** One extra question a category asks at intake, e.g. "Is the person bedridden?". */
export type ExtraQuestion = { key: string; label: string; labelEn?: string; type: 'text' | 'yesNo' | 'choice'; options?: string[]; required?: boolean };

/**
 * The configurable category tree (district admins edit it). Top-level codes are stable:
 * elderly, children, disability, environment, facilities, safety, dispute, legal, mental, medical,
 * employment, convenience.
 */
export const needCategories = pgTable(
  'need_categories',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    parentId: uuid('parent_id'),
    code: varchar('code', { length: 40 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    nameEn: varchar('name_en', { length: 80 }).notNull(),
    /** Shown at intake, e.g. "紧急情况请拨打110". */
    notice: text('notice'),
    extraQuestions: jsonb('extra_questions').$type<ExtraQuestion[]>().notNull().default([]),
    photoRequiredOnClose: boolean('photo_required_on_close').notNull().default(true),
    defaultSeverity: varchar('default_severity', { length: 12 }).$type<SeverityCode>().notNull().default('general'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('need_categories_code_uq').on(t.districtId, t.code),
    foreignKey({ columns: [t.districtId, t.parentId], foreignColumns: [t.districtId, t.id] }),
  ],
);

/** Reasons a team may give for declining (退单); configurable per district. */
export const declineReasons = pgTable(
  'decline_reasons',
  {
    districtId: uuid('district_id').notNull(),
    code: varchar('code', { length: 40 }).notNull(),
    label: varchar('label', { length: 100 }).notNull(),
    labelEn: varchar('label_en', { length: 100 }).notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.code] })],
);

/** One-click answers to residents, per state and optionally per category. */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    status: varchar('status', { length: 16 }).notNull(),
    categoryId: uuid('category_id'),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), foreignKey({ columns: [t.districtId, t.categoryId], foreignColumns: [needCategories.districtId, needCategories.id] })],
);

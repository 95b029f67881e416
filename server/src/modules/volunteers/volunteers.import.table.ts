import { index, integer, jsonb, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';

/** One row of an uploaded sheet: its cells as text by column key (the ID number encrypted), and its row number in the sheet. */
export type ImportedRow = { row: number; cells: Record<string, string> };
/** A problem of one cell (or of the row): the reason's message key and its values, rendered in the reader's language. */
export type RowProblem = { row: number; column: string; reason: string; params?: Record<string, string | number> };
export type SkippedRow = { row: number; reason: string };
/** Who started the import, as the job acts for them (scope and the audit entry). */
export type ImportActor = { accountId: string; name: string; roles: string[]; regionId: string; regionPath: string; ip: string };

/**
 * A volunteer import (志愿者批量导入) and its progress: the rows of the uploaded sheet, checked then
 * imported by a job, polled by the back office. States: queued → checking → refused (some rows are
 * bad: nothing imported, `problems` lists them) | importing → done (the rows are then cleared); failed when the job gave up.
 */
export const volunteerImports = pgTable(
  'volunteer_imports',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The importer's node: who may see the import (scope). */
    regionId: uuid('region_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    actor: jsonb('actor').$type<ImportActor>().notNull(),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    state: varchar('state', { length: 12 }).notNull().default('queued'),
    totalRows: integer('total_rows').notNull(),
    checkedRows: integer('checked_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    createdAccounts: integer('created_accounts').notNull().default(0),
    rows: jsonb('rows').$type<ImportedRow[]>().notNull(),
    problems: jsonb('problems').$type<RowProblem[]>().notNull().default([]),
    skipped: jsonb('skipped').$type<SkippedRow[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [regionRef('volunteer_imports_region_fk', t.districtId, t.regionId), primaryKey({ columns: [t.districtId, t.id] }), accountRef(t.districtId, t.createdBy), index('volunteer_imports_region_idx').on(t.districtId, t.regionId, t.createdAt)],
);

export type VolunteerImportRow = typeof volunteerImports.$inferSelect;

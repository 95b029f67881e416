import { and, asc, between, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { accessError } from '../../platform/auth/auth.errors.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { decodeJsonRows, jsonRows } from '../../platform/db/json-rows.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { regionInScope } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import type { SeverityCode } from '../needs/needs.enums.js';
import { daysOf, officialCalendars, type CalendarDay } from './deadlines.defaults.js';
import { deadlinesError } from './deadlines.errors.js';
import { addDays, calendarHorizon, defaultWindows, extendDeadline, mayEditRule, mayReadRule, resumeWindow, thresholdAt, windowFor, type Calendar, type Rule, type Window, type WindowUnit } from './deadlines.policy.js';
import { calendarDays, deadlineRules } from './deadlines.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

type Deps = PlatformDeps & { audit: AuditService; categories: CategoriesService };

export type RuleInput = { regionId?: string; categoryId?: string; severity: SeverityCode; amount: number; unit: WindowUnit };
/** What a need's window depends on. */
export type NeedWindowKey = { regionId: string; categoryId: string; severity: SeverityCode };

const severityOrder = { general: 0, important: 1, major: 2 } as const;

export function createDeadlinesService(deps: Deps) {
  const { db } = deps;
  /** A district-wide rule has no region: its path is the district's own. */
  const districtPath = (districtId: string) => `/${districtId}/`;

  /** The district's rules with the path and name of each rule's region. */
  async function rulesWithRegions(q: DbOrTx, districtId: string, id?: string) {
    return q
      .select({ ...getTableColumns(deadlineRules), regionName: regions.name, regionPath: regions.path })
      .from(deadlineRules)
      .leftJoin(regions, eq(regions.id, deadlineRules.regionId))
      .where(and(eq(deadlineRules.districtId, districtId), id ? eq(deadlineRules.id, id) : undefined));
  }

  /** A rule the actor may change: 404 when they may not see it, 403 when they see it but may not change it. */
  async function editableRule(tx: DbOrTx, actor: Actor, id: string) {
    const [row] = await rulesWithRegions(tx, actor.districtId, id);
    const path = row?.regionPath ?? districtPath(actor.districtId);
    if (!row || !mayReadRule(actor, path)) throw deadlinesError('deadlines.rule.not_found');
    if (!mayEditRule(actor, path)) throw accessError('auth.forbidden');
    return row;
  }

  async function loadCalendar(q: DbOrTx, districtId: string, from: string, to: string): Promise<Calendar> {
    const rows = await q.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays).where(and(eq(calendarDays.districtId, districtId), between(calendarDays.day, from, to)));
    return new Map(rows.map((r) => [r.day, r.kind]));
  }

  async function upsertDays(tx: DbOrTx, districtId: string, days: CalendarDay[]) {
    if (days.length === 0) return;
    await tx
      .insert(calendarDays)
      .values(days.map((d) => ({ districtId, ...d })))
      .onConflictDoUpdate({ target: [calendarDays.districtId, calendarDays.day], set: { kind: sql`excluded.kind`, name: sql`excluded.name`, updatedAt: sql`now()` } });
  }

  return {
    /**
     * District defaults (idempotent): the SPEC's district-wide windows per severity, and each
     * shipped official calendar for a year the district has no day of yet — so days a district
     * cleared are not put back when provisioning runs again.
     */
    async ensureDefaults(tx: DbOrTx, districtId: string): Promise<void> {
      await tx
        .insert(deadlineRules)
        .values(Object.entries(defaultWindows).map(([severity, w]) => ({ districtId, severity: severity as SeverityCode, ...w })))
        .onConflictDoNothing();
      for (const notice of officialCalendars) {
        const [any] = await tx.select({ day: calendarDays.day }).from(calendarDays).where(and(eq(calendarDays.districtId, districtId), between(calendarDays.day, `${notice.year}-01-01`, `${notice.year}-12-31`))).limit(1);
        if (!any) await upsertDays(tx, districtId, daysOf(notice));
      }
    },

    /** The rules that concern the caller: those of their subtree and those above it; `editable` says which they may change. */
    async listRules(actor: Actor) {
      const rows = (await rulesWithRegions(db, actor.districtId)).filter((r) => mayReadRule(actor, r.regionPath ?? districtPath(actor.districtId)));
      const labels = await deps.categories.labelsOf(actor.districtId, [...new Set(rows.flatMap((r) => (r.categoryId ? [r.categoryId] : [])))]);
      return rows
        .map((r) => {
          const label = r.categoryId ? labels.get(r.categoryId) : undefined;
          return {
            id: r.id, regionId: r.regionId, regionName: r.regionName, categoryId: r.categoryId, categoryName: label?.name ?? null, categoryNameEn: label?.nameEn ?? null,
            severity: r.severity, amount: r.amount, unit: r.unit, editable: mayEditRule(actor, r.regionPath ?? districtPath(actor.districtId)), updatedAt: r.updatedAt.toISOString(),
            depth: (r.regionPath ?? '').split('/').length,
          };
        })
        .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.depth - b.depth || Number(a.categoryId !== null) - Number(b.categoryId !== null))
        .map(({ depth: _depth, ...view }) => view);
    },

    /** One rule as the list shows it to the caller. */
    async ruleView(actor: Actor, id: string) {
      const view = (await this.listRules(actor)).find((r) => r.id === id);
      if (!view) throw deadlinesError('deadlines.rule.not_found');
      return view;
    },

    async createRule(actor: Actor, input: RuleInput) {
      return db.transaction(async (tx) => {
        // a region outside the caller's subtree answers 404, like any region they cannot see
        const path = input.regionId ? (await regionInScope(tx, actor, input.regionId)).path : districtPath(actor.districtId);
        if (!mayEditRule(actor, path)) throw deadlinesError('deadlines.region_required', { field: 'regionId' });
        if (input.categoryId && !(await deps.categories.get(actor.districtId, input.categoryId))) throw deadlinesError('deadlines.category_not_found', { field: 'categoryId' });
        const [row] = await tx
          .insert(deadlineRules)
          .values({ districtId: actor.districtId, regionId: input.regionId ?? null, categoryId: input.categoryId ?? null, severity: input.severity, amount: input.amount, unit: input.unit, updatedBy: actor.accountId })
          .onConflictDoNothing()
          .returning();
        if (!row) throw deadlinesError('deadlines.rule_exists', { field: 'severity' });
        await deps.audit.record(actor, { action: 'deadlines.rule_create', objectType: 'deadlineRule', objectId: row.id, regionId: row.regionId ?? undefined, details: { ...input } });
        return row.id;
      });
    },

    async updateRule(actor: Actor, id: string, patch: { amount?: number; unit?: WindowUnit }) {
      await db.transaction(async (tx) => {
        const before = await editableRule(tx, actor, id);
        await tx.update(deadlineRules).set({ ...patch, updatedBy: actor.accountId, updatedAt: deps.clock.now() }).where(and(eq(deadlineRules.districtId, actor.districtId), eq(deadlineRules.id, id)));
        await deps.audit.record(actor, { action: 'deadlines.rule_update', objectType: 'deadlineRule', objectId: id, regionId: before.regionId ?? undefined, details: { before: { amount: before.amount, unit: before.unit }, after: patch } });
      });
    },

    async deleteRule(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const rule = await editableRule(tx, actor, id);
        if (rule.regionId === null && rule.categoryId === null) throw deadlinesError('deadlines.default_rule');
        await tx.delete(deadlineRules).where(and(eq(deadlineRules.districtId, actor.districtId), eq(deadlineRules.id, id)));
        await deps.audit.record(actor, { action: 'deadlines.rule_delete', objectType: 'deadlineRule', objectId: id, regionId: rule.regionId ?? undefined, details: { severity: rule.severity, amount: rule.amount, unit: rule.unit, categoryId: rule.categoryId } });
      });
    },

    /** One year of the calendar: the days that differ from Monday–Friday. */
    async calendarYear(districtId: string, year: number) {
      return db
        .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
        .from(calendarDays)
        .where(and(eq(calendarDays.districtId, districtId), between(calendarDays.day, `${year}-01-01`, `${year}-12-31`)))
        .orderBy(asc(calendarDays.day));
    },

    /** Marks a day 放假 or 调休上班. Deadlines already set keep their date: a window is fixed at acceptance. */
    async setDay(actor: Actor, day: CalendarDay) {
      await db.transaction(async (tx) => {
        await upsertDays(tx, actor.districtId, [day]);
        await deps.audit.record(actor, { action: 'deadlines.day_set', objectType: 'calendarDay', objectId: day.day, details: day });
      });
      return day;
    },

    async clearDay(actor: Actor, day: string) {
      await db.transaction(async (tx) => {
        const gone = await tx.delete(calendarDays).where(and(eq(calendarDays.districtId, actor.districtId), eq(calendarDays.day, day))).returning();
        if (gone.length === 0) throw deadlinesError('deadlines.day.not_found');
        await deps.audit.record(actor, { action: 'deadlines.day_clear', objectType: 'calendarDay', objectId: day, details: { kind: gone[0]!.kind, name: gone[0]!.name } });
      });
    },

    /** Writes every day of an imported sheet, in one transaction (the sheet was checked whole before). */
    async importDays(actor: Actor, days: CalendarDay[]) {
      await db.transaction(async (tx) => {
        await upsertDays(tx, actor.districtId, days);
        await deps.audit.record(actor, { action: 'deadlines.calendar_import', objectType: 'calendarDay', objectId: `${days[0]!.day}..${days.at(-1)!.day}`, details: { days: days.length } });
      });
      return { imported: days.length };
    },

    /**
     * A need's window from `from` (acceptance): its rule (most specific for its region path,
     * category and severity) applied on the district's calendar. Joins the caller's transaction.
     */
    async window(tx: DbOrTx, districtId: string, key: NeedWindowKey, from: Date) {
      // the need's region path, its category's parent and the rules of its severity: one round trip
      const [facts] = await queryRows<{ path: string | null; categoryParentId: string | null; rules: unknown }>(
        tx,
        sql`SELECT (SELECT ${regions.path} FROM ${regions} WHERE ${regions.id} = ${key.regionId} AND ${regions.districtId} = ${districtId}) AS path,
                   ${deps.categories.parentColumn(sql`${districtId}::uuid`, sql`${key.categoryId}::uuid`)} AS "categoryParentId",
                   ${jsonRows(deadlineRules, sql`${deadlineRules.districtId} = ${districtId} AND ${deadlineRules.severity} = ${key.severity}`)} AS rules`,
      );
      const rules = decodeJsonRows(deadlineRules, facts!.rules);
      const need = { regionPath: (facts!.path ?? '').split('/').filter(Boolean), categoryId: key.categoryId, categoryParentId: facts!.categoryParentId, severity: key.severity };
      const rule = windowFor(rules, new Map(), need, from);
      if (rule.unit === 'calendar_days') return rule;
      const start = shanghaiDay(from);
      return windowFor(rules, await loadCalendar(tx, districtId, start, addDays(start, calendarHorizon(rule.amount, rule.unit))), need, from);
    },

    /** The deadline alone (what the order chain stores at acceptance). */
    async dueAt(tx: DbOrTx, districtId: string, key: NeedWindowKey, from: Date): Promise<Date> {
      return (await this.window(tx, districtId, key, from)).deadlineAt;
    },

    /** When `fraction` of a window has elapsed: in working time for a working-day window (policy `thresholdAt`). */
    async thresholdAt(tx: DbOrTx, districtId: string, w: { acceptedAt: Date; deadlineAt: Date; unit: WindowUnit }, fraction: number): Promise<Date> {
      if (w.unit === 'calendar_days') return thresholdAt(w.acceptedAt, w.deadlineAt, fraction, null);
      return thresholdAt(w.acceptedAt, w.deadlineAt, fraction, await loadCalendar(tx, districtId, shanghaiDay(w.acceptedAt), shanghaiDay(w.deadlineAt)));
    },

    /**
     * A window after a pause (挂起) from `pausedAt` to `resumedAt`: both ends move on by the paused
     * time in the window's unit (policy `resumeWindow`). Joins the caller's transaction.
     */
    async resumeWindow(tx: DbOrTx, districtId: string, w: Window, pausedAt: Date, resumedAt: Date) {
      if (w.unit === 'calendar_days') return resumeWindow(w, pausedAt, resumedAt, new Map());
      const paused = Math.ceil((resumedAt.getTime() - pausedAt.getTime()) / 86_400_000);
      const from = shanghaiDay(new Date(Math.min(w.startedAt.getTime(), pausedAt.getTime())));
      const to = addDays(shanghaiDay(new Date(Math.max(w.deadlineAt.getTime(), resumedAt.getTime()))), calendarHorizon(paused, 'working_days'));
      return resumeWindow(w, pausedAt, resumedAt, await loadCalendar(tx, districtId, from, to));
    },

    /** A deadline extended (延期) by `days` of its window's unit, on the district's calendar. */
    async extendDeadline(tx: DbOrTx, districtId: string, deadlineAt: Date, days: number, unit: WindowUnit): Promise<Date> {
      if (unit === 'calendar_days') return extendDeadline(deadlineAt, days, unit, new Map());
      const from = shanghaiDay(deadlineAt);
      return extendDeadline(deadlineAt, days, unit, await loadCalendar(tx, districtId, from, addDays(from, calendarHorizon(days, unit))));
    },

    /** Every rule and the whole calendar of a district, for computing many windows in memory (the demo). */
    async book(tx: DbOrTx, districtId: string): Promise<{ rules: Rule[]; calendar: Calendar }> {
      const rules = await tx.select().from(deadlineRules).where(eq(deadlineRules.districtId, districtId));
      const days = await tx.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays).where(eq(calendarDays.districtId, districtId));
      return { rules, calendar: new Map(days.map((d) => [d.day, d.kind])) };
    },
  };
}

export type DeadlinesService = ReturnType<typeof createDeadlinesService>;

import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { AuditService } from '../audit/audit.service.js';
import { fromCents, toCents } from './ledger.amounts.js';
import type { CreditContext } from './ledger.credit.js';
import { defaultCaps, defaultRules } from './ledger.defaults.js';
import type { RuleTrigger } from './ledger.enums.js';
import { ledgerError } from './ledger.errors.js';
import { rulesOn } from './ledger.policy.js';
import { pointsRules, pointsSettings } from './ledger.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type RuleView = { id: string; code: string; trigger: RuleTrigger; name: string; nameEn: string; points: number; effectiveFrom: string; effectiveTo: string | null; active: boolean; inForce: boolean; note: string };
export type RuleChange = { points: number; name?: string; nameEn?: string; active?: boolean; effectiveFrom: string; note?: string };
export type NewRule = { code: string; name: string; nameEn: string; points: number; effectiveFrom: string; note?: string };
export type Caps = { dailyCap: number | null; monthlyCap: number | null };

const YEAR_START = '2026-01-01';
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function checkPoints(trigger: string, points: number) {
  const ok = Number.isFinite(points) && Math.round(points * 100) === points * 100 && points !== 0 && Math.abs(points) <= 10_000;
  const deducting = ['noShow', 'lateCancellation', 'conductIncident'].includes(trigger);
  if (!ok || (trigger !== 'manual' && (deducting ? points > 0 : points < 0))) throw ledgerError('ledger.bad_points', { field: 'points' });
}

/**
 * The district's points rules (加减分细则) and caps. A change is a new version from a day on: the
 * running version ends the day before, so what was posted under it keeps it, and nothing posted
 * before the day is rewritten.
 */
export function ledgerRules(deps: PlatformDeps & { audit: AuditService }) {
  const today = () => shanghaiDay(deps.clock.now());
  const view = (r: typeof pointsRules.$inferSelect, on: string): RuleView => ({
    id: r.id, code: r.code, trigger: r.trigger as RuleTrigger, name: r.name, nameEn: r.nameEn, points: Number(r.points), effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, active: r.active,
    inForce: r.active && r.effectiveFrom <= on && (r.effectiveTo === null || r.effectiveTo >= on), note: r.note,
  });
  const versionsOf = (db: DbOrTx, districtId: string, code?: string) =>
    db.select().from(pointsRules).where(and(eq(pointsRules.districtId, districtId), code ? eq(pointsRules.code, code) : undefined)).orderBy(asc(pointsRules.sortOrder), asc(pointsRules.code), asc(pointsRules.effectiveFrom));

  return {
    async ensureDefaults(tx: DbOrTx, districtId: string) {
      await tx
        .insert(pointsRules)
        .values(defaultRules.map((r, i) => ({ districtId, code: r.code, trigger: r.trigger, name: r.name, nameEn: r.nameEn, points: r.points, effectiveFrom: YEAR_START, sortOrder: (i + 1) * 10 })))
        .onConflictDoNothing();
      await tx.insert(pointsSettings).values({ districtId, ...defaultCaps }).onConflictDoNothing();
    },

    /** Every version of every rule; `inForce` marks those that apply today. */
    async list(actor: Actor): Promise<RuleView[]> {
      const on = today();
      return (await versionsOf(currentDb(deps.db), actor.districtId)).map((r) => view(r, on));
    },

    /** What crediting needs: all versions (the service day picks one) and the caps. */
    async context(db: DbOrTx, districtId: string): Promise<CreditContext> {
      const [rows, [caps]] = await Promise.all([versionsOf(db, districtId), db.select().from(pointsSettings).where(eq(pointsSettings.districtId, districtId))]);
      return {
        rules: rows.map((r) => ({ code: r.code, trigger: r.trigger, points: toCents(r.points), effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, active: r.active })),
        caps: { daily: caps?.dailyCap ? toCents(caps.dailyCap) : null, monthly: caps?.monthlyCap ? toCents(caps.monthlyCap) : null },
      };
    },

    /** The version of a rule in force on a day, if any (its points and its code name the line). */
    async inForce(db: DbOrTx, districtId: string, trigger: RuleTrigger, day: string) {
      const ctx = await this.context(db, districtId);
      return rulesOn(ctx.rules, day).find((r) => r.trigger === trigger);
    },

    async rule(db: DbOrTx, districtId: string, code: string, day: string) {
      const rows = await versionsOf(db, districtId, code);
      if (rows.length === 0) throw ledgerError('ledger.rule_not_found', { field: 'ruleCode' });
      return rows.map((r) => view(r, day)).find((r) => r.inForce);
    },

    async change(actor: Actor, code: string, input: RuleChange): Promise<RuleView> {
      return deps.db.transaction(async (tx) => {
        const versions = await versionsOf(tx, actor.districtId, code).for('update');
        const latest = versions.at(-1);
        if (!latest) throw ledgerError('ledger.rule_not_found');
        checkPoints(latest.trigger, input.points);
        if (input.effectiveFrom < today() || input.effectiveFrom <= latest.effectiveFrom) throw ledgerError('ledger.bad_effective_from', { field: 'effectiveFrom' });
        await tx.update(pointsRules).set({ effectiveTo: dayBefore(input.effectiveFrom) }).where(and(eq(pointsRules.districtId, actor.districtId), eq(pointsRules.id, latest.id)));
        const [row] = await tx
          .insert(pointsRules)
          .values({ districtId: actor.districtId, code, trigger: latest.trigger, name: input.name?.trim() || latest.name, nameEn: input.nameEn?.trim() || latest.nameEn, points: fromCents(toCents(input.points)), effectiveFrom: input.effectiveFrom, sortOrder: latest.sortOrder, active: input.active ?? true, changedBy: actor.accountId, note: input.note?.trim() ?? '' })
          .returning();
        await deps.audit.record(actor, { action: 'ledger.rule.change', objectType: 'points_rule', objectId: row!.id, details: { code, from: latest.points, to: row!.points, effectiveFrom: input.effectiveFrom } });
        return view(row!, today());
      });
    },

    /** A new rule staff apply by hand (a district's own award or deduction). */
    async create(actor: Actor, input: NewRule): Promise<RuleView> {
      checkPoints('manual', input.points);
      if (input.effectiveFrom < today()) throw ledgerError('ledger.bad_effective_from', { field: 'effectiveFrom' });
      return deps.db.transaction(async (tx) => {
        if ((await versionsOf(tx, actor.districtId, input.code)).length > 0) throw ledgerError('ledger.rule_code_taken', { field: 'code' });
        const [row] = await tx
          .insert(pointsRules)
          .values({ districtId: actor.districtId, code: input.code, trigger: 'manual', name: input.name.trim(), nameEn: input.nameEn.trim(), points: fromCents(toCents(input.points)), effectiveFrom: input.effectiveFrom, sortOrder: 1000, changedBy: actor.accountId, note: input.note?.trim() ?? '' })
          .onConflictDoNothing()
          .returning();
        if (!row) throw ledgerError('ledger.rule_code_taken', { field: 'code' });
        await deps.audit.record(actor, { action: 'ledger.rule.create', objectType: 'points_rule', objectId: row.id, details: { code: input.code, points: row.points } });
        return view(row, today());
      });
    },

    async caps(districtId: string): Promise<Caps> {
      const [row] = await currentDb(deps.db).select().from(pointsSettings).where(eq(pointsSettings.districtId, districtId));
      return { dailyCap: row?.dailyCap ? Number(row.dailyCap) : null, monthlyCap: row?.monthlyCap ? Number(row.monthlyCap) : null };
    },

    async updateCaps(actor: Actor, caps: Caps): Promise<Caps> {
      for (const [field, v] of Object.entries(caps)) if (v !== null && (!(v > 0) || Math.round(v * 100) !== v * 100)) throw ledgerError('ledger.bad_points', { field });
      await deps.db.transaction(async (tx) => {
        const values = { dailyCap: caps.dailyCap === null ? null : fromCents(toCents(caps.dailyCap)), monthlyCap: caps.monthlyCap === null ? null : fromCents(toCents(caps.monthlyCap)), updatedAt: deps.clock.now() };
        await tx.insert(pointsSettings).values({ districtId: actor.districtId, ...values }).onConflictDoUpdate({ target: pointsSettings.districtId, set: values });
        await deps.audit.record(actor, { action: 'ledger.caps.change', objectType: 'points_settings', objectId: actor.districtId, details: caps });
      });
      return this.caps(actor.districtId);
    },
  };
}

export type LedgerRules = ReturnType<typeof ledgerRules>;

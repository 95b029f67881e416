import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/unit-of-work.js';
import { regions } from '../../platform/scope/regions.table.js';
import { regionInScope, subtreeOf } from '../../platform/scope/scope.js';
import type { InServiceMember } from '../volunteers/volunteers.in-service.js';
import type { PartnersDeps } from './partners.deps.js';
import { partnersError } from './partners.errors.js';
import { isBehind, manualSlot, monthlySlot, readsUnits, shanghaiParts } from './partners.policy.js';
import { loadUnits, memberViews, yearAndMinimum } from './partners.rows.js';
import { inServiceReminders } from './partners.table.js';
import type { partnerUnitsUseCases } from './partners.units.js';

export const REMIND_JOB = 'partners.remindBehind';
export const REMIND_EVERY_MS = 6 * 3_600_000;

const fmt = (hours: number) => String(Math.round(hours * 100) / 100);

/**
 * In-service party members behind the yearly minimum (SPEC §6: ≥10 h, the district's setting): the
 * lists for a community (or street) and a work unit, the monthly reminder from September on, and a
 * staff member's "remind now". Each reminder is a row keyed by person and slot (month or day),
 * written in the transaction that puts the message in the inbox: at most one per slot, however often
 * the sweep runs or the button is pressed.
 */
export function inServiceBehind(deps: PartnersDeps, units: ReturnType<typeof partnerUnitsUseCases>) {
  const { db } = deps;

  /** Communities in an area (a community, a street, the district). */
  async function communitiesUnder(districtId: string, path: string) {
    const rows = await db.select({ id: regions.id }).from(regions).where(and(eq(regions.districtId, districtId), eq(regions.type, 'community'), subtreeOf(path)));
    return rows.map((r) => r.id);
  }

  async function remember(tx: DbOrTx, districtId: string, rows: { accountId: string; hours: number; slot: string; kind: 'monthly' | 'manual'; sentBy: string | null }[]): Promise<Set<string>> {
    const made = new Set<string>();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000).map((r) => ({ districtId, accountId: r.accountId, slot: r.slot, kind: r.kind, hours: fmt(r.hours), sentAt: deps.clock.now(), sentBy: r.sentBy }));
      const inserted = await tx.insert(inServiceReminders).values(chunk).onConflictDoNothing().returning({ accountId: inServiceReminders.accountId });
      for (const r of inserted) made.add(r.accountId);
    }
    return made;
  }

  async function tellMember(tx: DbOrTx, districtId: string, m: InServiceMember, slot: string, minimum: number, year: number) {
    await deps.notifications.notify(tx, districtId, {
      key: `partners.behind:${slot}:${m.accountId}`,
      type: 'partners.behind',
      recipients: [m.accountId],
      subject: { type: 'volunteer', id: m.accountId, label: String(year) },
      params: { hours: fmt(m.hoursThisYear), minimum: fmt(minimum), year },
    });
  }

  return {
    /** Who is behind in an area (default: the caller's) or in one unit (its staff and its contact). */
    async behind(actor: Actor, q: { regionId?: string; unitId?: string }) {
      const { year, minimumHours } = await yearAndMinimum(deps, actor.districtId);
      if (q.unitId) {
        const unit = await units.detail(actor, q.unitId);
        const within = q.regionId ? new Set(await communitiesUnder(actor.districtId, (await regionInScope(db, actor, q.regionId)).path)) : null;
        return { year, minimumHours, items: unit.members.filter((m) => m.behind && (!within || within.has(m.communityId))) };
      }
      if (!readsUnits(actor)) throw partnersError('partners.not_found');
      const area = await regionInScope(db, actor, q.regionId ?? actor.regionId);
      const members = await deps.volunteers.inServiceMembers(actor.districtId, { communityIds: await communitiesUnder(actor.districtId, area.path) }, year);
      const behind = members.filter((m) => isBehind(m.hoursThisYear, minimumHours));
      return { year, minimumHours, items: await memberViews(deps, actor, behind, minimumHours) };
    },

    /** "Remind now" (staff over the member's community): audited, once a day per person. */
    async remindNow(actor: Actor, accountId: string) {
      const { year, minimumHours } = await yearAndMinimum(deps, actor.districtId);
      const [member] = await deps.volunteers.inServiceMembers(actor.districtId, { accountIds: [accountId] }, year);
      const [community] = member ? await db.select({ path: regions.path }).from(regions).where(eq(regions.id, member.communityId)) : [];
      if (!member || !community?.path.startsWith(actor.regionPath)) throw partnersError('partners.member_not_found');
      if (!isBehind(member.hoursThisYear, minimumHours)) throw partnersError('partners.not_behind');
      const now = deps.clock.now();
      const slot = manualSlot(now);
      await inTransaction(db, async (tx) => {
        const made = await remember(tx, actor.districtId, [{ accountId, hours: member.hoursThisYear, slot, kind: 'manual', sentBy: actor.accountId }]);
        if (!made.has(accountId)) throw partnersError('partners.reminded_today');
        await tellMember(tx, actor.districtId, member, slot, minimumHours, year);
        await deps.audit.record(actor, { action: 'partners.remind', objectType: 'volunteer', objectId: accountId, regionId: member.communityId, details: { hours: member.hoursThisYear, minimum: minimumHours } });
      });
      return { remindedAt: now.toISOString() };
    },

    /**
     * The monthly sweep (a job every few hours per district; from September on): each member behind
     * who has no reminder this month gets one, and each unit's contact a summary of its members
     * behind — both once per month (the reminder's key; the message's key).
     */
    async sweep(tx: DbOrTx, districtId: string, now: Date) {
      const slot = monthlySlot(now);
      if (!slot) return;
      const { minimumHours } = await yearAndMinimum(deps, districtId);
      const year = shanghaiParts(now).year;
      const behind = (await deps.volunteers.inServiceMembers(districtId, {}, year)).filter((m) => isBehind(m.hoursThisYear, minimumHours));
      const made = await remember(tx, districtId, behind.map((m) => ({ accountId: m.accountId, hours: m.hoursThisYear, slot, kind: 'monthly' as const, sentBy: null })));
      for (const m of behind) if (made.has(m.accountId)) await tellMember(tx, districtId, m, slot, minimumHours, year);
      const byUnit = new Map<string, number>();
      for (const m of behind) if (m.workUnitId) byUnit.set(m.workUnitId, (byUnit.get(m.workUnitId) ?? 0) + 1);
      for (const unit of await loadUnits(deps, districtId, [...byUnit.keys()])) {
        if (!unit.contactAccountId || !unit.active) continue;
        await deps.notifications.notify(tx, districtId, {
          key: `partners.unitBehind:${slot}:${unit.id}`,
          type: 'partners.unitBehind',
          recipients: [unit.contactAccountId],
          subject: { type: 'partnerUnit', id: unit.id, label: unit.name },
          params: { count: byUnit.get(unit.id)!, minimum: fmt(minimumHours), year },
        });
      }
    },
  };
}


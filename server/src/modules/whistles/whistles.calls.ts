import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { WhistlesDeps } from './whistles.deps.js';
import { whistlesError } from './whistles.errors.js';
import { decideCallStep, decideManage, standingOf, timelineRole, unitServes, type CallKind, type Verdict } from './whistles.policy.js';
import { callsOf, loadWhistle, whistleOfCall, type CallRow, type WhistleRow } from './whistles.rows.js';
import { units, whistleUnits, whistles } from './whistles.table.js';

type Picked = { teamId: string | null; unitId: string | null; kind: CallKind; name: string; contactId: string | null };

const check = <T>(verdict: Verdict<T>): T => {
  if (!verdict.ok) throw whistlesError(verdict.code);
  return verdict.value;
};

/** Locks the whistle and reads its calls and the caller's standing; not visible → 404. */
async function locked(tx: DbOrTx, actor: Actor, whistleId: string | null) {
  const w = whistleId ? await loadWhistle(tx, actor.districtId, whistleId, true) : null;
  if (!w) throw whistlesError('whistles.not_found');
  const calls = await callsOf(tx, actor.districtId, [w.id]);
  return { w, calls, standing: standingOf(actor, w, calls) };
}

/** Teams in the caller's scope (their leader answers) and active units serving the whistle's street. */
async function pick(tx: DbOrTx, deps: WhistlesDeps, actor: Actor, w: WhistleRow, input: { teamIds: string[]; unitIds: string[] }): Promise<Picked[]> {
  const picked: Picked[] = [];
  for (const teamId of new Set(input.teamIds)) {
    try {
      const team = await deps.teams.getInScope(actor, teamId);
      picked.push({ teamId, unitId: null, kind: 'team', name: team.name, contactId: team.leaderId });
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw whistlesError('whistles.team_not_found', { field: 'teamIds' });
      throw err;
    }
  }
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.length > 0) {
    const rows = await tx
      .select({ unit: units, path: regions.path })
      .from(units)
      .innerJoin(regions, eq(regions.id, units.regionId))
      .where(and(eq(units.districtId, actor.districtId), inArray(units.id, unitIds), eq(units.active, true)));
    const serving = rows.filter((r) => unitServes(r.path, w.streetPath));
    if (serving.length !== unitIds.length) throw whistlesError('whistles.unit_not_found', { field: 'unitIds' });
    for (const { unit } of serving) picked.push({ teamId: null, unitId: unit.id, kind: unit.kind, name: unit.name, contactId: unit.contactAccountId });
  }
  return picked;
}

export function whistleCalls(deps: WhistlesDeps) {
  const { db } = deps;
  const needNumber = async (w: WhistleRow) => (await deps.needs.summaries(w.districtId, [w.needId])).get(w.needId)?.number ?? '';
  const subject = async (w: WhistleRow) => ({ type: 'whistle' as const, id: w.id, label: await needNumber(w) });

  /** One step of a called unit, in one transaction: decided by the policy, on the timeline, audited. */
  async function callStep(actor: Actor, callId: string, step: 'reportIn' | 'part', apply: (tx: DbOrTx, w: WhistleRow, call: CallRow) => Promise<{ patch: Partial<typeof whistleUnits.$inferInsert>; note: string; data?: Record<string, unknown> }>) {
    return db.transaction(async (tx) => {
      const { w, calls, standing } = await locked(tx, actor, await whistleOfCall(tx, actor.districtId, callId));
      const call = calls.find((c) => c.id === callId)!;
      const { to, by } = check(decideCallStep(step, standing, call, w.state));
      const { patch, note, data } = await apply(tx, w, call);
      await tx.update(whistleUnits).set({ ...patch, state: to }).where(and(eq(whistleUnits.districtId, actor.districtId), eq(whistleUnits.id, call.id)));
      await deps.needs.recordOnTimeline(actor, w.needId, { role: timelineRole(by, call.kind, actor.roles), action: step === 'reportIn' ? 'reportIn' : 'unitPart', note, data: { whistleId: w.id, callId: call.id, unitName: call.name, ...data } });
      await deps.audit.record(actor, { action: `whistles.${step}`, objectType: 'whistle', objectId: w.id, regionId: w.regionId, details: { callId: call.id, unit: call.name, by } });
      return { w, call };
    });
  }

  return {
    /** The street calls units in (召集): new calls on the timeline, each contact told in their inbox; a unit called already is left as it is. */
    async callIn(actor: Actor, whistleId: string, input: { teamIds?: string[]; unitIds?: string[] }) {
      const wanted = { teamIds: input.teamIds ?? [], unitIds: input.unitIds ?? [] };
      await db.transaction(async (tx) => {
        const { w, standing } = await locked(tx, actor, whistleId);
        check(decideManage(standing, w.state));
        // after the scope check: an empty call to another street's whistle is a 404 like any other
        if (wanted.teamIds.length + wanted.unitIds.length === 0) throw whistlesError('whistles.nothing_to_call', { field: 'unitIds' });
        const picked = await pick(tx, deps, actor, w, wanted);
        const now = deps.clock.now();
        const made = await tx
          .insert(whistleUnits)
          .values(picked.map((p) => ({ ...p, districtId: actor.districtId, whistleId: w.id, calledAt: now, calledBy: actor.accountId })))
          .onConflictDoNothing()
          .returning();
        if (made.length === 0) return;
        await deps.needs.recordOnTimeline(actor, w.needId, { role: timelineRole('manager', 'team', actor.roles), action: 'callIn', note: made.map((c) => c.name).join('、'), data: { whistleId: w.id, calls: made.map((c) => ({ id: c.id, kind: c.kind, name: c.name })) } });
        const about = await subject(w);
        for (const c of made.filter((x) => x.contactId)) {
          await deps.notifications.notify(tx, actor.districtId, { key: `whistle-call:${c.id}`, type: 'whistle.called', recipients: [c.contactId!], subject: about, params: { unitName: c.name, streetName: w.streetName } });
        }
        await deps.audit.record(actor, { action: 'whistles.callIn', objectType: 'whistle', objectId: w.id, regionId: w.regionId, details: { called: made.map((c) => c.name) } });
      });
    },

    /** A called unit reports in (报到); the admin who called it hears of it (unless they reported for it). */
    async reportIn(actor: Actor, callId: string) {
      const { w } = await callStep(actor, callId, 'reportIn', async (tx, wh, c) => {
        if (c.calledBy !== actor.accountId) {
          await deps.notifications.notify(tx, actor.districtId, { key: `whistle-report:${c.id}`, type: 'whistle.reported', recipients: [c.calledBy], subject: await subject(wh), params: { unitName: c.name } });
        }
        return { patch: { reportedAt: deps.clock.now(), reportedBy: actor.accountId }, note: c.name };
      });
      return w.id;
    },

    /** A unit that reported in records its part (办理情况) with photos, which follow the whistle. */
    async recordPart(actor: Actor, callId: string, input: { text: string; photos?: string[] }) {
      const photos = [...new Set(input.photos ?? [])];
      const { w } = await callStep(actor, callId, 'part', async (tx, wh) => {
        const owned = await deps.files.ownedBy(actor, photos);
        if (!photos.every((p) => owned.has(p))) throw whistlesError('whistles.bad_photo', { field: 'photos' });
        await deps.files.attach(tx, actor.districtId, photos, { type: 'whistle', id: wh.id });
        return { patch: { part: input.text.trim(), partAt: deps.clock.now(), partBy: actor.accountId, photos }, note: input.text.trim(), data: { photos: photos.length } };
      });
      return w.id;
    },

    /** The street closes the whistle with a summary; every called unit's contact is told. */
    async close(actor: Actor, whistleId: string, input: { summary: string }) {
      await db.transaction(async (tx) => {
        const { w, calls, standing } = await locked(tx, actor, whistleId);
        check(decideManage(standing, w.state));
        const summary = input.summary.trim();
        await tx.update(whistles).set({ state: 'closed', closedAt: deps.clock.now(), closedBy: actor.accountId, summary }).where(and(eq(whistles.districtId, actor.districtId), eq(whistles.id, w.id)));
        await deps.needs.recordOnTimeline(actor, w.needId, { role: timelineRole('manager', 'team', actor.roles), action: 'whistleClose', note: summary, data: { whistleId: w.id } });
        const contacts = calls.map((c) => c.contactId).filter((id): id is string => id !== null && id !== actor.accountId);
        await deps.notifications.notify(tx, actor.districtId, { key: `whistle:${w.id}:closed`, type: 'whistle.closed', recipients: contacts, subject: await subject(w) });
        await deps.audit.record(actor, { action: 'whistles.close', objectType: 'whistle', objectId: w.id, regionId: w.regionId, details: { summary } });
      });
    },
  };
}

import { and, eq, or } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { systemActor } from '../../platform/auth/actor.js';
import { accessError } from '../../platform/auth/auth.errors.js';
import type { Role } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { EventRow } from '../../platform/events/outbox.js';
import type { JobRow } from '../../platform/jobs/jobs.table.js';
import { shanghaiMidnight } from '../deadlines/deadlines.policy.js';
import type { NeedHandling } from '../needs/needs.handling.js';
import type { Party } from '../needs/needs.lifecycle.js';
import { oversightError } from './oversight.errors.js';
import { approverOf, askingRole, extensionProblem, MAX_EXTENSION_DAYS, MAX_PAUSE_DAYS, mayDecide, mayResume, maySeeOversight, resumeDateFits, type ChangeKind } from './oversight.policy.js';
import type { OversightDeps } from './oversight.deps.js';
import { deadlineChanges } from './oversight.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export const RESUME_JOB = 'oversight.resume';

export type ChangeRow = typeof deadlineChanges.$inferSelect;
export type AskInput = { kind: ChangeKind; reason: string; extraDays?: number; newDeadline?: string; resumeOn?: string };

const byId = (districtId: string, id: string) => and(eq(deadlineChanges.districtId, districtId), eq(deadlineChanges.id, id));
const openOf = (districtId: string, needId: string) =>
  and(eq(deadlineChanges.districtId, districtId), eq(deadlineChanges.needId, needId), or(eq(deadlineChanges.state, 'requested'), and(eq(deadlineChanges.kind, 'pause'), eq(deadlineChanges.state, 'approved'))));

/** The timeline's word for each step, by kind (labels in the web's needs locale, `event.<action>`). */
const steps = { pause: { ask: 'pauseAsk', approve: 'pauseApprove', refuse: 'pauseRefuse' }, extension: { ask: 'extendAsk', approve: 'extendApprove', refuse: 'extendRefuse' } } as const;
/** Who may resume, most direct first: the role written on the timeline. */
const resumers: readonly Party[] = ['teamLeader', 'communityAdmin', 'streetAdmin', 'districtAdmin'];

/**
 * Pauses (挂起) and extensions (延期): asked by the handler, decided by the level above, each step on
 * the need's timeline with its domain event, the need's clock moved in the same transaction, the
 * people concerned told in their inbox. The warnings follow: supervision schedules a moved window's
 * on `needs.resume` and `needs.extendApprove`, and a paused need gets none.
 */
export function createDeadlineChanges(deps: OversightDeps) {
  const { db } = deps;

  const tell = (tx: DbOrTx, need: Pick<NeedHandling, 'districtId' | 'id' | 'number' | 'title'>, type: string, recipients: string[], key: string) =>
    deps.notifications.notify(tx, need.districtId, { key, type, recipients, subject: { type: 'need', id: need.id, label: need.number }, params: { needTitle: need.title } });

  const setChange = (tx: DbOrTx, change: ChangeRow, patch: Partial<typeof deadlineChanges.$inferInsert>) => tx.update(deadlineChanges).set(patch).where(byId(change.districtId, change.id));

  /** A request by id, with its need locked (need first, then the request: one lock order everywhere); 404 for whoever may not see it. */
  async function loadForChange(tx: DbOrTx, actor: Actor, id: string) {
    const [row] = await tx.select().from(deadlineChanges).where(byId(actor.districtId, id));
    if (!row) throw oversightError('oversight.change.not_found');
    let need: NeedHandling;
    try {
      need = await deps.needs.handlingOf(actor, row.needId, { lock: true });
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw oversightError('oversight.change.not_found');
      throw err;
    }
    const parties = new Set(need.parties);
    if (!actor.isSystem && !maySeeOversight(parties)) throw oversightError('oversight.change.not_found');
    const [change] = await tx.select().from(deadlineChanges).where(byId(actor.districtId, id)).for('update');
    return { change: change!, need, parties };
  }

  /** The deadline an extension asks for: a date given, or extra days in the window's unit. */
  async function askedDeadline(tx: DbOrTx, need: NeedHandling, input: AskInput, now: Date): Promise<Date> {
    const field = input.newDeadline ? 'newDeadline' : 'extraDays';
    let asked: Date;
    if (input.newDeadline) asked = new Date(input.newDeadline);
    else if (input.extraDays) asked = await deps.deadlines.extendDeadline(tx, need.districtId, need.deadlineAt!, input.extraDays, need.windowUnit);
    else throw oversightError('oversight.extension_required', { field: 'extraDays' });
    const problem = extensionProblem(need.deadlineAt!, now, asked);
    if (problem === 'not_later') throw oversightError('oversight.deadline_not_later', { field });
    if (problem === 'too_far') throw oversightError('oversight.deadline_too_far', { field, params: { days: MAX_EXTENSION_DAYS } });
    return asked;
  }

  /**
   * Ends a running pause at `now`: the paused time (in the window's unit) moves the deadline and the
   * window's start on, the need's clock runs again, and the timeline says by how much — with
   * `windowMovedAt`, from which supervision schedules the rest of the window's warnings.
   */
  async function endPause(tx: DbOrTx, actor: Actor, change: ChangeRow, need: NeedHandling, how: { role: string; by: 'handler' | 'expected' | 'finished'; now: Date }) {
    const w = await deps.deadlines.resumeWindow(tx, need.districtId, { startedAt: need.windowStartedAt ?? need.acceptedAt!, deadlineAt: need.deadlineAt!, unit: need.windowUnit }, change.pausedAt!, how.now);
    await setChange(tx, change, { state: 'ended', resumedAt: how.now, resumedBy: actor.isSystem ? null : actor.accountId, newDeadline: w.deadlineAt });
    await deps.needs.moveDeadline(need.districtId, need.id, { deadlineAt: w.deadlineAt, windowStartedAt: w.startedAt, pausedAt: null });
    await deps.needs.recordOnTimeline(actor, need.id, {
      role: how.role,
      action: 'resume',
      data: { changeId: change.id, by: how.by, pausedMs: w.pausedMs, oldDeadline: need.deadlineAt!.toISOString(), deadlineAt: w.deadlineAt.toISOString(), windowMovedAt: how.now.toISOString() },
    });
    if (how.by !== 'finished' && change.requestedBy !== actor.accountId) await tell(tx, need, 'oversight.resumed', [change.requestedBy], `resume:${change.id}`);
    await deps.audit.record(actor, { action: 'oversight.pause_end', objectType: 'deadlineChange', objectId: change.id, regionId: need.regionId, details: { needId: need.id, by: how.by, pausedMs: w.pausedMs, deadlineAt: w.deadlineAt.toISOString() } });
  }

  return {
    /** The handler asks to pause the clock or extend the deadline; the level above is told. */
    async ask(actor: Actor, needId: string, input: AskInput): Promise<string> {
      return db.transaction(async (tx) => {
        const need = await deps.needs.handlingOf(actor, needId, { lock: true });
        const parties = new Set(need.parties);
        const askedAs = askingRole(parties, need.status);
        if (!askedAs) throw accessError('auth.forbidden');
        if (!need.running || !need.deadlineAt) throw oversightError('oversight.not_running');
        const reason = input.reason.trim();
        if (!reason) throw oversightError('oversight.reason_required', { field: 'reason' });
        const now = deps.clock.now();
        const asked = input.kind === 'extension' ? await askedDeadline(tx, need, input, now) : null;
        const resumeOn = input.kind === 'pause' ? (input.resumeOn ?? null) : null;
        if (resumeOn && !resumeDateFits(resumeOn, shanghaiDay(now))) throw oversightError('oversight.resume_date', { field: 'resumeOn', params: { days: MAX_PAUSE_DAYS } });
        const [row] = await tx
          .insert(deadlineChanges)
          .values({ districtId: need.districtId, needId: need.id, regionId: need.regionId, kind: input.kind, state: 'requested', reason, requestedBy: actor.accountId, requestedRole: askedAs, requestedAt: now, resumeOn, oldDeadline: need.deadlineAt, newDeadline: asked })
          .onConflictDoNothing()
          .returning();
        // the partial UNIQUE index: one open request or running pause per need, however many ask at once
        if (!row) throw oversightError('oversight.open_request');
        await deps.needs.recordOnTimeline(actor, need.id, {
          role: askedAs,
          action: steps[input.kind].ask,
          note: reason,
          data: { changeId: row.id, ...(asked ? { newDeadline: asked.toISOString() } : {}), ...(resumeOn ? { resumeOn } : {}) },
        });
        const approvers = await deps.accounts.staffAlong(tx, need.districtId, { path: need.regionPath, within: '/' }, [approverOf[askedAs] as Role]);
        await tell(tx, need, `oversight.${input.kind}Asked`, approvers.filter((id) => id !== actor.accountId), `ask:${row.id}`);
        await deps.audit.record(actor, { action: `oversight.${input.kind}_ask`, objectType: 'deadlineChange', objectId: row.id, regionId: need.regionId, details: { needId: need.id, askedAs, newDeadline: asked?.toISOString(), resumeOn } });
        return row.id;
      });
    },

    /** The level above approves (a pause stops the clock now; an extension sets its deadline) or refuses, with a note. */
    async decide(actor: Actor, id: string, verdict: 'approve' | 'refuse', note?: string): Promise<{ needId: string }> {
      return db.transaction(async (tx) => {
        const { change, need, parties } = await loadForChange(tx, actor, id);
        if (!mayDecide(parties, change, actor.accountId)) throw accessError('auth.forbidden');
        if (change.state !== 'requested') throw oversightError('oversight.already_decided');
        const decisionNote = note?.trim() || null;
        if (verdict === 'refuse' && !decisionNote) throw oversightError('oversight.reason_required', { field: 'note' });
        const now = deps.clock.now();
        const decided = { decidedBy: actor.accountId, decidedAt: now, decisionNote };
        const role = approverOf[change.requestedRole];
        if (verdict === 'refuse') {
          await setChange(tx, change, { state: 'refused', ...decided });
          await deps.needs.recordOnTimeline(actor, need.id, { role, action: steps[change.kind].refuse, note: decisionNote, data: { changeId: change.id } });
        } else {
          if (!need.running || !need.deadlineAt) throw oversightError('oversight.not_running');
          if (change.kind === 'pause') {
            if (change.resumeOn && shanghaiMidnight(change.resumeOn).getTime() <= now.getTime()) throw oversightError('oversight.resume_date_passed');
            await setChange(tx, change, { state: 'approved', pausedAt: now, ...decided });
            await deps.needs.moveDeadline(need.districtId, need.id, { pausedAt: now });
            // the clock goes on by itself on the expected day, unless someone resumes it first
            if (change.resumeOn) await deps.jobs.schedule(tx, need.districtId, { name: RESUME_JOB, key: change.id, runAt: shanghaiMidnight(change.resumeOn), payload: { changeId: change.id } });
            await deps.needs.recordOnTimeline(actor, need.id, { role, action: 'pauseApprove', note: decisionNote, data: { changeId: change.id, pausedAt: now.toISOString(), ...(change.resumeOn ? { resumeOn: change.resumeOn } : {}) } });
          } else {
            if (need.deadlineAt.getTime() !== change.oldDeadline.getTime()) throw oversightError('oversight.deadline_moved');
            if (change.newDeadline!.getTime() <= now.getTime()) throw oversightError('oversight.deadline_not_later', { field: 'newDeadline' });
            await setChange(tx, change, { state: 'approved', ...decided });
            await deps.needs.moveDeadline(need.districtId, need.id, { deadlineAt: change.newDeadline! });
            await deps.needs.recordOnTimeline(actor, need.id, {
              role,
              action: 'extendApprove',
              note: decisionNote,
              data: { changeId: change.id, oldDeadline: change.oldDeadline.toISOString(), deadlineAt: change.newDeadline!.toISOString(), windowMovedAt: now.toISOString() },
            });
          }
        }
        await tell(tx, need, `oversight.${change.kind}${verdict === 'approve' ? 'Approved' : 'Refused'}`, [change.requestedBy], `decide:${change.id}`);
        await deps.audit.record(actor, { action: `oversight.${change.kind}_${verdict}`, objectType: 'deadlineChange', objectId: change.id, regionId: need.regionId, details: { needId: need.id, note: decisionNote } });
        return { needId: need.id };
      });
    },

    /** The handler (or anyone above) resumes a running pause: the deadline moves on by the time paused. */
    async resume(actor: Actor, id: string): Promise<{ needId: string }> {
      return db.transaction(async (tx) => {
        const { change, need, parties } = await loadForChange(tx, actor, id);
        if (!mayResume(parties)) throw accessError('auth.forbidden');
        if (change.kind !== 'pause' || change.state !== 'approved') throw oversightError('oversight.not_paused');
        await endPause(tx, actor, change, need, { role: resumers.find((p) => parties.has(p))!, by: 'handler', now: deps.clock.now() });
        return { needId: need.id };
      });
    },

    /**
     * The job at 00:00 of the expected resume date: resumes the pause if it still runs (a no-op once
     * someone did), as of that moment — a job run late (the server was down) gives no extra time.
     */
    async resumeExpected(tx: DbOrTx, job: JobRow): Promise<void> {
      const changeId = String(job.payload.changeId);
      const actor = systemActor(job.districtId);
      const [row] = await tx.select().from(deadlineChanges).where(byId(job.districtId, changeId));
      if (!row || row.kind !== 'pause' || row.state !== 'approved') return;
      const { change, need } = await loadForChange(tx, actor, changeId);
      if (change.state !== 'approved') return;
      await endPause(tx, actor, change, need, { role: 'system', by: 'expected', now: new Date(Math.max(job.runAt.getTime(), change.pausedAt!.getTime())) });
    },

    /**
     * A need finished (completed, cancelled, merged) while a request was open: a running pause ends
     * then — so the on-time figure counts the time it was paused — and an unanswered request lapses.
     */
    async endOnFinish(tx: DbOrTx, event: EventRow): Promise<void> {
      const [open] = await tx.select({ id: deadlineChanges.id }).from(deadlineChanges).where(openOf(event.districtId, event.subjectId));
      if (!open) return;
      const actor = systemActor(event.districtId);
      const { change, need } = await loadForChange(tx, actor, open.id);
      const now = deps.clock.now();
      if (change.state === 'requested') {
        await setChange(tx, change, { state: 'ended', decidedAt: now });
        return;
      }
      if (change.state === 'approved' && change.kind === 'pause') await endPause(tx, actor, change, need, { role: 'system', by: 'finished', now });
    },
  };
}

export type DeadlineChanges = ReturnType<typeof createDeadlineChanges>;

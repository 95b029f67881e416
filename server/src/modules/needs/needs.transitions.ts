import type { Actor } from '../../platform/auth/actor.js';
import { systemActor } from '../../platform/auth/actor.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { AppError } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/outbox.js';
import type { AuditService } from '../audit/audit.service.js';
import { actingRole, factsOf, loadNeed, readPage, type AccessDeps, type LabelDeps, type NeedContext, type NeedLock, type ReadNeed } from './needs.access.js';
import { effects, type ActionInput, type EffectDeps } from './needs.effects.js';
import { decide, transitions, type NeedAction, type NeedStatus, type Verdict } from './needs.lifecycle.js';
import { isStaffParty } from './needs.scope.js';
import { updateAndLog } from './needs.events.js';
import { pipelines, sendBehind } from '../../platform/db/unit-of-work.js';
import { needsError } from './needs.errors.js';

export type TransitionDeps = AccessDeps & Omit<EffectDeps, 'loadTarget' | 'now'> & { audit: AuditService; events: EventBus; clock: Clock };

/** The verdict's reason as the API error the caller sees. */
function refusal(reason: Extract<Verdict, { ok: false }>['reason'], ctx: NeedContext): AppError {
  switch (reason) {
    case 'illegal_state':
      return needsError('needs.illegal_transition', { params: { status: `@needs.status.${ctx.need.status}` }, details: { status: ctx.need.status } });
    case 'not_allowed':
      return needsError('needs.not_allowed');
    default:
      // every guard failure is a code of the catalogue: a new one without its messages does not compile
      return needsError(`needs.${reason}`, { details: { status: ctx.need.status } });
  }
}

export async function loadVisible(tx: DbOrTx, deps: AccessDeps, actor: Actor, id: string, lock: NeedLock): Promise<NeedContext> {
  const ctx = await loadNeed(tx, deps, actor, id, lock);
  if (!ctx || !ctx.visible) throw needsError('needs.not_found');
  return ctx;
}

/**
 * A grab found no open slot under its conditional lock (lockedWhileGrabbable). PostgreSQL may still
 * hold the row for it (a grabber that queued behind the winner locks the winner's version before
 * re-checking it), so the transaction ends at once and the refusal is worked out after it (runAction).
 */
class SlotsGone extends Error {}

/** The need under lock for this action; a grab locks it only while a slot is open. */
async function lockFor(tx: DbOrTx, deps: TransitionDeps, actor: Actor, id: string, action: NeedAction, plainLock: boolean): Promise<NeedContext> {
  if (action !== 'grab' || plainLock) return loadVisible(tx, deps, actor, id, true);
  const open = await loadNeed(tx, deps, actor, id, 'whileGrabbable');
  if (!open) throw new SlotsGone();
  if (!open.visible) throw needsError('needs.not_found');
  return open;
}

/**
 * One action in a transaction of its own. A grab that found its order full has let the lock go with
 * its rollback: it reads the order unlocked to say why (taken, gone, not theirs), and should that
 * read find a slot open again (released meanwhile), it grabs once more under the plain lock.
 */
export async function runAction(
  db: Db,
  deps: TransitionDeps,
  actor: Actor,
  id: string,
  action: NeedAction,
  input: ActionInput,
  opts: { readBack?: LabelDeps } = {},
): Promise<Applied> {
  try {
    return await db.transaction((tx) => applyAction(tx, deps, actor, id, action, input, { last: true, readBack: opts.readBack }));
  } catch (err) {
    if (!(err instanceof SlotsGone)) throw err;
  }
  const seen = await loadVisible(db, deps, actor, id, false);
  // the slot that went may be the caller's own (a second tap on grab): theirs, not "taken"
  if (seen.mySlot) throw needsError('needs.already_yours');
  const verdict = decide(action, seen.parties, factsOf(seen), deps.clock.now());
  if (!verdict.ok) throw refusal(verdict.reason, seen);
  return db.transaction((tx) => applyAction(tx, deps, actor, id, action, input, { plainLock: true, last: true, readBack: opts.readBack }));
}

/**
 * Applies one action to a need inside the caller's transaction: lock the row, decide by the table,
 * apply the side effects, bump the version and append the event whose sequence is that version —
 * UNIQUE (need, seq) means two racing transitions can never both be logged. `last`: nothing follows in
 * the transaction but (with `readBack`) the need's page read back, so its final write goes out with
 * the COMMIT (sendLast).
 */
export async function applyAction(
  tx: DbOrTx,
  deps: TransitionDeps,
  actor: Actor,
  id: string,
  action: NeedAction,
  input: ActionInput,
  opts: { plainLock?: boolean; last?: boolean; readBack?: LabelDeps } = {},
): Promise<Applied> {
  const ctx = await lockFor(tx, deps, actor, id, action, opts.plainLock === true);
  const now = deps.clock.now();
  const verdict = decide(action, ctx.parties, factsOf(ctx), now);
  if (!verdict.ok) throw refusal(verdict.reason, ctx);
  const loadTarget = async (t: DbOrTx, a: Actor, targetId: string) => {
    const target = await loadVisible(t, deps, a, targetId, true);
    if (!isStaffParty(target.parties)) throw needsError('needs.not_found');
    return target;
  };
  const effect = (await effects[action]?.(tx, actor, ctx, input, { ...deps, loadTarget, now })) ?? {};
  const { need } = ctx;
  const version = need.version + 1;
  // the domain event, in the same transaction: subscribers (inbox, ledger, figures, webhooks) react to
  // it. It and the audit line wait for the commit, and go with the need's update (updateAndLog)
  await deps.events.publish(tx, need.districtId, {
    type: `needs.${action}`,
    subjectType: 'need',
    subjectId: need.id,
    actorId: actor.isSystem ? null : actor.accountId,
    payload: { number: need.number, regionId: need.regionId, from: need.status, to: verdict.to, seq: version, round: need.round, ...(effect.data ?? {}) },
  });
  await deps.audit.record(actor, { action: `needs.${action}`, objectType: 'need', objectId: need.id, regionId: need.regionId, details: { from: need.status, to: verdict.to } });
  // the transaction's last statement, unless a follow-up comes after it: sent with its COMMIT
  const last = opts.last === true && !effect.then;
  await updateAndLog(tx, need, { ...effect.patch, status: verdict.to, version, updatedAt: now }, version, {
    actor,
    role: actingRole(ctx.parties, transitions[action].by),
    action,
    from: need.status,
    to: verdict.to,
    note: input.note ?? input.comment ?? null,
    attachments: effect.attachments,
    data: effect.data ?? null,
  }, { last, along: effect.along });
  if (effect.then) {
    // follow-ups (close or reopen after a rating) are the system's own transitions, logged as such
    return applyAction(tx, deps, systemActor(actor.districtId, '/'), id, effect.then, {}, { last: opts.last, readBack: opts.readBack });
  }
  // (in-process PGlite runs a statement sent without waiting whenever it likes: there the page is read after the commit)
  if (!last || !opts.readBack || !pipelines(tx)) return { status: verdict.to };
  // the page as the transition left it, read in its transaction right behind the last write and
  // answered before the COMMIT's answer: no statement of its own after the commit
  // awaited by the caller after the commit; a failure here fails the COMMIT too, and is the error told
  const page = sendBehind(tx, readPage(tx, deps, { districtId: actor.districtId, id }, opts.readBack));
  return { status: verdict.to, page };
}

/** What an action left: the need's new state, and (with `readBack`) its page as read in the action's transaction. */
type Applied = { status: NeedStatus; page?: Promise<ReadNeed | null> };

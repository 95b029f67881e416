import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { appendAtCommit } from '../../platform/db/unit-of-work.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import { needAssignments } from './assignments.table.js';
import { actingRole, type NeedContext } from './needs.access.js';
import { appendSideEvent, type AlongWrite } from './needs.events.js';
import { staffParties } from './needs.scope.js';
import { needsRedo, type NeedAction, type Severity } from './needs.lifecycle.js';
import { endSlots, fillSlot } from './needs.slots.js';
import { needFollowers, needs } from './needs.table.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { FilesService } from '../files/files.service.js';
import type { ServiceRecordService } from '../service-record/service-record.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { needsError, type NeedsErrorCode } from './needs.errors.js';

export type ActionInput = {
  note?: string;
  reasonCode?: string;
  teamId?: string;
  volunteerId?: string;
  targetId?: string;
  severity?: Severity;
  summary?: string;
  photos?: string[];
  rating?: number;
  solved?: boolean;
  comment?: string;
  lng?: number;
  lat?: number;
};

/** What an action changes besides the state: columns of the need, the event's extras, a follow-up, and (`along`) a write that goes with the need's. */
export type Effect = { patch?: Partial<typeof needs.$inferInsert>; data?: Record<string, unknown>; attachments?: string[]; then?: NeedAction; along?: AlongWrite };

export type EffectDeps = {
  teams: TeamsService;
  categories: CategoriesService;
  files: FilesService;
  /** The volunteer's open-task load and hours: raised, freed and recorded in this transaction. */
  serviceRecord: ServiceRecordService;
  /** The 2310 window of a need: its rule (region, category, severity) on the district's calendar. */
  deadlines: DeadlinesService;
  maxOpenTasks: number;
  /** The transition's time (the platform clock), for every timestamp it writes. */
  now: Date;
  /** Loads and locks the merge target, which the caller must hold as staff (404 otherwise). */
  loadTarget: (tx: DbOrTx, actor: Actor, id: string) => Promise<NeedContext>;
};

const need = (cond: unknown, code: NeedsErrorCode, field?: string) => {
  if (!cond) throw needsError(code, { field });
};

type Handler = (tx: DbOrTx, actor: Actor, ctx: NeedContext, input: ActionInput, deps: EffectDeps) => Promise<Effect>;

/** The side effects of each action, applied inside the transition's transaction. */
export const effects: Partial<Record<NeedAction, Handler>> = {
  async accept(tx, _actor, ctx, input, deps) {
    const severity = input.severity ?? (ctx.need.severity as Severity);
    const acceptedAt = deps.now;
    // the window is fixed now and stored: later edits of rules or calendar move no accepted need
    const { deadlineAt, amount, unit } = await deps.deadlines.window(tx, ctx.need.districtId, { regionId: ctx.need.regionId, categoryId: ctx.need.categoryId, severity }, acceptedAt);
    return { patch: { severity, acceptedAt, deadlineAt, windowStartedAt: acceptedAt, windowUnit: unit }, data: { severity, deadlineAt: deadlineAt.toISOString(), window: { amount, unit } } };
  },

  async reject(_tx, _actor, _ctx, input) {
    need(input.note?.trim(), 'needs.reason_required', 'note');
    return {};
  },

  async merge(tx, actor, ctx, input, deps) {
    need(input.targetId && input.targetId !== ctx.need.id, 'needs.merge_target', 'targetId');
    // both needs must be in the caller's own scope: following a need gives no power over it
    const target = await deps.loadTarget(tx, actor, input.targetId!);
    if (['rejected', 'merged', 'closed', 'cancelled'].includes(target.need.status)) throw needsError('needs.merge_target_closed', { field: 'targetId' });
    // everyone who followed the duplicate now follows the survivor
    const followers = await tx.select({ id: needFollowers.accountId }).from(needFollowers).where(and(eq(needFollowers.districtId, ctx.need.districtId), eq(needFollowers.needId, ctx.need.id)));
    const ids = new Set(followers.map((f) => f.id));
    if (ctx.need.requesterId) ids.add(ctx.need.requesterId);
    if (ids.size) await tx.insert(needFollowers).values([...ids].map((accountId) => ({ districtId: ctx.need.districtId, needId: target.need.id, accountId }))).onConflictDoNothing();
    await appendSideEvent(tx, target.need, { actor, role: actingRole(target.parties, staffParties), action: 'mergeIn', note: input.note, data: { mergedFrom: ctx.need.number, followers: ids.size } });
    return { patch: { mergedIntoId: target.need.id }, data: { mergedInto: target.need.number } };
  },

  async dispatch(tx, actor, _ctx, input, deps) {
    need(input.teamId, 'needs.team_required', 'teamId');
    const team = await deps.teams.getInScope(actor, input.teamId!);
    return { patch: { teamId: team.id }, data: { teamId: team.id, teamName: team.name } };
  },

  async pool() {
    return { patch: { teamId: null } };
  },

  async decline(tx, actor, ctx, input, deps) {
    const reasons = await deps.categories.declineReasons(actor.districtId);
    const reason = reasons.find((r) => r.code === input.reasonCode);
    need(reason, 'needs.bad_reason', 'reasonCode');
    const declineCount = ctx.need.declineCount + 1;
    // a second decline goes to the street for a ruling (审定); the deadline keeps running
    return { patch: { teamId: null, declineCount, rulingPending: declineCount >= 2 }, data: { reasonCode: reason!.code, reason: reason!.label, declinedBy: ctx.need.teamId, declineCount } };
  },

  async rule(tx, actor, _ctx, input, deps) {
    need(input.teamId, 'needs.team_required', 'teamId');
    const team = await deps.teams.getInScope(actor, input.teamId!);
    return { patch: { teamId: team.id, rulingPending: false, ruled: true }, data: { teamId: team.id, teamName: team.name } };
  },

  async assign(tx, actor, ctx, input, deps) {
    need(input.volunteerId, 'needs.volunteer_required', 'volunteerId');
    if (!(await deps.teams.isMember(ctx.need.districtId, ctx.need.teamId!, input.volunteerId!))) throw needsError('needs.not_a_member', { field: 'volunteerId' });
    if (ctx.assignments.some((a) => a.round === ctx.need.round && a.volunteerId === input.volunteerId && a.status !== 'released')) throw needsError('needs.already_yours', { field: 'volunteerId' });
    const { slotNo: slot, along } = fillSlot(deps.serviceRecord, ctx.need, { volunteerId: input.volunteerId!, via: 'assign', by: actor.accountId, maxOpenTasks: deps.maxOpenTasks });
    return { patch: { filled: slot }, data: { volunteerId: input.volunteerId, slot }, along };
  },

  async grab(tx, actor, ctx, _input, deps) {
    if (ctx.mySlot) throw needsError('needs.already_yours');
    const { slotNo: slot, along } = fillSlot(deps.serviceRecord, ctx.need, { volunteerId: actor.accountId, via: 'grab', by: actor.accountId, maxOpenTasks: deps.maxOpenTasks });
    return { patch: { filled: slot }, data: { slot }, along };
  },

  async checkIn(tx, _actor, ctx, input, deps) {
    const slot = ctx.mySlot!;
    // the slot (live, locked with its need) is written by the transition's own write, no round trip of its own
    await appendAtCommit(
      tx,
      tx
        .update(needAssignments)
        .set({ checkInAt: deps.now, checkInLng: input.lng, checkInLat: input.lat, status: 'serving' })
        .where(and(eq(needAssignments.districtId, slot.districtId), eq(needAssignments.needId, slot.needId), eq(needAssignments.round, slot.round), eq(needAssignments.slotNo, slot.slotNo)))
        .getSQL(),
    );
    return { data: input.lng !== undefined ? { lng: input.lng, lat: input.lat } : undefined };
  },

  async complete(tx, actor, ctx, input, deps) {
    need(input.summary?.trim(), 'needs.summary_required', 'summary');
    const photos = input.photos ?? [];
    const category = await deps.categories.get(ctx.need.districtId, ctx.need.categoryId);
    if (category?.photoRequiredOnClose !== false) need(photos.length > 0, 'needs.photo_required', 'photos');
    const owned = await deps.files.ownedBy(actor, photos);
    need(photos.every((p) => owned.has(p)), 'needs.bad_photo', 'photos');
    await deps.files.attach(tx, ctx.need.districtId, photos, { type: 'need', id: ctx.need.id });
    const slot = ctx.mySlot!;
    await tx
      .update(needAssignments)
      .set({ summary: input.summary, checkOutAt: deps.now, checkOutLng: input.lng, checkOutLat: input.lat })
      .where(and(eq(needAssignments.districtId, slot.districtId), eq(needAssignments.needId, slot.needId), eq(needAssignments.round, slot.round), eq(needAssignments.slotNo, slot.slotNo)));
    const served = await endSlots(tx, deps.serviceRecord, ctx.need, 'done', deps.now);
    await deps.serviceRecord.recordPendingHours(ctx.need.districtId, ctx.need.id, served);
    return { patch: { completedAt: deps.now }, attachments: photos, data: { summary: input.summary } };
  },

  async rate(_tx, _actor, _ctx, input) {
    need(input.rating && input.rating >= 1 && input.rating <= 5, 'needs.rating_required', 'rating');
    const solved = input.solved ?? true;
    return {
      patch: { rating: input.rating, ratingComment: input.comment ?? null, solved },
      data: { rating: input.rating, solved, comment: input.comment },
      then: needsRedo(input.rating!, solved) ? 'reopen' : 'close',
    };
  },

  // a poor rating: back to dispatch for another round with fresh slots, and a new window from now by
  // the same rule (accepted_at stays: the response time counts from the first acceptance)
  async reopen(tx, _actor, ctx, _input, deps) {
    const { need: n } = ctx;
    const { deadlineAt, amount, unit } = await deps.deadlines.window(tx, n.districtId, { regionId: n.regionId, categoryId: n.categoryId, severity: n.severity as Severity }, deps.now);
    return {
      patch: { round: n.round + 1, filled: 0, teamId: null, ruled: false, completedAt: null, deadlineAt, windowStartedAt: deps.now, windowUnit: unit, pausedAt: null },
      data: { deadlineAt: deadlineAt.toISOString(), window: { amount, unit } },
    };
  },

  async close(_tx, _actor, ctx, _input, deps) {
    await deps.serviceRecord.confirmHours(ctx.need.districtId, ctx.need);
    return {};
  },

  async confirm(_tx, _actor, ctx, _input, deps) {
    await deps.serviceRecord.confirmHours(ctx.need.districtId, ctx.need);
    return {};
  },

  async cancel(tx, _actor, ctx, input, deps) {
    need(input.note?.trim(), 'needs.reason_required', 'note');
    await endSlots(tx, deps.serviceRecord, ctx.need, 'released', deps.now);
    return {};
  },

  // the whistle itself is the whistles module's (it subscribes to needs.escalate): it needs the reason
  async escalate(_tx, _actor, _ctx, input) {
    need(input.note?.trim(), 'needs.reason_required', 'note');
    return { data: { reason: input.note!.trim() } };
  },

  async reply(_tx, _actor, _ctx, input) {
    need(input.note?.trim(), 'needs.reason_required', 'note');
    return {};
  },
};

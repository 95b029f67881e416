import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import { shanghaiDay } from '../../platform/clock/clock.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { CareDeps } from './care.deps.js';
import { careError } from './care.errors.js';
import { addDays, defaultCallName, fallsOn, LEAD_DAYS, nextOn, validDayOf, windowOf, type Frequency } from './care.policy.js';
import { loadRecipient, manageRecipient } from './care.rows.js';
import { carePlans, careRecipients, careRuns } from './care.table.js';

export type PlanInput = { categoryId: string; title: string; details?: string; frequency: Frequency; dayOf: number; startTime: string; durationMinutes: number; startsOn: string; endsOn?: string | null };
export type PlanPatch = Partial<Omit<PlanInput, 'startsOn'>>;
type PlanRow = typeof carePlans.$inferSelect;

export const GENERATE_JOB = 'care.order';
export const SWEEP_JOB = 'care.sweep';
export const SWEEP_EVERY_MS = 60 * 60_000;

/** The idempotency key of a plan's order for a day: the needs' own UNIQUE key makes it once. */
const orderKey = (planId: string, day: string) => `care:${planId}:${day}`;

/** A plan's recurring services and the orders they make (一人一策): staff write them, the sweep orders each day once. */
export function carePlanning(deps: CareDeps) {
  const { db } = deps;
  const today = () => shanghaiDay(deps.clock.now());

  function checkRule(input: { frequency: Frequency; dayOf: number; startsOn: string; endsOn?: string | null }) {
    if (!validDayOf(input.frequency, input.dayOf)) throw careError('care.bad_day_of', { field: 'dayOf' });
    if (input.endsOn && input.endsOn < input.startsOn) throw careError('care.bad_period', { field: 'endsOn' });
  }

  /** The plan's orders are of an active category of the district (checked again by the order itself). */
  async function checkCategory(districtId: string, categoryId: string | undefined) {
    if (categoryId === undefined) return;
    const { category, parent } = await deps.categories.withParent(districtId, categoryId);
    if (!category || !category.active) throw careError('care.bad_category', { field: 'categoryId' });
    // an order of the plan has nobody to answer a required question: such a category could never be ordered
    if ([...(parent?.extraQuestions ?? []), ...category.extraQuestions].some((q) => q.required)) throw careError('care.category_asks', { field: 'categoryId' });
  }

  /** The plan and its person, as `loadRecipient` lets the caller see them (404 otherwise). */
  async function reachPlan(q: DbOrTx, actor: Actor, planId: string, manage: boolean) {
    const [plan] = await q.select().from(carePlans).where(and(eq(carePlans.districtId, actor.districtId), eq(carePlans.id, planId)));
    if (!plan) throw careError('care.plan_not_found');
    const recipient = manage ? await manageRecipient(q, actor, plan.recipientId) : await loadRecipient(q, actor, plan.recipientId);
    return { plan, recipient };
  }

  async function planViews(districtId: string, plans: PlanRow[]) {
    const runs = plans.length === 0 ? [] : await db.select().from(careRuns)
      .where(and(eq(careRuns.districtId, districtId), inArray(careRuns.planId, plans.map((p) => p.id)))).orderBy(desc(careRuns.dueOn)).limit(50 * plans.length);
    const needs = await deps.needs.summaries(districtId, runs.flatMap((r) => (r.needId ? [r.needId] : [])));
    return plans.map((p) => ({
      id: p.id, recipientId: p.recipientId, categoryId: p.categoryId, title: p.title, details: p.details, frequency: p.frequency, dayOf: p.dayOf, startTime: p.startTime, durationMinutes: p.durationMinutes,
      startsOn: p.startsOn, endsOn: p.endsOn, nextDueOn: p.active ? p.nextDueOn : null, active: p.active,
      recent: runs.filter((r) => r.planId === p.id).slice(0, 6).map((r) => {
        const need = r.needId ? needs.get(r.needId) : undefined;
        return { dueOn: r.dueOn, outcome: r.outcome, need: need ? { id: need.id, number: need.number, status: need.status } : null };
      }),
    }));
  }

  /** The plan and its person as they are now, locked against a stop, an edit or an archive until the order commits. */
  async function planNow(q: DbOrTx, districtId: string, planId: string) {
    const [found] = await q.select({ plan: carePlans, recipient: careRecipients }).from(carePlans)
      .innerJoin(careRecipients, and(eq(careRecipients.districtId, carePlans.districtId), eq(careRecipients.id, carePlans.recipientId)))
      .where(and(eq(carePlans.districtId, districtId), eq(carePlans.id, planId)))
      .for('share');
    return found;
  }

  /** The plan moves past `day` only when `day` is its next day: ordering a later day ahead never skips the ones between. */
  async function passDay(q: DbOrTx, districtId: string, plan: PlanRow, day: string, now: Date) {
    await q.update(carePlans).set({ nextDueOn: nextOn(plan, addDays(day, 1)), updatedAt: now }).where(and(eq(carePlans.districtId, districtId), eq(carePlans.id, plan.id), eq(carePlans.nextDueOn, day)));
  }

  /**
   * Orders the plan's service of `day` once: as the system (channel 一人一策), with the person as the
   * requester (by their call name: volunteers who take the order see it), keyed by plan and day — the
   * needs' UNIQUE idempotency key makes a second attempt (the sweep's job again, an admin's "order now"
   * at the same moment) answer the first one's order. In the order's own transaction the plan and the
   * person are read again under a lock (stopped, archived or no longer falling on the day: nothing is
   * ordered), the run is recorded (an order replaces a "missed" written meanwhile) and the plan moves on.
   */
  async function orderDay(districtId: string, planId: string, day: string): Promise<{ needId: string; created: boolean } | null> {
    const found = await planNow(db, districtId, planId);
    if (!found || !found.plan.active || found.recipient.status !== 'active' || !fallsOn(found.plan, day)) return null;
    const { plan, recipient } = found;
    const window = windowOf(day, plan.startTime, plan.durationMinutes);
    let created = false;
    const need = await deps.needs.create(
      systemActor(districtId, `/${districtId}/`),
      {
        kind: 'serviceRequest', categoryId: plan.categoryId, title: plan.title, description: plan.details || plan.title, regionId: recipient.regionId, address: recipient.address || undefined,
        wantedFrom: window.from.toISOString(), wantedTo: window.to.toISOString(), channel: 'carePlan',
        requesterName: recipient.callName ?? defaultCallName(recipient.name), requesterPhone: recipient.phone ?? recipient.guardianPhone ?? undefined,
        idempotencyKey: orderKey(plan.id, day),
      },
      {
        within: async (tx, row) => {
          const now = deps.clock.now();
          const fresh = await planNow(tx, districtId, planId);
          if (!fresh || !fresh.plan.active || fresh.recipient.status !== 'active' || !fallsOn(fresh.plan, day)) throw careError('care.plan_stopped');
          await tx.insert(careRuns).values({ districtId, planId, dueOn: day, needId: row.id, outcome: 'ordered', at: now })
            .onConflictDoUpdate({ target: [careRuns.districtId, careRuns.planId, careRuns.dueOn], set: { needId: row.id, outcome: 'ordered', at: now } });
          await passDay(tx, districtId, fresh.plan, day, now);
          created = true;
        },
      },
    );
    // made before (this is the same order again): the plan still moves past the day if it has not
    if (!created) await passDay(db, districtId, plan, day, deps.clock.now());
    return { needId: need.id, created };
  }

  return {
    orderDay,

    /** The plan with its recent orders: staff over the person only (a volunteer takes an order from the pool or their team like any other). */
    async list(actor: Actor, recipientId: string) {
      const loaded = await loadRecipient(db, actor, recipientId);
      if (loaded.standing === 'paired') throw careError('care.forbidden');
      const plans = await db.select().from(carePlans).where(and(eq(carePlans.districtId, actor.districtId), eq(carePlans.recipientId, recipientId))).orderBy(desc(carePlans.active), asc(carePlans.createdAt));
      return planViews(actor.districtId, plans);
    },

    async create(actor: Actor, recipientId: string, input: PlanInput) {
      checkRule(input);
      const id = await db.transaction(async (tx) => {
        const recipient = await manageRecipient(tx, actor, recipientId);
        await checkCategory(actor.districtId, input.categoryId);
        const first = nextOn({ ...input, endsOn: input.endsOn ?? null }, input.startsOn < today() ? today() : input.startsOn);
        const [row] = await tx.insert(carePlans).values({
          districtId: actor.districtId, recipientId, categoryId: input.categoryId, title: input.title.trim(), details: input.details?.trim() ?? '', frequency: input.frequency, dayOf: input.dayOf,
          startTime: input.startTime, durationMinutes: input.durationMinutes, startsOn: input.startsOn, endsOn: input.endsOn ?? null, nextDueOn: first, createdBy: actor.accountId, createdAt: deps.clock.now(),
        }).returning({ id: carePlans.id });
        await deps.audit.record(actor, { action: 'care.plan.create', objectType: 'carePlan', objectId: row!.id, regionId: recipient.row.regionId, details: { title: input.title, frequency: input.frequency, dayOf: input.dayOf } });
        return row!.id;
      });
      return (await this.list(actor, recipientId)).find((p) => p.id === id)!;
    },

    /** Edits a plan; its next day is worked out again from today (days already ordered keep their orders). */
    async update(actor: Actor, planId: string, patch: PlanPatch) {
      const recipientId = await db.transaction(async (tx) => {
        const { plan, recipient } = await reachPlan(tx, actor, planId, true);
        if (!plan.active) throw careError('care.plan_stopped');
        const merged = { ...plan, ...patch, endsOn: patch.endsOn === undefined ? plan.endsOn : patch.endsOn };
        checkRule(merged);
        await checkCategory(actor.districtId, patch.categoryId);
        const ordered = await tx.select({ dueOn: careRuns.dueOn }).from(careRuns).where(and(eq(careRuns.districtId, actor.districtId), eq(careRuns.planId, planId))).orderBy(desc(careRuns.dueOn)).limit(1);
        const after = ordered[0] && ordered[0].dueOn >= today() ? addDays(ordered[0].dueOn, 1) : today();
        await tx.update(carePlans).set({ ...patch, nextDueOn: nextOn(merged, after < merged.startsOn ? merged.startsOn : after), updatedAt: new Date() })
          .where(and(eq(carePlans.districtId, actor.districtId), eq(carePlans.id, planId)));
        await deps.audit.record(actor, { action: 'care.plan.update', objectType: 'carePlan', objectId: planId, regionId: recipient.row.regionId, details: { fields: Object.keys(patch) } });
        return plan.recipientId;
      });
      return (await this.list(actor, recipientId)).find((p) => p.id === planId)!;
    },

    async stop(actor: Actor, planId: string) {
      const recipientId = await db.transaction(async (tx) => {
        const { plan, recipient } = await reachPlan(tx, actor, planId, true);
        if (!plan.active) throw careError('care.plan_stopped');
        await tx.update(carePlans).set({ active: false, updatedAt: new Date() }).where(and(eq(carePlans.districtId, actor.districtId), eq(carePlans.id, planId)));
        await deps.audit.record(actor, { action: 'care.plan.stop', objectType: 'carePlan', objectId: planId, regionId: recipient.row.regionId });
        return plan.recipientId;
      });
      return (await this.list(actor, recipientId)).find((p) => p.id === planId)!;
    },

    /** An admin orders one of the plan's days now (before the sweep would): once, however many ask at once. */
    async orderNow(actor: Actor, planId: string, day: string) {
      const { plan, recipient } = await reachPlan(db, actor, planId, true);
      if (!plan.active) throw careError('care.plan_stopped');
      if (!fallsOn(plan, day)) throw careError('care.not_a_service_day', { field: 'dueOn', params: { day } });
      if (windowOf(day, plan.startTime, plan.durationMinutes).to <= deps.clock.now()) throw careError('care.day_passed', { field: 'dueOn' });
      const made = await orderDay(actor.districtId, planId, day);
      if (!made) throw careError('care.plan_stopped');
      if (made.created) await deps.audit.record(actor, { action: 'care.plan.order', objectType: 'carePlan', objectId: planId, regionId: recipient.row.regionId, details: { dueOn: day, needId: made.needId } });
      return made;
    },

    /**
     * The hourly sweep of a district: each active plan whose next day is within the lead gets a job
     * to order it (keyed by plan and day: scheduled once); a day whose time passed before it could be
     * ordered (the server was down) is recorded as missed and the plan moves on.
     */
    async sweep(tx: DbOrTx, districtId: string, now: Date) {
      const horizon = addDays(shanghaiDay(now), LEAD_DAYS);
      const due = await tx.select().from(carePlans).where(and(eq(carePlans.districtId, districtId), eq(carePlans.active, true), lte(carePlans.nextDueOn, horizon))).limit(2_000);
      for (const plan of due) {
        let day = plan.nextDueOn;
        // past days first: recorded as missed (at most 60 a sweep, then the rest at the next)
        for (let i = 0; day && i < 60 && windowOf(day, plan.startTime, plan.durationMinutes).to <= now; i++) {
          await tx.insert(careRuns).values({ districtId, planId: plan.id, dueOn: day, needId: null, outcome: 'missed', at: now }).onConflictDoNothing();
          day = nextOn(plan, addDays(day, 1));
        }
        if (day !== plan.nextDueOn) await tx.update(carePlans).set({ nextDueOn: day }).where(and(eq(carePlans.districtId, districtId), eq(carePlans.id, plan.id), eq(carePlans.nextDueOn, plan.nextDueOn!)));
        if (day && day <= horizon) await deps.jobs.schedule(tx, districtId, { name: GENERATE_JOB, key: orderKey(plan.id, day), runAt: now, payload: { planId: plan.id, day } });
      }
    },

    /**
     * The job's step: orders the day (outside a transaction: the order makes its own). A refusal (the plan
     * stopped meanwhile, its category switched off or asking a question since) is logged, not retried: the
     * sweep records the day as missed once its time is over. Anything else fails the job, which is retried.
     */
    async runOrderJob(districtId: string, payload: { planId?: unknown; day?: unknown }) {
      if (typeof payload.planId !== 'string' || typeof payload.day !== 'string') return;
      try {
        await orderDay(districtId, payload.planId, payload.day);
      } catch (err) {
        if (err instanceof AppError && err.status < 500) {
          console.warn(`[lianxin] care plan ${payload.planId} could not order ${payload.day}: ${err.code}`);
          return;
        }
        throw err;
      }
    },
  };
}

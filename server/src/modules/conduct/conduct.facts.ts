import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Subscriber } from '../../platform/events/outbox.js';
import { inScope } from '../../platform/scope/scope.js';
import type { ConductDeps } from './conduct.deps.js';
import { conductError } from './conduct.errors.js';
import { factEvents, needsReview, type ReviewState } from './conduct.policy.js';
import { conductFacts, conductReviews, conductSettings } from './conduct.table.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Conduct facts from activities (late cancellation, no-show), recorded once per event by the UNIQUE
 * key of the fact; repeated no-shows put the volunteer on the staff's "needs review" list — a
 * suggestion, never an automatic suspension.
 */
export function conductFactsOf(deps: ConductDeps) {
  const { db } = deps;

  async function settingsIn(tx: DbOrTx, districtId: string) {
    const [row] = await tx.select().from(conductSettings).where(eq(conductSettings.districtId, districtId));
    return { threshold: row?.noShowThreshold ?? 3, windowDays: row?.noShowWindowDays ?? 90 };
  }

  async function raiseReviewIfDue(tx: DbOrTx, districtId: string, accountId: string, regionId: string, now: Date) {
    const { threshold, windowDays } = await settingsIn(tx, districtId);
    const since = new Date(now.getTime() - windowDays * 86_400_000);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(conductFacts)
      .where(and(eq(conductFacts.districtId, districtId), eq(conductFacts.accountId, accountId), eq(conductFacts.kind, 'noShow'), gte(conductFacts.occurredAt, since)));
    if (!needsReview(count?.n ?? 0, threshold)) return;
    // one open review per volunteer (partial UNIQUE): a fourth no-show adds nothing while one is open
    await tx.insert(conductReviews).values({ districtId, accountId, regionId, noShows: count!.n, raisedAt: now }).onConflictDoNothing();
  }

  const subscriber: Subscriber = {
    name: 'conduct.facts',
    types: Object.keys(factEvents),
    async handle(tx, event) {
      const kind = factEvents[event.type]!;
      const { activityId, accountId } = event.payload as { activityId?: unknown; accountId?: unknown };
      if (typeof activityId !== 'string' || typeof accountId !== 'string' || !uuid.test(activityId) || !uuid.test(accountId)) return;
      const person = (await deps.accounts.peopleOf(event.districtId, [accountId])).get(accountId);
      if (!person) return;
      const inserted = await tx
        .insert(conductFacts)
        .values({ districtId: event.districtId, eventId: event.id, accountId, regionId: person.regionId, kind, activityId, occurredAt: event.occurredAt })
        .onConflictDoNothing()
        .returning({ id: conductFacts.id });
      if (inserted.length > 0 && kind === 'noShow') await raiseReviewIfDue(tx, event.districtId, accountId, person.regionId, event.occurredAt);
    },
  };

  return {
    subscriber,

    /** 待核查: volunteers whose no-shows reached the threshold, in the caller's subtree. */
    async reviews(actor: Actor, q: { state?: ReviewState; page: number; pageSize: number }) {
      const where = and(inScope(actor, conductReviews), eq(conductReviews.state, q.state ?? 'open'));
      const rows = await db.select().from(conductReviews).where(where).orderBy(desc(conductReviews.raisedAt), desc(conductReviews.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(conductReviews).where(where);
      const people = await deps.accounts.peopleOf(actor.districtId, rows.map((r) => r.accountId));
      const names = await deps.accounts.namesOf(actor.districtId, rows.flatMap((r) => (r.resolvedBy ? [r.resolvedBy] : [])));
      return {
        items: rows.map((r) => ({
          id: r.id,
          accountId: r.accountId,
          volunteerName: people.get(r.accountId)?.name ?? '',
          homeName: people.get(r.accountId)?.regionName ?? '',
          noShows: r.noShows,
          state: r.state,
          raisedAt: r.raisedAt.toISOString(),
          note: r.note,
          resolvedByName: r.resolvedBy ? (names.get(r.resolvedBy)?.name ?? '') : null,
          resolvedAt: r.resolvedAt?.toISOString() ?? null,
        })),
        total: count?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Staff close a review with what they did (talked to them, recorded an incident …); once. */
    async resolveReview(actor: Actor, id: string, note: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [current] = await tx.select().from(conductReviews).where(and(eq(conductReviews.id, id), inScope(actor, conductReviews)));
        if (!current) throw conductError('conduct.review_not_found');
        const [row] = await tx
          .update(conductReviews)
          .set({ state: 'done', note: note.trim(), resolvedBy: actor.accountId, resolvedAt: deps.clock.now() })
          .where(and(eq(conductReviews.districtId, actor.districtId), eq(conductReviews.id, id), eq(conductReviews.state, 'open')))
          .returning();
        if (!row) throw conductError('conduct.review_done');
        await deps.audit.record(actor, { action: 'conduct.review.resolve', objectType: 'conduct_review', objectId: id, regionId: row.regionId, details: { note: note.trim() } });
      });
    },
  };
}

import { and, count, desc, eq, isNull, lte, or } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { ancestorPathOf } from '../../platform/scope/scope.js';
import type { CareDeps } from './care.deps.js';
import { careError } from './care.errors.js';
import type { Condition } from './care.policy.js';
import { loadRecipient } from './care.rows.js';
import { careRecipients, careVisits } from './care.table.js';

/** How much of the notes an urgent alert quotes: the inbox line stays short, the rest is on the record. */
const QUOTED_CHARS = 40;

export type VisitInput = { kind: 'visit' | 'call'; condition: Condition; summary: string; visitedAt?: string };

/** Visit logs (走访记录): written by the person's volunteers and staff over them, never changed. */
export function careVisitLog(deps: CareDeps) {
  const { db } = deps;

  return {
    async log(actor: Actor, recipientId: string, input: VisitInput) {
      const now = deps.clock.now();
      const at = input.visitedAt ? new Date(input.visitedAt) : now;
      if (at.getTime() > now.getTime() + 60_000) throw careError('care.visit_in_future', { field: 'visitedAt' });
      if (at.getTime() < now.getTime() - 366 * 86_400_000) throw careError('care.visit_too_old', { field: 'visitedAt' });
      const id = await db.transaction(async (tx) => {
        const loaded = await loadRecipient(tx, actor, recipientId);
        if (loaded.row.status === 'archived') throw careError('care.archived');
        const [row] = await tx.insert(careVisits).values({ districtId: actor.districtId, recipientId, visitorId: actor.accountId, visitorName: actor.name, kind: input.kind, condition: input.condition, summary: input.summary.trim(), visitedAt: at, createdAt: now })
          .returning({ id: careVisits.id });
        // the latest visit is what the list shows: a visit logged late for an earlier day does not hide a newer one
        await tx.update(careRecipients).set({ lastVisitAt: at, lastCondition: input.condition })
          .where(and(eq(careRecipients.districtId, actor.districtId), eq(careRecipients.id, recipientId), or(isNull(careRecipients.lastVisitAt), lte(careRecipients.lastVisitAt, at))));
        // something urgent: the community's admins and the grid workers over the place hear of it at once
        if (input.condition === 'urgent') {
          const community = await ancestorPathOf(tx, loaded.path, 'community');
          const staff = (await deps.accounts.staffAlong(tx, actor.districtId, { path: loaded.path, within: community }, ['communityAdmin', 'gridWorker'])).filter((a) => a !== actor.accountId);
          const notes = [...input.summary.trim()];
          const summary = notes.length > QUOTED_CHARS ? `${notes.slice(0, QUOTED_CHARS - 1).join('')}…` : notes.join('');
          await deps.notifications.notify(tx, actor.districtId, { key: `care.urgent:${row!.id}`, type: 'care.urgent', recipients: staff, subject: { type: 'careRecipient', id: recipientId, label: loaded.row.name }, params: { visitor: actor.name, summary } });
        }
        await deps.audit.record(actor, { action: 'care.visit', objectType: 'careRecipient', objectId: recipientId, regionId: loaded.row.regionId, details: { kind: input.kind, condition: input.condition } });
        return row!.id;
      });
      return { id };
    },

    /**
     * The person's visits, newest first, for whoever sees the person (audited). A paired volunteer reads
     * the notes of the volunteers' visits, not those staff wrote (they may hold what the risk notes hide).
     */
    async list(actor: Actor, recipientId: string, q: { page: number; pageSize: number }) {
      const loaded = await loadRecipient(db, actor, recipientId);
      const staff = loaded.standing === 'manager' || loaded.standing === 'staff';
      await deps.audit.record(actor, { action: 'care.visits.read', objectType: 'careRecipient', objectId: recipientId, regionId: loaded.row.regionId });
      const where = and(eq(careVisits.districtId, actor.districtId), eq(careVisits.recipientId, recipientId));
      const [total] = await db.select({ n: count() }).from(careVisits).where(where);
      const rows = await db.select().from(careVisits).where(where).orderBy(desc(careVisits.visitedAt), desc(careVisits.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
      return {
        items: rows.map((v) => ({
          id: v.id, kind: v.kind, condition: v.condition, visitedAt: v.visitedAt.toISOString(), visitorName: v.visitorName, mine: v.visitorId === actor.accountId,
          summary: staff || loaded.pairedIds.includes(v.visitorId) ? v.summary : '',
        })),
        total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize,
      };
    },
  };
}

import { and, count, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { regions } from '../../platform/scope/regions.table.js';
import { isOverdue } from '../needs/needs.lifecycle.js';
import type { NeedSummary } from '../needs/needs.summaries.js';
import type { WhistlesDeps } from './whistles.deps.js';
import { whistlesError } from './whistles.errors.js';
import { progressOf, showsAddress, standingOf, type WhistleState } from './whistles.policy.js';
import { calledTo, callsOf, loadWhistle, visibleTo, type CallRow } from './whistles.rows.js';
import { whistles } from './whistles.table.js';

export type WhistleListQuery = { state?: WhistleState; needId?: string; calledToMe?: boolean; page: number; pageSize: number };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function whistleReads(deps: WhistlesDeps) {
  const { db } = deps;

  const needView = (need: NeedSummary | undefined, withAddress: boolean) =>
    need
      ? {
          id: need.id, number: need.number, kind: need.kind, title: need.title, severity: need.severity, status: need.status, regionName: need.regionName,
          description: need.description, address: withAddress ? need.address : null, deadlineAt: iso(need.deadlineAt), overdue: isOverdue(need.status, need.deadlineAt, deps.clock.now()),
        }
      : null;

  async function callViews(actor: Actor, calls: CallRow[]) {
    const people = await deps.accounts.namesOf(actor.districtId, [...new Set(calls.flatMap((c) => [c.contactId, c.calledBy, c.reportedBy, c.partBy]).filter((id): id is string => id !== null))]);
    const name = (id: string | null) => (id ? (people.get(id)?.name ?? null) : null);
    return calls.map((c) => ({
      id: c.id, kind: c.kind, teamId: c.teamId, unitId: c.unitId, name: c.name, contactName: name(c.contactId), state: c.state,
      calledAt: c.calledAt.toISOString(), calledByName: name(c.calledBy), reportedAt: iso(c.reportedAt), reportedByName: name(c.reportedBy),
      part: c.part, partAt: iso(c.partAt), partByName: name(c.partBy), photos: c.photos, mine: c.contactId === actor.accountId,
    }));
  }

  return {
    /** One whistle as the caller may see it: the item, its calls and what the caller may do; else 404. */
    async detail(actor: Actor, id: string) {
      const w = await loadWhistle(db, actor.districtId, id);
      if (!w) throw whistlesError('whistles.not_found');
      const calls = await callsOf(db, actor.districtId, [w.id]);
      const standing = standingOf(actor, w, calls);
      if (!standing.sees) throw whistlesError('whistles.not_found');
      const [need, people] = await Promise.all([deps.needs.summaries(actor.districtId, [w.needId]), deps.accounts.namesOf(actor.districtId, [w.openedBy, w.closedBy].filter((x): x is string => x !== null))]);
      return {
        id: w.id, state: w.state, source: w.source, reason: w.reason, openedAt: w.openedAt.toISOString(), openedByName: w.openedBy ? (people.get(w.openedBy)?.name ?? null) : null,
        closedAt: iso(w.closedAt), closedByName: w.closedBy ? (people.get(w.closedBy)?.name ?? null) : null, summary: w.summary,
        street: { id: w.streetId, name: w.streetName },
        need: needView(need.get(w.needId), showsAddress(standing, w.state)),
        calls: await callViews(actor, calls),
        progress: progressOf(calls),
        canManage: standing.manages && w.state === 'open',
        // staff over the place open the need's own page; a called unit sees the item here only
        canOpenNeed: standing.staffOver,
      };
    },

    /** Whistles the caller may see, newest first: staff their subtree's, a contact those they were called to. */
    async list(actor: Actor, q: WhistleListQuery) {
      const where = and(visibleTo(db, actor), q.state ? eq(whistles.state, q.state) : undefined, q.needId ? eq(whistles.needId, q.needId) : undefined, q.calledToMe ? calledTo(db, actor) : undefined);
      const [rows, [total]] = await Promise.all([
        db
          .select({ w: whistles, streetName: regions.name })
          .from(whistles)
          .innerJoin(regions, eq(regions.id, whistles.streetId))
          .where(where)
          .orderBy(desc(whistles.openedAt), desc(whistles.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(whistles).where(where),
      ]);
      const ids = rows.map((r) => r.w.id);
      const [calls, needs] = await Promise.all([callsOf(db, actor.districtId, ids), deps.needs.summaries(actor.districtId, rows.map((r) => r.w.needId))]);
      const items = rows.map(({ w, streetName }) => {
        const mine = calls.filter((c) => c.whistleId === w.id && c.contactId === actor.accountId);
        return {
          id: w.id, state: w.state, source: w.source, openedAt: w.openedAt.toISOString(), closedAt: iso(w.closedAt), street: { id: w.streetId, name: streetName },
          need: needView(needs.get(w.needId), false),
          progress: progressOf(calls.filter((c) => c.whistleId === w.id)),
          // my own calls still waiting for me: to report in, or to record the part
          myPending: w.state === 'open' ? mine.filter((c) => c.state !== 'done').length : 0,
          mine: mine.length > 0,
        };
      });
      return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    /** Whether the actor may see a whistle (its photos follow it). */
    async canSee(actor: Actor, id: string) {
      const [row] = await db.select({ id: whistles.id }).from(whistles).where(and(visibleTo(db, actor), eq(whistles.id, id)));
      return Boolean(row);
    },

    /** Whether a need has an open whistle (no scope: the caller has checked the need). */
    async hasOpen(districtId: string, needId: string) {
      const [row] = await db.select({ id: whistles.id }).from(whistles).where(and(eq(whistles.districtId, districtId), eq(whistles.needId, needId), eq(whistles.state, 'open')));
      return row?.id ?? null;
    },
  };
}

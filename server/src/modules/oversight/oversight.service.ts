import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { accessError } from '../../platform/auth/auth.errors.js';
import { regionWithin } from '../../platform/scope/scope.js';
import { createDeadlineChanges, type ChangeRow } from './oversight.changes.js';
import type { OversightDeps } from './oversight.deps.js';
import { askingRole, decidableAskers, isOpen, mayDecide, mayResume, maySeeOversight, type ChangeState } from './oversight.policy.js';
import { createSupervisionRecords } from './oversight.records.js';
import { deadlineChanges } from './oversight.table.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toChangeView(r: ChangeRow, names: Map<string, { name: string }>, can: { decide: boolean; resume: boolean }) {
  const name = (id: string | null) => (id ? (names.get(id)?.name ?? null) : null);
  return {
    id: r.id,
    needId: r.needId,
    kind: r.kind,
    state: r.state,
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedByName: name(r.requestedBy),
    requestedRole: r.requestedRole,
    requestedAt: r.requestedAt.toISOString(),
    decidedByName: name(r.decidedBy),
    decidedAt: iso(r.decidedAt),
    decisionNote: r.decisionNote,
    resumeOn: r.resumeOn,
    pausedAt: iso(r.pausedAt),
    resumedAt: iso(r.resumedAt),
    /** Null while running, or when the system resumed it. */
    resumedByName: name(r.resumedBy),
    oldDeadline: r.oldDeadline.toISOString(),
    newDeadline: iso(r.newDeadline),
    canDecide: can.decide,
    canResume: can.resume,
  };
}

const peopleOf = (rows: ChangeRow[]) => [...new Set(rows.flatMap((r) => [r.requestedBy, r.decidedBy, r.resumedBy].filter((id): id is string => !!id)))];

/** Oversight of handling: deadline changes (挂起 · 延期) and supervision records (督办 · 回访). */
export function createOversightService(deps: OversightDeps) {
  const { db } = deps;
  const changes = createDeadlineChanges(deps);
  const records = createSupervisionRecords(deps);

  return {
    ...changes,
    ...records,

    /** A need's requests, newest first, its clock, and what the caller may do (ask, decide, resume). */
    async changesFor(actor: Actor, needId: string) {
      const need = await deps.needs.handlingOf(actor, needId);
      const parties = new Set(need.parties);
      if (!maySeeOversight(parties)) throw accessError('auth.forbidden');
      const rows = await db
        .select()
        .from(deadlineChanges)
        .where(and(eq(deadlineChanges.districtId, actor.districtId), eq(deadlineChanges.needId, needId)))
        .orderBy(desc(deadlineChanges.requestedAt));
      const names = await deps.accounts.namesOf(actor.districtId, peopleOf(rows));
      return {
        needId,
        running: need.running,
        deadlineAt: iso(need.deadlineAt),
        pausedAt: iso(need.pausedAt),
        windowUnit: need.windowUnit,
        canAsk: askingRole(parties, need.status) !== null && need.running && need.deadlineAt !== null && !rows.some(isOpen),
        items: rows.map((r) =>
          toChangeView(r, names, { decide: r.state === 'requested' && mayDecide(parties, r, actor.accountId), resume: r.kind === 'pause' && r.state === 'approved' && mayResume(parties) }),
        ),
      };
    },

    /**
     * The requests the caller decides (待审批): asked by the level below theirs, in their subtree, not
     * by themselves; by state (default: waiting), oldest first.
     */
    async decisions(actor: Actor, q: { state?: ChangeState; page: number; pageSize: number }) {
      const askers = decidableAskers(actor.roles);
      if (askers.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const where = and(
        eq(deadlineChanges.districtId, actor.districtId),
        eq(deadlineChanges.state, q.state ?? 'requested'),
        inArray(deadlineChanges.requestedRole, askers),
        ne(deadlineChanges.requestedBy, actor.accountId),
        regionWithin(deadlineChanges.regionId, actor.regionPath),
      );
      const [rows, [total]] = await Promise.all([
        db.select().from(deadlineChanges).where(where).orderBy(q.state && q.state !== 'requested' ? desc(deadlineChanges.requestedAt) : asc(deadlineChanges.requestedAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(deadlineChanges).where(where),
      ]);
      const [names, labels] = await Promise.all([deps.accounts.namesOf(actor.districtId, peopleOf(rows)), deps.needs.labelsOf(actor.districtId, [...new Set(rows.map((r) => r.needId))])]);
      return {
        items: rows.map((r) => {
          const need = labels.get(r.needId);
          return {
            ...toChangeView(r, names, { decide: r.state === 'requested', resume: false }),
            needNumber: need?.number ?? '',
            needTitle: need?.title ?? '',
            needStatus: need?.status ?? 'accepted',
            needDeadlineAt: iso(need?.deadlineAt ?? null),
          };
        }),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

export type OversightService = ReturnType<typeof createOversightService>;

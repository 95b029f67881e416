import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import { accessError } from '../../platform/auth/auth.errors.js';
import { currentTransaction } from '../../platform/db/unit-of-work.js';
import { dueCondition, filters, nextDueChange, viewCondition, type NeedListQuery } from './needs.queries.js';
import { whereKey, type KeptKind } from './needs.kept-counts.js';
import { listViewerOf } from './needs.scope.js';
import type { NeedStatus } from './needs.lifecycle.js';
import { needs } from './needs.table.js';
import type { BucketKey } from './needs.enums.js';

/*
 * 待办 — what a workbench and the status tabs count: each bucket is a list filter (`status`, `due`),
 * so a count and the list it opens (same view, same filters) answer the same number. Counted in one
 * statement, grouped by category (the workbench's chart); the totals are the sums of the groups.
 *
 * The ledger asks for them beside every page it shows, and a district's count reads all its needs
 * (bench:reads, PGlite: ~125 ms of its thread each). So they are kept (`kept`, needs.kept-counts.ts,
 * let go of by any write to needs, regions or categories) under the statement's scope and filters,
 * and used only up to the first moment the clock alone would move a need into "due soon" or
 * "overdue" (nextDueChange, from the same statement): what is kept is what a new count would say.
 * After a write, the callers asking at the same time (a community's staff, their tabs refreshing)
 * share one count (`keptOrCounted`). Not with a deadline filter of the caller's own (`due`): it puts
 * now into the statement, so it would never be asked for again.
 */

type Bucket = { status?: readonly NeedStatus[]; due?: 'overdue' | 'within24h' };

const intake: NeedStatus[] = ['submitted', 'verifying'];
/** The staff ledger's (view=all): the work a community does with an order, 受理 → 派单 → 办理 → 评价. */
const ledger = {
  all: {},
  intake: { status: intake }, // 待受理
  toDispatch: { status: ['accepted', 'reopened', 'escalated'] }, // 待派单
  toTake: { status: ['dispatched'] }, // 待接单 (the team has not taken it yet)
  inProgress: { status: ['dispatched', 'pooled', 'taken', 'claimed', 'in_service'] },
  toRate: { status: ['completed'] }, // 待评价
  finished: { status: ['rated', 'closed'] },
  stopped: { status: ['rejected', 'merged', 'cancelled'] },
  dueSoon: { due: 'within24h' }, // 即将超期
  overdue: { due: 'overdue' }, // 已超期
} satisfies Partial<Record<BucketKey, Bucket>>;

/** A team leader's inbox (view=team). */
const team = {
  toTake: { status: ['dispatched'] },
  toAssign: { status: ['taken', 'claimed'] },
  serving: { status: ['claimed', 'in_service'] },
  done: { status: ['completed', 'rated', 'closed'] },
  all: {},
  dueSoon: { due: 'within24h' },
  overdue: { due: 'overdue' },
} satisfies Partial<Record<BucketKey, Bucket>>;

export const countBuckets: Record<'all' | 'team', Partial<Record<BucketKey, Bucket>>> = { all: ledger, team };

export type CountsQuery = Omit<NeedListQuery, 'view' | 'status' | 'sort' | 'page' | 'pageSize'> & { view?: 'all' | 'team' };

/** What is kept: the answer without its `now`, counted at `from`, the same up to `until` (ms since 1970). */
export type CountedTodos = { answer: TodoAnswer; from: number; until: number };
type TodoAnswer = {
  view: 'all' | 'team';
  buckets: { key: BucketKey; status: string | null; due: 'overdue' | 'within24h' | null; count: number }[];
  byCategory: { categoryId: string; categoryName: string | null; categoryNameEn: string | null; counts: Record<string, number> }[];
};

type Deps = Parameters<typeof filters>[0] & { kept?: KeptKind<CountedTodos> };

const bucketCondition = (b: Bucket, now: Date): SQL =>
  and(sql`true`, b.status ? inArray(needs.status, [...b.status]) : undefined, b.due ? dueCondition(b.due, now) : undefined)!;

/** The caller's to-dos per bucket of their view (staff: their subtree; a leader: their teams), with the list filter each stands for. */
export async function todoCounts(deps: Deps, actor: Actor, q: CountsQuery): Promise<TodoAnswer & { now: string }> {
  const view = q.view ?? (isStaff(actor.roles) ? 'all' : 'team');
  // staff count their subtree (view=all refuses others); a leader their teams; nobody else has to-dos here
  if (view === 'team' && !actor.roles.includes('teamLeader')) throw accessError('auth.forbidden');
  const viewer = await listViewerOf(deps.db, deps, actor);
  const now = deps.clock.now();
  const where = and(viewCondition(viewer, view), ...(await filters(deps, actor, { ...q, view, page: 1, pageSize: 1 })));
  const kept = q.due || currentTransaction() ? undefined : deps.kept;
  const count = () => countTodos(deps, actor, view, where, now);
  const at = now.getTime();
  const { answer } = kept ? await kept.keptOrCounted(`${view}|${whereKey(deps.db, where)}`, actor.districtId, (c) => c.from <= at && at <= c.until, count) : await count();
  return { ...answer, now: now.toISOString() };
}

/** The statement behind the to-dos: the buckets per category, and when the clock alone would first change one. */
async function countTodos(deps: Deps, actor: Actor, view: 'all' | 'team', where: SQL | undefined, now: Date): Promise<CountedTodos> {
  const buckets = Object.entries(countBuckets[view]) as [BucketKey, Bucket][];
  const columns = Object.fromEntries(buckets.map(([, b], i) => [`b${i}`, sql<number>`count(*) FILTER (WHERE ${bucketCondition(b, now)})::int`.as(`b${i}`)]));
  const rows = (await deps.db
    .select({ categoryId: needs.categoryId, ...columns, next: nextDueChange(where, now) })
    .from(needs)
    .where(where)
    .groupBy(needs.categoryId)) as ({ categoryId: string; next: number | null } & Record<string, number>)[];
  const labels = await deps.categories.labelsOf(actor.districtId, rows.map((r) => r.categoryId));
  const bucketCounts = (r: Record<string, number>) => Object.fromEntries(buckets.map(([key], i) => [key, r[`b${i}`] ?? 0]));
  const answer: TodoAnswer = {
    view,
    buckets: buckets.map(([key, b], i) => ({
      key,
      status: b.status?.join(',') ?? null,
      due: b.due ?? null,
      count: rows.reduce((sum, r) => sum + (r[`b${i}`] ?? 0), 0),
    })),
    byCategory: rows.map((r) => ({ categoryId: r.categoryId, categoryName: labels.get(r.categoryId)?.name ?? null, categoryNameEn: labels.get(r.categoryId)?.nameEn ?? null, counts: bucketCounts(r) })),
  };
  // the same `next` on every row (one subquery); none when no running deadline lies ahead, or no need at all
  const next = rows[0]?.next;
  return { answer, from: now.getTime(), until: next === null || next === undefined ? Infinity : Number(next) };
}

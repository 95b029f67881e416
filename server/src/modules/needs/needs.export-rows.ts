import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { regions } from '../regions/regions.table.js';
import type { TeamsService } from '../teams/teams.service.js';
import { needCategories } from './categories.table.js';
import { filters, toListItem, viewCondition, type ListRow, type NeedListQuery } from './needs.queries.js';
import { needs } from './needs.table.js';

type Deps = { db: Db; regions: RegionsService; teams: TeamsService; audit: AuditService; config: { exportMaxRows: number; exportPageSize: number } };

/** The list's filters, without its paging: an export is the whole answer. */
export type ExportQuery = Omit<NeedListQuery, 'page' | 'pageSize'>;
export type ExportRow = ReturnType<typeof toListItem>;

/**
 * The columns a list row is made of rather than the whole need: decoding the rows was the larger part
 * of an export's CPU, and half of it went to columns no sheet shows. `satisfies` keeps it complete
 * when the summary grows.
 */
const rowColumns = {
  need: {
    id: needs.id, number: needs.number, kind: needs.kind, categoryId: needs.categoryId, title: needs.title, status: needs.status, severity: needs.severity,
    channel: needs.channel, regionId: needs.regionId, address: needs.address, requesterId: needs.requesterId, requesterName: needs.requesterName,
    requesterPhone: needs.requesterPhone, slots: needs.slots, filled: needs.filled, teamId: needs.teamId, rulingPending: needs.rulingPending,
    duplicateOf: needs.duplicateOf, rating: needs.rating, createdAt: needs.createdAt, acceptedAt: needs.acceptedAt, deadlineAt: needs.deadlineAt,
    completedAt: needs.completedAt,
  } satisfies Record<keyof ListRow['need'], unknown>,
  regionName: regions.name,
  categoryName: needCategories.name,
  categoryNameEn: needCategories.nameEn,
  categoryCode: needCategories.code,
  // the cursor is the timestamp as PostgreSQL prints it: a JS Date would cut its microseconds
  cursorAt: sql<string>`${needs.createdAt}::text`,
};

/** Rows per counting step: each step is one bounded walk of the index, then other requests get a turn. */
const COUNT_STEP = 10_000;

/**
 * Prepares an export of the list the caller sees with these filters: the same scope and filters as
 * the list, counted up to the cap (beyond it: 413 before a byte is sent), audited, and then read in
 * keyset pages by `pages()`.
 */
export async function prepareExport(deps: Deps, actor: Actor, q: ExportQuery) {
  const where = and(await viewCondition(deps, actor, q.view), ...(await filters(deps, actor, { ...q, page: 1, pageSize: 1 })))!;
  const cap = deps.config.exportMaxRows;
  const order = keysetOrder(q.view);
  const rows = await countUpTo(deps.db, where, order, cap + 1);
  if (rows > cap) throw new AppError('needs.export_too_large', 413, { max: cap });
  const { view, ...rest } = q;
  const filter = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  // written before the first row leaves: an aborted download still disclosed what it carried
  await deps.audit.record(deps.db, actor, { action: 'needs.export', objectType: 'need', regionId: q.regionId, details: { view, filter, rows } });
  return { rows, pages: () => exportPages(deps, actor, q.view, where, order) };
}

type Keyset = { ascending: boolean; after(last: { at: string; id: string }): SQL; orderBy: SQL[] };

/** The list's order as a keyset: the pool lists the oldest first, every other view the newest. */
function keysetOrder(view: ExportQuery['view']): Keyset {
  const ascending = view === 'pool';
  const dir = ascending ? asc : desc;
  return {
    ascending,
    orderBy: [dir(needs.createdAt), dir(needs.id)],
    after: (last) =>
      ascending
        ? sql`(${needs.createdAt}, ${needs.id}) > (${last.at}::timestamptz, ${last.id}::uuid)`
        : sql`(${needs.createdAt}, ${needs.id}) < (${last.at}::timestamptz, ${last.id}::uuid)`,
  };
}

/**
 * Runs one read in the (district_id, created_at, id) index's order. PGlite has no autovacuum, so its
 * tables usually have no statistics, and then the planner guesses a handful of rows and sorts the
 * whole scope for every page (measured: 240 ms a page at 20,000 needs, growing with the table).
 * Pricing sorts out makes it walk the index from the cursor and stop after a page.
 */
function inIndexOrder<T>(db: Db, read: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    return read(tx);
  });
}

/** Counts the matching rows, stopping at `limit`: a step of the index at a time, yielding between steps. */
async function countUpTo(db: Db, where: SQL, order: Keyset, limit: number): Promise<number> {
  let counted = 0;
  let after: SQL | undefined;
  while (counted < limit) {
    const step = Math.min(COUNT_STEP, limit - counted);
    const cond = after ? and(where, after)! : where;
    // the step's last row, if the step is full; otherwise what is left is fewer than a step
    const [last] = await inIndexOrder(db, (tx) =>
      tx.select({ at: sql<string>`${needs.createdAt}::text`, id: needs.id }).from(needs).where(cond).orderBy(...order.orderBy).limit(1).offset(step - 1),
    );
    if (!last) {
      const [rest] = await inIndexOrder(db, (tx) =>
        queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${needs} WHERE ${cond} ORDER BY ${sql.join(order.orderBy, sql`, `)} LIMIT ${step}) AS rest`),
      );
      return counted + (rest?.n ?? 0);
    }
    counted += step;
    after = order.after(last);
    await nextTurn();
  }
  return counted;
}

/**
 * The rows in the list's order, one page at a time. Each page continues after the last row of the
 * previous one, `(created_at, id) < (last)`, which the (district_id, created_at, id) index walks
 * directly, so every page costs the same however deep the export is (OFFSET would rescan all before
 * it). Between pages it gives the event loop a turn: on the embedded PGlite every statement runs on
 * this thread, and one query of the whole set held every other request for a minute.
 */
async function* exportPages(deps: Deps, actor: Actor, view: ExportQuery['view'], where: SQL, order: Keyset): AsyncGenerator<ExportRow[]> {
  const pageSize = Math.max(1, deps.config.exportPageSize);
  const teamNames = new Map<string, string>();
  const teamsLooked = new Set<string>();
  let after: SQL | undefined;
  for (;;) {
    const cond = after ? and(where, after)! : where;
    const rows = await inIndexOrder(deps.db, (tx) =>
      tx
        .select(rowColumns)
        .from(needs)
        .innerJoin(regions, eq(regions.id, needs.regionId))
        .innerJoin(needCategories, and(eq(needCategories.districtId, needs.districtId), eq(needCategories.id, needs.categoryId)))
        .where(cond)
        .orderBy(...order.orderBy)
        .limit(pageSize),
    );
    if (rows.length === 0) return;
    const newTeams = [...new Set(rows.map((r) => r.need.teamId).filter((t): t is string => !!t && !teamsLooked.has(t)))];
    if (newTeams.length) {
      for (const [id, name] of await deps.teams.namesOf(actor.districtId, newTeams)) teamNames.set(id, name);
      for (const id of newTeams) teamsLooked.add(id);
    }
    yield rows.map((r) => toListItem(actor, view, r, teamNames));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = order.after({ at: last.cursorAt, id: last.need.id });
    await nextTurn();
  }
}

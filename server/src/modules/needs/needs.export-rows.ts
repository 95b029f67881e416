import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { queryRows, type Database } from '../../platform/db/client.js';
import { usersFirst, type GiveWay } from '../../platform/db/users-first.js';
import { needsError } from './needs.errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { CategoriesService, CategoryLabel } from '../need-categories/categories.service.js';
import { filters, liveSlotOf, rowColumns, toListItem, viewCondition, type NeedListQuery } from './needs.queries.js';
import { listViewerOf, type Viewer } from './needs.scope.js';
import { needs } from './needs.table.js';

type Deps = { db: Db; database: Database; clock: Clock; regions: RegionsService; teams: TeamsService; categories: CategoriesService; audit: AuditService; config: { exportMaxRows: number; exportPageSize: number } };

/** The list's filters, without its paging: an export is the whole answer. */
export type ExportQuery = Omit<NeedListQuery, 'page' | 'pageSize'>;
/** A row of the export: a list row as the caller may see it, with its full place. */
export type ExportRow = ReturnType<typeof toListItem> & { place: string[] };

/** A list row's columns, and the cursor. */
const exportColumns = {
  ...rowColumns,
  // the cursor is the timestamp as PostgreSQL prints it: a JS Date would cut its microseconds
  cursorAt: sql<string>`${needs.createdAt}::text`,
  // the full place, as the ledger shows it: a district's export told 1号楼 from 1号楼 by nothing
  place: regions.place,
};

/**
 * Rows of the district one read may walk, whatever the filters, in pages: a filter that matches
 * little (a keyword, a rare state) would otherwise walk the whole district in one statement
 * (measured: 240 ms of the thread at 100,000 needs for a keyword matching nothing). A window's
 * count is an export's longest statement, which another user may wait for on the embedded
 * connection: 1,000 rows, about 7 ms on the demo district.
 */
const WINDOW_PAGES = 4;

/**
 * How long the embedded connection must be left alone before the export's next read: long enough
 * for a request's next statement, although this thread is busy writing the sheet. Measured with one
 * user polling every 20 ms during a 50,000-row export (`npm run bench:export`): 15 ms (the demo
 * history's wait) held that user's p99 at 47 ms but made the export 3.6 times slower; 4 ms let the
 * p99 back up to 134 ms; 10 ms gave 52 ms, with the export 1.7 times slower (140 ms, before any wait).
 */
const EXPORT_QUIET_MS = 10;

/**
 * Prepares an export of the list the caller sees with these filters: the same scope and filters as
 * the list, counted up to the cap (beyond it: 413 before a byte is sent), audited, and then read in
 * keyset pages by `pages()`.
 */
export async function prepareExport(deps: Deps, actor: Actor, q: ExportQuery) {
  const viewer = await listViewerOf(deps.db, deps, actor);
  const where = and(viewCondition(viewer, q.view), ...(await filters(deps, actor, { ...q, page: 1, pageSize: 1 })))!;
  const cap = deps.config.exportMaxRows;
  const pageSize = Math.max(1, deps.config.exportPageSize);
  const walk: Walk = { db: deps.db, districtId: actor.districtId, where, order: keysetOrder(q.view), pageSize, window: pageSize * WINDOW_PAGES };
  const users = usersFirst(deps.database, EXPORT_QUIET_MS);
  let rows: number;
  try {
    rows = await countUpTo(walk, users, cap + 1);
  } finally {
    users.stop();
  }
  if (rows > cap) throw needsError('needs.export_too_large', { params: { max: cap } });
  const { view, ...rest } = q;
  const filter = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  // written before the first row leaves: an aborted download still disclosed what it carried
  await deps.audit.record(actor, { action: 'needs.export', objectType: 'need', regionId: q.regionId, details: { view, filter, rows } });
  return { rows, pages: () => exportPages(deps, viewer, walk) };
}

type Key = { at: string; id: string };
type Keyset = { orderBy: SQL[]; beyond(key: Key): SQL; upTo(key: Key): SQL };
type Walk = { db: Db; districtId: string; where: SQL; order: Keyset; pageSize: number; window: number };

/** The list's order as a keyset: the pool lists the oldest first, every other view the newest. */
function keysetOrder(view: ExportQuery['view']): Keyset {
  const row = sql`(${needs.createdAt}, ${needs.id})`;
  // the key's time is PostgreSQL's text of it: a JS Date would cut its microseconds
  const key = (k: Key) => sql`(${k.at}::timestamptz, ${k.id}::uuid)`;
  return view === 'pool'
    ? { orderBy: [asc(needs.createdAt), asc(needs.id)], beyond: (k) => sql`${row} > ${key(k)}`, upTo: (k) => sql`${row} <= ${key(k)}` }
    : { orderBy: [desc(needs.createdAt), desc(needs.id)], beyond: (k) => sql`${row} < ${key(k)}`, upTo: (k) => sql`${row} >= ${key(k)}` };
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
    // and plan each read for its values: the plan the planner keeps for any values after five runs of
    // a statement was far slower here on the embedded database (a window's count 66 → 4 ms, a page
    // 20 → 4 ms; a 50,000-row export 11.8 → 4.8 s)
    await tx.execute(sql`SET LOCAL plan_cache_mode = force_custom_plan`);
    return read(tx);
  });
}

/**
 * The district's rows in the walk's order, cut into windows of `walk.window` rows: each is (from, to], from
 * null at the start, to null for the rest when fewer than a window remain. Finding a window's end
 * walks the index alone, whatever the filters.
 */
async function* windows(walk: Walk, users: GiveWay): AsyncGenerator<{ from: Key | null; to: Key | null }> {
  let from: Key | null = null;
  for (;;) {
    const start: Key | null = from;
    await users.wait();
    const [to]: Key[] = await inIndexOrder(walk.db, (tx) =>
      tx
        .select({ at: sql<string>`${needs.createdAt}::text`, id: needs.id })
        .from(needs)
        .where(and(eq(needs.districtId, walk.districtId), start ? walk.order.beyond(start) : undefined))
        .orderBy(...walk.order.orderBy)
        .limit(1)
        .offset(walk.window - 1),
    );
    yield { from: start, to: to ?? null };
    if (!to) return;
    from = to;
    await nextTurn();
  }
}

/** The filters within part of a window: past `from`, up to and including `to`. */
const within = (walk: Walk, from: Key | null, to: Key | null) =>
  and(walk.where, from ? walk.order.beyond(from) : undefined, to ? walk.order.upTo(to) : undefined)!;

/** Counts the matching rows a window at a time, stopping once `limit` is reached. */
async function countUpTo(walk: Walk, users: GiveWay, limit: number): Promise<number> {
  let counted = 0;
  for await (const { from, to } of windows(walk, users)) {
    await users.wait();
    const [found] = await inIndexOrder(walk.db, (tx) =>
      // ordered, so that the planner walks the index here too rather than scanning the table
      queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${needs} WHERE ${within(walk, from, to)} ORDER BY ${sql.join(walk.order.orderBy, sql`, `)}) AS w`),
    );
    counted += found?.n ?? 0;
    if (counted >= limit) return counted;
    await nextTurn();
  }
  return counted;
}

/**
 * The rows in the list's order, one page at a time. Each page continues after the last row of the
 * previous one, `(created_at, id) < (last)`, which the (district_id, created_at, id) index walks
 * directly, so every page costs the same however deep the export is (OFFSET would rescan all before
 * it), and stays within its window, so a page costs little however few rows match. Between reads it
 * gives the event loop a turn (PGlite on the test's thread), and lets other users' statements go
 * first on the embedded database's one connection (`usersFirst`).
 */
async function* exportPages(deps: Deps, viewer: Viewer, walk: Walk): AsyncGenerator<ExportRow[]> {
  const users = usersFirst(deps.database, EXPORT_QUIET_MS);
  try {
    yield* walkPages(deps, viewer, walk, users);
  } finally {
    users.stop();
  }
}

async function* walkPages(deps: Deps, viewer: Viewer, walk: Walk, users: GiveWay): AsyncGenerator<ExportRow[]> {
  const { pageSize } = walk;
  const { actor } = viewer;
  const teamNames = new Map<string, string>();
  const teamsLooked = new Set<string>();
  // names looked up as they first appear, like the teams' (a category always exists: no "looked" set)
  const categories = new Map<string, CategoryLabel>();
  for await (const window of windows(walk, users)) {
    for (let from = window.from; ; ) {
      await users.wait();
      const cond = within(walk, from, window.to);
      const rows = await inIndexOrder(deps.db, (tx) =>
        tx
          .select({ ...exportColumns, liveSlot: liveSlotOf(actor) })
          .from(needs)
          .innerJoin(regions, eq(regions.id, needs.regionId))
          .where(cond)
          .orderBy(...walk.order.orderBy)
          .limit(pageSize),
      );
      if (rows.length > 0) {
        const newTeams = [...new Set(rows.map((r) => r.need.teamId).filter((t): t is string => !!t && !teamsLooked.has(t)))];
        if (newTeams.length) {
          for (const [id, name] of await deps.teams.namesOf(actor.districtId, newTeams)) teamNames.set(id, name);
          for (const id of newTeams) teamsLooked.add(id);
        }
        const newCategories = [...new Set(rows.map((r) => r.need.categoryId).filter((c) => !categories.has(c)))];
        if (newCategories.length) for (const [id, label] of await deps.categories.labelsOf(actor.districtId, newCategories)) categories.set(id, label);
        yield rows.map((r) => ({ ...toListItem(viewer, r, teamNames, categories, deps.clock.now()), place: r.place }));
      }
      await nextTurn();
      if (rows.length < pageSize) break;
      const last = rows[rows.length - 1]!;
      from = { at: last.cursorAt, id: last.need.id };
    }
  }
}

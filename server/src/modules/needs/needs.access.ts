import { and, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { fixedQuery } from '../../platform/db/fixed-query.js';
import { currentTransaction } from '../../platform/db/unit-of-work.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';
import { needAssignments } from './assignments.table.js';
import type { NeedFacts, NeedStatus, Party } from './needs.lifecycle.js';
import { partiesOf, viewerOf, type ScopeDeps } from './needs.scope.js';
import { needEvents, needFollowers, needs } from './needs.table.js';
import { decodeJsonRows, jsonRows } from '../../platform/db/json-rows.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { CategoriesService, CategoryLabel } from '../need-categories/categories.service.js';
import type { ChangeCache } from '../../platform/db/change-cache.js';

export type NeedRow = typeof needs.$inferSelect & { regionPath: string; regionName: string };
export type AssignmentRow = typeof needAssignments.$inferSelect;

/** A need as one caller sees it: which parties they are, and whether they may see it at all. */
export type NeedContext = {
  need: NeedRow;
  parties: Set<Party>;
  visible: boolean;
  assignments: AssignmentRow[];
  /** Sees it only as a follower (a duplicate's requester, a neighbour): the story, not the file. */
  onlyFollows: boolean;
  /** The caller's live slot in the current round, if any. */
  mySlot?: AssignmentRow;
};

export type AccessDeps = ScopeDeps;

/**
 * How a need is read: `false` as it is, `true` locked (`FOR UPDATE`), `'whileGrabbable'` locked only
 * while a slot is open for grabbing (otherwise no row, see lockedWhileGrabbable).
 */
export type NeedLock = boolean | 'whileGrabbable';

/** Loads a need (locking it when about to change it) and works out the caller's relation to it. */
export async function loadNeed(tx: DbOrTx, deps: AccessDeps, actor: Actor, id: string, lock: NeedLock): Promise<NeedContext | null> {
  return (await loadNeedWith(tx, deps, actor, id, { lock, events: false }))?.ctx ?? null;
}

export type NeedEventRow = typeof needEvents.$inferSelect;

const byKey = (p: Record<'districtId' | 'id', Placeholder>) => and(eq(needs.districtId, p.districtId), eq(needs.id, p.id));

/**
 * The need under lock with its region and its slots: the first statement of every transition. The
 * slots come from the statement's snapshot, taken before the lock was granted; `seenVersion` is the
 * need's version in that same snapshot. Every change to a slot bumps the need's version in its
 * transaction (needs.slots.ts, needs.effects.ts), so when the locked row's version equals it, nothing
 * committed in between and the slots are current; otherwise (a racing transition we waited for) they
 * are read again under the lock.
 */
function lockingQuery(onlyIf?: SQL) {
  return fixedQuery(['districtId', 'id'], (db, p) =>
    db
      .select({
        need: needs,
        regionPath: regions.path,
        regionName: regions.name,
        slots: jsonRows(needAssignments, sql`${needAssignments.districtId} = ${needs.districtId} AND ${needAssignments.needId} = ${needs.id}`),
        seenVersion: sql<number>`(SELECT seen.version FROM ${needs} seen WHERE seen.district_id = ${needs.districtId} AND seen.id = ${needs.id})`.mapWith(Number),
      })
      .from(needs)
      .innerJoin(regions, eq(regions.id, needs.regionId))
      .where(onlyIf ? and(byKey(p), onlyIf) : byKey(p))
      .for('update', { of: needs }),
  );
}
const lockedNeed = lockingQuery();
/**
 * The same lock, taken only while a volunteer could still grab a slot. A grabber who comes after the
 * last slot went gets no row and takes no lock, instead of queueing for it only to be refused. One who
 * queued behind the winner gets no row either (PostgreSQL checks the condition again on the version
 * the winner committed), but holds the row until its transaction ends: runAction ends it at once.
 */
const lockedWhileGrabbable = lockingQuery(sql`${needs.status} IN ('pooled', 'claimed') AND ${needs.teamId} IS NULL AND ${needs.filled} < ${needs.slots}`);
const slotsOfNeed = fixedQuery(['districtId', 'id'], (db, p) => db.select().from(needAssignments).where(and(eq(needAssignments.districtId, p.districtId), eq(needAssignments.needId, p.id))));

/** The need with its slots (and, for the detail, its timeline, full place and the names shown), in one statement. */
function needWith(events: boolean, labels: LabelDeps | undefined, teams: AccessDeps['teams'] | undefined) {
  const volunteerName = labels ? { volunteerName: labels.accounts.nameColumn(needAssignments.districtId, needAssignments.volunteerId) } : undefined;
  const slots = jsonRows(needAssignments, sql`${needAssignments.districtId} = ${needs.districtId} AND ${needAssignments.needId} = ${needs.id}`, undefined, volunteerName);
  const timeline = events ? jsonRows(needEvents, sql`${needEvents.districtId} = ${needs.districtId} AND ${needEvents.needId} = ${needs.id}`, sql`${needEvents.seq}`) : sql<unknown[]>`'[]'::json`;
  const category = labels ? labels.categories.labelColumn(needs.districtId, needs.categoryId) : sql<CategoryLabel | null>`NULL`;
  const teamName = labels && teams ? teams.nameColumn(needs.districtId, needs.teamId) : sql<string | null>`NULL`;
  return fixedQuery(['districtId', 'id'], (db, p) =>
    db
      .select({ need: needs, regionPath: regions.path, regionName: regions.name, place: regions.place, slots, events: timeline, category, teamName })
      .from(needs)
      .innerJoin(regions, eq(regions.id, needs.regionId))
      .where(byKey(p)),
  );
}
const bareNeed = needWith(false, undefined, undefined);
const timelineNeed = needWith(true, undefined, undefined);
/** The detail's query, per set of services that name things (one per app). */
const fullNeeds = new WeakMap<LabelDeps, ReturnType<typeof needWith>>();
function fullNeed(labels: LabelDeps | undefined, deps: AccessDeps): ReturnType<typeof needWith> {
  if (!labels) return timelineNeed;
  let query = fullNeeds.get(labels);
  if (!query) fullNeeds.set(labels, (query = needWith(true, labels, deps.teams)));
  return query;
}

/** What one statement reads of a need before any caller's relation to it: all a need's page may keep (needs.page-cache.ts). */
export type ReadNeed = { need: NeedRow; assignments: AssignmentRow[]; events: NeedEventRow[]; labels: NeedLabels; place: string[] };

type ReadOptions = { lock: NeedLock; events: boolean; labels?: LabelDeps };

async function readNeed(tx: DbOrTx, deps: AccessDeps, key: { districtId: string; id: string }, opts: ReadOptions): Promise<ReadNeed | null> {
  const [row] = await (opts.lock ? (opts.lock === 'whileGrabbable' ? lockedWhileGrabbable : lockedNeed) : opts.events ? fullNeed(opts.labels, deps) : bareNeed)(tx, key);
  if (!row) return null;
  const need: NeedRow = { ...row.need, regionPath: row.regionPath, regionName: row.regionName };
  const volunteers = new Map<string, string>();
  // the slots as this statement read them, unless the row changed while we waited for its lock
  const stale = 'seenVersion' in row && row.seenVersion !== need.version;
  const assignments: AssignmentRow[] = stale
    ? await slotsOfNeed(tx, key)
    : decodeJsonRows(needAssignments, row.slots).map((a) => {
        const { volunteerName: name, ...slot } = a as AssignmentRow & { volunteerName?: string | null };
        if (name != null) volunteers.set(slot.volunteerId, name);
        return slot;
      });
  return {
    need,
    assignments,
    events: 'events' in row ? decodeJsonRows(needEvents, row.events) : [],
    labels: { category: (row as { category?: CategoryLabel | null }).category ?? undefined, teamName: (row as { teamName?: string | null }).teamName ?? null, volunteers },
    place: 'place' in row ? (row.place as string[]) : [],
  };
}

/**
 * A need's page read in the caller's transaction, its statement queued on the connection before this
 * returns (node-postgres runs drizzle's prepared query up to the driver synchronously): a transition
 * sends it behind its last write, to be answered with the COMMIT's round trip (needs.transitions.ts).
 * It must stay one statement with nothing awaited before it — no lock (a second statement may follow
 * a locked read), no drizzle query cache — or it would go out after the COMMIT
 * (needs.last-write.test.ts checks the order on a connection).
 */
export function readPage(tx: DbOrTx, deps: AccessDeps, key: { districtId: string; id: string }, labels: LabelDeps): Promise<ReadNeed | null> {
  return readNeed(tx, deps, key, { lock: false, events: true, labels });
}

/**
 * The need, its slots and (with `events`) its timeline, in one statement; locked, the slots are read
 * again only when a racing transition committed while this one waited for the lock (lockedNeed).
 * With `pages` (a need's page, outside any transaction: needs.page-cache.ts) what was read is kept and read from there
 * until something changes; what it kept is shared between requests and never changed.
 */
export async function loadNeedWith(
  tx: DbOrTx,
  deps: AccessDeps,
  actor: Actor,
  id: string,
  opts: ReadOptions & { pages?: ChangeCache<ReadNeed>; read?: Promise<ReadNeed | null> },
): Promise<{ ctx: NeedContext; events: NeedEventRow[]; labels: NeedLabels; place: string[] } | null> {
  const key = { districtId: actor.districtId, id };
  // a transaction reads what it wrote itself, which the kept page does not show; a page read already (readPage) is not kept either
  const pages = opts.pages && !opts.read && !opts.lock && opts.events && opts.labels && !currentTransaction() ? opts.pages : undefined;
  const kept = pages?.get(`${key.districtId}/${id}`);
  const generation = pages?.generation() ?? 0;
  const [read, viewer] = await Promise.all([opts.read ?? kept ?? readNeed(tx, deps, key, opts), viewerOf(tx, deps, actor)]);
  if (!read) return null;
  if (pages && !kept) pages.set(`${key.districtId}/${id}`, read, generation, key.districtId);
  const { need, assignments } = read;
  const mySlot = assignments.find((a) => a.volunteerId === actor.accountId && a.round === need.round && a.status !== 'released');
  const parties = partiesOf(viewer, { ...need, liveSlot: Boolean(mySlot) });
  const servedBefore = assignments.some((a) => a.volunteerId === actor.accountId);
  const follows = parties.size > 0 || servedBefore ? false : await isFollower(tx, need, actor.accountId);
  return {
    ctx: { need, parties, visible: parties.size > 0 || servedBefore || follows, onlyFollows: follows, assignments, mySlot },
    events: read.events,
    labels: read.labels,
    place: read.place,
  };
}

/** The services whose names a need's detail shows, read as columns of its one query. */
export type LabelDeps = { categories: Pick<CategoriesService, 'labelColumn'>; accounts: Pick<AccountsService, 'nameColumn'> };
export type NeedLabels = { category?: CategoryLabel; teamName: string | null; volunteers: Map<string, string> };

async function isFollower(tx: DbOrTx, need: NeedRow, accountId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: needFollowers.accountId })
    .from(needFollowers)
    .where(and(eq(needFollowers.districtId, need.districtId), eq(needFollowers.needId, need.id), eq(needFollowers.accountId, accountId)));
  return Boolean(row);
}

export function factsOf(ctx: NeedContext): NeedFacts {
  const { need } = ctx;
  return {
    status: need.status as NeedStatus,
    teamId: need.teamId,
    slots: need.slots,
    filled: need.filled,
    rulingPending: need.rulingPending,
    ruled: need.ruled,
    anyCheckedIn: ctx.assignments.some((a) => a.round === need.round && a.checkInAt !== null && a.status !== 'released'),
    myCheckInDone: Boolean(ctx.mySlot?.checkInAt),
    completedAt: need.completedAt,
  };
}

/** The role written on the event: the most specific relation the caller acted in. */
export function actingRole(parties: Set<Party>, allowed: readonly Party[]): string {
  return allowed.find((p) => parties.has(p)) ?? [...parties][0] ?? 'unknown';
}

export const openForDuplicates = sql`${needs.status} NOT IN ('rejected','merged','closed','cancelled','completed','rated')`;

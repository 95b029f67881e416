import { and, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { EventBus } from '../../platform/events/outbox.js';
import { anonymiseText } from '../../platform/privacy/anonymise.js';
import { regions } from '../../platform/scope/regions.table.js';
import { regionWithin } from '../../platform/scope/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import { handlingOf } from './needs.handling.js';
import type { TransitionDeps } from './needs.transitions.js';
import type { NeedStatus } from './needs.lifecycle.js';
import { boardKinds, type NeedKind } from './needs.enums.js';
import { needsError } from './needs.errors.js';
import { needEvents, needs } from './needs.table.js';
import { recordOnTimeline } from './needs.timeline.js';

/*
 * The public board's side of the order chain (公示, SPEC §10): needs whose requester consented to
 * anonymised display (is_public) and that the community has not taken down (board_withdrawn_at), in
 * three sections — the wish wall (微心愿 open and lately realised), accepted needs being handled, and
 * results with the completion's summary and photos. Nobody's name, phone or door leaves here: the
 * title and the summary are anonymised (platform/privacy/anonymise.ts), the place stops at the community.
 */

export const boardSections = ['wishes', 'accepted', 'done'] as const;
export type BoardSection = (typeof boardSections)[number];

/** What the public reads of a need's state: fewer words than the ledger's 16. */
export type BoardStage = 'waiting' | 'dispatched' | 'serving' | 'coordinating' | 'done';

const openStatuses: NeedStatus[] = ['accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service', 'escalated', 'reopened'];
const doneStatuses: NeedStatus[] = ['completed', 'rated', 'closed'];
/** A realised wish stays on the wall this long; the results section keeps every one (paged). */
export const WISH_SHOWN_DAYS = 90;
const MAX_PHOTOS = 3;

export function stageOf(status: NeedStatus): BoardStage {
  if (doneStatuses.includes(status)) return 'done';
  if (status === 'escalated') return 'coordinating';
  if (status === 'dispatched' || status === 'pooled') return 'dispatched';
  if (status === 'taken' || status === 'claimed' || status === 'in_service') return 'serving';
  return 'waiting';
}

export type BoardQuery = { districtId: string; regionPath: string | null; section: BoardSection; limit: number; offset: number; now: Date };
export type BoardDeps = { db: Db; categories: Pick<CategoriesService, 'labelsOf'>; teams: Pick<TeamsService, 'namesOf'> };

/**
 * What may be shown at all: consented in the board's words (`board_consent_at`; `is_public` of old
 * meant only that neighbours may follow it), not taken down, of a kind the board shows, and never a
 * 一人一策 order (nobody under care is shown to the public). Past acceptance, by each section.
 */
const shown = (districtId: string) =>
  and(eq(needs.districtId, districtId), eq(needs.isPublic, true), isNotNull(needs.boardConsentAt), isNull(needs.boardWithdrawnAt), inArray(needs.kind, [...boardKinds]), ne(needs.channel, 'carePlan'));

/** The street and the community of a need's place, by their type: a tree may skip a level, so never by position in `place`. */
const streetAndCommunity = sql<string[] | null>`(
  SELECT array_agg(a.name ORDER BY a.depth) FROM ${regions} a
   WHERE a.id = ANY(string_to_array(trim(both '/' from ${regions.path}), '/')::uuid[]) AND a.type IN ('street', 'community'))`;

/** The completion's photos the board shows: the latest completion's first three, only when the requester allowed photos. */
const shownPhotos = sql<string[] | null>`(
  SELECT e.attachments[1:${MAX_PHOTOS}] FROM ${needEvents} e
   WHERE e.district_id = ${needs.districtId} AND e.need_id = ${needs.id} AND e.action = 'complete' ORDER BY e.seq DESC LIMIT 1)`;

function sectionWhere(q: BoardQuery): { where: SQL; order: SQL[] } {
  if (q.section === 'wishes') {
    const since = new Date(q.now.getTime() - WISH_SHOWN_DAYS * 86_400_000);
    const stillShown = or(inArray(needs.status, openStatuses), and(inArray(needs.status, doneStatuses), sql`${needs.completedAt} >= ${since}`))!;
    // open wishes first (someone may still take them), then the realised ones, newest first in each
    return { where: and(eq(needs.kind, 'microWish'), isNotNull(needs.acceptedAt), stillShown)!, order: [sql`${needs.completedAt} IS NULL DESC`, desc(needs.acceptedAt), desc(needs.id)] };
  }
  if (q.section === 'accepted') return { where: and(inArray(needs.status, openStatuses), isNotNull(needs.acceptedAt))!, order: [desc(needs.acceptedAt), desc(needs.id)] };
  return { where: and(inArray(needs.status, doneStatuses), isNotNull(needs.completedAt))!, order: [desc(needs.completedAt), desc(needs.id)] };
}

/** One page of a section, newest first; `more` says whether another page follows (no count: the board needs none). */
export async function boardNeeds(deps: BoardDeps, q: BoardQuery) {
  const { where, order } = sectionWhere(q);
  const inPlace = q.regionPath ? regionWithin(needs.regionId, q.regionPath) : undefined;
  // the completion's summary: the latest `complete` of the need (a reopened need has several)
  const summary = sql<string | null>`(
    SELECT e.data->>'summary' FROM ${needEvents} e
     WHERE e.district_id = ${needs.districtId} AND e.need_id = ${needs.id} AND e.action = 'complete' ORDER BY e.seq DESC LIMIT 1)`;
  const rows = await deps.db
    .select({
      id: needs.id, number: needs.number, kind: needs.kind, categoryId: needs.categoryId, title: needs.title, status: needs.status, place: streetAndCommunity,
      requesterName: needs.requesterName, teamId: needs.teamId, acceptedAt: needs.acceptedAt, deadlineAt: needs.deadlineAt, completedAt: needs.completedAt, rating: needs.rating,
      summary: q.section === 'accepted' ? sql<null>`NULL` : summary,
      photos: q.section === 'accepted' ? sql<null>`NULL` : sql<string[] | null>`CASE WHEN ${needs.boardPhotos} THEN ${shownPhotos} END`,
    })
    .from(needs)
    .innerJoin(regions, eq(regions.id, needs.regionId))
    .where(and(shown(q.districtId), where, inPlace))
    .orderBy(...order)
    .limit(q.limit + 1)
    .offset(q.offset);
  const page = rows.slice(0, q.limit);
  const [labels, teams] = await Promise.all([
    deps.categories.labelsOf(q.districtId, [...new Set(page.map((r) => r.categoryId))]),
    deps.teams.namesOf(q.districtId, [...new Set(page.flatMap((r) => (r.teamId ? [r.teamId] : [])))]),
  ]);
  const items = page.map((r) => {
    const status = r.status as NeedStatus;
    const done = doneStatuses.includes(status);
    const names = [r.requesterName];
    return {
      id: r.id,
      number: r.number,
      kind: r.kind as NeedKind,
      categoryName: labels.get(r.categoryId)?.name ?? null,
      categoryNameEn: labels.get(r.categoryId)?.nameEn ?? null,
      title: anonymiseText(r.title, names),
      stage: stageOf(status),
      // the street and the community: never the grid or the building, which would point at the door
      place: r.place ?? [],
      teamName: r.teamId ? (teams.get(r.teamId) ?? null) : null,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      deadlineAt: done ? null : (r.deadlineAt?.toISOString() ?? null),
      completedAt: done ? (r.completedAt?.toISOString() ?? null) : null,
      onTime: done && r.deadlineAt && r.completedAt ? r.completedAt <= r.deadlineAt : null,
      rating: done ? r.rating : null,
      summary: done && r.summary ? anonymiseText(r.summary, names) : null,
      photos: done ? (r.photos ?? []) : [],
    };
  });
  return { items, more: rows.length > q.limit };
}

/** Whether a photo is one the board shows: of a shown, completed need whose requester allowed photos, among its latest completion's first three. */
export async function isBoardPhoto(db: Db, districtId: string, needId: string, photoId: string): Promise<boolean> {
  const rows = await db
    .select({ id: needs.id })
    .from(needs)
    .where(and(shown(districtId), eq(needs.id, needId), inArray(needs.status, doneStatuses), eq(needs.boardPhotos, true), sql`${photoId}::uuid = ANY(coalesce(${shownPhotos}, '{}'::uuid[]))`));
  return rows.length > 0;
}

export type BoardChangeDeps = TransitionDeps & { db: Db; events: EventBus; audit: AuditService; clock: Clock };

/** A need the board never shows, whatever anyone says: a grievance, a 一人一策 order. */
async function assertBoardable(deps: BoardChangeDeps, districtId: string, needId: string) {
  const [row] = await currentDb(deps.db).select({ kind: needs.kind, channel: needs.channel }).from(needs).where(and(eq(needs.districtId, districtId), eq(needs.id, needId)));
  if (!row || !boardKinds.includes(row.kind as NeedKind) || row.channel === 'carePlan') throw needsError('needs.not_for_board');
}

/**
 * The requester's own consent (同意匿名公示), and whether the completion's photos may be shown too: only
 * they change it, in the board's words (`board_consent_at` set now). Recorded on the timeline and in the
 * audit log (a record of consent); asking for what already holds changes nothing and records nothing.
 */
export async function setBoardConsent(deps: BoardChangeDeps, actor: Actor, needId: string, input: { shown: boolean; photos?: boolean }) {
  return deps.db.transaction(async (tx) => {
    // handlingOf and recordOnTimeline join this transaction (the unit of work)
    const handling = await handlingOf(deps.db, deps, actor, needId, { lock: true });
    if (!handling.parties.includes('requester')) throw needsError('needs.not_allowed');
    await assertBoardable(deps, handling.districtId, needId);
    const [now] = await tx.select({ consentAt: needs.boardConsentAt, photos: needs.boardPhotos }).from(needs).where(and(eq(needs.districtId, handling.districtId), eq(needs.id, needId)));
    const photos = input.shown && (input.photos ?? now!.photos);
    if (input.shown === (now!.consentAt !== null) && photos === now!.photos) return;
    await tx
      .update(needs)
      .set({ isPublic: input.shown, boardConsentAt: input.shown ? (now!.consentAt ?? deps.clock.now()) : null, boardPhotos: photos })
      .where(and(eq(needs.districtId, handling.districtId), eq(needs.id, needId)));
    const action = input.shown ? 'boardConsent' : 'boardRefuse';
    await recordOnTimeline(deps.db, deps.events, actor, needId, { role: 'requester', action, data: { photos } });
    await deps.audit.record(actor, { action: `needs.${action}`, objectType: 'need', objectId: needId, regionId: handling.regionId, details: { number: handling.number, withPhotos: photos } });
  });
}

/**
 * An admin over the need takes it off the board with a reason (撤下公示) or puts it back; the consent
 * stays the requester's. On the timeline and audited; what already holds changes nothing.
 */
export async function setBoardWithdrawal(deps: BoardChangeDeps, actor: Actor, needId: string, input: { withdrawn: boolean; reason?: string }) {
  return deps.db.transaction(async (tx) => {
    const handling = await handlingOf(deps.db, deps, actor, needId, { lock: true });
    const admin = (['communityAdmin', 'streetAdmin', 'districtAdmin'] as const).find((p) => handling.parties.includes(p));
    if (!admin) throw needsError('needs.not_allowed');
    const reason = input.reason?.trim();
    if (input.withdrawn && !reason) throw needsError('needs.reason_required', { field: 'reason' });
    const where = and(eq(needs.districtId, handling.districtId), eq(needs.id, needId));
    const [now] = await tx.select({ withdrawnAt: needs.boardWithdrawnAt }).from(needs).where(where);
    if (input.withdrawn === (now!.withdrawnAt !== null)) return;
    await tx.update(needs).set({ boardWithdrawnAt: input.withdrawn ? deps.clock.now() : null }).where(where);
    const action = input.withdrawn ? 'boardWithdraw' : 'boardRestore';
    await recordOnTimeline(deps.db, deps.events, actor, needId, { role: admin, action, note: reason ?? null });
    await deps.audit.record(actor, { action: `needs.${action}`, objectType: 'need', objectId: needId, regionId: handling.regionId, details: { number: handling.number, reason: reason ?? null } });
  });
}

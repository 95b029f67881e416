import { and, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/client.js';
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
import type { NeedKind } from './needs.enums.js';
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

/** What may be shown at all: consented, not taken down, past acceptance (a submitted need is not yet the community's). */
const shown = (districtId: string) => and(eq(needs.districtId, districtId), eq(needs.isPublic, true), isNull(needs.boardWithdrawnAt));

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
  // the completion's summary and photos: the latest `complete` of the need (a reopened need has several)
  const completion = sql<{ summary: string | null; photos: string[] } | null>`(
    SELECT json_build_object('summary', e.data->>'summary', 'photos', e.attachments) FROM ${needEvents} e
     WHERE e.district_id = ${needs.districtId} AND e.need_id = ${needs.id} AND e.action = 'complete' ORDER BY e.seq DESC LIMIT 1)`;
  const rows = await deps.db
    .select({
      id: needs.id, number: needs.number, kind: needs.kind, categoryId: needs.categoryId, title: needs.title, status: needs.status, place: regions.place,
      requesterName: needs.requesterName, teamId: needs.teamId, acceptedAt: needs.acceptedAt, deadlineAt: needs.deadlineAt, completedAt: needs.completedAt, rating: needs.rating,
      completion: q.section === 'accepted' ? sql<null>`NULL` : completion,
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
      place: r.place.slice(0, 2),
      teamName: r.teamId ? (teams.get(r.teamId) ?? null) : null,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      deadlineAt: done ? null : (r.deadlineAt?.toISOString() ?? null),
      completedAt: done ? (r.completedAt?.toISOString() ?? null) : null,
      onTime: done && r.deadlineAt && r.completedAt ? r.completedAt <= r.deadlineAt : null,
      rating: done ? r.rating : null,
      summary: done && r.completion?.summary ? anonymiseText(r.completion.summary, names) : null,
      photos: done ? (r.completion?.photos ?? []).slice(0, MAX_PHOTOS) : [],
    };
  });
  return { items, more: rows.length > q.limit };
}

/** Whether a photo is one the board shows: of a consented, shown, completed need, attached to its completion. */
export async function isBoardPhoto(db: Db, districtId: string, needId: string, photoId?: string): Promise<boolean> {
  const onBoard = and(shown(districtId), eq(needs.id, needId), inArray(needs.status, doneStatuses));
  const photo = photoId
    ? sql`EXISTS (SELECT 1 FROM ${needEvents} e WHERE e.district_id = ${needs.districtId} AND e.need_id = ${needs.id} AND e.action = 'complete' AND ${photoId}::uuid = ANY(e.attachments))`
    : undefined;
  const rows = await db.select({ id: needs.id }).from(needs).where(and(onBoard, photo));
  return rows.length > 0;
}

export type BoardChangeDeps = TransitionDeps & { db: Db; events: EventBus; audit: AuditService; clock: Clock };

/**
 * Shows a need on the board or takes it off. The requester changes their own consent (同意匿名公示);
 * an admin over the need takes it down with a reason (撤下公示) or puts it back — the consent stays the
 * requester's. Either way a step on the timeline, in one transaction with the change.
 */
export async function setOnBoard(deps: BoardChangeDeps, actor: Actor, needId: string, input: { shown: boolean; reason?: string }) {
  return deps.db.transaction(async (tx) => {
    // handlingOf and recordOnTimeline join this transaction (the unit of work)
    const handling = await handlingOf(deps.db, deps, actor, needId, { lock: true });
    const parties = new Set(handling.parties);
    const where = and(eq(needs.districtId, handling.districtId), eq(needs.id, needId));
    if (parties.has('requester')) {
      await tx.update(needs).set({ isPublic: input.shown }).where(where);
      await recordOnTimeline(deps.db, deps.events, actor, needId, { role: 'requester', action: input.shown ? 'boardConsent' : 'boardRefuse' });
      return { by: 'requester' as const };
    }
    const admin = (['communityAdmin', 'streetAdmin', 'districtAdmin'] as const).find((p) => parties.has(p));
    if (!admin) throw needsError('needs.not_allowed');
    const reason = input.reason?.trim();
    if (!input.shown && !reason) throw needsError('needs.reason_required', { field: 'reason' });
    await tx.update(needs).set({ boardWithdrawnAt: input.shown ? null : deps.clock.now() }).where(where);
    await recordOnTimeline(deps.db, deps.events, actor, needId, { role: admin, action: input.shown ? 'boardRestore' : 'boardWithdraw', note: reason ?? null });
    await deps.audit.record(actor, { action: input.shown ? 'needs.boardRestore' : 'needs.boardWithdraw', objectType: 'need', objectId: needId, regionId: handling.regionId, details: { number: handling.number, reason: reason ?? null } });
    return { by: admin };
  });
}

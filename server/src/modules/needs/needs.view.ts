import { maskName, maskPhone } from '../../platform/privacy/mask.js';
import type { AssignmentRow, NeedContext, NeedRow } from './needs.access.js';
import type { Channel, NeedKind, SeverityCode } from './needs.enums.js';
import { availableActions, isOverdue, type NeedStatus } from './needs.lifecycle.js';
import { requesterDisclosure } from './needs.policy.js';
import type { CallerAction } from './needs.schemas.js';
import { isStaffParty } from './needs.scope.js';
import type { needEvents } from './needs.table.js';

type Names = { category?: { name: string; nameEn: string; code: string }; teamName?: string | null };

/** A need's latest whistle (吹哨报到): open, closed by the street, or never (null). */
export type WhistleState = 'open' | 'closed' | null;

/**
 * What a summary is made of: a list may read just these columns (the export does), and the state of
 * its latest whistle as far as the reader worked it out (a list: while escalated, `whistleWhileEscalated`).
 */
export type SummaryRow = Pick<
  NeedRow,
  | 'id' | 'number' | 'kind' | 'categoryId' | 'title' | 'status' | 'severity' | 'channel' | 'regionId' | 'regionName' | 'address' | 'requesterName' | 'requesterPhone'
  | 'slots' | 'filled' | 'teamId' | 'rulingPending' | 'duplicateOf' | 'rating' | 'createdAt' | 'acceptedAt' | 'deadlineAt' | 'pausedAt' | 'completedAt'
> & { whistle: WhistleState };

export function toNeedSummary(row: SummaryRow, names: Names, now: Date, disclosure = { name: 'masked', phone: 'hidden', address: false } as ReturnType<typeof requesterDisclosure>) {
  // the columns are plain text; intake and the lifecycle write only these vocabularies' values
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as NeedKind,
    categoryId: row.categoryId,
    categoryName: names.category?.name ?? null,
    categoryNameEn: names.category?.nameEn ?? null,
    title: row.title,
    status: row.status as NeedStatus,
    severity: row.severity as SeverityCode,
    channel: row.channel as Channel,
    regionId: row.regionId,
    regionName: row.regionName,
    address: disclosure.address ? row.address : null,
    requesterName: disclosure.name === 'full' ? row.requesterName : (maskName(row.requesterName) ?? ''),
    requesterPhone: disclosure.phone === 'full' ? row.requesterPhone : disclosure.phone === 'masked' ? maskPhone(row.requesterPhone) : null,
    slots: row.slots,
    filled: row.filled,
    teamId: row.teamId,
    teamName: names.teamName ?? null,
    rulingPending: row.rulingPending,
    duplicateCount: row.duplicateOf.length,
    rating: row.rating,
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    deadlineAt: row.deadlineAt?.toISOString() ?? null,
    overdue: isOverdue(row.status as NeedStatus, row.deadlineAt, now, row.pausedAt),
    /** The deadline's clock is paused (挂起): the deadline moves on when it resumes. */
    paused: row.pausedAt !== null,
    completedAt: row.completedAt?.toISOString() ?? null,
    whistle: row.whistle,
  };
}

type EventRow = typeof needEvents.$inferSelect;

/** Notes written for the requester and so for whoever follows the need with them. */
const followerNotes = new Set(['reply', 'reject', 'complete']);

/**
 * Its latest whistle, as the whistles module wrote it on the timeline: a `whistle` step opens one, a
 * `whistleClose` step closes it — so a need the street has closed is not shown as still whistled.
 */
export function whistleOf(events: Pick<EventRow, 'action'>[]): WhistleState {
  const last = events.filter((e) => e.action === 'whistle' || e.action === 'whistleClose').at(-1);
  if (!last) return null;
  return last.action === 'whistle' ? 'open' : 'closed';
}

/** The full page of one need: the summary, the story so far, who serves, what the caller may do now. */
export function toNeedDetail(viewerId: string, ctx: NeedContext, names: Names & { volunteers: Map<string, string> }, events: EventRow[], facts: Parameters<typeof availableActions>[1], now: Date) {
  const { need, parties } = ctx;
  const disclosure = requesterDisclosure(parties, need.status as NeedStatus);
  const isStaff = isStaffParty(parties);
  // a follower (a merged duplicate's requester, a neighbour who joined a public need) sees the story
  // — states, replies to the public, results — but not the requester's answers or staff notes
  const follower = ctx.onlyFollows;
  const noteFor = (action: string, note: string | null) => (follower && !followerNotes.has(action) ? null : note);
  // staff know everyone; a leader knows their members; everyone knows themselves; the requester is
  // named on the timeline as in the need's own 求助人 line (a leader sees 陈** there, so here too)
  const knows = isStaff || parties.has('teamLeader');
  const showPerson = (id: string | null, name: string | null) => {
    if (id === viewerId) return name;
    if (id !== null && id === need.requesterId) return disclosure.name === 'full' ? name : maskName(name);
    return id && knows ? name : maskName(name);
  };
  return {
    ...toNeedSummary({ ...need, whistle: whistleOf(events) }, names, now, disclosure),
    description: need.description,
    photos: need.photos,
    answers: follower ? {} : need.answers,
    lng: disclosure.address ? need.lng : null,
    lat: disclosure.address ? need.lat : null,
    wantedFrom: need.wantedFrom?.toISOString() ?? null,
    wantedTo: need.wantedTo?.toISOString() ?? null,
    isPublic: need.isPublic,
    onBoard: need.boardConsentAt !== null,
    boardPhotos: need.boardPhotos,
    boardWithdrawn: need.boardWithdrawnAt !== null,
    round: need.round,
    declineCount: need.declineCount,
    duplicateOf: isStaff ? need.duplicateOf : [],
    mergedIntoId: need.mergedIntoId,
    ratingComment: need.ratingComment,
    solved: need.solved,
    assignments: ctx.assignments.map((a: AssignmentRow) => ({
      round: a.round,
      slotNo: a.slotNo,
      volunteerId: a.volunteerId,
      volunteerName: showPerson(a.volunteerId, names.volunteers.get(a.volunteerId) ?? null),
      via: a.via,
      status: a.status,
      checkInAt: a.checkInAt?.toISOString() ?? null,
      checkOutAt: a.checkOutAt?.toISOString() ?? null,
      summary: a.summary,
    })),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus as NeedStatus | null,
      toStatus: e.toStatus as NeedStatus,
      actorRole: e.actorRole,
      actorName: e.actorId === null ? e.actorName : showPerson(e.actorId, e.actorName),
      note: noteFor(e.action, e.note),
      attachments: e.attachments,
      data: follower ? null : e.data,
    })),
    myRelations: [...parties],
    // availableActions offers no action only the system takes, so each one has its endpoint
    actions: availableActions(parties, facts, now) as CallerAction[],
  };
}

import { servedHours } from '../modules/service-record/service-record.hours.js';
import type { NeedStatus } from '../modules/needs/needs.lifecycle.js';
import { boardKinds } from '../modules/needs/needs.enums.js';
import { iso, type World } from './needs.pick.js';
import type { Draft } from './plan.js';
import type { DemoPerson } from './plan.js';

/** The need's columns that its story changes, as the service's effects would leave them. */
export type State = {
  status: NeedStatus;
  seq: number;
  /** The story's clock: the time of the latest event. */
  t: number;
  round: number;
  teamId: string | null;
  declines: number;
  rulingPending: boolean;
  ruled: boolean;
  acceptedAt: number | null;
  deadlineAt: number | null;
  /** When the deadline's clock last started: acceptance, then each reopening. */
  windowStartedAt: number | null;
  completedAt: number | null;
  rating: number | null;
  comment: string | null;
  solved: boolean | null;
  mergedIntoId: string | null;
  /** When it was closed (rated well or confirmed): its pending hours were confirmed then. */
  closedAt: number | null;
};

/** One filled slot (need_assignments row) with the service record it collects. */
export type Slot = {
  round: number;
  slotNo: number;
  volunteer: DemoPerson;
  via: 'assign' | 'grab';
  assignedBy: string;
  status: 'claimed' | 'serving' | 'done' | 'released';
  claimedAt: number;
  checkInAt?: number;
  checkInLng?: number;
  checkInLat?: number;
  checkOutAt?: number;
  checkOutLng?: number;
  checkOutLat?: number;
  summary?: string;
};

/**
 * Writes a told story: the need row (version = events, filled = this round's slots, as fillSlot
 * leaves it), its slots, and per volunteer the hours served over all rounds — pending until the
 * order closes, confirmed when it did (the service record's confirmHours). Live slots count towards
 * the open-task load.
 */
export function writeStory(w: World, d: Draft, s: State, slots: Slot[]): void {
  const district_id = w.districtId;
  w.out.needs.push({
    district_id, id: d.id, number: d.number, kind: d.kind, category_id: d.categoryId, title: d.title, description: d.description,
    region_id: d.building.id, address: d.address, lng: d.lng, lat: d.lat,
    requester_id: d.requester.id, requester_name: d.requester.name, requester_phone: d.requester.phone,
    wanted_from: iso(d.wantedFrom), wanted_to: iso(d.wantedTo), slots: d.slots, round: s.round, filled: slots.filter((x) => x.round === s.round).length,
    severity: d.severity, channel: d.channel, is_public: d.isPublic,
    // consent to the public board is given with the need, in its words (a grievance never goes on it)
    board_consent_at: d.isPublic && boardKinds.includes(d.kind) ? iso(d.createdAt) : null,
    status: s.status, version: s.seq, team_id: s.teamId, merged_into_id: s.mergedIntoId,
    decline_count: s.declines, ruling_pending: s.rulingPending, ruled: s.ruled, accepted_at: iso(s.acceptedAt), deadline_at: iso(s.deadlineAt), window_started_at: iso(s.windowStartedAt),
    completed_at: iso(s.completedAt), rating: s.rating, rating_comment: s.comment, solved: s.solved,
    created_by: d.channel === 'self' ? d.requester.id : w.cast.staffAt.get(d.community.id)!.id, created_at: iso(d.createdAt), updated_at: iso(s.t),
  });
  const hours = new Map<string, { hours: number; since: number }>();
  for (const x of slots) {
    w.out.assignments.push({
      district_id, need_id: d.id, round: x.round, slot_no: x.slotNo, volunteer_id: x.volunteer.id, via: x.via, assigned_by: x.assignedBy, status: x.status,
      claimed_at: iso(x.claimedAt), check_in_at: iso(x.checkInAt ?? null), check_in_lng: x.checkInLng, check_in_lat: x.checkInLat,
      check_out_at: iso(x.checkOutAt ?? null), check_out_lng: x.checkOutLng, check_out_lat: x.checkOutLat, summary: x.summary,
    });
    if (x.status === 'claimed' || x.status === 'serving') w.load.set(x.volunteer.id, (w.load.get(x.volunteer.id) ?? 0) + 1);
    else if (!w.load.has(x.volunteer.id)) w.load.set(x.volunteer.id, 0); // served before: the service keeps a row at 0
    if (x.status !== 'done') continue;
    const before = hours.get(x.volunteer.id);
    const served = servedHours(new Date(x.checkInAt!), new Date(x.checkOutAt!));
    hours.set(x.volunteer.id, { hours: (before?.hours ?? 0) + served, since: before?.since ?? x.checkOutAt! });
  }
  for (const [volunteerId, h] of hours) {
    const confirmed = s.status === 'closed' && s.closedAt !== null;
    w.out.hours.push({ district_id, need_id: d.id, volunteer_id: volunteerId, hours: h.hours.toFixed(2), status: confirmed ? 'confirmed' : 'pending', confirmed_at: confirmed ? iso(s.closedAt) : null, created_at: iso(h.since) });
  }
}

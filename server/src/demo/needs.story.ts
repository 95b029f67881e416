import { decide, needsRedo, terminalStatuses, type NeedAction, type NeedFacts, type NeedStatus, type Party } from '../modules/needs/needs.lifecycle.js';
import { defaultDeclineReasons } from '../modules/need-categories/categories.defaults.js';
import { HOUR, SYSTEM, as, officeTime, pickTeam, pickVolunteers, staffFor, type Who, type World } from './needs.pick.js';
import type { Draft } from './plan.js';
import { writeStory, type Slot, type State } from './needs.write.js';
import { notes, subSummaries, summaries } from './orders.texts.js';
import type { DemoPerson } from './plan.js';
import type { DemoTeam } from './plan.js';


/** How its story goes, decided up front; the clock (`World.now`) may cut it short. */
export type Fate = {
  verify: boolean;
  outcome: 'proceed' | 'reject' | 'merge' | 'cancel';
  mergeInto?: { id: string; number: string };
  route: 'team' | 'pool';
  /** Showcase orders: this team, and this volunteer among the first assignees. */
  team?: DemoTeam;
  volunteer?: DemoPerson;
  declines: number;
  poolEscalates: boolean;
  cancelAt?: NeedStatus;
  /** The story ends on reaching this state (stuck orders, showcase orders). */
  stopAt?: NeedStatus;
  /** One rating per round; none means the community confirms after the 3-day window. */
  ratings: { rating: number; solved: boolean; comment: string }[];
  reply: boolean;
  /** Multiplies every wait: slow orders run overdue, showcase orders fit into a few hours. */
  pace: number;
  officeHours: boolean;
};

export type Ending = { status: NeedStatus; at: number };

/** Thrown to end a story early: the clock reached now, or the fate's stop state was reached. */
class StoryEnds {}

type StepOptions = { wait?: [min: number, max: number]; exact?: boolean; note?: string | null; data?: () => Record<string, unknown>; apply?: () => void };

/**
 * Plays one need through the state machine (needs.lifecycle.ts) the way the service would — same
 * actions, actors, side effects on slots, load and hours — and writes its rows. Every event is one
 * legal transition from the previous state, so the timeline replays; seq 1..version, times rising.
 */
export function tell(w: World, d: Draft, f: Fate): Ending {
  const { rng } = w;
  const staff = staffFor(w.cast, d.building);
  const requester: Who = d.requester.id ? { id: d.requester.id, name: d.requester.name, role: 'requester' } : staff.admin;
  const s: State = { status: 'submitted', seq: 0, t: d.createdAt, round: 1, teamId: null, declines: 0, rulingPending: false, ruled: false, acceptedAt: null, deadlineAt: null, windowStartedAt: null, completedAt: null, rating: null, comment: null, solved: null, mergedIntoId: null, closedAt: null };
  const slots: Slot[] = [];
  const current = () => slots.filter((x) => x.round === s.round && x.status !== 'released');

  /** The facts the state machine decides on, as the service would load them. */
  const facts = (by: Who): NeedFacts => ({
    status: s.status, teamId: s.teamId, slots: d.slots, filled: current().length, rulingPending: s.rulingPending, ruled: s.ruled,
    anyCheckedIn: current().some((x) => x.checkInAt !== undefined),
    myCheckInDone: current().some((x) => x.volunteer.id === by.id && x.checkInAt !== undefined),
    completedAt: s.completedAt === null ? null : new Date(s.completedAt),
  });

  /** One transition, decided by the same table as the API (lifecycle.decide): a story can't drift from it. */
  function step(action: NeedAction | 'submit', by: Who, o: StepOptions = {}) {
    const [min, max] = o.wait ?? [0, 0];
    let t = s.t + (min + rng.next() * (max - min)) * (o.exact ? 1 : f.pace) * HOUR;
    if (f.officeHours && by.role !== 'system') t = officeTime(t, rng);
    if (t > w.now) throw new StoryEnds();
    let to: NeedStatus = 'submitted';
    if (action !== 'submit') {
      const verdict = decide(action, new Set([by.role as Party]), facts(by), new Date(t));
      if (!verdict.ok) throw new Error(`demo story broke the state machine: ${action} by ${by.role} from ${s.status} (${verdict.reason})`);
      to = verdict.to;
    }
    s.t = t;
    o.apply?.();
    const from = action === 'submit' ? null : s.status;
    s.seq += 1;
    s.status = to;
    w.out.events.push({ district_id: w.districtId, need_id: d.id, seq: s.seq, at: new Date(t).toISOString(), action, from_status: from, to_status: to, actor_id: by.id, actor_name: by.name, actor_role: by.role, note: o.note || null, data: o.data ? JSON.stringify(o.data()) : null });
    if (to === f.stopAt) throw new StoryEnds();
    if (to === f.cancelAt && action !== 'cancel') cancel();
  }

  function cancel(): never {
    step('cancel', requester, { wait: [1, 48], note: rng.pick(d.requester.id ? notes.cancel : notes.cancelByStaff), apply: () => current().forEach((x) => { x.status = 'released'; if (x.checkInAt) x.checkOutAt = s.t; }) });
    throw new StoryEnds();
  }

  // the merged need's requester now follows the surviving one, as the merge effect does
  function follow(into: string) {
    s.mergedIntoId = into;
    const key = `${into}:${d.requester.id}`;
    if (!d.requester.id || w.followed.has(key)) return;
    w.followed.add(key);
    w.out.followers.push({ district_id: w.districtId, need_id: into, account_id: d.requester.id, since: new Date(s.t).toISOString() });
  }

  const dispatchData = (team: DemoTeam) => () => ({ teamId: team.id, teamName: team.name });

  function dispatch(by: Who) {
    let team = f.team ?? pickTeam(w, d.community.id, d.top);
    step('dispatch', by, { wait: [0.3, 8], data: dispatchData(team), apply: () => (s.teamId = team.id) });
    for (let i = 0; i < f.declines && s.round === 1; i++) {
      const [reasonCode, reason] = rng.pick(defaultDeclineReasons);
      const declinedBy = team.id;
      const count = s.declines + 1;
      // a second decline goes to the street for a ruling (审定): the ruled team must take it
      step('decline', as(w.people.get(team.leaderId)!, 'teamLeader'), { wait: [1, 12], data: () => ({ reasonCode, reason, declinedBy, declineCount: count }), apply: () => Object.assign(s, { teamId: null, declines: count, rulingPending: count >= 2 }) });
      team = pickTeam(w, d.community.id, d.top, team);
      if (count >= 2) step('rule', staff.street, { wait: [4, 24], note: rng.pick(notes.rule), data: dispatchData(team), apply: () => Object.assign(s, { teamId: team.id, rulingPending: false, ruled: true }) });
      else step('dispatch', staff.admin, { wait: [0.3, 6], data: dispatchData(team), apply: () => (s.teamId = team.id) });
    }
    const leader = as(w.people.get(team.leaderId)!, 'teamLeader');
    step('take', leader, { wait: [0.3, 8] });
    const members = pickVolunteers(w, { pool: team.memberIds.map((id) => w.people.get(id)!), count: d.slots, exclude: d.requester.id, first: f.volunteer });
    if (members.length === 0) throw new StoryEnds(); // nobody free: it waits in the team's inbox
    for (const m of members) claim(m, 'assign', leader);
  }

  function claim(v: DemoPerson, via: 'assign' | 'grab', by: Who) {
    const slotNo = slots.filter((x) => x.round === s.round).length + 1;
    const slot: Slot = { round: s.round, slotNo, volunteer: v, via, assignedBy: by.id!, status: 'claimed', claimedAt: 0 };
    const data = () => (via === 'assign' ? { volunteerId: v.id, slot: slotNo } : { slot: slotNo });
    step(via, by, { wait: via === 'grab' && slotNo === 1 ? [0.1, 20] : [0.1, 4], data, apply: () => slots.push({ ...slot, claimedAt: s.t }) });
  }

  function findHelpers() {
    if (f.route === 'team' || s.status === 'escalated') return dispatch(s.status === 'escalated' ? staff.street : staff.admin);
    step('pool', staff.admin, { wait: [0.3, 8], apply: () => (s.teamId = null) });
    if (f.poolEscalates && s.round === 1) {
      step('escalate', staff.admin, { wait: [48, 72], note: rng.pick(notes.escalatePool) });
      return dispatch(staff.street);
    }
    const grabbers = pickVolunteers(w, { pool: w.cast.volunteersIn.get(d.community.id) ?? [], count: d.slots, exclude: d.requester.id, first: f.volunteer });
    if (grabbers.length === 0) throw new StoryEnds(); // nobody around yet: it stays in the pool
    for (const v of grabbers) claim(v, 'grab', as(v, 'volunteer'));
  }

  function serve() {
    const team = current();
    const near = () => ({ lng: +(d.lng + (rng.next() - 0.5) * 6e-4).toFixed(6), lat: +(d.lat + (rng.next() - 0.5) * 6e-4).toFixed(6) });
    team.forEach((x, i) => {
      const at = near();
      step('checkIn', as(x.volunteer, 'assignee'), { wait: i === 0 ? [1, 36] : [0, 0.2], data: () => at, apply: () => Object.assign(x, { status: 'serving', checkInAt: s.t, checkInLng: at.lng, checkInLat: at.lat }) });
    });
    const summary = rng.pick(subSummaries[d.code] ?? summaries[d.top]!);
    const out = near();
    step('complete', as(team[0]!.volunteer, 'assignee'), {
      wait: [0.5, 3], exact: true, data: () => ({ summary }),
      apply: () => {
        team.forEach((x, i) => Object.assign(x, { status: 'done', checkOutAt: s.t }, i === 0 ? { summary, checkOutLng: out.lng, checkOutLat: out.lat } : {}));
        s.completedAt = s.t;
      },
    });
  }

  /** The requester rates (→ closed, or reopened for another round), or the community confirms. */
  function conclude(): boolean {
    const r = f.ratings[s.round - 1];
    if (!r || !d.requester.id) {
      const by = rng.chance(0.7) ? staff.admin : SYSTEM;
      step('confirm', by, { wait: [72.5, 72.5 + 30 * f.pace], exact: true, note: by === SYSTEM ? null : rng.pick(notes.confirm), apply: () => (s.closedAt = s.t) });
      return false;
    }
    step('rate', requester, { wait: [1, 60], note: r.comment, data: () => ({ rating: r.rating, solved: r.solved, comment: r.comment || undefined }), apply: () => Object.assign(s, { rating: r.rating, comment: r.comment || null, solved: r.solved }) });
    if (!needsRedo(r.rating, r.solved)) {
      step('close', SYSTEM, { apply: () => (s.closedAt = s.t) });
      return false;
    }
    // a reopening starts a new window by the same rule, as the order chain does
    step('reopen', SYSTEM, {
      data: () => ({ deadlineAt: new Date(s.deadlineAt!).toISOString() }),
      apply: () => Object.assign(s, { round: s.round + 1, teamId: null, ruled: false, completedAt: null, windowStartedAt: s.t, deadlineAt: w.deadline(d, s.t) }),
    });
    return true;
  }

  try {
    const submitter = d.channel === 'self' ? requester : d.channel === 'visit' || d.channel === 'wishWall' ? staff.grid : d.channel === 'open311' ? { ...SYSTEM, name: '12345政务服务热线' } : staff.admin;
    step('submit', submitter, { data: () => ({ channel: d.channel, duplicates: f.mergeInto ? 1 : 0 }) });
    if (f.verify) step('verify', staff.grid, { wait: [0.5, 12], note: rng.pick(notes.verify) });
    if (f.outcome === 'reject') step('reject', staff.admin, { wait: [2, 24], note: rng.pick(notes.reject) });
    if (f.outcome === 'merge' && f.mergeInto) {
      const into = f.mergeInto;
      step('merge', staff.admin, { wait: [1, 24], note: rng.pick(notes.merge), data: () => ({ mergedInto: into.number }), apply: () => follow(into.id) });
    }
    if (f.outcome === 'cancel') cancel();
    if (terminalStatuses.includes(s.status)) throw new StoryEnds();
    step('accept', staff.admin, { wait: [0.5, 20], note: rng.pick(notes.accept), data: () => ({ severity: d.severity, deadlineAt: new Date(s.deadlineAt!).toISOString() }), apply: () => Object.assign(s, { acceptedAt: s.t, deadlineAt: w.deadline(d, s.t), windowStartedAt: s.t }) });
    if (f.reply) step('reply', rng.chance(0.5) ? staff.grid : staff.admin, { wait: [0.2, 6], note: rng.pick(notes.reply) });
    if (d.severity === 'major') step('escalate', staff.admin, { wait: [0.5, 6], note: rng.pick(notes.escalateMajor) });
    do {
      findHelpers();
      serve();
    } while (conclude());
  } catch (e) {
    if (!(e instanceof StoryEnds)) throw e;
  }
  writeStory(w, d, s, slots);
  return { status: s.status, at: s.t };
}

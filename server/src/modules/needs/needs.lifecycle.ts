/**
 * The order's state machine (SPEC §4), as data: one table of transitions, each naming the parties
 * allowed to make it. Pure — no I/O — so it is unit- and property-tested on its own; the service
 * works out which parties the caller is for a given need and applies the result in one transaction.
 */
import type { SeverityCode } from './needs.enums.js';

export const needStatuses = [
  'submitted', // 已点单
  'verifying', // 核实中
  'accepted', // 已受理(入清单)
  'rejected', // 不予受理
  'merged', // 已合并
  'dispatched', // 已派单
  'pooled', // 待抢单
  'taken', // 已接单
  'claimed', // 已领单
  'in_service', // 服务中
  'completed', // 已结单
  'rated', // 已评价
  'closed', // 已办结/归档
  'reopened', // 重办
  'cancelled', // 已撤销
  'escalated', // 已吹哨
] as const;
export type NeedStatus = (typeof needStatuses)[number];

export const terminalStatuses: readonly NeedStatus[] = ['rejected', 'merged', 'closed', 'cancelled'];
/** States in which the handling deadline runs (受理 → 结单): an item here past its deadline is overdue. */
export const deadlineRunningStatuses: readonly NeedStatus[] = ['accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service', 'reopened', 'escalated'];

/** Overdue (超期): the deadline has passed and the item is still being handled, its clock not paused (挂起). */
export function isOverdue(status: NeedStatus, deadlineAt: Date | null, now: Date, pausedAt: Date | null = null): boolean {
  return deadlineAt !== null && pausedAt === null && deadlineAt.getTime() < now.getTime() && deadlineRunningStatuses.includes(status);
}

/** States a requester may still cancel from ("any open state"): everything before completion. */
export const cancellableStatuses: readonly NeedStatus[] = [
  'submitted', 'verifying', 'accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service', 'reopened', 'escalated',
];

/**
 * Who may act, relative to a need: staff by role (within their scope), or by relation —
 * the requester, the leader of the team it is dispatched to, a volunteer holding one of its slots,
 * an eligible volunteer (service area covers it), or the system (timers).
 */
export type Party =
  | 'gridWorker' | 'communityAdmin' | 'streetAdmin' | 'districtAdmin'
  | 'requester' | 'teamLeader' | 'assignee' | 'volunteer' | 'system';

const admins: Party[] = ['communityAdmin', 'streetAdmin', 'districtAdmin'];
const staff: Party[] = ['gridWorker', ...admins];

export const needActions = [
  'verify', 'accept', 'reject', 'merge', 'dispatch', 'pool', 'take', 'decline', 'rule', 'assign', 'grab',
  'checkIn', 'complete', 'rate', 'reopen', 'close', 'confirm', 'cancel', 'escalate', 'reply',
] as const;
export type NeedAction = (typeof needActions)[number];

type Transition = { from: readonly NeedStatus[]; to: NeedStatus | 'same'; by: readonly Party[] };

export const transitions: Record<NeedAction, Transition> = {
  verify: { from: ['submitted'], to: 'verifying', by: staff },
  accept: { from: ['submitted', 'verifying'], to: 'accepted', by: admins },
  reject: { from: ['submitted', 'verifying'], to: 'rejected', by: admins },
  merge: { from: ['submitted', 'verifying', 'accepted'], to: 'merged', by: admins },
  dispatch: { from: ['accepted', 'reopened', 'escalated'], to: 'dispatched', by: admins },
  pool: { from: ['accepted', 'reopened', 'escalated'], to: 'pooled', by: admins },
  take: { from: ['dispatched'], to: 'taken', by: ['teamLeader'] },
  decline: { from: ['dispatched'], to: 'accepted', by: ['teamLeader'] },
  rule: { from: ['accepted'], to: 'dispatched', by: ['streetAdmin', 'districtAdmin'] },
  assign: { from: ['taken', 'claimed'], to: 'claimed', by: ['teamLeader'] },
  grab: { from: ['pooled', 'claimed'], to: 'claimed', by: ['volunteer'] },
  checkIn: { from: ['claimed', 'in_service'], to: 'in_service', by: ['assignee'] },
  complete: { from: ['in_service'], to: 'completed', by: ['assignee'] },
  rate: { from: ['completed'], to: 'rated', by: ['requester'] },
  reopen: { from: ['rated'], to: 'reopened', by: ['system'] },
  close: { from: ['rated'], to: 'closed', by: ['system'] },
  confirm: { from: ['completed'], to: 'closed', by: [...admins, 'system'] },
  cancel: { from: cancellableStatuses, to: 'cancelled', by: ['requester', ...admins] },
  escalate: { from: ['accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service', 'reopened'], to: 'escalated', by: admins },
  reply: { from: needStatuses.filter((s) => !terminalStatuses.includes(s)), to: 'same', by: staff },
};

/** Facts about a need that some transitions depend on (guards). */
export type NeedFacts = {
  status: NeedStatus;
  teamId: string | null;
  slots: number;
  filled: number;
  rulingPending: boolean;
  ruled: boolean;
  /** Anyone of this round has checked in (completion needs a service to have happened). */
  anyCheckedIn: boolean;
  /** The caller's own slot is checked in already (a second check-in is refused). */
  myCheckInDone: boolean;
  completedAt: Date | null;
};

export type Verdict = { ok: true; to: NeedStatus } | { ok: false; reason: 'illegal_state' | 'not_allowed' | GuardFailure };
export type GuardFailure = 'already_checked_in' | 'already_taken' | 'ruling_pending' | 'no_ruling_pending' | 'ruled_must_take' | 'not_checked_in' | 'rating_window_open' | 'not_a_team_order' | 'not_a_pool_order';

export const RATING_WINDOW_DAYS = 3;

function guard(action: NeedAction, n: NeedFacts, now: Date): GuardFailure | null {
  switch (action) {
    case 'dispatch':
    case 'pool':
      return n.rulingPending ? 'ruling_pending' : null;
    case 'rule':
      return n.rulingPending ? null : 'no_ruling_pending';
    case 'decline':
      return n.ruled ? 'ruled_must_take' : null;
    case 'grab':
      if (n.teamId !== null) return 'not_a_pool_order';
      return n.filled >= n.slots ? 'already_taken' : null;
    case 'assign':
      if (n.teamId === null) return 'not_a_team_order';
      return n.filled >= n.slots ? 'already_taken' : null;
    case 'checkIn':
      return n.myCheckInDone ? 'already_checked_in' : null;
    case 'complete':
      return n.anyCheckedIn ? null : 'not_checked_in';
    case 'confirm': {
      const due = n.completedAt && now.getTime() - n.completedAt.getTime() >= RATING_WINDOW_DAYS * 86_400_000;
      return due ? null : 'rating_window_open';
    }
    default:
      return null;
  }
}

/** May these parties take this action on a need with these facts, and where does it lead? */
export function decide(action: NeedAction, parties: ReadonlySet<Party>, n: NeedFacts, now: Date): Verdict {
  const t = transitions[action];
  if (!t.by.some((p) => parties.has(p))) return { ok: false, reason: 'not_allowed' };
  if (!t.from.includes(n.status)) {
    // a slot race lost after the last slot went: the order moved on, tell the grabber it is taken
    if (action === 'grab' && n.status !== 'pooled' && n.filled >= n.slots && n.teamId === null) return { ok: false, reason: 'already_taken' };
    return { ok: false, reason: 'illegal_state' };
  }
  const failed = guard(action, n, now);
  if (failed) return { ok: false, reason: failed };
  return { ok: true, to: t.to === 'same' ? n.status : t.to };
}

/** Actions these parties could take now (for the UI's buttons). */
export function availableActions(parties: ReadonlySet<Party>, n: NeedFacts, now: Date): NeedAction[] {
  return needActions.filter((a) => transitions[a].by.some((p) => p !== 'system' && parties.has(p)) && decide(a, parties, n, now).ok);
}

/** 一般 · 重要 · 重大: the window from acceptance is the deadlines module's (modules/deadlines). */
export type Severity = SeverityCode;

/** A poor rating sends the order back for another round. */
export function needsRedo(rating: number, solved: boolean): boolean {
  return rating <= 2 || !solved;
}

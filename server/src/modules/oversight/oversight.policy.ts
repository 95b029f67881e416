import type { NeedStatus, Party } from '../needs/needs.lifecycle.js';

/*
 * Who may ask, decide and resume a change of a need's deadline (挂起 · 延期), and who records
 * supervision (督办 · 回访). Pure: the service works out the caller's relations to the need
 * (needs.handlingOf → parties) and asks here.
 */

export const changeKinds = ['pause', 'extension'] as const;
export type ChangeKind = (typeof changeKinds)[number];
/** requested → approved | refused; an approved pause → ended when its clock resumes; an unanswered request → ended when the need is finished. */
export const changeStates = ['requested', 'approved', 'refused', 'ended'] as const;
export type ChangeState = (typeof changeStates)[number];

/** The handlers who may ask, most direct first: the leader of the team it went to, the community, the street (for a whistled item). */
export const askerRoles = ['teamLeader', 'communityAdmin', 'streetAdmin'] as const;
export type AskerRole = (typeof askerRoles)[number];

/** The level above each handler, who decides: team leader → community admin → street admin → district admin. */
export const approverOf: Record<AskerRole, Party> = { teamLeader: 'communityAdmin', communityAdmin: 'streetAdmin', streetAdmin: 'districtAdmin' };

/**
 * The role the caller asks in, or null: the most direct handler relation they hold over the need —
 * so a community admin who also leads the team asks as its leader, and another community admin decides.
 * The street handles only what was whistled to it (吹哨); otherwise it is the community's level above.
 */
export function askingRole(parties: ReadonlySet<Party>, status: NeedStatus): AskerRole | null {
  return askerRoles.find((r) => parties.has(r) && (r !== 'streetAdmin' || status === 'escalated')) ?? null;
}

/** The level directly above the asker decides, over the need, and never the asker themselves. */
export function mayDecide(parties: ReadonlySet<Party>, change: { requestedRole: AskerRole; requestedBy: string }, callerId: string): boolean {
  return parties.has(approverOf[change.requestedRole]) && change.requestedBy !== callerId;
}

/** The asker roles whose requests a person with these roles decides (the 待审批 list). */
export function decidableAskers(roles: readonly string[]): AskerRole[] {
  return askerRoles.filter((a) => roles.includes(approverOf[a]));
}

const admins: readonly Party[] = ['communityAdmin', 'streetAdmin', 'districtAdmin'];
const staff: readonly Party[] = ['gridWorker', ...admins];

/** A running pause is ended by its handlers (the team leader, the community) or anyone above them over the need. */
export function mayResume(parties: ReadonlySet<Party>): boolean {
  return ['teamLeader', ...admins].some((p) => parties.has(p as Party));
}

/** Who sees a need's requests and supervision records: staff over it and the leader of its team. */
export function maySeeOversight(parties: ReadonlySet<Party>): boolean {
  return parties.has('teamLeader') || staff.some((p) => parties.has(p));
}

/** A request is open while asked, and a pause while it runs: at most one per need. */
export function isOpen(change: { kind: ChangeKind; state: ChangeState }): boolean {
  return change.state === 'requested' || (change.kind === 'pause' && change.state === 'approved');
}

/** 督办: 电话回访, 书面催办, 现场督办 while it is being handled; 回访 (satisfaction callback) after completion. */
export const supervisionKinds = ['phoneCallback', 'writtenReminder', 'onSite', 'satisfactionCallback'] as const;
export type SupervisionKind = (typeof supervisionKinds)[number];
/** 满意 / 基本满意 / 不满意. */
export const satisfactions = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];

/** Staff over the need record supervision: the community, street and district admins, and grid workers, who do callbacks (SPEC §1). */
export function mayRecord(parties: ReadonlySet<Party>): boolean {
  return staff.some((p) => parties.has(p));
}

const servedStatuses: readonly NeedStatus[] = ['completed', 'rated', 'closed'];

/** Whether a kind of record fits the need now: pressing the handler while the deadline runs, the callback once served. */
export function fitsNow(kind: SupervisionKind, need: { status: NeedStatus; running: boolean }): boolean {
  return kind === 'satisfactionCallback' ? servedStatuses.includes(need.status) : need.running;
}

export const MAX_EXTENSION_DAYS = 90;
export const MAX_PAUSE_DAYS = 180;
const DAY = 86_400_000;

/** An extension must end later than both the current deadline and now, and within MAX_EXTENSION_DAYS of the deadline. */
export function extensionProblem(current: Date, now: Date, asked: Date): 'not_later' | 'too_far' | null {
  if (asked.getTime() <= Math.max(current.getTime(), now.getTime())) return 'not_later';
  if (asked.getTime() > current.getTime() + MAX_EXTENSION_DAYS * DAY) return 'too_far';
  return null;
}

/** The expected resume date of a pause: after today (Shanghai) and within MAX_PAUSE_DAYS. */
export function resumeDateFits(resumeOn: string, today: string): boolean {
  const days = (Date.parse(`${resumeOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY;
  return days >= 1 && days <= MAX_PAUSE_DAYS;
}

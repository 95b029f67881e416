/**
 * 吹哨报到 as rules (SPEC §5), pure and unit-tested: when a need is whistled to its street, who
 * stands how to a whistle, and the steps of a called unit. The service loads the rows, asks these,
 * and writes the answer in one transaction.
 */
import { adminRoles, staffRoles, type ActorRole } from '../../platform/auth/roles.js';

export const whistleStates = ['open', 'closed'] as const;
export type WhistleState = (typeof whistleStates)[number];

/** A called unit: called (召集) → reported (报到) → done (its part recorded on the timeline). */
export const callStates = ['called', 'reported', 'done'] as const;
export type CallState = (typeof callStates)[number];

/** 职能部门 or 共建单位; a team (志愿服务队) is called by its own id. */
export const unitKinds = ['department', 'partner'] as const;
export type UnitKind = (typeof unitKinds)[number];
export type CallKind = UnitKind | 'team';

/** Why a whistle was opened: a major need accepted (by the system), or escalated by hand. */
export const whistleSources = ['major', 'escalate'] as const;
export type WhistleSource = (typeof whistleSources)[number];

/** A major (重大) need goes to its street the moment it is accepted (2310: 重大诉求 → 吹哨报到). */
export function whistlesOnAccept(payload: Record<string, unknown>): boolean {
  return payload.severity === 'major';
}

/**
 * What opened a whistle, as its unique key: a need is accepted once, so its acceptance opens at most
 * one; an escalation is the need's step `seq`, whichever of the request or its event gets there first.
 */
export function sourceKeyOf(cause: 'needs.accept' | 'needs.escalate', needId: string, seq: unknown): string {
  return cause === 'needs.accept' ? `accept:${needId}` : `escalate:${needId}:${String(seq)}`;
}

/** Blowing the whistle by hand is an admin's (the order chain's escalate decides state and scope). */
export function mayOpen(roles: readonly ActorRole[]): boolean {
  return roles.some((r) => (adminRoles as readonly string[]).includes(r));
}

type Caller = { accountId: string; roles: readonly ActorRole[]; regionPath: string };
type Place = { streetPath: string; placePath: string };

/** How the caller stands to one whistle: manages it, sees it as staff over the place, or was called. */
export type Standing = { manages: boolean; staffOver: boolean; myCalls: string[]; sees: boolean };

/**
 * The street admin over the street (and the district admin) runs the whistle; staff over the need's
 * place follow it; a called unit's contact sees it and acts on their own calls. Anyone else: 404.
 */
export function standingOf(caller: Caller, w: Place, calls: readonly { id: string; contactId: string | null }[]): Standing {
  const holds = (roles: readonly string[]) => caller.roles.some((r) => roles.includes(r));
  const manages = holds(['streetAdmin', 'districtAdmin']) && w.streetPath.startsWith(caller.regionPath);
  const staffOver = holds(staffRoles) && w.placePath.startsWith(caller.regionPath);
  const myCalls = calls.filter((c) => c.contactId !== null && c.contactId === caller.accountId).map((c) => c.id);
  return { manages, staffOver, myCalls, sees: manages || staffOver || myCalls.length > 0 };
}

/** The item's address: for whoever runs or follows it, and for a called unit while the whistle is open (it has to go there). */
export function showsAddress(standing: Standing, state: WhistleState): boolean {
  return standing.manages || standing.staffOver || (standing.myCalls.length > 0 && state === 'open');
}

export type Refusal = 'whistles.not_found' | 'whistles.not_allowed' | 'whistles.closed' | 'whistles.already_reported' | 'whistles.not_reported' | 'whistles.part_recorded';
export type Verdict<T> = { ok: true; value: T } | { ok: false; code: Refusal };

const refuse = (code: Refusal): { ok: false; code: Refusal } => ({ ok: false, code });

/** Calling units in and closing: the manager, while the whistle is open. */
export function decideManage(standing: Standing, state: WhistleState): Verdict<true> {
  if (!standing.sees) return refuse('whistles.not_found');
  if (!standing.manages) return refuse('whistles.not_allowed');
  if (state !== 'open') return refuse('whistles.closed');
  return { ok: true, value: true };
}

/** Who acts for a called unit: its contact, or the manager for a unit without one at hand (代报到). */
export type CallActor = 'contact' | 'manager';

/**
 * A step of a called unit: report in (called → reported), then record its part (reported → done),
 * by its contact or the manager, while the whistle is open.
 */
export function decideCallStep(step: 'reportIn' | 'part', standing: Standing, call: { id: string; state: CallState }, whistle: WhistleState): Verdict<{ to: CallState; by: CallActor }> {
  if (!standing.sees) return refuse('whistles.not_found');
  const by: CallActor | null = standing.myCalls.includes(call.id) ? 'contact' : standing.manages ? 'manager' : null;
  if (!by) return refuse('whistles.not_allowed');
  if (whistle !== 'open') return refuse('whistles.closed');
  if (step === 'reportIn') return call.state === 'called' ? { ok: true, value: { to: 'reported', by } } : refuse('whistles.already_reported');
  if (call.state === 'called') return refuse('whistles.not_reported');
  if (call.state === 'done') return refuse('whistles.part_recorded');
  return { ok: true, value: { to: 'done', by } };
}

/** The role a step is shown in on the need's timeline. */
export function timelineRole(by: CallActor | 'manager', kind: CallKind, roles: readonly ActorRole[]): string {
  if (by === 'contact') return kind === 'team' ? 'teamLeader' : 'unit';
  return roles.includes('streetAdmin') ? 'streetAdmin' : 'districtAdmin';
}

/**
 * Whether a unit may be called to a street's whistle: it serves the whole district or a part of it
 * that holds the street (its node is on the street's path), or a part inside the street.
 */
export function unitServes(unitPath: string, streetPath: string): boolean {
  return streetPath.startsWith(unitPath) || unitPath.startsWith(streetPath);
}

/** Progress of a whistle's calls, for lists and the need's panel: called in all, reported in (done included), done. */
export function progressOf(calls: readonly { state: CallState }[]): { called: number; reported: number; done: number } {
  return { called: calls.length, reported: calls.filter((c) => c.state !== 'called').length, done: calls.filter((c) => c.state === 'done').length };
}

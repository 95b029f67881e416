import type { NeedStatus, Party } from './needs.lifecycle.js';
import { isStaffParty } from './needs.scope.js';

/** How much of the requester a viewer sees (PIPL: only what their part in the order needs). */
export type RequesterDisclosure = { name: 'full' | 'masked'; phone: 'full' | 'masked' | 'hidden'; address: boolean };

const serving: NeedStatus[] = ['claimed', 'in_service'];

export function requesterDisclosure(parties: ReadonlySet<Party>, status: NeedStatus): RequesterDisclosure {
  if (parties.has('requester')) return { name: 'full', phone: 'full', address: true };
  // staff know who asked; the full phone is one audited click away (reveal)
  if (isStaffParty(parties)) return { name: 'full', phone: 'masked', address: true };
  // the volunteer on the job must be able to call and find the person, while serving
  if (parties.has('assignee') && serving.includes(status)) return { name: 'masked', phone: 'full', address: true };
  if (parties.has('assignee') || parties.has('teamLeader')) return { name: 'masked', phone: 'masked', address: true };
  // a volunteer browsing the pool sees the street-level place only
  return { name: 'masked', phone: 'hidden', address: false };
}

export function canRevealRequesterPhone(parties: ReadonlySet<Party>): boolean {
  return isStaffParty(parties);
}

/**
 * A wanted window already over when the need is posted (a resident picked 上午 at 22:35): refused, with
 * some minutes' grace for a phone's clock or a slow line. A need kept on a phone without signal past
 * its window is sent without it (web need-outbox.ts), and a repeat of one already made is answered
 * before any check.
 */
export const WINDOW_GRACE_MS = 10 * 60_000;
export function windowPassed(wantedTo: Date, now: Date): boolean {
  return wantedTo.getTime() < now.getTime() - WINDOW_GRACE_MS;
}

import { describe, expect, it } from 'vitest';
import type { NeedStatus, Party } from '../needs/needs.lifecycle.js';
import { askingRole, decidableAskers, extensionProblem, fitsNow, isOpen, mayDecide, mayRecord, mayResume, maySeeOversight, resumeDateFits } from './oversight.policy.js';

const as = (...parties: Party[]) => new Set<Party>(parties);

describe('who asks for a pause or an extension', () => {
  it('the leader of the team it went to, and the community admin over it', () => {
    expect(askingRole(as('teamLeader'), 'taken')).toBe('teamLeader');
    expect(askingRole(as('communityAdmin'), 'accepted')).toBe('communityAdmin');
  });

  it('someone who is both asks as the team’s leader, so the community decides', () => {
    expect(askingRole(as('communityAdmin', 'teamLeader'), 'claimed')).toBe('teamLeader');
  });

  it('the street asks only for what was whistled to it', () => {
    expect(askingRole(as('streetAdmin'), 'dispatched')).toBeNull();
    expect(askingRole(as('streetAdmin'), 'escalated')).toBe('streetAdmin');
  });

  it('nobody else: grid workers, district admins, requesters, volunteers', () => {
    for (const p of ['gridWorker', 'districtAdmin', 'requester', 'assignee', 'volunteer'] as Party[]) expect(askingRole(as(p), 'in_service'), p).toBeNull();
  });
});

describe('the approval chain: the level directly above decides', () => {
  const asked = (requestedRole: 'teamLeader' | 'communityAdmin' | 'streetAdmin') => ({ requestedRole, requestedBy: 'asker' });

  it('team leader → community admin', () => {
    expect(mayDecide(as('communityAdmin'), asked('teamLeader'), 'me')).toBe(true);
    expect(mayDecide(as('streetAdmin'), asked('teamLeader'), 'me')).toBe(false);
    expect(mayDecide(as('teamLeader'), asked('teamLeader'), 'me')).toBe(false);
  });

  it('community admin → street admin, never another community admin', () => {
    expect(mayDecide(as('streetAdmin'), asked('communityAdmin'), 'me')).toBe(true);
    expect(mayDecide(as('communityAdmin'), asked('communityAdmin'), 'me')).toBe(false);
    expect(mayDecide(as('districtAdmin'), asked('communityAdmin'), 'me')).toBe(false);
  });

  it('street admin (a whistled item) → district admin', () => {
    expect(mayDecide(as('districtAdmin'), asked('streetAdmin'), 'me')).toBe(true);
  });

  it('nobody decides their own request, whatever roles they hold', () => {
    expect(mayDecide(as('communityAdmin', 'teamLeader'), asked('teamLeader'), 'asker')).toBe(false);
  });

  it('the 待审批 list of each admin holds the requests of the level below', () => {
    expect(decidableAskers(['communityAdmin'])).toEqual(['teamLeader']);
    expect(decidableAskers(['streetAdmin'])).toEqual(['communityAdmin']);
    expect(decidableAskers(['districtAdmin'])).toEqual(['streetAdmin']);
    expect(decidableAskers(['teamLeader', 'volunteer'])).toEqual([]);
  });
});

describe('resuming, seeing and recording', () => {
  it('the handlers and anyone above them resume a pause; grid workers and residents do not', () => {
    for (const p of ['teamLeader', 'communityAdmin', 'streetAdmin', 'districtAdmin'] as Party[]) expect(mayResume(as(p)), p).toBe(true);
    for (const p of ['gridWorker', 'requester', 'assignee'] as Party[]) expect(mayResume(as(p)), p).toBe(false);
  });

  it('staff over the need and its team’s leader see its oversight; the requester and volunteers do not', () => {
    expect(maySeeOversight(as('teamLeader'))).toBe(true);
    expect(maySeeOversight(as('gridWorker'))).toBe(true);
    expect(maySeeOversight(as('requester'))).toBe(false);
    expect(maySeeOversight(as('assignee'))).toBe(false);
  });

  it('staff record supervision; a team leader is supervised, not a supervisor', () => {
    expect(mayRecord(as('communityAdmin'))).toBe(true);
    expect(mayRecord(as('gridWorker'))).toBe(true);
    expect(mayRecord(as('teamLeader'))).toBe(false);
  });

  it('督办 while the deadline runs, 回访 once served', () => {
    const need = (status: NeedStatus, running: boolean) => ({ status, running });
    expect(fitsNow('writtenReminder', need('in_service', true))).toBe(true);
    expect(fitsNow('onSite', need('completed', false))).toBe(false);
    expect(fitsNow('satisfactionCallback', need('in_service', true))).toBe(false);
    for (const s of ['completed', 'rated', 'closed'] as NeedStatus[]) expect(fitsNow('satisfactionCallback', need(s, false)), s).toBe(true);
  });
});

describe('open requests, extension and resume dates', () => {
  it('an asked request and a running pause are open; decided ones and an approved extension are not', () => {
    expect(isOpen({ kind: 'extension', state: 'requested' })).toBe(true);
    expect(isOpen({ kind: 'pause', state: 'approved' })).toBe(true);
    expect(isOpen({ kind: 'extension', state: 'approved' })).toBe(false);
    expect(isOpen({ kind: 'pause', state: 'ended' })).toBe(false);
    expect(isOpen({ kind: 'pause', state: 'refused' })).toBe(false);
  });

  it('an extension ends after both the deadline and now, within 90 days of the deadline', () => {
    const deadline = new Date('2026-03-10T00:00:00Z');
    const now = new Date('2026-03-12T00:00:00Z');
    expect(extensionProblem(deadline, now, new Date('2026-03-11T00:00:00Z'))).toBe('not_later');
    expect(extensionProblem(deadline, now, new Date('2026-03-13T00:00:00Z'))).toBeNull();
    expect(extensionProblem(deadline, now, new Date('2026-06-09T00:00:00Z'))).toBe('too_far');
  });

  it('a pause is expected to end between tomorrow and 180 days on', () => {
    expect(resumeDateFits('2026-03-10', '2026-03-10')).toBe(false);
    expect(resumeDateFits('2026-03-11', '2026-03-10')).toBe(true);
    expect(resumeDateFits('2026-09-06', '2026-03-10')).toBe(true);
    expect(resumeDateFits('2026-09-07', '2026-03-10')).toBe(false);
  });
});

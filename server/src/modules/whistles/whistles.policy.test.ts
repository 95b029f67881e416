import { describe, expect, it } from 'vitest';
import type { ActorRole } from '../../platform/auth/roles.js';
import { decideCallStep, decideManage, mayOpen, progressOf, showsAddress, sourceKeyOf, standingOf, timelineRole, unitServes, whistlesOnAccept, type Standing } from './whistles.policy.js';

// district D → street S1 → community C1 → grid G1; another street S2
const D = '/d/';
const S1 = '/d/s1/';
const C1 = '/d/s1/c1/';
const G1 = '/d/s1/c1/g1/';
const S2 = '/d/s2/';
const whistle = { streetPath: S1, placePath: G1 };
const calls = [
  { id: 'call-team', contactId: 'leader' },
  { id: 'call-unit', contactId: 'contact' },
  { id: 'call-nobody', contactId: null },
];
const as = (accountId: string, roles: ActorRole[], regionPath: string) => standingOf({ accountId, roles, regionPath }, whistle, calls);

describe('when a need is whistled', () => {
  it('a major need goes to the street when accepted; general and important ones do not', () => {
    expect(whistlesOnAccept({ severity: 'major' })).toBe(true);
    expect(whistlesOnAccept({ severity: 'important' })).toBe(false);
    expect(whistlesOnAccept({})).toBe(false);
  });

  it('an acceptance opens at most one whistle per need; each escalation step its own', () => {
    expect(sourceKeyOf('needs.accept', 'n1', 3)).toBe(sourceKeyOf('needs.accept', 'n1', 7));
    expect(sourceKeyOf('needs.escalate', 'n1', 5)).not.toBe(sourceKeyOf('needs.escalate', 'n1', 9));
    expect(sourceKeyOf('needs.escalate', 'n1', 5)).not.toBe(sourceKeyOf('needs.accept', 'n1', 5));
  });

  it('admins may whistle by hand; a grid worker, a team leader or a resident may not', () => {
    expect(mayOpen(['communityAdmin'])).toBe(true);
    expect(mayOpen(['streetAdmin'])).toBe(true);
    expect(mayOpen(['gridWorker'])).toBe(false);
    expect(mayOpen(['teamLeader', 'volunteer'])).toBe(false);
    expect(mayOpen(['system'])).toBe(false);
  });
});

describe('who stands how to a whistle', () => {
  it('the street admin of its street and the district admin run it', () => {
    expect(as('s', ['streetAdmin'], S1)).toMatchObject({ manages: true, sees: true });
    expect(as('d', ['districtAdmin'], D)).toMatchObject({ manages: true, sees: true });
  });

  it('another street’s admin does not see it', () => {
    expect(as('s2', ['streetAdmin'], S2)).toEqual({ manages: false, staffOver: false, myCalls: [], sees: false });
  });

  it('the community admin over the place follows it but does not run it', () => {
    expect(as('c', ['communityAdmin'], C1)).toEqual({ manages: false, staffOver: true, myCalls: [], sees: true });
    // a street admin bound below the street (misconfigured) does not run the street's whistle
    expect(as('x', ['streetAdmin'], C1).manages).toBe(false);
  });

  it('a called unit’s contact sees it and owns only their own calls; an uncalled person sees nothing', () => {
    expect(as('leader', ['teamLeader', 'volunteer'], G1)).toEqual({ manages: false, staffOver: false, myCalls: ['call-team'], sees: true });
    expect(as('someone', ['partner'], C1).sees).toBe(false);
    // a call without a contact names nobody
    expect(standingOf({ accountId: 'x', roles: ['partner'], regionPath: C1 }, whistle, [{ id: 'c', contactId: null }]).sees).toBe(false);
  });

  it('the item’s address: for staff over it, and for a called unit while the whistle is open', () => {
    const contact = as('contact', ['partner'], D);
    expect(showsAddress(contact, 'open')).toBe(true);
    expect(showsAddress(contact, 'closed')).toBe(false);
    expect(showsAddress(as('c', ['communityAdmin'], C1), 'closed')).toBe(true);
  });
});

describe('the steps of a whistle', () => {
  const manager = as('s', ['streetAdmin'], S1);
  const follower = as('c', ['communityAdmin'], C1);
  const contact = as('contact', ['partner'], D);
  const outsider: Standing = { manages: false, staffOver: false, myCalls: [], sees: false };

  it('only its manager calls units in and closes it, while it is open', () => {
    expect(decideManage(manager, 'open')).toEqual({ ok: true, value: true });
    expect(decideManage(manager, 'closed')).toEqual({ ok: false, code: 'whistles.closed' });
    expect(decideManage(follower, 'open')).toEqual({ ok: false, code: 'whistles.not_allowed' });
    expect(decideManage(contact, 'open')).toEqual({ ok: false, code: 'whistles.not_allowed' });
    expect(decideManage(outsider, 'open')).toEqual({ ok: false, code: 'whistles.not_found' });
  });

  it('a called unit reports in, then records its part, once each', () => {
    const call = (state: 'called' | 'reported' | 'done') => ({ id: 'call-unit', state });
    expect(decideCallStep('reportIn', contact, call('called'), 'open')).toEqual({ ok: true, value: { to: 'reported', by: 'contact' } });
    expect(decideCallStep('reportIn', contact, call('reported'), 'open')).toEqual({ ok: false, code: 'whistles.already_reported' });
    expect(decideCallStep('part', contact, call('called'), 'open')).toEqual({ ok: false, code: 'whistles.not_reported' });
    expect(decideCallStep('part', contact, call('reported'), 'open')).toEqual({ ok: true, value: { to: 'done', by: 'contact' } });
    expect(decideCallStep('part', contact, call('done'), 'open')).toEqual({ ok: false, code: 'whistles.part_recorded' });
  });

  it('the street admin may report in for a unit; nobody acts on another unit’s call or after the close', () => {
    expect(decideCallStep('reportIn', manager, { id: 'call-nobody', state: 'called' }, 'open')).toEqual({ ok: true, value: { to: 'reported', by: 'manager' } });
    expect(decideCallStep('reportIn', as('leader', ['teamLeader'], G1), { id: 'call-unit', state: 'called' }, 'open')).toEqual({ ok: false, code: 'whistles.not_allowed' });
    expect(decideCallStep('reportIn', follower, { id: 'call-unit', state: 'called' }, 'open')).toEqual({ ok: false, code: 'whistles.not_allowed' });
    expect(decideCallStep('reportIn', outsider, { id: 'call-unit', state: 'called' }, 'open')).toEqual({ ok: false, code: 'whistles.not_found' });
    expect(decideCallStep('reportIn', contact, { id: 'call-unit', state: 'called' }, 'closed')).toEqual({ ok: false, code: 'whistles.closed' });
  });

  it('the timeline names the unit’s role: a team’s leader, a unit, or the admin acting for it', () => {
    expect(timelineRole('contact', 'team', ['teamLeader'])).toBe('teamLeader');
    expect(timelineRole('contact', 'department', ['partner'])).toBe('unit');
    expect(timelineRole('manager', 'partner', ['streetAdmin'])).toBe('streetAdmin');
    expect(timelineRole('manager', 'team', ['districtAdmin'])).toBe('districtAdmin');
  });
});

describe('units and progress', () => {
  it('a unit serves a street when it serves the district, that street, or a part inside it', () => {
    expect(unitServes(D, S1)).toBe(true);
    expect(unitServes(S1, S1)).toBe(true);
    expect(unitServes(C1, S1)).toBe(true);
    expect(unitServes(S2, S1)).toBe(false);
    expect(unitServes('/d/s2/c3/', S1)).toBe(false);
  });

  it('progress counts reported in with done, and done alone', () => {
    expect(progressOf([{ state: 'called' }, { state: 'reported' }, { state: 'done' }])).toEqual({ called: 3, reported: 2, done: 1 });
    expect(progressOf([])).toEqual({ called: 0, reported: 0, done: 0 });
  });
});

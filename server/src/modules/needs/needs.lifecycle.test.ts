import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions as availableAt, decide as decideAt, needActions, needStatuses, transitions, type NeedFacts, type Party } from './needs.lifecycle.js';

const facts = (over: Partial<NeedFacts> = {}): NeedFacts => ({
  status: 'submitted', teamId: null, slots: 1, filled: 0, rulingPending: false, ruled: false, anyCheckedIn: false, myCheckInDone: false, completedAt: null, ...over,
});
const as = (...p: Party[]) => new Set(p);
// the rules take the time from the caller (the platform clock); these cases run at one fixed moment
const NOW = new Date('2026-06-01T08:00:00Z');
const decide = (a: Parameters<typeof decideAt>[0], p: ReadonlySet<Party>, n: NeedFacts, now = NOW) => decideAt(a, p, n, now);
const availableActions = (p: ReadonlySet<Party>, n: NeedFacts, now = NOW) => availableAt(p, n, now);

describe('the order state machine', () => {
  it('lets a community admin accept a submitted need, but not a grid worker', () => {
    expect(decide('accept', as('communityAdmin'), facts())).toEqual({ ok: true, to: 'accepted' });
    expect(decide('accept', as('gridWorker'), facts())).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('refuses an action from the wrong state', () => {
    expect(decide('dispatch', as('communityAdmin'), facts({ status: 'submitted' }))).toEqual({ ok: false, reason: 'illegal_state' });
  });

  it('a second decline blocks dispatch until the street rules', () => {
    const pending = facts({ status: 'accepted', rulingPending: true });
    expect(decide('dispatch', as('communityAdmin'), pending)).toEqual({ ok: false, reason: 'ruling_pending' });
    expect(decide('rule', as('communityAdmin'), pending)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(decide('rule', as('streetAdmin'), pending)).toEqual({ ok: true, to: 'dispatched' });
    expect(decide('decline', as('teamLeader'), facts({ status: 'dispatched', teamId: 't', ruled: true }))).toEqual({ ok: false, reason: 'ruled_must_take' });
  });

  it('a slot is grabbed only while one is free, and only from the pool', () => {
    expect(decide('grab', as('volunteer'), facts({ status: 'pooled' }))).toEqual({ ok: true, to: 'claimed' });
    expect(decide('grab', as('volunteer'), facts({ status: 'claimed', slots: 3, filled: 2 }))).toEqual({ ok: true, to: 'claimed' });
    expect(decide('grab', as('volunteer'), facts({ status: 'claimed', slots: 3, filled: 3 }))).toEqual({ ok: false, reason: 'already_taken' });
    expect(decide('grab', as('volunteer'), facts({ status: 'in_service', slots: 1, filled: 1 }))).toEqual({ ok: false, reason: 'already_taken' });
    expect(decide('grab', as('volunteer'), facts({ status: 'claimed', teamId: 't', slots: 2, filled: 1 }))).toEqual({ ok: false, reason: 'not_a_pool_order' });
  });

  it('completion needs a check-in; community confirmation waits out the 3-day rating window', () => {
    expect(decide('complete', as('assignee'), facts({ status: 'in_service' }))).toEqual({ ok: false, reason: 'not_checked_in' });
    const now = new Date('2026-11-23T00:00:00Z');
    const done = (daysAgo: number) => facts({ status: 'completed', completedAt: new Date(now.getTime() - daysAgo * 86_400_000) });
    expect(decide('confirm', as('communityAdmin'), done(2), now)).toEqual({ ok: false, reason: 'rating_window_open' });
    expect(decide('confirm', as('communityAdmin'), done(3), now)).toEqual({ ok: true, to: 'closed' });
  });

  it('the requester may cancel from any open state, never after completion', () => {
    for (const status of needStatuses) {
      const verdict = decide('cancel', as('requester'), facts({ status }));
      const open = !['completed', 'rated', 'closed', 'rejected', 'merged', 'cancelled'].includes(status);
      expect(verdict.ok, status).toBe(open);
    }
  });

  it('every transition leads to a known state, from known states, and terminal states lead nowhere', () => {
    for (const action of needActions) {
      const t = transitions[action];
      for (const from of t.from) expect(needStatuses).toContain(from);
      if (t.to !== 'same') expect(needStatuses).toContain(t.to);
    }
    const parties = as('requester', 'communityAdmin', 'streetAdmin', 'districtAdmin', 'gridWorker', 'teamLeader', 'assignee', 'volunteer');
    for (const status of ['closed', 'cancelled', 'rejected', 'merged'] as const) {
      expect(availableActions(parties, facts({ status, anyCheckedIn: true }))).toEqual([]);
    }
  });

  it('decisions are total: any action, parties and facts give a verdict and never a state outside the machine', () => {
    const party = fc.constantFrom<Party>('gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin', 'requester', 'teamLeader', 'assignee', 'volunteer', 'system');
    fc.assert(
      fc.property(
        fc.constantFrom(...needActions),
        fc.uniqueArray(party, { maxLength: 4 }),
        fc.record({
          status: fc.constantFrom(...needStatuses), teamId: fc.option(fc.constant('t'), { nil: null }), slots: fc.integer({ min: 1, max: 5 }), filled: fc.integer({ min: 0, max: 5 }),
          rulingPending: fc.boolean(), ruled: fc.boolean(), anyCheckedIn: fc.boolean(), myCheckInDone: fc.boolean(), completedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
        }),
        (action, parties, f) => {
          const v = decide(action, new Set(parties), f);
          if (v.ok) {
            expect(needStatuses).toContain(v.to);
            expect(transitions[action].from).toContain(f.status);
            expect(transitions[action].by.some((p) => parties.includes(p))).toBe(true);
          }
        },
      ),
    );
  });
});

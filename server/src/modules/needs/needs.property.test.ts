import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed, uploadPhoto } from '../../test/needs-helpers.js';
import { actionRoutes } from './needs.schemas.js';
import { needStatuses, transitions, type NeedAction } from './needs.lifecycle.js';

/*
 * Random sequences of actions by random people against the real API. Whatever they try, the need
 * stays inside the machine, no event is skipped, and replaying the event log gives its current state.
 */
const people = ['resident1', 'communityAdmin1', 'streetAdmin1', 'teamLeader1', 'volunteer1', 'gridWorker1', 'resident2', 'communityAdmin2'] as const;
const actions = Object.keys(actionRoutes) as (keyof typeof actionRoutes)[];
describe('order lifecycle under random actions (property)', () => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  const photoOf: Record<string, string> = {};
  let mergeTarget: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { maxOpenTasks: 1000 });
    for (const p of people) cookie[p] = await t.login(p);
    for (const p of people) photoOf[p] = (await uploadPhoto(t, cookie[p]!)).json().id;
    mergeTarget = (await postNeed(t, cookie.resident2!, { title: '合并目标' })).id;
  }, 120_000);
  afterAll(() => t.close());

  function payload(action: keyof typeof actionRoutes, who: string, rating: number, solved: boolean): object {
    switch (action) {
      case 'dispatch':
      case 'rule':
        return { teamId: t.fx.team.T1!.id };
      case 'decline':
        return { reasonCode: 'noManpower' };
      case 'assign':
        return { volunteerId: t.fx.person.volunteer1!.id };
      case 'merge':
        return { targetId: mergeTarget };
      case 'complete':
        return { summary: '服务完成', photos: [photoOf[who]!] };
      case 'rate':
        return { rating, solved };
      case 'reject':
      case 'cancel':
      case 'escalate':
      case 'reply':
        return { note: '原因说明' };
      default:
        return {};
    }
  }

  it('never leaves the machine, never skips an event, and the log replays to the current state', async () => {
    // each step: someone, and usually one of the actions the API offers them right now (so walks go
    // deep), sometimes any action at all (so refusals are exercised too)
    const step = fc.record({
      who: fc.constantFrom(...people),
      explore: fc.integer({ min: 0, max: 9 }),
      pick: fc.nat(),
      action: fc.constantFrom(...actions),
      rating: fc.integer({ min: 1, max: 5 }),
      solved: fc.boolean(),
    });
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 24 }), async (steps) => {
        const need = await postNeed(t, cookie.resident1!, { slots: 1 });
        for (const s of steps) {
          // mostly someone who can move it on, doing one of the ways forward the API offers them; now
          // and then a dead end (reject, merge, cancel) or a random action by a random person
          let who: (typeof people)[number] = s.who;
          let action: keyof typeof actionRoutes = s.action;
          let offered: string[] = [];
          for (let i = 0; s.explore < 9 && i < people.length; i++) {
            const candidate = people[(s.pick + i) % people.length]!;
            const seen = await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: cookie[candidate]! } });
            const theirs = seen.statusCode === 200 ? (seen.json().actions as (keyof typeof actionRoutes)[]) : [];
            const choices = s.explore === 8 ? theirs : theirs.filter((a) => !['reject', 'merge', 'cancel', 'reply', 'escalate'].includes(a));
            if (choices.length) {
              [who, action, offered] = [candidate, choices[s.pick % choices.length]!, theirs];
              break;
            }
          }
          const res = await act(t, cookie[who]!, need.id, actionRoutes[action].path, payload(action, who, s.rating, s.solved));
          expect(res.statusCode, `${who} ${action}: ${res.body}`).toBeLessThan(500);
          // what the API offers must work (merge aside: its target may have moved on)
          if (offered.includes(action) && action !== 'merge') expect(res.statusCode, `offered ${action} to ${who}: ${res.body}`).toBe(200);
        }
        const [row] = await queryRows<{ status: string; version: number; filled: number; round: number }>(t.database.db, sql`SELECT status, version, filled, round FROM needs WHERE id = ${need.id}`);
        const events = await queryRows<{ seq: number; action: string; from_status: string | null; to_status: string }>(
          t.database.db,
          sql`SELECT seq, action, from_status, to_status FROM need_events WHERE need_id = ${need.id} ORDER BY seq`,
        );
        expect(needStatuses).toContain(row!.status);
        expect(events.map((e) => e.seq)).toEqual(Array.from({ length: row!.version }, (_, i) => i + 1));
        let state: string | null = null;
        for (const e of events) {
          expect(e.from_status).toBe(state);
          if (e.action !== 'submit') {
            const rule = transitions[e.action as NeedAction];
            expect(rule.from).toContain(e.from_status);
            expect(e.to_status).toBe(rule.to === 'same' ? e.from_status : rule.to);
          }
          state = e.to_status;
        }
        expect(state).toBe(row!.status);
        for (const e of events) reached.add(e.to_status);
        const [slots] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM need_assignments WHERE need_id = ${need.id} AND round = ${row!.round}`);
        expect(slots!.n).toBe(row!.filled);
      }),
      { numRuns: 20 },
    );
    // the random walks went deep: past service into rating, and back round again
    expect([...reached]).toEqual(expect.arrayContaining(['accepted', 'pooled', 'dispatched', 'claimed', 'in_service', 'completed']));
    // the open-task counter agrees with the live slots it guards
    const [load] = await queryRows<{ counted: number; live: number }>(
      t.database.db,
      sql`SELECT coalesce((SELECT open_tasks FROM volunteer_load WHERE account_id = ${t.fx.person.volunteer1!.id}), 0) AS counted,
                 (SELECT count(*)::int FROM need_assignments WHERE volunteer_id = ${t.fx.person.volunteer1!.id} AND status IN ('claimed','serving')) AS live`,
    );
    expect(load!.counted).toBe(load!.live);
  }, 180_000);
});

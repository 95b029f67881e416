import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../platform/clock/clock.js';
import { queryRows } from '../../platform/db/client.js';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { categoryId } from '../../test/needs-helpers.js';
import { addDays } from './care.policy.js';

/* A plan's day is ordered once, however many ask at once: through the real HTTP server, on PGlite and PostgreSQL. */
describe.each(backends)('ordering a care plan’s day at once on %s', (backend) => {
  let t: TestApp;
  let base: string;
  let admins: string[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admins = [await t.login('communityAdmin1'), await t.login('streetAdmin1'), await t.login('districtAdmin')];
  }, 120_000);
  afterAll(() => t.close());

  it('twelve "order now" of one day from three admins, with the sweep running beside them: one order, one run row, every answer names it', async () => {
    const cookie = admins[0]!;
    const made = await t.app.inject({ method: 'POST', url: '/api/care-recipients', headers: { cookie }, payload: { regionId: t.fx.region.B1!.id, name: '李桂兰', typeCodes: ['emptyNest'] } });
    expect(made.statusCode, made.body).toBe(201);
    const tomorrow = addDays(shanghaiDay(t.clock.now()), 1);
    const weekday = ((new Date(`${tomorrow}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const plan = await t.app.inject({
      method: 'POST', url: `/api/care-recipients/${made.json().id}/plans`, headers: { cookie },
      payload: { categoryId: await categoryId(t, cookie, 'elderly.haircut'), title: '上门理发', frequency: 'weekly', dayOf: weekday, startTime: '15:00', durationMinutes: 60, startsOn: tomorrow },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const id = plan.json().id as string;
    const order = (c: string) => fetch(`${base}/api/care-plans/${id}/orders`, { method: 'POST', headers: { cookie: c, 'content-type': 'application/json' }, body: JSON.stringify({ dueOn: tomorrow }) })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as { needId?: string; created?: boolean; code?: string } }));
    t.clock.advance(3_600_000); // a new hour: the sweep is due for this district
    const [answers] = await Promise.all([Promise.all(Array.from({ length: 12 }, (_, i) => order(admins[i % 3]!))), t.app.services.jobs.runDue().then(() => t.app.services.jobs.runDue())]);
    expect(answers.every((a) => a.status === 200), JSON.stringify(answers.filter((a) => a.status !== 200).slice(0, 2))).toBe(true);
    const ids = new Set(answers.map((a) => a.body.needId));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.body.created).length).toBeLessThanOrEqual(1);
    const [row] = await queryRows<{ needs: number; runs: number }>(t.database.db, sql`SELECT
      (SELECT count(*)::int FROM needs WHERE idempotency_key = ${`care:${id}:${tomorrow}`}) AS needs,
      (SELECT count(*)::int FROM care_runs WHERE plan_id = ${id} AND due_on = ${tomorrow}) AS runs`);
    expect(row).toEqual({ needs: 1, runs: 1 });
  });

  it('six admins setting six different pairings at once: the person ends with one of them (three at most), no error', async () => {
    const cookie = admins[0]!;
    const made = await t.app.inject({ method: 'POST', url: '/api/care-recipients', headers: { cookie }, payload: { regionId: t.fx.region.B1!.id, name: '孙秀兰', typeCodes: ['lonelyElderly'] } });
    const id = made.json().id as string;
    const people = (await addVolunteers(t.database.db, t.fx.region.B1!, 12, '1363')).map((v) => v.id);
    // six sets of three, overlapping: each PUT replaces the pairing with its own set
    const sets = Array.from({ length: 6 }, (_, i) => [people[i]!, people[i + 3]!, people[(i + 6) % 12]!]);
    const pair = (c: string, volunteerIds: string[]) =>
      fetch(`${base}/api/care-recipients/${id}/pairing`, { method: 'PUT', headers: { cookie: c, 'content-type': 'application/json' }, body: JSON.stringify({ volunteerIds }) }).then((r) => r.status);
    const statuses = await Promise.all(sets.map((set, i) => pair(admins[i % 3]!, set)));
    expect(statuses).toEqual(Array(6).fill(200));
    const rows = await queryRows<{ v: string }>(t.database.db, sql`SELECT volunteer_id AS v FROM care_pairings WHERE recipient_id = ${id} ORDER BY 1`);
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(sets.some((set) => [...set].sort().join() === rows.map((r) => r.v).join())).toBe(true);
  });
});

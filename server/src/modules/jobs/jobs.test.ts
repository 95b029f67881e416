import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';

/* The district admin's job queue page: jobs by state, and a retry of a failed one. */
describe.each(backends)('the job queue on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let failedId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    t.app.services.jobs.define({ name: 'test.flaky', maxAttempts: 1, run: async () => Promise.reject(new Error('gateway timeout')) });
    const district = t.fx.region.D!.districtId;
    await t.database.db.transaction(async (tx) => {
      await t.app.services.jobs.schedule(tx, district, { name: 'test.flaky', key: 'k1', runAt: t.clock.now() });
      await t.app.services.jobs.schedule(tx, district, { name: 'test.flaky', key: 'later', runAt: new Date(t.clock.now().getTime() + 86_400_000) });
      await t.app.services.jobs.schedule(tx, t.fx.region.X!.districtId, { name: 'test.flaky', key: 'other', runAt: new Date(t.clock.now().getTime() + 86_400_000) });
    });
    await t.app.services.jobs.runDue();
    admin = await t.login('districtAdmin');
  });
  afterAll(() => t.close());

  it('lists the district’s jobs by state, with counts', async () => {
    const counts = await t.app.inject({ url: '/api/jobs/counts', headers: { cookie: admin } });
    // the platform's own sweeps (the 3-day confirmation) wait in the queue too
    expect(counts.json()).toMatchObject({ failed: 1, running: 0 });
    expect(counts.json().waiting).toBeGreaterThanOrEqual(1);
    const failed = await t.app.inject({ url: '/api/jobs?state=failed', headers: { cookie: admin } });
    expect(failed.statusCode).toBe(200);
    expect(failed.json().items).toMatchObject([{ name: 'test.flaky', key: 'k1', state: 'failed', attempts: 1, lastError: 'gateway timeout' }]);
    failedId = failed.json().items[0].id;
    // another district's job is not in the list
    const all = await t.app.inject({ url: '/api/jobs?name=test.flaky', headers: { cookie: admin } });
    expect(all.json().items.map((j: { key: string }) => j.key).sort()).toEqual(['k1', 'later']);
  });

  it('a retry makes a failed job wait again, now, and is audited; a done job cannot be retried', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/jobs/${failedId}/retry`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'waiting', attempts: 0 });
    const audit = await t.app.inject({ url: '/api/audit?action=jobs.retry', headers: { cookie: admin } });
    expect(audit.json().items).toHaveLength(1);
    t.app.services.jobs.define({ name: 'test.fine', run: async () => undefined });
    await t.database.db.transaction((tx) => t.app.services.jobs.schedule(tx, t.fx.region.D!.districtId, { name: 'test.fine', key: 'ok', runAt: t.clock.now() }));
    await t.app.services.jobs.runDue();
    const done = (await t.app.inject({ url: '/api/jobs?state=done', headers: { cookie: admin } })).json().items[0];
    expect(done).toMatchObject({ key: 'ok', state: 'done' });
    const again = await t.app.inject({ method: 'POST', url: `/api/jobs/${done.id}/retry`, headers: { cookie: admin } });
    expect(again.statusCode).toBe(409);
  });

  it('only the district admin sees the queue; another district’s admin gets 404 for its job', async () => {
    const community = await t.login('communityAdmin1');
    expect((await t.app.inject({ url: '/api/jobs', headers: { cookie: community } })).statusCode).toBe(403);
    const other = await t.login('otherDistrictAdmin');
    expect((await t.app.inject({ method: 'POST', url: `/api/jobs/${failedId}/retry`, headers: { cookie: other } })).statusCode).toBe(404);
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { queryRows } from '../db/client.js';
import { createJobEngine, type JobEngine } from './jobs.js';
import { jobs } from './jobs.table.js';

/* Jobs and timers in the database: due by the clock, run once, retried with backoff, shared by instances. */
describe.each(backends)('the job engine on %s', (backend) => {
  let t: TestApp;
  let engine: JobEngine;
  let district: string;
  const failures = new Map<string, number>();
  const calls: string[] = [];

  const effects = async (prefix: string) =>
    (await queryRows<{ key: string }>(t.database.db, sql`SELECT key FROM test_job_effects WHERE key LIKE ${`${prefix}%`} ORDER BY key`)).map((r) => r.key);
  const jobOf = async (name: string, key: string) => (await t.database.db.select().from(jobs).where(and(eq(jobs.districtId, district), eq(jobs.name, name), eq(jobs.key, key))))[0]!;
  const schedule = (name: string, key: string, runAt: Date, maxAttempts?: number) => t.database.db.transaction((tx) => engine.schedule(tx, district, { name, key, runAt, maxAttempts }));

  /** The same handlers as another instance would register them. */
  function define(e: JobEngine) {
    e.define({
      name: 'test.effect',
      async run(tx, job) {
        // the effect's own UNIQUE key: a second run of the same job would fail here, not pass silently
        await tx.execute(sql`INSERT INTO test_job_effects (key) VALUES (${job.key})`);
        const left = failures.get(job.key) ?? 0;
        if (left > 0) {
          failures.set(job.key, left - 1);
          throw new Error('the receiver is down');
        }
      },
    });
    e.define({
      name: 'test.outside',
      mode: 'outside',
      leaseMs: 30_000,
      async run(job) {
        calls.push(job.key);
      },
    });
  }

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.database.db.execute(sql`CREATE TABLE test_job_effects (key text PRIMARY KEY)`);
    engine = t.app.services.jobs;
    define(engine);
    district = t.fx.region.D!.districtId;
  });
  afterAll(() => t.close());

  it('keeps what it was given: the payload as a JSON object, the time to the millisecond, the attempts', async () => {
    const runAt = new Date('2027-03-01T08:30:00.123Z');
    const payload = { needId: 'n-1', threshold: 50, window: { amount: 3, unit: 'working_days' }, names: ['张三', 'O\'Brien'] };
    await t.database.db.transaction((tx) => engine.schedule(tx, district, { name: 'test.effect', key: 'kept:1', runAt, payload, maxAttempts: 3 }));
    expect(await jobOf('test.effect', 'kept:1')).toMatchObject({ payload, runAt, maxAttempts: 3, state: 'waiting', attempts: 0 });
    const [stored] = await queryRows<{ kind: string }>(t.database.db, sql`SELECT jsonb_typeof(payload) AS kind FROM jobs WHERE key = 'kept:1'`);
    expect(stored!.kind).toBe('object');
  });

  it('schedules a (name, key) once, and runs it when the clock reaches it, not before', async () => {
    const at = new Date(t.clock.now().getTime() + 3_600_000);
    expect(await schedule('test.effect', 'a:1', at)).toBe(true);
    expect(await schedule('test.effect', 'a:1', at)).toBe(false);
    await engine.runDue();
    expect(await effects('a:')).toEqual([]);
    t.clock.advance(3_600_000);
    expect((await engine.runDue()).done).toBeGreaterThanOrEqual(1);
    expect(await effects('a:')).toEqual(['a:1']);
    expect(await jobOf('test.effect', 'a:1')).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    // nothing is due any more
    await engine.runDue();
    expect(await effects('a:')).toEqual(['a:1']);
  });

  it('a failing job rolls its writes back, waits with backoff, and succeeds on a later attempt', async () => {
    failures.set('b:1', 2);
    await schedule('test.effect', 'b:1', t.clock.now());
    // the test clock runs with the wall clock: compare with the time before the attempt
    const before = t.clock.now().getTime();
    await engine.runDue();
    const first = await jobOf('test.effect', 'b:1');
    expect(first).toMatchObject({ state: 'waiting', attempts: 1, lastError: 'the receiver is down' });
    expect(first.runAt.getTime() - before).toBeGreaterThanOrEqual(5_000);
    expect(await effects('b:')).toEqual([]);
    await engine.runDue();
    expect((await jobOf('test.effect', 'b:1')).attempts).toBe(1);
    t.clock.advance(6_000);
    await engine.runDue();
    expect(await jobOf('test.effect', 'b:1')).toMatchObject({ state: 'waiting', attempts: 2 });
    t.clock.advance(11_000);
    await engine.runDue();
    expect(await jobOf('test.effect', 'b:1')).toMatchObject({ state: 'done', attempts: 3, lastError: null });
    expect(await effects('b:')).toEqual(['b:1']);
  });

  it('after its last attempt a job is failed, and stays failed', async () => {
    failures.set('c:1', 10);
    await schedule('test.effect', 'c:1', t.clock.now(), 2);
    await engine.runDue();
    t.clock.advance(10_000);
    await engine.runDue();
    expect(await jobOf('test.effect', 'c:1')).toMatchObject({ state: 'failed', attempts: 2, lastError: 'the receiver is down' });
    t.clock.advance(3_600_000);
    await engine.runDue();
    expect((await jobOf('test.effect', 'c:1')).attempts).toBe(2);
  });

  it('a job outside a transaction is leased; when its instance dies, another takes it after the lease', async () => {
    await schedule('test.outside', 'd:1', t.clock.now());
    // an instance claimed it and died: running, leased for 30 s
    await t.database.db.update(jobs).set({ state: 'running', lockedBy: 'dead', lockedUntil: new Date(t.clock.now().getTime() + 30_000), attempts: 1 }).where(and(eq(jobs.districtId, district), eq(jobs.key, 'd:1')));
    await engine.runDue();
    expect(calls.filter((k) => k === 'd:1')).toHaveLength(0);
    t.clock.advance(31_000);
    await engine.runDue();
    expect(calls.filter((k) => k === 'd:1')).toHaveLength(1);
    expect(await jobOf('test.outside', 'd:1')).toMatchObject({ state: 'done', attempts: 2, lockedBy: null });
  });

  it('a recurring job is scheduled once per slot for every district', async () => {
    const e = createJobEngine({ db: t.database.db, clock: t.clock });
    e.every({ name: 'test.sweep', everyMs: 60_000 });
    await e.runDue();
    await e.runDue();
    const rows = await t.database.db.select().from(jobs).where(eq(jobs.name, 'test.sweep'));
    expect(rows.map((r) => r.districtId).sort()).toEqual([t.fx.region.D!.districtId, t.fx.region.X!.districtId].sort());
  });

  it('several instances working at once run every due job exactly once', async () => {
    const others = [0, 1, 2].map(() => createJobEngine({ db: t.database.db, clock: t.clock }));
    others.forEach(define);
    const n = backend === 'postgres' ? 300 : 60;
    await t.database.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await engine.schedule(tx, district, { name: 'test.effect', key: `e:${String(i).padStart(4, '0')}`, runAt: t.clock.now() });
    });
    await Promise.all([engine.runDue(1_000), ...others.map((e) => e.runDue(1_000)), ...others.map((e) => e.runDue(1_000))]);
    expect(await effects('e:')).toHaveLength(n);
    const states = await queryRows<{ state: string; n: number }>(t.database.db, sql`SELECT state, count(*)::int AS n FROM jobs WHERE key LIKE 'e:%' GROUP BY state`);
    expect(states).toEqual([{ state: 'done', n }]);
  });
});

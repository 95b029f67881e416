import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';
import { queryRows } from '../db/client.js';
import { domainEvents, eventDeliveries } from './events.table.js';
import { createEventBus, type EventRow } from './outbox.js';

/* Domain events are written with the change (outbox) and delivered once per subscriber. */
describe.each(backends)('the outbox on %s', (backend) => {
  let t: TestApp;
  let resident: string;
  let admin: string;
  const seen: EventRow[] = [];
  // the test's own inbox is down until the test says it is back
  let inboxDown = true;

  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.database.db.execute(sql`CREATE TABLE test_effects (event_id uuid PRIMARY KEY, type text NOT NULL)`);
    t.app.services.events.subscribe({
      name: 'test.recorder',
      types: ['needs.submit', 'needs.accept', 'needs.reject'],
      async handle(tx, event) {
        seen.push(event);
        await tx.execute(sql`INSERT INTO test_effects (event_id, type) VALUES (${event.id}, ${event.type})`);
        if (event.type === 'needs.reject' && inboxDown) {
          throw new Error('the inbox is down');
        }
      },
    });
    resident = await t.login('resident1');
    admin = await t.login('communityAdmin1');
  });
  afterAll(() => t.close());

  // the app's own subscribers (the inbox) get deliveries of these events too: look at this test's
  const mine = (eventId: string) => and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.subscriber, 'test.recorder'));
  const eventsOf = (id: string) => t.database.db.select().from(domainEvents).where(eq(domainEvents.subjectId, id));
  const effects = async () => (await queryRows<{ event_id: string; type: string }>(t.database.db, sql`SELECT event_id, type FROM test_effects`)).map((r) => r.type).sort();

  it('a transition writes its event with the change; a refused one writes none', async () => {
    const need = await postNeed(t, resident);
    expect((await act(t, admin, need.id, 'accept')).statusCode).toBe(200);
    expect((await act(t, admin, need.id, 'accept')).statusCode).toBe(409);
    const events = await eventsOf(need.id);
    expect(events.map((e) => [e.type, e.payload.to, e.payload.seq])).toEqual([['needs.submit', 'submitted', 1], ['needs.accept', 'accepted', 2]]);
    expect(events[1]!.actorId).toBe(t.fx.person.communityAdmin1!.id);
  });

  it('each delivery runs its subscriber once, in the transaction that marks it delivered', async () => {
    await t.app.services.events.deliverDue();
    const before = await effects();
    expect(before.filter((x) => x === 'needs.accept')).toHaveLength(1);
    // nothing is due any more: delivering again does nothing
    expect(await t.app.services.events.deliverDue()).toBe(0);
    expect(await effects()).toEqual(before);
  });

  it('a failing subscriber’s writes roll back and the delivery is retried later', async () => {
    const need = await postNeed(t, resident, { title: '将被驳回' });
    await act(t, admin, need.id, 'reject', { note: '不属于志愿服务范围' });
    const [event] = (await eventsOf(need.id)).filter((e) => e.type === 'needs.reject');
    await t.app.services.events.deliverDue();
    const [failed] = await t.database.db.select().from(eventDeliveries).where(mine(event!.id));
    expect(failed).toMatchObject({ attempts: 1, deliveredAt: null, lastError: 'the inbox is down' });
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect((await effects()).filter((x) => x === 'needs.reject')).toHaveLength(0);
    // the same event's other subscribers, delivered in the same batch, are not held back by it
    const others = await t.database.db.select().from(eventDeliveries).where(and(eq(eventDeliveries.eventId, event!.id), sql`subscriber <> 'test.recorder'`));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((d) => d.deliveredAt !== null && d.attempts === 1)).toBe(true);
    // time passes, the inbox is back
    inboxDown = false;
    await t.database.db.update(eventDeliveries).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(mine(event!.id));
    await t.app.services.events.deliverDue();
    const [done] = await t.database.db.select().from(eventDeliveries).where(mine(event!.id));
    expect(done).toMatchObject({ attempts: 2, lastError: null });
    expect(done!.deliveredAt).not.toBeNull();
    expect((await effects()).filter((x) => x === 'needs.reject')).toHaveLength(1);
  });

  it('several instances delivering at once never run a delivery twice', async () => {
    const second = createEventBus(t.database.db);
    second.subscribe({ name: 'test.recorder', types: ['needs.submit'], handle: async (tx, event) => void (await tx.execute(sql`INSERT INTO test_effects (event_id, type) VALUES (${event.id}, ${event.type})`)) });
    for (let i = 0; i < 12; i++) await postNeed(t, resident, { title: `并发投递${i}` });
    await Promise.all([t.app.services.events.deliverDue(), second.deliverDue(), t.app.services.events.deliverDue(), second.deliverDue()]);
    const pending = await t.database.db.select().from(eventDeliveries).where(sql`delivered_at IS NULL AND subscriber = 'test.recorder'`);
    expect(pending).toEqual([]);
    const submits = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM domain_events WHERE type = 'needs.submit'`);
    // the primary key on test_effects would have refused a second run of any delivery
    expect((await effects()).filter((x) => x === 'needs.submit')).toHaveLength(submits[0]!.n);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { arrayOf } from '../platform/db/arrays.js';
import { queryRows, type DbOrTx } from '../platform/db/client.js';
import type { EventRow } from '../platform/events/outbox.js';
import { needEventsSubscriber } from '../modules/notifications/notifications.subscriber.js';
import { demoDistrict } from '../test/demo-district.js';
import { backends } from '../test/harness.js';
import { INBOX_DAYS } from './inbox.demo.js';

type Message = { type: string; title: string; body: string; read: boolean; createdAt: string; subject: { type: string; id: string; label: string } };

/* The demo's inboxes: the recent orders' messages, as the order subscriber would have written them. */
describe.each(backends)('the demo inboxes on %s', (backend) => {
  // seeded at the moment the suite starts (the demo's clock stands there), as on a first start
  const demo = demoDistrict(backend, { at: new Date().toISOString() });

  const inboxOf = async (phone: string) => {
    const cookie = await demo.login(phone);
    const res = await demo.app.inject({ url: '/api/inbox?pageSize=100', headers: { cookie, 'accept-language': 'zh-CN' } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Message[];
  };
  const orderMessagesOf = async (phone: string) => (await inboxOf(phone)).filter((m) => m.type.startsWith('needs.'));
  const titles = async (ids: string[]) => new Map((await queryRows<{ id: string; title: string }>(demo.database.db, sql`SELECT id, title FROM needs WHERE id = ANY(${arrayOf(ids, 'uuid')})`)).map((n) => [n.id, n.title]));

  it('the team leader hears of the orders sent to his team, and the resident of her own needs, each named by its title and number', async () => {
    for (const [phone, type] of [['13800000004', 'needs.teamDispatched'], ['13800000006', 'needs.accepted']] as const) {
      const messages = await orderMessagesOf(phone);
      expect(messages.map((m) => m.type), phone).toContain(type);
      const named = await titles(messages.map((m) => m.subject.id));
      for (const m of messages) {
        const title = named.get(m.subject.id)!;
        expect(m.body, phone).toContain(`「${[...title].length > 20 ? [...title].slice(0, 19).join('') : title}`);
        expect(m.body, phone).toContain(`（${m.subject.label}）`);
      }
    }
  });

  it('the street admin hears of the whistles to his street, and the partner unit of its calls (吹哨报到)', async () => {
    const street = await inboxOf('13800000001');
    expect(street.map((m) => m.type)).toContain('whistle.opened');
    const partner = await inboxOf('13800000007');
    const called = partner.find((m) => m.type === 'whistle.called');
    expect(called?.body).toContain('鑫源超市');
    expect(called?.subject.type).toBe('whistle');
  });

  it('goes back a week, at the events’ own times: the older ones read, some of the latest not yet', async () => {
    const [c] = await queryRows<{ total: number; unread: number; oldest: string; newest: string; twice: number }>(
      demo.database.db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread, min(created_at)::text AS oldest, max(created_at)::text AS newest,
                 (SELECT count(*)::int FROM (SELECT 1 FROM inbox_messages WHERE type LIKE 'needs.%' GROUP BY account_id, subject_id, type, created_at HAVING count(*) > 1) d) AS twice
          FROM inbox_messages WHERE type LIKE 'needs.%'`,
    );
    expect(c!.total).toBeGreaterThan(20);
    expect(c!.unread).toBeGreaterThan(0);
    expect(c!.unread).toBeLessThan(c!.total);
    expect(Date.now() - Date.parse(c!.oldest)).toBeLessThanOrEqual(INBOX_DAYS * 24 * 3_600_000);
    expect(Date.parse(c!.newest)).toBeLessThanOrEqual(Date.now());
    expect(c!.twice).toBe(0);
  });

  it('tells each need’s latest event to the people the live subscriber tells, in its words, never the one who acted', async () => {
    const latest = await queryRows<{ needId: string; seq: number; action: string; from: string; to: string; actorId: string | null; data: Record<string, unknown> | null; number: string; round: number; districtId: string }>(
      demo.database.db,
      sql`SELECT DISTINCT ON (e.need_id) e.need_id AS "needId", e.seq, e.action, e.from_status AS "from", e.to_status AS "to", e.actor_id AS "actorId", e.data, n.number, n.round, n.district_id AS "districtId"
          FROM need_events e JOIN needs n ON n.district_id = e.district_id AND n.id = e.need_id
          WHERE EXISTS (SELECT 1 FROM inbox_messages m WHERE m.subject_id = e.need_id AND m.type LIKE 'needs.%')
          ORDER BY e.need_id, e.seq DESC`,
    );
    // the need as it is now is the need right after its latest event: what the subscriber read when it was delivered
    const told = latest.filter((e) => e.action !== 'reopen').slice(0, 40);
    expect(told.length).toBeGreaterThan(10);
    const subscriber = needEventsSubscriber({ needs: demo.app.services.needs, notify: demo.app.services.notifications.notify });
    const rowsOf = (tx: DbOrTx, key: string) =>
      queryRows<{ row: string }>(tx, sql`SELECT account_id || ' ' || type || ' ' || params::text AS row FROM inbox_messages WHERE source_key = ${key} ORDER BY 1`);
    for (const e of told) {
      const live = await demo.database.db
        .transaction(async (tx) => {
          const id = crypto.randomUUID();
          const event = { id, districtId: e.districtId, type: `needs.${e.action}`, subjectType: 'need', subjectId: e.needId, actorId: e.actorId, payload: { number: e.number, from: e.from, to: e.to, seq: e.seq, round: e.round, ...(e.data ?? {}) } };
          await subscriber.handle(tx, event as unknown as EventRow);
          throw new Told(await rowsOf(tx, id));
        })
        .catch((told: unknown) => (told instanceof Told ? told.rows : Promise.reject(told)));
      expect(await rowsOf(demo.database.db, `need:${e.needId}:${e.seq}`), `${e.action} of ${e.number}`).toEqual(live);
      expect(live.filter((r) => e.actorId && r.row.startsWith(e.actorId))).toEqual([]);
    }
  });
});

/** What the live subscriber wrote, carried out of a transaction rolled back. */
class Told extends Error {
  constructor(readonly rows: { row: string }[]) {
    super('rolled back');
  }
}

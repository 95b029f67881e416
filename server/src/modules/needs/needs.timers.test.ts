import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed, uploadPhoto } from '../../test/needs-helpers.js';

const DAY = 86_400_000;

/* The 3-day confirmation: a need left unrated three days after completion is confirmed by the system. */
describe.each(backends)('the 3-day confirmation on %s', (backend) => {
  let t: TestApp;
  let c: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    c = {};
    for (const k of ['resident1', 'communityAdmin1', 'volunteer1']) c[k] = await t.login(k);
  });
  afterAll(() => t.close());

  async function completed(title: string) {
    const need = await postNeed(t, c.resident1!, { title });
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'pool');
    await act(t, c.volunteer1!, need.id, 'grab');
    await act(t, c.volunteer1!, need.id, 'check-in');
    const photo = (await uploadPhoto(t, c.volunteer1!)).json();
    expect((await act(t, c.volunteer1!, need.id, 'complete', { summary: '已上门服务', photos: [photo.id] })).json().status).toBe('completed');
    return need;
  }
  const detail = async (id: string) => (await t.app.inject({ url: `/api/needs/${id}`, headers: { cookie: c.communityAdmin1! } })).json();
  const sweep = () => t.app.services.jobs.runDue();

  it('confirms after three days, as 系统, exactly once; a rated need is left to its rating', async () => {
    const unrated = await completed('三天未评价');
    const rated = await completed('已评价');
    t.clock.advance(2 * DAY);
    await sweep();
    expect((await detail(unrated.id)).status).toBe('completed');
    await act(t, c.resident1!, rated.id, 'rate', { rating: 5, solved: true });
    t.clock.advance(DAY + 11 * 60_000);
    await sweep();
    await sweep();
    const d = await detail(unrated.id);
    expect(d.status).toBe('closed');
    const confirms = d.timeline.filter((e: { action: string }) => e.action === 'confirm');
    expect(confirms).toHaveLength(1);
    expect(confirms[0].actorRole).toBe('system');
    expect((await detail(rated.id)).timeline.filter((e: { action: string }) => e.action === 'confirm')).toHaveLength(0);
    // the hours served are confirmed for the time bank with it
    const hours = await queryRows<{ status: string }>(t.database.db, sql`SELECT status FROM service_hours WHERE need_id = ${unrated.id}`);
    expect(hours.map((h) => h.status)).toEqual(['confirmed']);
  });
});

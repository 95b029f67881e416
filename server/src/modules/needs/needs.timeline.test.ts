import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';

/* Other modules' steps on a need's timeline: recorded with the need's version, the state unchanged, an event published. */
describe.each(backends)('steps recorded on the timeline on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let resident: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('communityAdmin1');
    resident = await t.login('resident1');
  });
  afterAll(() => t.close());

  const actorOf = (key: string, at: string, roles: Actor['roles']): Actor => ({
    accountId: t.fx.person[key]!.id, districtId: t.fx.region[at]!.districtId, name: key, roles, regionId: t.fx.region[at]!.id, regionPath: t.fx.region[at]!.path, mustChangePassword: false, ip: '127.0.0.1', isSystem: false,
  });

  it('appends the step after the last one and publishes needs.<action>, leaving the state', async () => {
    const need = await postNeed(t, resident);
    await act(t, admin, need.id, 'accept');
    const { seq } = await t.app.services.needs.recordOnTimeline(actorOf('streetAdmin1', 'S1', ['streetAdmin']), need.id, { role: 'streetAdmin', action: 'whistle', note: '召集城管、物业到场', data: { units: 2 } });
    expect(seq).toBe(3);
    const detail = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: admin } })).json();
    expect(detail.status).toBe('accepted');
    expect(detail.timeline.at(-1)).toMatchObject({ seq: 3, action: 'whistle', actorRole: 'streetAdmin', note: '召集城管、物业到场', fromStatus: 'accepted', toStatus: 'accepted' });
    const published = await queryRows<{ type: string }>(t.database.db, sql`SELECT type FROM domain_events WHERE subject_id = ${need.id} ORDER BY occurred_at`);
    expect(published.map((e) => e.type)).toEqual(['needs.submit', 'needs.accept', 'needs.whistle']);
    // a transition after it takes the next sequence number
    expect((await act(t, admin, need.id, 'pool')).statusCode).toBe(200);
    const after = (await t.app.inject({ url: `/api/needs/${need.id}`, headers: { cookie: admin } })).json();
    expect(after.timeline.map((e: { seq: number; action: string }) => `${e.seq}:${e.action}`).slice(-2)).toEqual(['3:whistle', '4:pool']);
  });

  it('another district’s need is not found', async () => {
    const need = await postNeed(t, resident);
    await expect(t.app.services.needs.recordOnTimeline(actorOf('otherDistrictAdmin', 'X', ['districtAdmin']), need.id, { role: 'districtAdmin', action: 'supervise' })).rejects.toMatchObject({ code: 'needs.not_found' });
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../../test/demo-district.js';

const phoneOf = demoPhoneOf;

/* The demo district on first start: a few conduct incidents, two suspensions held by them, an appeal waiting for the street. */
describe.each(backends)('conduct in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);
  const login = (phone: string) => demo.login(phone);

  it('the community admin sees the incidents; each suspended volunteer is held by one with its lifting job', async () => {
    const cookie = await login(phoneOf('communityAdmin'));
    const page = (await demo.app.inject({ url: '/api/conduct/incidents?pageSize=50', headers: { cookie } })).json() as { total: number; items: { status: string; suspension: string }[] };
    expect(page.total).toBe(7);
    expect(page.items.filter((i) => i.suspension === 'active')).toHaveLength(2);
    expect(page.items.map((i) => i.status).sort()).toEqual(['annulled', 'appealing', 'recorded', 'recorded', 'recorded', 'recorded', 'recorded']);
    const [held] = await queryRows<{ unheld: number; jobs: number }>(demo.database.db, sql`
      SELECT (SELECT count(*)::int FROM volunteers v WHERE v.status = 'suspended' AND NOT EXISTS (SELECT 1 FROM conduct_incidents i WHERE i.district_id = v.district_id AND i.account_id = v.account_id AND i.suspension = 'active')) AS unheld,
             (SELECT count(*)::int FROM jobs WHERE name = 'conduct.liftSuspension') AS jobs`);
    expect(held).toEqual({ unheld: 0, jobs: 2 });
  });

  it('the street admin has one appeal to decide and decides it', async () => {
    const cookie = await login(phoneOf('streetAdmin'));
    const queue = (await demo.app.inject({ url: '/api/conduct/incidents?decidable=true', headers: { cookie } })).json() as { items: { id: string; canDecide: boolean }[] };
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]!.canDecide).toBe(true);
    const res = await demo.app.inject({ method: 'POST', url: `/api/conduct/incidents/${queue.items[0]!.id}/decide`, headers: { cookie }, payload: { outcome: 'dismissed', reason: '签到照片与现场记录不符' } });
    expect(res.json(), res.body).toMatchObject({ status: 'confirmed' });
  });
});

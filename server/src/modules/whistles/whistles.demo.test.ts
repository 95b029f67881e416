import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../../test/demo-district.js';

const phoneOf = demoPhoneOf;

/* The demo district on first start: whistles on its open major items, units reporting in, parts recorded. */
describe.each(backends)('吹哨报到 in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);
  const login = (phone: string) => demo.login(phone);

  it('the street admin of street 1 finds whistles with units reported in and parts recorded, one closed', async () => {
    const res = await demo.app.inject({ url: '/api/whistles?pageSize=50', headers: { cookie: await login(phoneOf('streetAdmin')) } });
    const items = res.json().items as { state: string; progress: { called: number; reported: number; done: number } }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.some((w) => w.state === 'closed')).toBe(true);
    expect(items.some((w) => w.state === 'open' && w.progress.done > 0)).toBe(true);
    expect(items.some((w) => w.state === 'open' && w.progress.reported < w.progress.called)).toBe(true);
  });

  it('the partner unit 鑫源超市 sees the whistles it was called to', async () => {
    const res = await demo.app.inject({ url: '/api/whistles?calledToMe=true', headers: { cookie: await login(phoneOf('partner')) } });
    expect(res.json().total).toBeGreaterThanOrEqual(1);
  });

  it('every whistled need’s timeline is whole: steps 1…version, times rising, the state kept', async () => {
    const broken = await queryRows<{ need_id: string }>(demo.database.db, sql`
      SELECT n.id AS need_id FROM needs n JOIN whistles w ON w.district_id = n.district_id AND w.need_id = n.id
      WHERE (SELECT count(*) FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id) <> n.version
         OR (SELECT max(seq) FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id) <> n.version
         OR EXISTS (SELECT 1 FROM need_events a JOIN need_events b ON b.district_id = a.district_id AND b.need_id = a.need_id AND b.seq = a.seq + 1 WHERE a.need_id = n.id AND b.at < a.at)
         OR (SELECT to_status FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id ORDER BY seq DESC LIMIT 1) <> n.status`);
    expect(broken).toEqual([]);
    const [steps] = await queryRows<{ n: number }>(demo.database.db, sql`SELECT count(*)::int AS n FROM need_events WHERE action IN ('whistle', 'callIn', 'reportIn', 'unitPart', 'whistleClose')`);
    expect(steps!.n).toBeGreaterThan(10);
  });
});

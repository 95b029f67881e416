import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends } from '../../test/harness.js';
import { demoDistrict, demoPhoneOf } from '../../test/demo-district.js';

/* The demo district on first start: people under care in every community, paired, some with plans, visited. */
describe.each(backends)('people under care in the demo district on %s', (backend) => {
  const demo = demoDistrict(backend);

  it('every community has people under care; each is paired; their visits add up to their latest; the plans have a next day', async () => {
    const [facts] = await queryRows<{ communities: number; covered: number; unpaired: number; stale: number; plans: number; undated: number; late: number }>(demo.database.db, sql`
      SELECT (SELECT count(*)::int FROM regions WHERE type = 'community') AS communities,
             (SELECT count(DISTINCT c.id)::int FROM care_recipients r JOIN regions b ON b.id = r.region_id JOIN regions c ON c.type = 'community' AND starts_with(b.path, c.path)) AS covered,
             (SELECT count(*)::int FROM care_recipients r WHERE NOT EXISTS (SELECT 1 FROM care_pairings p WHERE p.recipient_id = r.id)) AS unpaired,
             (SELECT count(*)::int FROM care_recipients r WHERE r.last_visit_at IS DISTINCT FROM (SELECT max(visited_at) FROM care_visits v WHERE v.recipient_id = r.id)) AS stale,
             (SELECT count(*)::int FROM care_plans) AS plans,
             (SELECT count(*)::int FROM care_plans WHERE next_due_on IS NULL) AS undated,
             (SELECT count(*)::int FROM care_visits WHERE visited_at > now() + interval '1 minute') AS late`);
    expect(facts!.covered).toBe(facts!.communities);
    expect(facts).toMatchObject({ unpaired: 0, stale: 0, undated: 0, late: 0 });
    expect(facts!.plans).toBeGreaterThan(0);
  });

  it('the community admin sees their people, the demo volunteer the two they look after (call name, place, needs only)', async () => {
    const admin = await demo.login(demoPhoneOf('communityAdmin'));
    const list = (await demo.app.inject({ url: '/api/care-recipients?pageSize=50', headers: { cookie: admin } })).json() as { total: number; items: { callName: string; types: unknown[] }[] };
    expect(list.total).toBeGreaterThan(0);
    const volunteer = await demo.login(demoPhoneOf('volunteer'));
    const mine = (await demo.app.inject({ url: '/api/care-recipients/mine', headers: { cookie: volunteer } })).json() as { view: string; name: string | null; callName: string; riskNotes: string | null; needs: string }[];
    expect(mine).toHaveLength(2);
    expect(mine.every((m) => m.view === 'volunteer' && m.name === null && m.riskNotes === null && m.needs.length > 0 && /奶奶|爷爷|阿姨|叔|小/.test(m.callName))).toBe(true);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { postNeed } from '../../test/needs-helpers.js';

/*
 * A hand-made district whose screen is known. "Now" is 2026-03-20 12:00 in Shanghai: the trend runs
 * from April 2025 to March 2026, the year is 2026, the month March.
 *
 *  need  place  team  class  created (Shanghai)   deadline     completed    state        rated
 *  A     B1/G1  T1    K1     03-02                03-06        03-05        closed       5 (03-06)
 *  B     B1/G1  T1    K1     03-10                03-12        —            dispatched   (overdue now)
 *  C     B2/G2  —     K2     02-10                —            —            submitted    (open, no deadline)
 *  D     B2/G2  T2    K2     01-05                01-09        01-08        closed
 *  E     C3     —     K1     2025-12-20           —            01-02        closed
 *  F     C3     —     K2     2025-03-15           —            2025-03-20   closed       (before the 12 months)
 *  H     B2/G2  —     K2     03-01 01:00          —            —            rejected     (02-28 17:00 UTC: March in Shanghai)
 *  X1    XC (other district)  K1  03-01           03-03        —            accepted     (overdue)
 */

const NOW = '2026-03-20T04:00:00.000Z';

type Spec = { key: string; place: 'B1' | 'B2' | 'C3' | 'XC'; team?: 'T1' | 'T2'; cls: 'K1' | 'K2'; created: string; deadline?: string; completed?: string; status: string; rated?: [string, number] };

const specs: Spec[] = [
  { key: 'A', place: 'B1', team: 'T1', cls: 'K1', created: '2026-03-02T02:00:00Z', deadline: '2026-03-06T02:00:00Z', completed: '2026-03-05T02:00:00Z', status: 'closed', rated: ['2026-03-06T02:00:00Z', 5] },
  { key: 'B', place: 'B1', team: 'T1', cls: 'K1', created: '2026-03-10T02:00:00Z', deadline: '2026-03-12T02:00:00Z', status: 'dispatched' },
  { key: 'C', place: 'B2', cls: 'K2', created: '2026-02-10T02:00:00Z', status: 'submitted' },
  { key: 'D', place: 'B2', team: 'T2', cls: 'K2', created: '2026-01-05T02:00:00Z', deadline: '2026-01-09T02:00:00Z', completed: '2026-01-08T02:00:00Z', status: 'closed' },
  { key: 'E', place: 'C3', cls: 'K1', created: '2025-12-20T02:00:00Z', completed: '2026-01-02T02:00:00Z', status: 'closed' },
  { key: 'F', place: 'C3', cls: 'K2', created: '2025-03-15T02:00:00Z', completed: '2025-03-20T02:00:00Z', status: 'closed' },
  { key: 'H', place: 'B2', cls: 'K2', created: '2026-02-28T17:00:00Z', status: 'rejected' },
  { key: 'X1', place: 'XC', cls: 'K1', created: '2026-03-01T02:00:00Z', deadline: '2026-03-03T02:00:00Z', status: 'accepted' },
];

/** A sub-category of each of two classes of a district, and the classes' names. */
async function classes(t: TestApp, districtId: string) {
  const rows = await queryRows<{ id: string; parent: string; name: string }>(
    t.database.db,
    sql`SELECT DISTINCT ON (p.sort_order) c.id, p.id AS parent, p.name FROM need_categories c JOIN need_categories p ON p.district_id = c.district_id AND p.id = c.parent_id
        WHERE c.district_id = ${districtId} ORDER BY p.sort_order, c.code LIMIT 2`,
  );
  return { K1: rows[0]!, K2: rows[1]! };
}

async function seed(t: TestApp) {
  const ours = t.fx.region.D!.districtId;
  const cats = { [ours]: await classes(t, ours), [t.fx.region.X!.districtId]: await classes(t, t.fx.region.X!.districtId) };
  for (const [i, s] of specs.entries()) {
    const region = t.fx.region[s.place]!;
    const creator = region.districtId === ours ? t.fx.person.districtAdmin!.id : t.fx.person.otherDistrictAdmin!.id;
    const id = globalThis.crypto.randomUUID();
    const accepted = s.deadline ? s.created : null;
    await t.database.db.execute(sql`
      INSERT INTO needs (district_id, id, number, kind, category_id, title, description, region_id, requester_name, channel, status, severity, round,
        team_id, accepted_at, deadline_at, completed_at, rating, created_by, created_at, updated_at, version)
      VALUES (${region.districtId}, ${id}, ${`DS2026${String(i).padStart(4, '0')}`}, 'grievance', ${cats[region.districtId]![s.cls].id}, ${`大屏测试${s.key}`}, '测试', ${region.id}, '测试人', 'hotline', ${s.status}, 'general', 1,
        ${s.team ? t.fx.team[s.team]!.id : null}, ${accepted}, ${s.deadline ?? null}, ${s.completed ?? null}, ${s.rated?.[1] ?? null}, ${creator}, ${s.created}, ${s.created}, 1)`);
    if (s.rated)
      await t.database.db.execute(sql`INSERT INTO need_events (district_id, need_id, seq, at, action, from_status, to_status, actor_role, data)
        VALUES (${region.districtId}, ${id}, 1, ${s.rated[0]}, 'rate', 'completed', 'rated', 'requester', ${JSON.stringify({ rating: s.rated[1], solved: true })}::jsonb)`);
  }
  // verified service: volunteer1 this month, teamLeader1 in January, volunteer2 last year
  const served: [string, string, string][] = [['volunteer1', '2026-03-05', '2.5'], ['teamLeader1', '2026-01-10', '1'], ['volunteer2', '2025-12-01', '4']];
  for (const [who, day, hours] of served)
    await t.database.db.execute(sql`INSERT INTO volunteer_service_entries (district_id, account_id, source, source_id, title, served_on, hours)
      VALUES (${ours}, ${t.fx.person[who]!.id}, 'order', ${globalThis.crypto.randomUUID()}, '上门服务', ${day}, ${hours})`);
  await t.database.db.execute(sql`UPDATE regions SET centre = '{"lng": 117.55, "lat": 34.86}'::jsonb WHERE id = ${t.fx.region.G1!.id}`);
  return cats[ours]!;
}

type Screen = {
  regionName: string; year: number; month: string;
  totals: Record<string, number | null>;
  trend: { month: string; received: number; completed: number }[];
  categories: { id: string; name: string; nameEn: string; received: number }[];
  grids: { id: string; name: string; parentName: string | null; centre: { lng: number; lat: number } | null; open: number; overdue: number }[];
  teams: { rank: number; name: string; completed: number; satisfactionRate: number | null }[];
  volunteers: { rank: number; name: string; hours: string }[];
};

describe.each(backends)('the big screen (大屏) on %s', (backend) => {
  let t: TestApp;
  let cats: Awaited<ReturnType<typeof seed>>;
  const c: Record<string, string> = {};
  const get = (who: string, query = '') => t.app.inject({ url: `/api/dashboard${query}`, headers: { cookie: c[who]!, 'accept-language': 'zh-CN' } });
  const screen = async (who: string, query = '') => {
    const res = await get(who, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Screen;
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'communityAdmin1', 'gridWorker1', 'otherDistrictAdmin', 'resident1']) c[k] = await t.login(k);
    cats = await seed(t);
    t.clock.set(NOW);
    const award = await t.app.inject({ method: 'POST', url: '/api/ledger/awards', headers: { cookie: c.communityAdmin1! }, payload: { volunteerId: t.fx.person.volunteer1!.id, ruleCode: 'award.training', note: '参加急救培训' } });
    expect(award.statusCode, award.body).toBe(201);
  });
  afterAll(() => t.close());

  it('counts the district: the year’s totals, this month’s rates, the registry, the teams and the points', async () => {
    const s = await screen('districtAdmin');
    expect(s).toMatchObject({ regionName: '测试区', year: 2026, month: '2026-03' });
    // received this year: C, D, A, B, H; completed: E, D, A; open: B, C; overdue: B
    expect(s.totals).toEqual({
      received: 5, completed: 3, open: 2, overdue: 1, onTimeRate: 1, satisfactionRate: 1,
      activeVolunteers: 3, teams: 2, verifiedHours: 3.5, pointsIssued: 5, pointsRedeemed: 0,
    });
  });

  it('draws the last 12 months by Shanghai month, and the year’s classes of need', async () => {
    const s = await screen('districtAdmin');
    expect(s.trend.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    const busy = Object.fromEntries(s.trend.filter((m) => m.received || m.completed).map((m) => [m.month, [m.received, m.completed]]));
    // F (March 2025) is before the window; H, created 28 February in UTC, is March in Shanghai
    expect(busy).toEqual({ '2025-12': [1, 0], '2026-01': [1, 2], '2026-02': [1, 0], '2026-03': [3, 1] });
    expect(s.categories.map((k) => [k.id, k.name, k.received])).toEqual([[cats.K2.parent, cats.K2.name, 3], [cats.K1.parent, cats.K1.name, 2]]);
    expect(s.categories[0]!.nameEn).toBeTruthy();
  });

  it('maps every grid with its centre, open and overdue needs; ranks the month’s teams and volunteers', async () => {
    const s = await screen('districtAdmin');
    expect(s.grids.map((g) => [g.parentName, g.name, g.centre, g.open, g.overdue])).toEqual([
      ['光明社区', '光明一网格', { lng: 117.55, lat: 34.86 }, 1, 1],
      ['和平社区', '和平一网格', null, 1, 0],
    ]);
    expect(s.teams).toEqual([{ rank: 1, id: t.fx.team.T1!.id, name: '光明志愿服务队', completed: 1, onTimeRate: 1, satisfactionRate: 1 }]);
    expect(s.volunteers.map((v) => [v.rank, v.name, v.hours])).toEqual([[1, '赵志愿', '2.5']]);
  });

  it('counts only the caller’s subtree, and a region filter inside it narrows it', async () => {
    const mine = await screen('communityAdmin1');
    expect(mine.totals).toMatchObject({ received: 2, completed: 1, open: 1, overdue: 1, activeVolunteers: 2, teams: 1, verifiedHours: 3.5, pointsIssued: 5 });
    expect(mine.grids.map((g) => g.name)).toEqual(['光明一网格']);
    const grid = await screen('gridWorker1');
    expect(grid.totals).toMatchObject({ received: 2, open: 1 });
    const west = await screen('districtAdmin', `?regionId=${t.fx.region.S2!.id}`);
    expect(west).toMatchObject({ regionName: '西街道', grids: [], teams: [], volunteers: [] });
    expect(west.totals).toMatchObject({ received: 0, completed: 1, open: 0, overdue: 0, activeVolunteers: 0, teams: 0, verifiedHours: 0, pointsIssued: 0 });
    // the other district sees its own overdue need and nothing of ours
    const other = await screen('otherDistrictAdmin');
    expect(other.totals).toMatchObject({ received: 1, completed: 0, open: 1, overdue: 1, activeVolunteers: 0 });
  });

  it('answers a place outside the caller’s subtree as missing, and refuses anyone but staff', async () => {
    for (const place of ['C2', 'S1', 'XC', 'D']) expect((await get('communityAdmin1', `?regionId=${t.fx.region[place]!.id}`)).statusCode).toBe(404);
    expect((await get('otherDistrictAdmin', `?regionId=${t.fx.region.C1!.id}`)).statusCode).toBe(404);
    expect((await get('resident1')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/dashboard' })).statusCode).toBe(401);
    expect((await get('districtAdmin', '?regionId=nope')).statusCode).toBe(400);
  });

  it('shows a new need and new points at once: what is kept is let go of by a write', async () => {
    const before = await screen('districtAdmin');
    await postNeed(t, c.resident1!);
    const award = await t.app.inject({ method: 'POST', url: '/api/ledger/awards', headers: { cookie: c.communityAdmin1! }, payload: { volunteerId: t.fx.person.volunteer1!.id, ruleCode: 'award.training', note: '再次培训' } });
    expect(award.statusCode, award.body).toBe(201);
    const after = await screen('districtAdmin');
    expect(after.totals.open).toBe(before.totals.open! + 1);
    expect(after.grids.find((g) => g.name === '光明一网格')!.open).toBe(2);
    expect(after.totals.pointsIssued).toBe(before.totals.pointsIssued! + 5);
  });
});

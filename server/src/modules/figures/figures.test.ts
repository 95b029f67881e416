import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { backends, createTestApp, signalsHeard, unsignalled, type TestApp } from '../../test/harness.js';

/*
 * A hand-made district where every figure is known. "Now" is 2026-03-20 12:00 in Shanghai; the
 * period is March 2026 (Shanghai days: 2026-02-28T16:00Z up to 2026-03-31T16:00Z).
 *
 *  need  place  team  created      accepted (h)  deadline     completed    state       round  ratings in March
 *  A     B1/C1  T1    02-28 16:00  +2            03-03 02:00  03-02 00:00  closed      1      5
 *  B     B1/C1  T1    03-02 00:00  +4            03-04 04:00  03-05 00:00  completed   2      2 (sent back)
 *  G     B1/C1  T1    02-01        +1            02-03        02-27        closed      1      4 (rated 03-01)
 *  I     B1/C1  T1    03-04 00:00  +3            03-06        —            cancelled   1
 *  C     B2/C2  T2    02-27 10:00  +48           03-03 10:00  —            in_service  1      (overdue now)
 *  D     B2/C2  —     03-10 00:00  +6            03-20 12:00  —            pooled      1      (due within 24 h)
 *  H     B2/C2  T2    03-03 00:00  +1            none         03-06 00:00  completed   1
 *  K     B2/C2  T2    03-15 00:00  +1            03-17 01:00  03-17 01:00  completed   1      (exactly at the deadline: on time)
 *  E     C3     —     03-05 00:00  —             —            —            submitted   1
 *  F     C3     —     01-10        +1            01-12        01-11        closed      1      3 (rated in January)
 *  L     C3     —     03-31 16:00  —             —            —            submitted   1      (April in Shanghai)
 *  X1    XC (other district)   accepted, overdue
 */

const NOW = '2026-03-20T04:00:00.000Z';
const MARCH = 'from=2026-03-01&to=2026-03-31';
const H = 3600_000;

type Spec = {
  key: string; place: 'B1' | 'B2' | 'C3' | 'XC'; team?: 'T1' | 'T2'; created: string; acceptedAfterH?: number; deadline?: string; completed?: string;
  status: string; round?: number; ratings?: [at: string, stars: number][];
};

const specs: Spec[] = [
  { key: 'A', place: 'B1', team: 'T1', created: '2026-02-28T16:00:00Z', acceptedAfterH: 2, deadline: '2026-03-03T02:00:00Z', completed: '2026-03-02T00:00:00Z', status: 'closed', ratings: [['2026-03-02T05:00:00Z', 5]] },
  { key: 'B', place: 'B1', team: 'T1', created: '2026-03-02T00:00:00Z', acceptedAfterH: 4, deadline: '2026-03-04T04:00:00Z', completed: '2026-03-05T00:00:00Z', status: 'completed', round: 2, ratings: [['2026-03-03T00:00:00Z', 2]] },
  { key: 'G', place: 'B1', team: 'T1', created: '2026-02-01T00:00:00Z', acceptedAfterH: 1, deadline: '2026-02-03T00:00:00Z', completed: '2026-02-27T00:00:00Z', status: 'closed', ratings: [['2026-03-01T01:00:00Z', 4]] },
  { key: 'I', place: 'B1', team: 'T1', created: '2026-03-04T00:00:00Z', acceptedAfterH: 3, deadline: '2026-03-06T00:00:00Z', status: 'cancelled' },
  { key: 'C', place: 'B2', team: 'T2', created: '2026-02-27T10:00:00Z', acceptedAfterH: 48, deadline: '2026-03-03T10:00:00Z', status: 'in_service' },
  { key: 'D', place: 'B2', created: '2026-03-10T00:00:00Z', acceptedAfterH: 6, deadline: '2026-03-20T12:00:00Z', status: 'pooled' },
  { key: 'H', place: 'B2', team: 'T2', created: '2026-03-03T00:00:00Z', acceptedAfterH: 1, completed: '2026-03-06T00:00:00Z', status: 'completed' },
  { key: 'K', place: 'B2', team: 'T2', created: '2026-03-15T00:00:00Z', acceptedAfterH: 1, deadline: '2026-03-17T01:00:00Z', completed: '2026-03-17T01:00:00Z', status: 'completed' },
  { key: 'E', place: 'C3', created: '2026-03-05T00:00:00Z', status: 'submitted' },
  { key: 'F', place: 'C3', created: '2026-01-10T00:00:00Z', acceptedAfterH: 1, deadline: '2026-01-12T00:00:00Z', completed: '2026-01-11T00:00:00Z', status: 'closed', ratings: [['2026-01-12T00:00:00Z', 3]] },
  { key: 'L', place: 'C3', created: '2026-03-31T16:00:00Z', status: 'submitted' },
  { key: 'X1', place: 'XC', created: '2026-03-01T00:00:00Z', acceptedAfterH: 1, deadline: '2026-03-03T00:00:00Z', status: 'accepted' },
];

/** Writes the needs (and their rating events) as the service would have left them. */
async function seedSpecs(t: TestApp): Promise<Record<string, { id: string; number: string }>> {
  const made: Record<string, { id: string; number: string }> = {};
  for (const [i, s] of specs.entries()) {
    const region = t.fx.region[s.place]!;
    const [cat] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM need_categories WHERE district_id = ${region.districtId} AND parent_id IS NOT NULL ORDER BY code LIMIT 1`);
    const creator = region.districtId === t.fx.region.D!.districtId ? t.fx.person.districtAdmin!.id : t.fx.person.otherDistrictAdmin!.id;
    const id = globalThis.crypto.randomUUID();
    const number = `FG2026${String(i).padStart(4, '0')}`;
    const accepted = s.acceptedAfterH === undefined ? null : new Date(Date.parse(s.created) + s.acceptedAfterH * H).toISOString();
    await t.database.db.execute(sql`
      INSERT INTO needs (district_id, id, number, kind, category_id, title, description, region_id, requester_name, channel, status, severity, round,
        team_id, accepted_at, deadline_at, completed_at, rating, created_by, created_at, updated_at, version)
      VALUES (${region.districtId}, ${id}, ${number}, 'grievance', ${cat!.id}, ${`考核测试${s.key}`}, '测试', ${region.id}, '测试人', 'hotline', ${s.status}, 'general', ${s.round ?? 1},
        ${s.team ? t.fx.team[s.team]!.id : null}, ${accepted}, ${s.deadline ?? null}, ${s.completed ?? null}, ${s.ratings?.at(-1)?.[1] ?? null}, ${creator}, ${s.created}, ${s.created}, ${1 + (s.ratings?.length ?? 0)})`);
    await t.database.db.execute(sql`INSERT INTO need_events (district_id, need_id, seq, at, action, to_status, actor_role) VALUES (${region.districtId}, ${id}, 1, ${s.created}, 'submit', 'submitted', 'requester')`);
    for (const [j, [at, stars]] of (s.ratings ?? []).entries()) {
      await t.database.db.execute(sql`
        INSERT INTO need_events (district_id, need_id, seq, at, action, from_status, to_status, actor_role, data)
        VALUES (${region.districtId}, ${id}, ${j + 2}, ${at}, 'rate', 'completed', 'rated', 'requester', ${JSON.stringify({ rating: stars, solved: stars > 2 })}::jsonb)`);
    }
    made[s.key] = { id, number };
  }
  return made;
}

type Figures = Record<string, number | null>;
type Summary = { from: string; to: string; groupBy: string; regionName: string; totals: Figures; groups: (Figures & { rank: number; id: string | null; name: string | null; parentName: string | null })[] };

describe.each(backends)('the figures of a hand-made district on %s', (backend) => {
  let t: TestApp;
  let made: Record<string, { id: string; number: string }>;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const k of ['districtAdmin', 'communityAdmin1', 'streetAdmin2', 'gridWorker1', 'otherDistrictAdmin', 'resident1', 'teamLeader1']) c[k] = await t.login(k);
    made = await seedSpecs(t);
    t.clock.set(NOW);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string, lang = 'zh-CN') => t.app.inject({ url, headers: { cookie: c[who]!, 'accept-language': lang } });
  const summary = async (who: string, query: string) => {
    const res = await get(who, `/api/figures/summary?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Summary;
  };

  it('counts the district’s month: response time, on-time, satisfaction, reopen and overdue', async () => {
    const s = await summary('districtAdmin', MARCH);
    expect(s).toMatchObject({ from: '2026-03-01', to: '2026-03-31', groupBy: 'community', regionName: '测试区' });
    // accepted in March: 1, 1, 2, 3, 4, 6, 48 hours
    expect(s.totals).toMatchObject({ received: 7, accepted: 7, responseMedianHours: 3, completed: 4, withDeadline: 3, onTime: 2, rated: 3, satisfied: 2, reopened: 1, overdue: 1, dueSoon: 1 });
    expect(s.totals.responseMeanHours).toBeCloseTo(65 / 7, 6);
    expect(s.totals.onTimeRate).toBeCloseTo(2 / 3, 6);
    expect(s.totals.satisfactionRate).toBeCloseTo(2 / 3, 6);
    expect(s.totals.reopenRate).toBe(0.25);
  });

  it('ranks the communities by on-time rate, the one with nothing to rate last', async () => {
    const s = await summary('districtAdmin', `${MARCH}&groupBy=community`);
    expect(s.groups.map((g) => [g.rank, g.name])).toEqual([[1, '和平社区'], [2, '光明社区'], [3, '幸福社区']]);
    const [c2, c1, c3] = s.groups;
    expect(c1).toMatchObject({ id: t.fx.region.C1!.id, received: 3, accepted: 3, responseMedianHours: 3, responseMeanHours: 3, completed: 2, withDeadline: 2, onTime: 1, onTimeRate: 0.5, rated: 3, satisfied: 2, reopened: 1, reopenRate: 0.5, overdue: 0, dueSoon: 0 });
    expect(c2).toMatchObject({ received: 3, accepted: 4, responseMedianHours: 3.5, responseMeanHours: 14, completed: 2, withDeadline: 1, onTime: 1, onTimeRate: 1, rated: 0, satisfactionRate: null, reopenRate: 0, overdue: 1, dueSoon: 1 });
    expect(c3).toMatchObject({ received: 1, accepted: 0, responseMedianHours: null, completed: 0, onTimeRate: null, satisfactionRate: null, reopenRate: null, overdue: 0 });
  });

  it('rolls needs up to their grid, street or team; those with none form one unnamed group', async () => {
    const grids = await summary('districtAdmin', `${MARCH}&groupBy=grid`);
    // a grid carries its community's name: grids are often named alike across communities
    expect(grids.groups.map((g) => [g.parentName, g.name, g.received])).toEqual([['和平社区', '和平一网格', 3], ['光明社区', '光明一网格', 3], [null, null, 1]]);
    const streets = await summary('districtAdmin', `${MARCH}&groupBy=street`);
    expect(streets.groups.map((g) => [g.name, g.parentName, g.received, g.completed, g.overdue])).toEqual([['东街道', null, 6, 4, 1], ['西街道', null, 1, 0, 0]]);
    const teams = await summary('districtAdmin', `${MARCH}&groupBy=team`);
    const byName = new Map(teams.groups.map((g) => [g.name, g]));
    expect(byName.get('光明志愿服务队')).toMatchObject({ received: 3, accepted: 3, completed: 2, onTime: 1, rated: 3 });
    expect(byName.get('和平志愿服务队')).toMatchObject({ received: 2, accepted: 3, completed: 2, onTime: 1, overdue: 1, dueSoon: 0 });
    expect(byName.get(null)).toMatchObject({ id: null, received: 2, accepted: 1, dueSoon: 1 });
    // every grouping adds up to the same totals
    for (const s of [grids, streets, teams]) expect(s.groups.reduce((n, g) => n + (g.received ?? 0), 0)).toBe(s.totals.received);
  });

  it('counts only the caller’s subtree, and a region filter narrows it', async () => {
    const mine = await summary('communityAdmin1', MARCH);
    expect(mine.totals).toMatchObject({ received: 3, completed: 2, onTime: 1, rated: 3, overdue: 0 });
    expect(mine.groups.map((g) => g.name)).toEqual(['光明社区']);
    expect((await summary('streetAdmin2', MARCH)).totals).toMatchObject({ received: 1, accepted: 0, overdue: 0 });
    expect((await summary('districtAdmin', `${MARCH}&regionId=${t.fx.region.C2!.id}`)).totals).toMatchObject({ received: 3, overdue: 1, dueSoon: 1 });
    // the other district sees its own overdue need and nothing of this one
    expect((await summary('otherDistrictAdmin', MARCH)).totals).toMatchObject({ received: 1, accepted: 1, overdue: 1, completed: 0 });
  });

  it('answers a region outside the caller’s scope like a missing one, and refuses residents and leaders', async () => {
    for (const url of [`/api/figures/summary?regionId=${t.fx.region.C2!.id}`, `/api/figures/overdue?regionId=${t.fx.region.C2!.id}`, `/api/figures/export?regionId=${t.fx.region.C2!.id}`]) {
      const res = await get('communityAdmin1', url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('regions.not_found');
    }
    for (const who of ['resident1', 'teamLeader1']) expect((await get(who, '/api/figures/summary')).json().code).toBe('auth.forbidden');
  });

  it('defaults to the current month in Shanghai and refuses a period that ends before it starts', async () => {
    const s = await summary('districtAdmin', '');
    expect(s).toMatchObject({ from: '2026-03-01', to: '2026-03-31', groupBy: 'community' });
    const bad = await get('districtAdmin', '/api/figures/summary?from=2026-03-31&to=2026-03-01', 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'figures.bad_period', field: 'from' });
    expect((await get('districtAdmin', '/api/figures/summary?from=2026-3-1')).json()).toMatchObject({ code: 'validation.format', field: 'from' });
    expect((await get('districtAdmin', '/api/figures/summary?groupBy=house')).statusCode).toBe(400);
  });

  it('moves with the platform clock: what is overdue is decided by now', async () => {
    t.clock.set('2026-03-20T13:00:00Z'); // D's deadline (12:00) has passed
    expect((await summary('districtAdmin', MARCH)).totals).toMatchObject({ overdue: 2, dueSoon: 0 });
    t.clock.set(NOW);
  });

  it('keeps the counts until a change, or until the clock moves a deadline into the next 24 hours or past now', async () => {
    await t.app.services.needs.keepingPages();
    const totals = async () => (await summary('districtAdmin', MARCH)).totals;
    // on PostgreSQL this instance also hears its own earlier writes' signals a moment after they commit
    const settled = () => signalsHeard(t.database);
    try {
      t.clock.set('2026-03-19T10:00:00Z'); // D's deadline (03-20 12:00) is 26 hours ahead
      await settled();
      expect(await totals()).toMatchObject({ overdue: 1, dueSoon: 0 });
      // C cancelled where no cache hears of it: the kept counts still have C overdue
      await unsignalled(t, `UPDATE needs SET status = 'cancelled' WHERE id = '${made.C!.id}'`);
      expect(await totals()).toMatchObject({ overdue: 1, dueSoon: 0 });
      t.clock.set('2026-03-19T11:59:50Z'); // just over 24 hours ahead (time passes: this clock moves): still kept
      expect(await totals()).toMatchObject({ overdue: 1, dueSoon: 0 });
      t.clock.set('2026-03-19T12:00:00.001Z'); // D is due soon: counted anew, and C's cancel is seen with it
      expect(await totals()).toMatchObject({ overdue: 0, dueSoon: 1 });
      // a change this instance writes is on the next count
      await t.database.db.execute(sql`UPDATE needs SET status = 'in_service' WHERE id = ${made.C!.id}`);
      expect(await totals()).toMatchObject({ overdue: 1, dueSoon: 1 });
      t.clock.set('2026-03-20T12:00:00.001Z'); // D's deadline has passed
      expect(await totals()).toMatchObject({ overdue: 2, dueSoon: 0 });
      t.clock.set(NOW); // a clock set back is counted anew too
      expect(await totals()).toMatchObject({ overdue: 1, dueSoon: 1 });
    } finally {
      t.clock.set(NOW);
      await t.database.db.execute(sql`UPDATE needs SET status = 'in_service' WHERE id = ${made.C!.id}`);
    }
  });

  it('lists the overdue needs, most overdue first, and those due within 24 hours', async () => {
    const res = await get('districtAdmin', '/api/figures/overdue');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ id: made.C!.id, number: made.C!.number, status: 'in_service', regionName: '和平1号楼', place: ['东街道', '和平社区', '和平一网格', '和平1号楼'], teamName: '和平志愿服务队', deadlineAt: '2026-03-03T10:00:00.000Z', hoursPast: 402 }] });
    const soon = (await get('districtAdmin', '/api/figures/overdue?window=dueSoon')).json();
    expect(soon).toMatchObject({ total: 1, items: [{ id: made.D!.id, teamName: null, hoursPast: -8 }] });
    expect((await get('communityAdmin1', '/api/figures/overdue')).json()).toMatchObject({ total: 0, items: [] });
    expect((await get('otherDistrictAdmin', '/api/figures/overdue')).json().items.map((i: { id: string }) => i.id)).toEqual([made.X1!.id]);
  });

  it('exports the ranking and the overdue list in words, not codes, and audits the export', async () => {
    const res = await get('districtAdmin', `/api/figures/export?${MARCH}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['办理考核排名', '超期清单']);
    const cells = (i: number) => {
      const rows: string[][] = [];
      book.worksheets[i]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
      return rows;
    };
    const ranking = cells(0);
    expect(ranking[0]).toEqual(['统计周期', '2026-03-01 — 2026-03-31', '统计范围', '测试区', '社区']);
    expect(ranking[1]![0]).toBe('排名');
    expect(ranking[2]).toEqual(['1', '和平社区', '3', '4', '3.5', '14', '2', '1', '1', '100.0%', '0', '0', '', '0', '0.0%', '1', '1']);
    expect(ranking.at(-1)!.slice(0, 10)).toEqual(['', '合计', '7', '7', '3', '9.3', '4', '3', '2', '66.7%']);
    const overdue = cells(1);
    expect(overdue).toEqual([['编号', '标题', '状态', '紧急程度', '区域', '服务队', '办理期限', '超期(小时)'], [made.C!.number, '考核测试C', '服务中', '一般', '东街道 › 和平社区 › 和平一网格 › 和平1号楼', '和平志愿服务队', '2026-03-03 18:00', '402']]);
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'figures.export' AND actor_id = ${t.fx.person.districtAdmin!.id}`);
    expect(audit!.n).toBe(1);
    const en = await get('districtAdmin', `/api/figures/export?${MARCH}&groupBy=team`, 'en');
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(enBook.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Overdue']);
    const names: string[] = [];
    enBook.worksheets[0]!.eachRow((row) => names.push(String((row.values as unknown[])[2] ?? '')));
    expect(names).toContain('Not dispatched to a team');
  });
});

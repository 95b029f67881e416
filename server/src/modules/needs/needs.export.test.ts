import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNeedsInBulk } from '../../test/bulk-needs.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, postNeed } from '../../test/needs-helpers.js';
import type { ExportRow } from './needs.export-rows.js';
import { writeNeedsWorkbook } from './needs.export.js';

// The words a reader expects, written out here rather than taken from the code under test.
const zh = {
  kind: { microWish: '微心愿', serviceRequest: '服务需求', grievance: '诉求' } as Record<string, string>,
  severity: { general: '一般', important: '重要', major: '重大' } as Record<string, string>,
  channel: { self: '居民自助', hotline: '12345热线', letter: '来信', visit: '走访来访', wishWall: '心愿墙', open311: '外部系统', import: '表格导入', carePlan: '一人一策' } as Record<string, string>,
  status: {
    submitted: '已点单', accepted: '已受理', dispatched: '已派单', pooled: '待抢单', claimed: '已领单', in_service: '服务中', completed: '已结单',
    rated: '已评价', closed: '已办结', rejected: '不予受理', cancelled: '已撤销',
  } as Record<string, string>,
};
const zhHeaders = ['编号', '类型', '分类', '标题', '状态', '紧急程度', '渠道', '区域', '求助人', '服务队', '提交时间', '受理时间', '办理期限', '结单时间', '评分'];
const shanghai = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const when = (iso: string | null) => (iso ? shanghai.format(new Date(iso)) : '');

type Item = {
  number: string; kind: string; categoryName: string; categoryNameEn: string; title: string; status: string; severity: string; channel: string; regionName: string; place: string[];
  requesterName: string; teamName: string | null; createdAt: string; acceptedAt: string | null; deadlineAt: string | null; completedAt: string | null; rating: number | null;
};

/** The row the sheet must hold for a list item, in zh-CN. */
const expectedRow = (n: Item) => [
  n.number, zh.kind[n.kind], n.categoryName, n.title, zh.status[n.status], zh.severity[n.severity], zh.channel[n.channel], n.place.join(' › '), n.requesterName,
  n.teamName ?? '', when(n.createdAt), when(n.acceptedAt), when(n.deadlineAt), when(n.completedAt), n.rating === null ? '' : String(n.rating),
];

/** Every row of the first sheet as strings, the header row first. */
async function readSheet(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(Array.from({ length: 15 }, (_, i) => (values[i + 1] === undefined || values[i + 1] === null ? '' : String(values[i + 1]))));
  });
  return rows;
}

describe.each(backends)('the needs export on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    // pages of 7 rows and windows of 70: the 601 needs cross many page and window boundaries, some
    // between rows created at the same instant
    t = await createTestApp(backend, { exportMaxRows: 500, exportPageSize: 7 });
    for (const k of ['districtAdmin', 'communityAdmin1', 'communityAdmin2', 'teamLeader1', 'volunteer1', 'resident1']) c[k] = await t.login(k);
    await seedNeedsInBulk(t.database.db, t.fx, 600);
    const need = await postNeed(t, c.resident1!, { title: '导出测试：上门理发' });
    await act(t, c.communityAdmin1!, need.id, 'accept');
    await act(t, c.communityAdmin1!, need.id, 'dispatch', { teamId: t.fx.team.T1!.id });
  }, 120_000);
  afterAll(() => t.close());

  /** The whole list for these filters, page by page, as the screen shows it. */
  async function listAll(cookie: string, query: string): Promise<Item[]> {
    const items: Item[] = [];
    for (let page = 1; ; page++) {
      const res = await t.app.inject({ url: `/api/needs?${query}&page=${page}&pageSize=200`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      items.push(...(res.json().items as Item[]));
      if (items.length >= res.json().total) return items;
    }
  }
  const exportOf = (cookie: string, query: string, lang = 'zh-CN') => t.app.inject({ url: `/api/needs/export?${query}`, headers: { cookie, 'accept-language': lang } });

  it('a district admin’s export holds exactly the rows of the list for the same filters, in its order, with codes in words', async () => {
    const query = 'view=all&kind=serviceRequest';
    const list = await listAll(c.districtAdmin!, query);
    expect(list.length).toBeGreaterThan(150);
    const res = await exportOf(c.districtAdmin!, query);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('no-store');
    // the file is named in the reader's language (UTF-8 filename*), English as the ASCII fallback, and
    // dated by Beijing's day on the platform's clock: 01:00 there is still the evening before in UTC
    t.clock.set('2026-03-04T17:00:00Z');
    try {
      const named = async (locale?: string) => (await exportOf(c.districtAdmin!, 'view=all&kind=microWish', locale)).headers['content-disposition'];
      expect(await named()).toBe(`attachment; filename="needs-2026-03-05.xlsx"; filename*=UTF-8''${encodeURIComponent('需求台账-2026-03-05')}.xlsx`);
      expect(await named('en')).toBe(`attachment; filename="needs-2026-03-05.xlsx"; filename*=UTF-8''needs-2026-03-05.xlsx`);
    } finally {
      t.clock.set(new Date());
    }
    const [header, ...rows] = await readSheet(res.rawPayload);
    expect(header).toEqual(zhHeaders);
    expect(rows).toEqual(list.map(expectedRow));
    // no raw code is left in the kind, status, severity and channel columns
    expect(rows.some((r) => ['serviceRequest', 'general', 'self', 'closed'].some((code) => r.slice(1, 7).includes(code)))).toBe(false);
  });

  it('a community admin exports only their community, exactly as their list', async () => {
    const list = await listAll(c.communityAdmin1!, 'view=all');
    const res = await exportOf(c.communityAdmin1!, 'view=all');
    const [, ...rows] = await readSheet(res.rawPayload);
    expect(rows).toEqual(list.map(expectedRow));
    expect(rows.length).toBe(201); // the 200 seeded in 光明 plus the one posted there
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(['东街道 › 光明社区 › 光明一网格 › 光明1号楼']));
    const filtered = await listAll(c.communityAdmin1!, 'view=all&status=closed,rated&channel=self');
    const [, ...some] = await readSheet((await exportOf(c.communityAdmin1!, 'view=all&status=closed,rated&channel=self')).rawPayload);
    expect(some.map((r) => r[0])).toEqual(filtered.map((n) => n.number));
    // a region outside the caller's scope is missing, as in the list
    expect((await exportOf(c.communityAdmin1!, `view=all&regionId=${t.fx.region.C2!.id}`)).statusCode).toBe(404);
  });

  it('masks the requester as the list does: a team leader sees a masked name', async () => {
    const list = await listAll(c.teamLeader1!, 'view=team');
    const [, ...rows] = await readSheet((await exportOf(c.teamLeader1!, 'view=team')).rawPayload);
    expect(rows.length).toBe(list.length);
    expect(rows.map((r) => r[8])).toEqual(list.map((n) => n.requesterName));
    const posted = rows.find((r) => r[3] === '导出测试：上门理发')!;
    expect(posted[8]).toBe('张*');
    expect(rows.every((r) => r[8]!.endsWith('*'))).toBe(true);
  });

  it('a volunteer’s pool export keeps the pool’s order, oldest first, and its masking', async () => {
    const list = await listAll(c.volunteer1!, 'view=pool');
    expect(list.length).toBeGreaterThan(10);
    const [, ...rows] = await readSheet((await exportOf(c.volunteer1!, 'view=pool')).rawPayload);
    expect(rows).toEqual(list.map(expectedRow));
    expect(rows.every((r) => r[8]!.endsWith('*'))).toBe(true);
  });

  it('writes English words and headers for an English reader', async () => {
    const list = await listAll(c.communityAdmin2!, 'view=all');
    const [header, ...rows] = await readSheet((await exportOf(c.communityAdmin2!, 'view=all', 'en-US,en;q=0.9')).rawPayload);
    expect(header!.slice(0, 7)).toEqual(['Number', 'Kind', 'Category', 'Title', 'Status', 'Severity', 'Channel']);
    const en = {
      kind: { microWish: 'Micro-wish', serviceRequest: 'Service request', grievance: 'Grievance' } as Record<string, string>,
      severity: { general: 'General', important: 'Important', major: 'Major' } as Record<string, string>,
      channel: { self: 'Self-service', hotline: '12345 hotline', letter: 'Letter', visit: 'Visit', wishWall: 'Wish wall', open311: 'Open311', import: 'Import', carePlan: 'Care plan' } as Record<string, string>,
      status: { pooled: 'Open for grabbing', in_service: 'In service', submitted: 'Submitted', closed: 'Closed' } as Record<string, string>,
    };
    expect(rows.map((r) => [r[0], r[1], r[2], r[5], r[6]])).toEqual(list.map((n) => [n.number, en.kind[n.kind], n.categoryNameEn, en.severity[n.severity], en.channel[n.channel]]));
    const statuses = list.map((n, i) => [n.status, rows[i]![4]]).filter(([s]) => s! in en.status);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every(([s, word]) => en.status[s!] === word)).toBe(true);
  });

  it('refuses an export over EXPORT_MAX_ROWS before sending any of it, naming the limit', async () => {
    const res = await exportOf(c.districtAdmin!, 'view=all'); // 601 rows, the limit here is 500
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ code: 'needs.export_too_large' });
    expect(res.json().message).toContain('500');
  });

  it('audits each export: who, which filters, how many rows', async () => {
    await exportOf(c.districtAdmin!, 'view=all&kind=grievance&channel=hotline');
    const audit = await t.app.inject({ url: '/api/audit?action=needs.export&pageSize=100', headers: { cookie: c.districtAdmin! } });
    const entry = (audit.json().items as { actorId: string; details: { view: string; filter: Record<string, string>; rows: number } }[]).find(
      (e) => e.details.filter.kind === 'grievance' && e.details.filter.channel === 'hotline',
    );
    const expected = (await listAll(c.districtAdmin!, 'view=all&kind=grievance&channel=hotline')).length;
    expect(entry).toMatchObject({ actorId: t.fx.person.districtAdmin!.id, details: { view: 'all', filter: { kind: 'grievance', channel: 'hotline' }, rows: expected } });
  });
});

describe.each(backends)('an export does not stop the server on %s', (backend) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { exportPageSize: 100 });
    cookie = await t.login('districtAdmin');
    await seedNeedsInBulk(t.database.db, t.fx, 4000);
  }, 120_000);
  afterAll(() => t.close());

  it('answers /healthz while a 4,000-row export is being written', async () => {
    // the reply arrives as soon as its headers are written; its body follows as it is read
    const res = await t.app.inject({ url: '/api/needs/export?view=all', headers: { cookie }, payloadAsStream: true });
    expect(res.statusCode).toBe(200);
    let exportDone = false;
    const chunks: Buffer[] = [];
    const body = (async () => {
      try {
        for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
      } finally {
        exportDone = true;
      }
    })();
    // health checks one after another until the export ends, each arriving on a later turn of the
    // event loop as a request from the network would: each must be answered while the export runs
    let answeredDuring = 0;
    while (!exportDone) {
      await nextTurn();
      const health = await t.app.inject({ url: '/healthz' });
      expect(health.statusCode).toBe(200);
      if (!exportDone) answeredDuring++;
    }
    await body;
    expect(answeredDuring).toBeGreaterThanOrEqual(5);
    const [, ...rows] = await readSheet(Buffer.concat(chunks));
    expect(rows.length).toBe(4000);
  }, 120_000);
});

const sampleRow: ExportRow = {
  id: '00000000-0000-4000-8000-000000000000', number: 'P', kind: 'microWish', categoryId: '00000000-0000-4000-8000-000000000001', categoryName: '分类', categoryNameEn: 'Category',
  title: '', status: 'submitted', severity: 'general', channel: 'self', regionId: '00000000-0000-4000-8000-000000000002', regionName: '光明1号楼', place: ['东街道', '光明社区', '光明1号楼'], address: null,
  requesterName: '张三', requesterPhone: null, slots: 1, filled: 0, teamId: null, teamName: null, rulingPending: false, duplicateCount: 0, rating: null, overdue: false, paused: false,
  createdAt: '2026-03-01T01:30:00.000Z', acceptedAt: null, deadlineAt: null, completedAt: null, whistle: null,
};

describe('the workbook writer', () => {
  it('stops reading pages while nobody reads the download, and goes on when they do', async () => {
    const total = 400;
    let pulled = 0;
    async function* pages(): AsyncGenerator<ExportRow[]> {
      for (; pulled < total; ) {
        pulled++;
        // random titles, so the zip cannot squeeze the sheet into nothing
        yield Array.from({ length: 100 }, (_, i) => ({ ...sampleRow, number: `P${pulled}-${i}`, title: crypto.randomBytes(16).toString('hex') }));
        await nextTurn();
      }
    }
    const out = new PassThrough();
    const writing = writeNeedsWorkbook(pages(), 'zh-CN', out);
    // nobody reads: wait until the writer stops asking for pages
    let seen = -1;
    for (let still = 0; still < 4; ) {
      await new Promise((r) => setTimeout(r, 50));
      still = pulled === seen ? still + 1 : 0;
      seen = pulled;
    }
    expect(pulled).toBeLessThan(total / 2);
    const chunks: Buffer[] = [];
    for await (const chunk of out) chunks.push(chunk as Buffer);
    expect(await writing).toBe(total * 100);
    const [header, ...rows] = await readSheet(Buffer.concat(chunks));
    expect(header![0]).toBe('编号');
    expect(rows.length).toBe(total * 100);
  }, 60_000);
});

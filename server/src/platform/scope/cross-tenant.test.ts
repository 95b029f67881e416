import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVolunteers } from '../../test/fixtures.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { creditPoints, itemBody } from '../../test/mall-helpers.js';
import { registration } from '../../test/registration.js';
import { categoryId, multipartBody, postNeed, uploadPhoto } from '../../test/needs-helpers.js';
import { sample, type OpenApiDoc, type Schema } from '../../test/openapi.js';

/*
 * Generated from the OpenAPI document, like bad-input.test.ts: every operation that takes an id in
 * its path or a region in its query is called by people from elsewhere — another community of the
 * same street, another street, another district, a resident and a volunteer of another community —
 * on an object that lives in 光明社区 (C1). Each must answer 404 (or 403 for a role that may never
 * call it); a list filtered by a C1 region may also answer without a trace of C1's objects. The same call by C1's district
 * admin must reach the object (not a 404), so a test that passes is a test that looked.
 * A new route with an id or a region is covered the day it lands; one this file cannot make an
 * object for fails until a maker (or a reasoned exemption) is added below.
 */

type Op = { method: string; path: string; params: { in: string; name: string }[]; body?: Schema };
type Made = { id: string; markers: string[] };

const outsiders = ['communityAdmin2', 'communityAdmin3', 'streetAdmin2', 'otherDistrictAdmin', 'resident2', 'volunteer2'];
const regionParams = ['regionId', 'parentId'];

/** Operations outside this rule, and why. */
const exempt: Record<string, string> = {
  'GET /api/public/regions': 'the public place picker used before login: names of places, no people',
  'GET /api/public/volunteer-cards/{code}': 'the public check of a card’s QR: the code is signed, the answer is what the card shows (name masked)',
  'GET /api/public/certificates/{code}': 'the public check of a service record certificate: 95 random bits, rate-limited, the answer is what the certificate says (name masked)',
  // ledger.withdrawals.test.ts: another volunteer gets a 404, and so does staff (the need itself is reached through /api/needs/{id})
  'GET /api/ledger/withdrawals/{id}': 'the caller’s own time-bank withdrawal only, by its need’s id: nobody else reads it, staff included',
  'PUT /api/points-rules/{code}': 'the code names a points rule of the caller’s own district (district-level configuration, district admins only)',
  'PUT /api/need-config/decline-reasons/{code}': 'the code names a reason of the caller’s own district (district-level configuration)',
  'GET /api/public/activities/{id}': 'the public summary of a finished activity, read without signing in: counts, text and photos, no people',
  'GET /api/public/activities/{id}/photos/{photoId}': 'a photo of that public summary',
  // board.test.ts: a place of another district, or below a community, is a 404; a need not consented to, or taken down, is not there
  'GET /api/public/board/{districtId}/needs': 'the district’s public board (公示), read without signing in: consented needs only, anonymised, places down to the community',
  'GET /api/public/board/{districtId}/needs/{needId}/photos/{photoId}': 'a photo of a result on that board: only a shown need’s completion photo',
  'GET /api/public/board/{districtId}/figures': 'each community’s counts of a month on the public board: no people',
  'GET /api/public/board/{districtId}/honours': 'the public honour roll: honoured volunteers’ names, communities and hours, no phone or number',
  // posts.test.ts: a volunteer of another district gets a 404, a resident a 403
  'POST /api/posts/{id}/claim': 'open to every active volunteer of the district: the phone list offers posts beyond their community (their street first)',
  'POST /api/posts/{id}/release': 'the caller’s own place on a post, which any volunteer of the district may hold',
};

describe.each(backends)('cross-tenant access on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let ops: Op[];
  let seq = 0;
  const fixtureMarkers: string[] = [];

  beforeAll(async () => {
    // it reads every route many times over: scope is tested here, the limits in rate-limit.test.ts
    t = await createTestApp(backend, { heavyReadLimitPerMinute: 10_000 });
    for (const k of ['districtAdmin', 'resident1', 'volunteer1', 'communityAdmin1', ...outsiders]) c[k] = await t.login(k);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as OpenApiDoc;
    ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema })),
    );
    const r = t.fx.region;
    fixtureMarkers.push(r.G1!.id, r.B1!.id, t.fx.team.T1!.id, ...['resident1', 'volunteer1', 'teamLeader1', 'gridWorker1', 'communityAdmin1'].map((k) => t.fx.person[k]!.id));
  });
  afterAll(() => t.close());

  const admin = () => c.districtAdmin!;
  const need = async (): Promise<Made> => {
    const made = await postNeed(t, c.resident1!, { title: `跨域测试需求${++seq}` });
    return { id: made.id, markers: [made.id, made.number] };
  };
  const whistle = async (): Promise<Made> => {
    const made = await need();
    const accepted = await t.app.inject({ method: 'POST', url: `/api/needs/${made.id}/accept`, headers: { cookie: admin() }, payload: { severity: 'major' } });
    if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.body}`);
    await t.app.services.events.deliverDue();
    const found = (await t.app.inject({ url: `/api/whistles?needId=${made.id}`, headers: { cookie: admin() } })).json().items[0] as { id: string } | undefined;
    if (!found) throw new Error('no whistle opened');
    return { id: found.id, markers: [found.id, ...made.markers] };
  };
  const team = async (): Promise<Made> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/teams', headers: { cookie: admin() }, payload: { name: `跨域服务队${++seq}`, type: 'own', regionId: t.fx.region.C1!.id, categories: ['elderly'], leaderId: t.fx.person.teamLeader1!.id } });
    if (res.statusCode !== 201) throw new Error(`team: ${res.body}`);
    return { id: res.json().id, markers: [res.json().id, res.json().name] };
  };
  /** A resident of B1 (community C1) who applied to volunteer at registration. */
  const registeredVolunteer = async (): Promise<Made> => {
    const phone = `1350${String(++seq).padStart(7, '0')}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, { phone, password: 'Volunteer#2026', name: `跨域志愿者${seq}`, regionId: t.fx.region.B1!.id, volunteer: true }) });
    if (res.statusCode !== 202) throw new Error(`register: ${res.body}`);
    const list = (await t.app.inject({ url: `/api/volunteers?q=${phone}`, headers: { cookie: admin() } })).json().items as { id: string }[];
    if (list.length !== 1) throw new Error('no application');
    return { id: list[0]!.id, markers: [list[0]!.id, phone] };
  };
  /** A person under care in B1 (community C1), paired with nobody: only C1's staff (and those above) see them. */
  const careRecipient = async (): Promise<Made> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/care-recipients', headers: { cookie: c.communityAdmin1! }, payload: { regionId: t.fx.region.B1!.id, name: `跨域关爱对象${++seq}`, typeCodes: ['lonelyElderly'], riskNotes: `跨域风险${seq}` } });
    if (res.statusCode !== 201) throw new Error(`care recipient: ${res.body}`);
    return { id: res.json().id, markers: [res.json().id, `跨域关爱对象${seq}`, `跨域风险${seq}`] };
  };
  /** Makers of a fresh object in C1 (or in district D for district-level configuration), by path. */
  const makers: [RegExp, () => Promise<Made>][] = [
    [/^\/api\/need-config\/reply-templates\/\{id\}$/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/need-config/reply-templates', headers: { cookie: admin() }, payload: { status: 'accepted', text: `模板${++seq}` } });
      if (res.statusCode !== 201) throw new Error(`template: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    [/^\/api\/need-categories\/\{id\}$/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/need-categories', headers: { cookie: admin() }, payload: { parentId: await categoryId(t, admin(), 'elderly'), code: `elderly.x${++seq}`, name: `测试分类${seq}`, nameEn: `Test ${seq}` } });
      if (res.statusCode !== 201) throw new Error(`category: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    [/^\/api\/needs\/\{id\}/, need],
    [/^\/api\/oversight\/needs\/\{id\}/, need],
    // a pause asked by 光明社区's admin on one of its needs: its street decides, the district admin may see it
    [/^\/api\/oversight\/deadline-changes\/\{id\}/, async () => {
      const made = await need();
      await t.app.inject({ method: 'POST', url: `/api/needs/${made.id}/accept`, headers: { cookie: c.communityAdmin1! }, payload: {} });
      const res = await t.app.inject({ method: 'POST', url: `/api/oversight/needs/${made.id}/deadline-changes`, headers: { cookie: c.communityAdmin1! }, payload: { kind: 'pause', reason: `跨域测试挂起${seq}` } });
      if (res.statusCode !== 201) throw new Error(`deadline change: ${res.body}`);
      const id = res.json().items[0].id as string;
      return { id, markers: [id, ...made.markers] };
    }],
    // a major need of C1 accepted: its whistle opens when the event is delivered; a call is a unit called in to it
    [/^\/api\/whistles\/calls\/\{id\}/, async () => {
      const w = await whistle();
      const police = ((await t.app.inject({ url: `/api/whistle-units?whistleId=${w.id}`, headers: { cookie: admin() } })).json() as { id: string; code: string }[]).find((u) => u.code === 'police')!;
      const res = await t.app.inject({ method: 'POST', url: `/api/whistles/${w.id}/call-in`, headers: { cookie: admin() }, payload: { unitIds: [police.id] } });
      if (res.statusCode !== 200) throw new Error(`call in: ${res.body}`);
      const call = res.json().calls[0].id as string;
      return { id: call, markers: [call, ...w.markers] };
    }],
    [/^\/api\/whistles\/\{id\}/, () => whistle()],
    [/^\/api\/whistle-units\/\{id\}$/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/whistle-units', headers: { cookie: admin() }, payload: { name: `跨域单位${++seq}`, kind: 'partner', regionId: t.fx.region.C1!.id } });
      if (res.statusCode !== 201) throw new Error(`unit: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    [/^\/api\/post-types\/\{id\}$/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/post-types', headers: { cookie: admin() }, payload: { code: `cross${++seq}`, name: `跨域类别${seq}`, nameEn: `Type ${seq}` } });
      if (res.statusCode !== 201) throw new Error(`post type: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    [/^\/api\/posts\/\{id\}/, async () => {
      const typeId = (await t.app.inject({ url: '/api/post-types', headers: { cookie: admin() } })).json()[0].id as string;
      const res = await t.app.inject({ method: 'POST', url: '/api/posts', headers: { cookie: admin() }, payload: { regionId: t.fx.region.C1!.id, typeId, title: `跨域岗位${++seq}`, duties: '职责', quota: 3, startsOn: '2026-01-01', place: '光明社区' } });
      if (res.statusCode !== 201) throw new Error(`post: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, res.json().title] };
    }],
    [/^\/api\/files\/\{id\}$/, async () => {
      const photo = (await uploadPhoto(t, c.resident1!)).json().id as string;
      await postNeed(t, c.resident1!, { photos: [photo], title: `带照片的需求${++seq}` });
      return { id: photo, markers: [photo] };
    }],
    [/^\/api\/accounts\/\{id\}/, async () => {
      const [person] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, `135${String(++seq).padStart(2, '0')}`);
      return { id: person!.id, markers: [person!.id, person!.phone] };
    }],
    [/^\/api\/regions\/\{id\}/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/regions', headers: { cookie: admin() }, payload: { parentId: t.fx.region.C1!.id, type: 'grid', code: `XT${++seq}`, name: `跨域网格${seq}` } });
      if (res.statusCode !== 201) throw new Error(`region: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    // a published activity of 光明社区, scheduled by its admin
    [/^\/api\/activities\/\{id\}/, async () => {
      const start = Date.now() + 86_400_000;
      const res = await t.app.inject({ method: 'POST', url: '/api/activities', headers: { cookie: c.communityAdmin1! }, payload: { title: `跨域活动${++seq}`, categoryCode: 'environment', place: '光明社区广场', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 7_200_000).toISOString(), capacity: 5, regionId: t.fx.region.C1!.id, publish: true } });
      if (res.statusCode !== 201) throw new Error(`activity: ${res.body}`);
      return { id: res.json().first.id, markers: [res.json().first.id, `跨域活动${seq}`] };
    }],
    // a fresh team of C1 per call (dissolving one must not take T1 away from the other makers), and a volunteer of C1's request to join it
    [/^\/api\/teams\/\{id\}/, () => team()],
    [/^\/api\/team-requests\/\{id\}/, async () => {
      const made = await team();
      const res = await t.app.inject({ method: 'POST', url: `/api/teams/${made.id}/join-requests`, headers: { cookie: c.volunteer1! }, payload: {} });
      if (res.statusCode !== 201) throw new Error(`join request: ${res.body}`);
      const id = res.json().me.request.id as string;
      return { id, markers: [id, ...made.markers] };
    }],
    // a volunteer import by 光明社区's admin (one row of its own community)
    [/^\/api\/volunteer-imports\/\{id\}/, async () => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('志愿者');
      ws.addRow(['姓名', '手机号', '所在社区']);
      ws.addRow([`跨域导入${++seq}`, `1351${String(seq).padStart(7, '0')}`, '光明社区']);
      const { payload, headers } = multipartBody(Buffer.from(await book.xlsx.writeBuffer()), 'volunteers.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const res = await t.app.inject({ method: 'POST', url: '/api/volunteer-imports', headers: { ...headers, cookie: c.communityAdmin1! }, payload });
      if (res.statusCode !== 202) throw new Error(`volunteer import: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, `跨域导入${seq}`] };
    }],
    // an application by a new resident of B1 (community C1)
    // a registered volunteer of C1 (the maker below) and their passbook
    [/^\/api\/ledger\/volunteers\/\{id\}/, () => registeredVolunteer()],
    // an award to volunteer1 of C1: a posting a district admin of D may reverse
    [/^\/api\/ledger\/transactions\/\{id\}/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/ledger/awards', headers: { cookie: admin() }, payload: { volunteerId: t.fx.person.volunteer1!.id, ruleCode: 'award.training', note: `培训${++seq}` } });
      if (res.statusCode !== 201) throw new Error(`award: ${res.body}`);
      const [row] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM ledger_transactions WHERE key = ${res.json().transactionKey}`);
      return { id: row!.id, markers: [row!.id] };
    }],
    [/^\/api\/volunteers\/\{id\}/, () => registeredVolunteer()],
    // an in-service party member of C1 (a resident of B1 who applied with a work unit, approved): below the yearly minimum
    [/^\/api\/partner-units\/members\/\{id\}/, async () => {
      const phone = `1351${String(++seq).padStart(7, '0')}`;
      await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: await registration(t, { phone, password: 'Volunteer#2026', name: `跨域党员${seq}`, regionId: t.fx.region.B1!.id }) });
      const cookie = await t.loginPhone(phone, 'Volunteer#2026');
      const applied = await t.app.inject({ method: 'POST', url: '/api/volunteers/apply', headers: { cookie }, payload: { politicalStatus: 'party', inService: true, workUnit: '县税务局', skills: [], availability: [], serviceRadiusM: 1000 } });
      const id = applied.json().volunteer.id as string;
      const approved = await t.app.inject({ method: 'POST', url: `/api/volunteers/${id}/approve`, headers: { cookie: admin() }, payload: {} });
      if (approved.statusCode !== 200) throw new Error(`in-service member: ${approved.body}`);
      return { id, markers: [id, phone] };
    }],
    // a mall item of C1 (its admin's), and a redemption of it by volunteer1 (with points credited for it)
    [/^\/api\/mall\/items\/\{id\}/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/mall/items', headers: { cookie: c.communityAdmin1! }, payload: itemBody(t, { name: `跨域物品${++seq}` }) });
      if (res.statusCode !== 201) throw new Error(`mall item: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, res.json().name] };
    }],
    [/^\/api\/mall\/redemptions\/\{id\}/, async () => {
      const item = await t.app.inject({ method: 'POST', url: '/api/mall/items', headers: { cookie: c.communityAdmin1! }, payload: itemBody(t, { name: `跨域兑换${++seq}`, price: 1 }) });
      await creditPoints(t, t.fx.region.C1!.districtId, t.fx.region.C1!.id, [{ id: t.fx.person.volunteer1!.id, points: 1 }]);
      const res = await t.app.inject({ method: 'POST', url: `/api/mall/items/${item.json().id}/redeem`, headers: { cookie: c.volunteer1! }, payload: { quantity: 1, requestKey: `cross-tenant-${seq}` } });
      if (res.statusCode !== 201) throw new Error(`redemption: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, res.json().code] };
    }],
    // a partner unit of C1, paired with C1, with a contact account made with it
    [/^\/api\/partner-units\/\{id\}/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/partner-units', headers: { cookie: admin() }, payload: { name: `跨域共建单位${++seq}`, type: 'soe', regionId: t.fx.region.C1!.id, communityIds: [t.fx.region.C1!.id], contact: { name: '跨域联系人', phone: `1352${String(seq).padStart(7, '0')}` } } });
      if (res.statusCode !== 201) throw new Error(`partner unit: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, res.json().name] };
    }],
    // a service record certificate the district admin issued for volunteer1 (C1)
    [/^\/api\/certificates\/\{id\}/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/certificates', headers: { cookie: admin() }, payload: { volunteerId: t.fx.person.volunteer1!.id } });
      if (res.statusCode !== 201) throw new Error(`certificate: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, res.json().code] };
    }],
    [/^\/api\/deadline-rules\/\{id\}$/, async () => {
      // a rule for C1, one per call: each severity and category pair is unique
      const categories = ['elderly', 'children', 'disability', 'environment', 'facilities', 'safety'];
      const res = await t.app.inject({ method: 'POST', url: '/api/deadline-rules', headers: { cookie: admin() }, payload: { regionId: t.fx.region.C1!.id, categoryId: await categoryId(t, admin(), categories[++seq % categories.length]!), severity: 'major', amount: 5, unit: 'working_days' } });
      if (res.statusCode !== 201) throw new Error(`deadline rule: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    [/^\/api\/calendar\/days\/\{day\}$/, async () => {
      // a day of district D's calendar; the other district has no such day set
      const res = await t.app.inject({ method: 'PUT', url: '/api/calendar/days', headers: { cookie: admin() }, payload: { day: '2026-03-10', kind: 'holiday', name: '测试日' } });
      if (res.statusCode !== 200) throw new Error(`calendar day: ${res.body}`);
      return { id: '2026-03-10', markers: [] };
    }],
    [/^\/api\/jobs\/\{id\}/, async () => {
      const key = `cross-tenant-${++seq}`;
      await t.database.db.transaction((tx) => t.app.services.jobs.schedule(tx, t.fx.region.C1!.districtId, { name: 'test.cross', key, runAt: new Date(Date.now() + 86_400_000) }));
      const res = await t.app.inject({ url: '/api/jobs?state=waiting&name=test.cross', headers: { cookie: admin() } });
      const job = (res.json().items as { id: string; key: string }[]).find((j) => j.key === key)!;
      return { id: job.id, markers: [job.id, key] };
    }],
    // a webhook is the district's (its admin's): a fresh one per call, and a test delivery of it
    [/^\/api\/webhooks\/\{id\}/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie: admin() }, payload: { url: `https://hooks.example.com/${++seq}`, events: ['needs.*'] } });
      if (res.statusCode !== 201) throw new Error(`webhook: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, res.json().url] };
    }],
    [/^\/api\/webhook-deliveries\/\{id\}/, async () => {
      const made = await t.app.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie: admin() }, payload: { url: `https://hooks.example.com/${++seq}`, events: ['needs.*'] } });
      const sent = await t.app.inject({ method: 'POST', url: `/api/webhooks/${made.json().id}/test`, headers: { cookie: admin() } });
      if (sent.statusCode !== 202) throw new Error(`webhook test: ${sent.body}`);
      return { id: sent.json().deliveryId, markers: [sent.json().deliveryId] };
    }],
    // conduct: an entry of district D's list; a points-only incident against volunteer1 (C1); volunteer1's page; a no-show review of a new C1 volunteer
    [/^\/api\/conduct\/entries\/\{id\}$/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/conduct/entries', headers: { cookie: admin() }, payload: { title: `跨域条目${++seq}`, titleEn: `Entry ${seq}`, points: 1, suspends: false } });
      if (res.statusCode !== 201) throw new Error(`conduct entry: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    [/^\/api\/conduct\/incidents\/\{id\}/, async () => {
      const entry = ((await t.app.inject({ url: '/api/conduct/entries', headers: { cookie: admin() } })).json() as { id: string; code: string }[]).find((e) => e.code === 'lateOrEarly')!;
      const res = await t.app.inject({ method: 'POST', url: '/api/conduct/incidents', headers: { cookie: admin() }, payload: { accountId: t.fx.person.volunteer1!.id, entryId: entry.id, what: `跨域记录${++seq}`, occurredAt: new Date().toISOString(), suspend: false } });
      if (res.statusCode !== 201) throw new Error(`conduct incident: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, `跨域记录${seq}`] };
    }],
    [/^\/api\/conduct\/volunteers\/\{id\}$/, async () => ({ id: t.fx.person.volunteer1!.id, markers: [t.fx.person.volunteer1!.id] })],
    [/^\/api\/conduct\/reviews\/\{id\}/, async () => {
      const [v] = await addVolunteers(t.database.db, t.fx.region.B1!, 1, `1352${String(++seq).padStart(3, '0')}`);
      const districtId = t.fx.region.D!.districtId;
      for (let i = 0; i < 3; i++) {
        const activityId = crypto.randomUUID();
        await t.database.db.transaction((tx) => t.app.services.events.publish(tx, districtId, { type: 'activities.noShow', subjectType: 'activity', subjectId: activityId, actorId: null, payload: { activityId, accountId: v!.id } }));
      }
      await t.app.services.events.deliverDue();
      const review = ((await t.app.inject({ url: '/api/conduct/reviews?pageSize=200', headers: { cookie: admin() } })).json().items as { id: string; accountId: string }[]).find((r) => r.accountId === v!.id);
      if (!review) throw new Error('no conduct review raised');
      return { id: review.id, markers: [review.id, v!.id] };
    }],
    // care: a kind of care of district D; a person under care in B1 (光明社区) registered by its admin, and a plan of theirs
    [/^\/api\/care-types\/\{id\}$/, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/care-types', headers: { cookie: admin() }, payload: { code: `cross${++seq}`, name: `跨域类别${seq}`, nameEn: `Kind ${seq}` } });
      if (res.statusCode !== 201) throw new Error(`care type: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id] };
    }],
    [/^\/api\/care-recipients\/\{id\}/, () => careRecipient()],
    [/^\/api\/care-plans\/\{id\}/, async () => {
      const person = await careRecipient();
      const res = await t.app.inject({ method: 'POST', url: `/api/care-recipients/${person.id}/plans`, headers: { cookie: c.communityAdmin1! }, payload: { categoryId: await categoryId(t, admin(), 'elderly.haircut'), title: `跨域计划${++seq}`, frequency: 'weekly', dayOf: 2, startTime: '09:00', durationMinutes: 60, startsOn: '2026-03-10' } });
      if (res.statusCode !== 201) throw new Error(`care plan: ${res.body}`);
      return { id: res.json().id, markers: [res.json().id, ...person.markers] };
    }],
    // an inbox message is its recipient's alone: made for the district admin, whose call must reach it
    [/^\/api\/inbox\/\{id\}/, async () => {
      const key = `cross-tenant:${++seq}`;
      const districtId = t.fx.region.D!.districtId;
      await t.database.db.transaction((tx) => t.app.services.notifications.notify(tx, districtId, { key, type: 'needs.accepted', recipients: [t.fx.person.districtAdmin!.id], subject: { type: 'need', id: crypto.randomUUID(), label: key } }));
      const res = await t.app.inject({ url: '/api/inbox?unread=true&pageSize=1', headers: { cookie: admin() } });
      const made = res.json().items[0] as { id: string };
      return { id: made.id, markers: [made.id, key] };
    }],
  ];

  /** A body that passes validation, with ids that point into C1 where the field names one. */
  async function bodyFor(op: Op): Promise<Record<string, unknown> | undefined> {
    if (!op.body) return op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
    const body = sample(op.body) as Record<string, unknown>;
    const into: Record<string, () => Promise<unknown>> = {
      teamId: async () => t.fx.team.T1!.id,
      volunteerId: async () => t.fx.person.volunteer1!.id,
      targetId: async () => (await need()).id,
      parentId: async () => t.fx.region.C1!.id,
      regionId: async () => t.fx.region.B1!.id,
      ids: async () => [(await need()).id],
      categoryId: async () => categoryId(t, admin(), 'elderly.haircut'),
      field: async () => 'phone',
      // a redemption's key is a pattern of at least 8 characters: a fresh one per call
      requestKey: async () => `cross-${crypto.randomUUID()}`,
    };
    for (const key of Object.keys(body)) if (into[key]) body[key] = await into[key]();
    if (op.path === '/api/needs/{id}/decline') body.reasonCode = 'notOurArea';
    return body;
  }

  const call = (op: Op, cookie: string, url: string, payload?: object) =>
    t.app.inject({ method: op.method as 'GET', url, headers: { cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

  function expectRefused(res: { statusCode: number; body: string; headers: Record<string, unknown> }, what: string, markers: string[]) {
    if (res.statusCode === 404) return;
    if (res.statusCode === 403) return expect(JSON.parse(res.body).code, what).toBe('auth.forbidden');
    expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(300);
    const text = String(res.headers['content-type']).includes('json') ? res.body : '';
    for (const m of markers) expect(text.includes(m), `${what} leaks ${m}`).toBe(false);
  }

  const byId = () => ops.filter((op) => op.params.some((p) => p.in === 'path'));
  const byRegion = () => ops.filter((op) => op.params.some((p) => p.in === 'query' && regionParams.includes(p.name)));
  const key = (op: Op) => `${op.method} ${op.path}`;

  it('covers every operation with an id in its path or a region in its query', () => {
    const unknown = byId().filter((op) => !exempt[key(op)] && !makers.some(([re]) => re.test(op.path)));
    expect(unknown.map(key)).toEqual([]);
    expect(byId().length + byRegion().length).toBeGreaterThan(40);
  });

  it('an object of another community is out of reach by its id', async () => {
    for (const op of byId().filter((o) => !exempt[key(o)])) {
      const made = await makers.find(([re]) => re.test(op.path))![1]();
      const url = op.path.replace(/\{\w+\}/, made.id);
      const payload = await bodyFor(op);
      // an object addressed by its id is refused outright: a 404 like a missing one (403 for a role that never may)
      for (const who of outsiders) {
        const res = await call(op, c[who]!, url, payload);
        expect([403, 404], `${who} ${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        if (res.statusCode === 403) expect(res.json().code, `${who} ${op.method} ${op.path}`).toBe('auth.forbidden');
      }
      const own = await call(op, admin(), url, await bodyFor(op));
      expect(own.statusCode, `district admin ${op.method} ${op.path}: ${own.body.slice(0, 200)}`).not.toBe(404);
      if (own.statusCode === 400) expect(own.json().code, `district admin ${op.method} ${op.path}`).not.toMatch(/^validation\./);
    }
    // every route with an id adds its calls here: well over a minute on PostgreSQL on a busy machine
  }, 240_000);

  it('a region of another community is out of reach as a filter', async () => {
    const made = [await need(), await need()];
    const markers = [...made.flatMap((m) => m.markers), ...fixtureMarkers];
    for (const op of byRegion().filter((o) => !exempt[key(o)])) {
      const param = op.params.find((p) => p.in === 'query' && regionParams.includes(p.name))!;
      const extra = op.params.some((p) => p.name === 'categoryId' && p.in === 'query') ? `&categoryId=${await categoryId(t, admin(), 'elderly.haircut')}` : '';
      for (const regionId of [t.fx.region.C1!.id, t.fx.region.B1!.id]) {
        const url = `${op.path}?${param.name}=${regionId}${extra}`;
        for (const who of outsiders) expectRefused(await call(op, c[who]!, url), `${who} GET ${url}`, markers);
        const own = await call(op, admin(), url);
        expect(own.statusCode, `district admin GET ${url}: ${own.body.slice(0, 200)}`).toBe(200);
      }
    }
  });
});

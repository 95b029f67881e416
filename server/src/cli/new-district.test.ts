import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { loadConfig } from '../config.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { backends, freshDatabase } from '../test/harness.js';
import { PNG, multipartBody } from '../test/needs-helpers.js';
import { createAdmin } from './create-admin.js';
import { systemClock } from '../platform/clock/clock.js';

/*
 * A real new district, made the production way on an empty database: `cli create-admin`, then
 * everything through the API as its people would do it — no demo, no test fixture. Before district
 * provisioning, such a district had no categories and no resident could post a need.
 */
describe.each(backends)('a district created with create-admin on %s', (backend) => {
  let app: AppInstance;
  let drop: () => Promise<void>;
  const admin = { phone: '13912340000', name: '新区管理员', password: 'Strong#Pass9' };

  beforeAll(async () => {
    const database = await freshDatabase(backend);
    drop = database.drop;
    const config = { ...loadConfig({}), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-new-')), seedDemo: false, webDist: '/nonexistent', fileStore: backend === 'postgres' ? ('database' as const) : ('folder' as const) };
    const deps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config, clock: systemClock };
    const result = await createAdmin(deps, { ...admin, districtCode: '370499', districtName: '新建区' });
    expect(result.provisioned).toContain('categories');
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const as = (cookie: string) => ({
    get: (url: string) => app.inject({ url, headers: { cookie } }),
    post: (url: string, payload: object) => app.inject({ method: 'POST', url, headers: { cookie }, payload }),
  });

  async function login(phone: string, password: string, next?: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = `lx_session=${res.cookies.find((c) => c.name === 'lx_session')!.value}`;
    if (next) expect((await as(cookie).post('/api/auth/password', { currentPassword: password, newPassword: next })).statusCode).toBe(200);
    return next ? login(phone, next) : cookie;
  }

  it('takes a need through the whole chain: 点单 → 受理 → 抢单池 → 抢单 → 签到 → 结单 → 评单 → 办结', async () => {
    const boss = as(await login(admin.phone, admin.password, 'Changed#Pass9'));
    // the district admin draws the tree: street → community → grid → building
    let parentId = (await boss.get('/api/regions/scope')).json().id as string;
    for (const [type, code, name] of [['street', 'N01', '新街道'], ['community', 'N0101', '新社区'], ['grid', 'N010101', '新一网格'], ['building', 'N01010101', '新1号楼']]) {
      const res = await boss.post('/api/regions', { parentId, type, code, name });
      expect(res.statusCode, res.body).toBe(201);
      parentId = res.json().id;
    }
    const building = parentId;
    // … and registers a resident and a volunteer, who set their own passwords at first login
    for (const [phone, name, roles] of [['13912340001', '居民甲', ['resident']], ['13912340002', '志愿者乙', ['volunteer']]] as const) {
      const res = await boss.post('/api/accounts', { phone, name, roles, regionId: building, password: 'Temp#Pass99' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const resident = as(await login('13912340001', 'Temp#Pass99', 'Resident#Pass9'));
    const volunteer = as(await login('13912340002', 'Temp#Pass99', 'Volunteer#Pass9'));

    // provisioning gave the district its categories: the resident can order
    const categories = (await resident.get('/api/need-categories')).json() as { id: string; code: string }[];
    const haircut = categories.find((c) => c.code === 'elderly.haircut');
    expect(haircut).toBeDefined();
    const posted = await resident.post('/api/needs', { kind: 'serviceRequest', categoryId: haircut!.id, title: '老人上门理发', description: '行动不便，请志愿者上门理发', regionId: building });
    expect(posted.statusCode, posted.body).toBe(201);
    const id = posted.json().id as string;

    const step = async (who: ReturnType<typeof as>, action: string, body: object = {}) => {
      const res = await who.post(`/api/needs/${id}/${action}`, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json().status as string;
    };
    expect(await step(boss, 'accept')).toBe('accepted');
    expect(await step(boss, 'pool')).toBe('pooled');
    expect(await step(volunteer, 'grab')).toBe('claimed');
    expect(await step(volunteer, 'check-in')).toBe('in_service');
    const { payload, headers } = multipartBody(PNG, 'done.png', 'image/png');
    const cookie = (await login('13912340002', 'Volunteer#Pass9'));
    const photo = await app.inject({ method: 'POST', url: '/api/files', headers: { ...headers, cookie }, payload });
    expect(photo.statusCode).toBe(201);
    expect(await step(volunteer, 'complete', { summary: '已上门理发', photos: [photo.json().id] })).toBe('completed');
    expect(await step(resident, 'rate', { rating: 5, solved: true })).toBe('closed');
    const timeline = (await resident.get(`/api/needs/${id}`)).json().timeline as { action: string; actorRole: string }[];
    expect(timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'pool', 'grab', 'checkIn', 'complete', 'rate', 'close']);
    expect(timeline.at(-1)!.actorRole).toBe('system');
  });

  it('provisioning again changes nothing (idempotent)', async () => {
    const before = (await app.inject({ url: '/api/need-categories', headers: { cookie: await login(admin.phone, 'Changed#Pass9') } })).json().length;
    const districtId = (await app.inject({ url: '/api/regions/scope', headers: { cookie: await login(admin.phone, 'Changed#Pass9') } })).json().id;
    await app.services.provisioning.provision(districtId);
    const after = (await app.inject({ url: '/api/need-categories', headers: { cookie: await login(admin.phone, 'Changed#Pass9') } })).json().length;
    expect(after).toBe(before);
    expect(before).toBeGreaterThan(12);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppInstance } from '../app.types.js';
import { backends, createTestApp, type TestApp } from '../test/harness.js';
import { uploadPhoto } from '../test/needs-helpers.js';

/*
 * Several stateless instances on one database (SPEC §12; issue 12, finding 10): a photo uploaded
 * through one is served by the other, and a write limit is one limit, not one per instance.
 * Each instance has its own DATA_DIR, as separate machines would.
 */
describe.each(backends)('two instances on one %s database', (backend) => {
  let t: TestApp;
  let second: AppInstance;

  beforeAll(async () => {
    t = await createTestApp(backend, { fileStore: 'database', rateStore: 'database', writeLimitPerMinute: 4 });
    second = await buildApp({ ...t.app.deps, config: { ...t.config, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lx-second-')) } });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('a photo stored through one instance is served by the other', async () => {
    const cookie = await t.login('volunteer1');
    const up = await uploadPhoto(t, cookie);
    expect(up.statusCode).toBe(201);
    const res = await second.inject({ url: up.json().url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it('writes spread over both instances share one limit', async () => {
    const cookie = await t.login('communityAdmin1');
    const patch = (app: AppInstance, i: number) =>
      app.inject({ method: 'PATCH', url: `/api/accounts/${t.fx.person.resident1!.id}`, headers: { cookie }, payload: { skills: [`s${i}`] } });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await patch(i % 2 ? second : t.app, i)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
  });
});

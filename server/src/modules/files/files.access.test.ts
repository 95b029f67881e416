import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { act, PNG, postNeed, uploadPhoto } from '../../test/needs-helpers.js';
import { files } from './files.table.js';

/* Issue 12, findings 6 and 9: any logged-in user of the district could fetch any photo by its id. */
describe.each(backends)('who may read a photo, on %s', (backend) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let photoUrl: string;
  let needId: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { uploadFilesPerDay: 4 });
    for (const k of ['resident1', 'resident2', 'communityAdmin1', 'communityAdmin2', 'streetAdmin1', 'volunteer1', 'teamLeader1']) c[k] = await t.login(k);
    const up = await uploadPhoto(t, c.resident1!);
    photoUrl = up.json().url;
    needId = (await postNeed(t, c.resident1!, { photos: [up.json().id], title: '家中漏水，附照片' })).id;
  });
  afterAll(() => t.close());

  const read = (who: string, url = photoUrl) => t.app.inject({ url, headers: { cookie: c[who]! } });

  it('the uploader and the staff who may open the need read its photo', async () => {
    for (const who of ['resident1', 'communityAdmin1', 'streetAdmin1']) expect((await read(who)).statusCode, who).toBe(200);
  });

  it('another community’s resident or admin gets a 404, exactly like a missing file', async () => {
    for (const who of ['resident2', 'communityAdmin2', 'volunteer1']) {
      const res = await read(who);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().code).toBe('files.not_found');
    }
  });

  it('an unattached upload stays private to its uploader', async () => {
    const up = (await uploadPhoto(t, c.volunteer1!)).json();
    expect((await read('volunteer1', up.url)).statusCode).toBe(200);
    expect((await read('communityAdmin1', up.url)).statusCode).toBe(404);
  });

  it('the team the need is dispatched to may then read it', async () => {
    expect((await read('teamLeader1')).statusCode).toBe(404);
    await act(t, c.communityAdmin1!, needId, 'accept');
    await act(t, c.communityAdmin1!, needId, 'dispatch', { teamId: t.fx.team.T1!.id });
    expect((await read('teamLeader1')).statusCode).toBe(200);
  });

  it('each person uploads at most the daily quota; the refused upload leaves nothing behind', async () => {
    const cookie = c.resident2!;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await uploadPhoto(t, cookie, Buffer.concat([PNG, crypto.randomBytes(8)]))).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 429]);
    const rows = await t.database.db.select().from(files).where(eq(files.ownerId, t.fx.person.resident2!.id));
    expect(rows).toHaveLength(4);
    // someone else's quota is their own
    expect((await uploadPhoto(t, c.communityAdmin2!)).statusCode).toBe(201);
  });

  it('a JSON body instead of a form file is a 415 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: c.resident1!, 'accept-language': 'en' }, payload: { file: 'x' } });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'files.multipart_required', field: 'file' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, scan, scheduleActivity, signUp } from '../../test/activities-helpers.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { PNG, uploadPhoto } from '../../test/needs-helpers.js';

const HOUR = 3_600_000;

describe.each(backends)('the record and public summary of a finished activity on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let volunteer: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('communityAdmin1');
    volunteer = await t.login('volunteer1');
  });
  afterAll(() => t.close());

  it('the organiser records text and photos once it is finished; anyone reads the summary without signing in, with counts and no names', async () => {
    const { first } = await scheduleActivity(t, admin, {}, 0.5);
    await signUp(t, volunteer, first.id);
    const early = await t.app.inject({ method: 'PUT', url: `/api/activities/${first.id}/summary`, headers: { cookie: admin }, payload: { text: '活动很成功' } });
    expect(early.json().code).toBe('activities.not_finished');
    expect((await t.app.inject({ url: `/api/public/activities/${first.id}` })).statusCode).toBe(404);

    t.clock.advance(HOUR);
    await scan(t, volunteer, { code: await codeOf(t, admin, first.id) });
    t.clock.advance(HOUR);
    await scan(t, volunteer, { code: await codeOf(t, admin, first.id, 'out') });
    t.clock.advance(HOUR);
    await t.app.services.jobs.runDue();
    await t.app.inject({ method: 'POST', url: `/api/activities/${first.id}/hours`, headers: { cookie: admin }, payload: { items: [{ accountId: t.fx.person.volunteer1!.id, decision: 'approve' }] } });

    const photo = (await uploadPhoto(t, admin)).json().id as string;
    const othersPhoto = (await uploadPhoto(t, volunteer)).json().id as string;
    const bad = await t.app.inject({ method: 'PUT', url: `/api/activities/${first.id}/summary`, headers: { cookie: admin }, payload: { text: '活动很成功', photos: [othersPhoto] } });
    expect(bad.json()).toMatchObject({ code: 'activities.bad_photo', field: 'photos' });
    const saved = await t.app.inject({ method: 'PUT', url: `/api/activities/${first.id}/summary`, headers: { cookie: admin }, payload: { text: '活动很成功，清理垃圾20袋。', photos: [photo] } });
    expect(saved.statusCode, saved.body).toBe(200);

    const pub = await t.app.inject({ url: `/api/public/activities/${first.id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ title: '社区环境清洁', summary: '活动很成功，清理垃圾20袋。', photos: [photo], participants: 1, hours: '1.00', organiserName: '光明社区' });
    expect(pub.body).not.toContain('赵志愿');
    expect(pub.body).not.toContain(t.fx.person.volunteer1!.id);
    const img = await t.app.inject({ url: `/api/public/activities/${first.id}/photos/${photo}` });
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload.equals(PNG)).toBe(true);
    // a photo not in the summary is not served there
    expect((await t.app.inject({ url: `/api/public/activities/${first.id}/photos/${othersPhoto}` })).statusCode).toBe(404);
  });
});

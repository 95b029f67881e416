import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { TransactionRequiredError } from '../../platform/db/unit-of-work.js';
import { backends, createTestApp, type TestApp } from '../../test/harness.js';
import { postNeed } from '../../test/needs-helpers.js';
import { servedHours } from './service-record.hours.js';

describe('served hours', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8) + minutes * 60_000);
  it('round to the quarter hour, at least a quarter and at most a day', () => {
    expect(servedHours(at(0), at(0))).toBe(0.25);
    expect(servedHours(at(0), at(50))).toBe(0.75);
    expect(servedHours(at(0), at(53))).toBe(1);
    expect(servedHours(at(0), at(30 * 60))).toBe(24);
  });
});

/*
 * The service record through its service, as orders (and later activities and the time bank) use
 * it: each write joins the caller's transaction, and the load cap holds under concurrent callers.
 */
describe.each(backends)('a volunteer’s service record on %s', (backend) => {
  let t: TestApp;
  let districtId: string;
  let volunteerId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    districtId = t.fx.region.B1!.districtId;
    volunteerId = t.fx.person.volunteer2!.id;
  });
  afterAll(() => t.close());

  const record = () => t.app.services.serviceRecord;
  const openTasks = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`SELECT coalesce((SELECT open_tasks FROM volunteer_load WHERE district_id = ${districtId} AND account_id = ${volunteerId}), 0) AS n`))[0]!.n;

  it('refuses to write outside its caller’s transaction, so a counter never outlives a rolled-back change', async () => {
    await expect(record().reserveSlotLoad(districtId, volunteerId, 3)).rejects.toThrow(TransactionRequiredError);
    await expect(record().releaseLoad(districtId, volunteerId)).rejects.toThrow(TransactionRequiredError);
    await expect(record().confirmHours(districtId, { id: crypto.randomUUID(), number: 'X', title: 'x', completedAt: null, rating: null, severity: 'general' })).rejects.toThrow(TransactionRequiredError);
    expect(await openTasks()).toBe(0);
    // inside one, the reservation is the transaction's: rolled back with it
    await expect(
      t.database.db.transaction(async () => {
        expect(await record().reserveSlotLoad(districtId, volunteerId, 3)).toBe(true);
        throw new Error('the slot it paid for was refused');
      }),
    ).rejects.toThrow('the slot it paid for was refused');
    expect(await openTasks()).toBe(0);
  });

  it('caps the open tasks even when callers race, and frees them down to zero', async () => {
    const max = 3;
    const tries = await Promise.all(Array.from({ length: 8 }, () => t.database.db.transaction(() => record().reserveSlotLoad(districtId, volunteerId, max))));
    expect(tries.filter(Boolean)).toHaveLength(max);
    expect(await openTasks()).toBe(max);
    for (let i = 0; i < max + 2; i++) await t.database.db.transaction(() => record().releaseLoad(districtId, volunteerId));
    expect(await openTasks()).toBe(0);
  });

  it('adds the hours of every round as pending, and confirms them once', async () => {
    const need = await postNeed(t, await t.login('resident1'));
    const hours = async () => (await queryRows<{ hours: string; status: string }>(t.database.db, sql`SELECT hours, status FROM service_hours WHERE need_id = ${need.id}`))[0];
    const served = (minutes: number) => [{ volunteerId, checkInAt: new Date(0), checkOutAt: new Date(minutes * 60_000) }, { volunteerId: t.fx.person.volunteer1!.id, checkInAt: new Date(0), checkOutAt: null }];
    await t.database.db.transaction(() => record().recordPendingHours(districtId, need.id, served(60)));
    await t.database.db.transaction(() => record().recordPendingHours(districtId, need.id, served(30)));
    expect(await hours()).toMatchObject({ status: 'pending' });
    expect(Number((await hours())!.hours)).toBe(1.5);
    const confirm = () => t.database.db.transaction(() => record().confirmHours(districtId, { id: need.id, number: need.number, title: '陪同就医', completedAt: new Date('2026-03-01T17:00:00Z'), rating: 5, severity: 'general' }));
    await confirm();
    await confirm();
    expect(await hours()).toMatchObject({ status: 'confirmed' });
    // on the volunteer's record once, on the day it was served in Shanghai, and in the star level's total
    const entries = await queryRows<{ hours: string; served_on: string; title: string }>(t.database.db, sql`SELECT hours, served_on, title FROM volunteer_service_entries WHERE source_id = ${need.id}`);
    expect(entries.map((e) => ({ ...e, hours: Number(e.hours) }))).toEqual([{ hours: 1.5, served_on: '2026-03-02', title: `陪同就医（${need.number}）` }]);
    const [total] = await queryRows<{ h: string }>(t.database.db, sql`SELECT verified_hours AS h FROM volunteers WHERE district_id = ${districtId} AND account_id = ${volunteerId}`);
    expect(Number(total!.h)).toBe(1.5);
    // who never checked out served no hours
    expect(await queryRows(t.database.db, sql`SELECT 1 FROM service_hours WHERE need_id = ${need.id} AND volunteer_id = ${t.fx.person.volunteer1!.id}`)).toEqual([]);
  });
});

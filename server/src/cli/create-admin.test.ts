import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformDeps } from '../platform/deps.js';
import { loadConfig } from '../config.js';
import { createFieldCrypto } from '../platform/crypto/crypto.js';
import { queryRows, type Database } from '../platform/db/client.js';
import { freshDatabase } from '../test/harness.js';
import { createAdmin } from './create-admin.js';
import { CliError } from './runtime.js';
import { systemClock } from '../platform/clock/clock.js';

const count = async (db: Database, table: string) => (await queryRows<{ n: number }>(db.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

describe('create-admin', () => {
  let database: Database & { drop(): Promise<void> };
  let deps: PlatformDeps;
  beforeEach(async () => {
    database = await freshDatabase('pglite');
    deps = { db: database.db, database, crypto: createFieldCrypto(crypto.randomBytes(32)), config: loadConfig({}), clock: systemClock };
  });
  afterEach(() => database.drop());

  const input = { phone: '13912345678', name: '区管理员', password: 'Strong#Pass9', districtCode: '370403', districtName: '薛城区' };

  it('creates the district and its admin, with an audit row for each', async () => {
    const result = await createAdmin(deps, input);
    expect(result.district).toMatchObject({ code: '370403', name: '薛城区', created: true });
    const [account] = await queryRows<{ roles: string[]; region_id: string; must_change_password: boolean; district_id: string }>(
      database.db,
      sql`SELECT roles, region_id, must_change_password, district_id FROM accounts WHERE phone = ${input.phone}`,
    );
    expect(account).toMatchObject({ roles: ['districtAdmin'], region_id: result.district.id, district_id: result.district.id, must_change_password: true });
    expect(await count(database, 'phone_directory')).toBe(1);
    const audit = await queryRows<{ action: string; actor_name: string; actor_roles: string[] }>(database.db, sql`SELECT action, actor_name, actor_roles FROM audit_log ORDER BY at`);
    expect(audit.map((a) => a.action).sort()).toEqual(['accounts.create', 'regions.create']);
    // the system acts in its own name and role, never as a district admin
    expect(audit.every((a) => a.actor_name === '系统' && a.actor_roles.join() === 'system')).toBe(true);
  });

  it('binds a second admin to the existing district, found by code or as the only one', async () => {
    const first = await createAdmin(deps, input);
    const byCode = await createAdmin(deps, { ...input, phone: '13912345679', districtName: undefined });
    const onlyOne = await createAdmin(deps, { phone: '13912345670', name: '副管理员', password: 'Strong#Pass9' });
    expect(byCode.district).toMatchObject({ id: first.district.id, created: false });
    expect(onlyOne.district).toMatchObject({ id: first.district.id, created: false });
    expect(await count(database, 'regions')).toBe(1);
  });

  it('refuses a weak password, naming the rule, and writes nothing', async () => {
    const refused = createAdmin(deps, { ...input, password: 'password1' });
    await expect(refused).rejects.toBeInstanceOf(CliError);
    await expect(createAdmin(deps, { ...input, password: 'abcdefgh' })).rejects.toThrow(/password refused: 密码需包含.*at least three of/);
    expect(await count(database, 'regions')).toBe(0);
    expect(await count(database, 'accounts')).toBe(0);
  });

  it('refuses a taken phone before creating any district', async () => {
    await createAdmin(deps, input);
    await expect(createAdmin(deps, { ...input, districtCode: '370404', districtName: '峄城区' })).rejects.toThrow(/already registered/);
    expect(await count(database, 'regions')).toBe(1);
  });

  it('asks for a name before creating a district, and for a code when there is none yet', async () => {
    await expect(createAdmin(deps, { ...input, districtName: undefined })).rejects.toThrow(/--district-name/);
    await expect(createAdmin(deps, { ...input, districtCode: undefined })).rejects.toThrow(/no district yet/);
  });
});

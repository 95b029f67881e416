import crypto from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../crypto/crypto.js';
import { seedFixture, type Fixture } from '../../test/fixtures.js';
import { backends, freshDatabase } from '../../test/harness.js';
import type { Actor } from '../auth/actor.js';
import { accounts } from '../../modules/accounts/accounts.table.js';
import { auditLog } from '../../modules/audit/audit.table.js';
import { needs } from '../../modules/needs/needs.table.js';
import { teams } from '../../modules/teams/teams.table.js';
import { volunteers } from '../../modules/volunteers/volunteers.table.js';
import { regions } from './regions.table.js';
import { holdsDistrict, inScope, regionWithin } from './scope.js';

const dialect = new PgDialect();
const text = (condition: SQL) => dialect.sqlToQuery(condition).sql;

function actorAt(node: { id: string; districtId: string; path: string }): Actor {
  return { accountId: crypto.randomUUID(), districtId: node.districtId, name: '测试', roles: ['districtAdmin'], regionId: node.id, regionPath: node.path, mustChangePassword: false, ip: '127.0.0.1' };
}

/** The constraint PostgreSQL named when it refused a statement (drizzle wraps the driver's error). */
async function refusedBy(statement: PromiseLike<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (err) {
    const cause = (err as { cause?: { constraint?: string; message?: string } }).cause;
    return cause?.constraint ?? cause?.message;
  }
  return undefined;
}

const root = (districtId: string) => ({ id: districtId, districtId, path: `/${districtId}/` });

describe('inScope: which condition a caller gets', () => {
  const districtId = crypto.randomUUID();
  const community = { id: crypto.randomUUID(), districtId, path: `/${districtId}/${crypto.randomUUID()}/` };

  it('a caller at the district root: the district alone, without the subtree subquery', () => {
    expect(holdsDistrict(actorAt(root(districtId)))).toBe(true);
    expect(text(inScope(actorAt(root(districtId)), teams))).not.toContain('"regions"');
    expect(text(inScope(actorAt(root(districtId)), needs))).toBe('"needs"."district_id" = $1');
  });

  it('the system (at "/") and another column than region_id keep the subquery', () => {
    expect(text(inScope({ ...actorAt(root(districtId)), regionPath: '/', isSystem: true }, needs))).toContain('"regions"');
    expect(text(inScope(actorAt(root(districtId)), { districtId: volunteers.districtId, regionId: volunteers.communityId }))).toContain('"regions"');
  });

  it('a caller below the root keeps the subtree subquery', () => {
    expect(holdsDistrict(actorAt(community))).toBe(false);
    expect(text(inScope(actorAt(community), teams))).toContain('"regions"');
  });

  it('a nullable region column (the audit log) keeps it at the root too: its rows without a region stay out', () => {
    expect(text(inScope(actorAt(root(districtId)), auditLog))).toContain('"regions"');
  });
});

describe.each(backends)('the district root in scope on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let fx: Fixture;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    fx = await seedFixture(database.db, createFieldCrypto(crypto.randomBytes(32)));
  });
  afterAll(() => database.drop());

  it('finds the same rows as the whole subtree, in each district', async () => {
    for (const table of [accounts, teams, volunteers]) {
      for (const key of ['D', 'X']) {
        const node = fx.region[key]!;
        const actor = actorAt(node);
        expect(holdsDistrict(actor)).toBe(true);
        const [short] = await database.db.select({ n: count() }).from(table).where(inScope(actor, table));
        const [long] = await database.db
          .select({ n: count() })
          .from(table)
          .where(and(eq(table.districtId, node.districtId), regionWithin(table.regionId, node.path)));
        expect(short!.n).toBe(long!.n);
        // the fixture's district has people, teams and volunteers: a count of nothing would prove nothing
        if (key === 'D') expect(short!.n).toBeGreaterThan(0);
      }
    }
  });

  it('regionWithin picks the regions of a subtree and no other, over rows of the region tree itself too', async () => {
    const all = await database.db.select({ id: regions.id, path: regions.path }).from(regions);
    for (const key of ['D', 'S1', 'C1', 'B1', 'X']) {
      const node = fx.region[key]!;
      const expected = all.filter((r) => r.path.startsWith(node.path)).map((r) => r.id).sort();
      // the ledger's form: the tree's own rows, the column qualified with the outer table's name
      const picked = await database.db.select({ id: regions.id }).from(regions).where(regionWithin(sql`regions.id`, node.path));
      expect(picked.map((r) => r.id).sort()).toEqual(expected);
      // a subtree below the root leaves some regions out: a check that kept every row would fail here
      if (key !== 'D' && key !== 'X') expect(expected.length).toBeLessThan(all.filter((r) => r.path.startsWith(`/${node.districtId}/`)).length);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('a row cannot name a region of another district', async () => {
    const other = fx.region.X!;
    const account = fx.person.resident1!;
    expect(await refusedBy(database.db.update(accounts).set({ regionId: other.id }).where(eq(accounts.id, account.id)))).toMatch(/accounts_region_fk/);
  });

  it("a region's path starts at its own district's root", async () => {
    const d = fx.region.D!;
    const x = fx.region.X!;
    const id = crypto.randomUUID();
    const row = { id, districtId: d.districtId, parentId: x.id, code: `T${id.slice(0, 8)}`, name: '错位网格', type: 'grid', depth: 1, path: `${x.path}${id}/` };
    expect(await refusedBy(database.db.insert(regions).values(row))).toMatch(/regions_path_in_district/);
    await database.db.insert(regions).values({ ...row, parentId: d.id, path: `${d.path}${id}/` });
  });

  it("a region's parent is of its own district, whatever its path says (migration 0041)", async () => {
    const d = fx.region.D!;
    const x = fx.region.X!;
    const id = crypto.randomUUID();
    const row = { id, districtId: d.districtId, parentId: x.id, code: `T${id.slice(0, 8)}`, name: '跨区网格', type: 'grid', depth: 1, path: `${d.path}${id}/` };
    expect(await refusedBy(database.db.insert(regions).values(row))).toMatch(/regions_parent_fk/);
  });

  it("a volunteer's community is of their own district (migration 0041)", async () => {
    const [volunteer] = await database.db.select({ accountId: volunteers.accountId, districtId: volunteers.districtId }).from(volunteers).where(eq(volunteers.districtId, fx.region.D!.districtId)).limit(1);
    expect(volunteer).toBeDefined();
    const change = database.db.update(volunteers).set({ communityId: fx.region.X!.id }).where(and(eq(volunteers.districtId, volunteer!.districtId), eq(volunteers.accountId, volunteer!.accountId)));
    expect(await refusedBy(change)).toMatch(/volunteers_community_fk/);
  });
});

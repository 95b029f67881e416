import { and, arrayOverlaps, eq, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { staffRoles, type Role } from '../../platform/auth/roles.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { regions } from '../../platform/scope/regions.table.js';
import { subtreeOf } from '../../platform/scope/scope.js';
import type { AccountsDeps } from './accounts.rows.js';
import { accounts } from './accounts.table.js';

/** What other modules ask about people: head counts per region (regions) and names by id (orders). */
export function accountsPeople(deps: AccountsDeps) {
  const { db } = deps;
  return {
    /**
     * People per child of `parent`, counted over each child's whole subtree in one query: the
     * child's id is the path segment right after the parent's path.
     */
    async countPeopleUnder(actor: Actor, parent: { path: string }): Promise<Map<string, { people: number; volunteers: number; staff: number }>> {
      const rows = await queryRows<{ child: string; people: number; volunteers: number; staff: number }>(db, sql`
        SELECT split_part(substr(regions.path, ${parent.path.length + 1}), '/', 1) AS child,
               count(*)::int AS people,
               count(*) FILTER (WHERE 'volunteer' = ANY(a.roles))::int AS volunteers,
               count(*) FILTER (WHERE a.roles && ${sql.raw(`ARRAY[${staffRoles.map((r) => `'${r}'`).join(',')}]`)})::int AS staff
        FROM accounts a JOIN regions ON regions.id = a.region_id
        WHERE a.district_id = ${actor.districtId} AND ${subtreeOf(parent.path)} AND regions.path <> ${parent.path}
        GROUP BY 1`);
      return new Map(rows.map((r) => [r.child, { people: r.people, volunteers: r.volunteers, staff: r.staff }]));
    },

    async hasPeopleIn(regionId: string, districtId: string): Promise<boolean> {
      const [hit] = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.districtId, districtId), eq(accounts.regionId, regionId)))
        .limit(1);
      return Boolean(hit);
    },

    /**
     * Active staff holding one of `roles` at one of these regions (e.g. the community and street a
     * need lies in): who is warned and reminded about it. Joins the caller's transaction.
     */
    async staffAt(districtId: string, regionIds: string[], roles: readonly string[]): Promise<{ id: string; roles: string[]; regionId: string }[]> {
      if (regionIds.length === 0 || roles.length === 0) return [];
      return currentDb(db)
        .select({ id: accounts.id, roles: accounts.roles, regionId: accounts.regionId })
        .from(accounts)
        .where(and(eq(accounts.districtId, districtId), inArray(accounts.regionId, regionIds), eq(accounts.status, 'active'), arrayOverlaps(accounts.roles, [...roles])));
    },

    /** The account's phone as a value of the caller's own statement (a row that keeps a copy of it). */
    phoneColumn(districtId: Column | SQL, accountId: Column | SQL): SQL<string | null> {
      return sql<string | null>`(SELECT ${accounts.phone} FROM ${accounts} WHERE ${accounts.districtId} = ${districtId} AND ${accounts.id} = ${accountId})`;
    },

    /** Names (and phones, for callers that mask them) of accounts by id, e.g. volunteers on an order. Joins the caller's transaction. */
    /** The name of the account in `accountId` as a column of the caller's own query (null when none). */
    nameColumn(districtId: Column | SQL, accountId: Column | SQL): SQL<string | null> {
      return sql<string | null>`(SELECT ${accounts.name} FROM ${accounts} WHERE ${accounts.districtId} = ${districtId} AND ${accounts.id} = ${accountId})`;
    },

    async namesOf(districtId: string, ids: string[]): Promise<Map<string, { name: string; phone: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await currentDb(db)
        .select({ id: accounts.id, name: accounts.name, phone: accounts.phone })
        .from(accounts)
        .where(and(eq(accounts.districtId, districtId), inArray(accounts.id, ids)));
      return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
    },

    /**
     * Active staff with one of `roles` who sit on the way from `within` down to `path`: their own
     * node is an ancestor of (or is) `path` and lies inside `within` — e.g. the community admins and
     * grid workers over one need (`within` = its community). Runs in the caller's transaction.
     */
    async staffAlong(tx: DbOrTx, districtId: string, at: { path: string; within: string }, roles: readonly Role[]): Promise<string[]> {
      if (roles.length === 0) return [];
      const rows = await queryRows<{ id: string }>(tx, sql`
        SELECT a.id FROM accounts a JOIN regions r ON r.id = a.region_id
        WHERE a.district_id = ${districtId} AND a.status = 'active'
          AND a.roles && ${sql.raw(`ARRAY[${roles.map((r) => `'${r}'`).join(',')}]::text[]`)}
          AND starts_with(${at.path}, r.path) AND starts_with(r.path, ${at.within})`);
      return rows.map((r) => r.id);
    },

    /**
     * What a volunteer-facing module needs of people by id (posts: the fit of their skills, where
     * they live, whether they may still serve), in the caller's transaction.
     */
    async profilesOf(districtId: string, ids: string[]): Promise<Map<string, { name: string; phone: string; roles: string[]; skills: string[]; status: string; regionPath: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await currentDb(db)
        .select({ id: accounts.id, name: accounts.name, phone: accounts.phone, roles: accounts.roles, skills: accounts.skills, status: accounts.status, regionPath: regions.path })
        .from(accounts)
        .innerJoin(regions, eq(regions.id, accounts.regionId))
        .where(and(eq(accounts.districtId, districtId), inArray(accounts.id, ids)));
      return new Map(rows.map(({ id, ...r }) => [id, r]));
    },

    /** Phones of accounts by id, in the caller's transaction (an outside channel sending a message). */
    async phonesOf(tx: DbOrTx, districtId: string, ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select({ id: accounts.id, phone: accounts.phone })
        .from(accounts)
        .where(and(eq(accounts.districtId, districtId), inArray(accounts.id, ids), eq(accounts.status, 'active')));
      return new Map(rows.map((r) => [r.id, r.phone]));
    },
  };
}

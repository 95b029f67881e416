import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { fixedQuery } from '../../platform/db/fixed-query.js';
import type { Role } from '../../platform/auth/roles.js';
import { inScope, regionInScope, regionWithin } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import { loadInScope, withRegion, type AccountsDeps } from './accounts.rows.js';
import { accounts } from './accounts.table.js';
import { toAccountView, type AccountView } from './accounts.view.js';
import { accountsError } from './accounts.errors.js';

export type AccountQuery = { q?: string; regionId?: string; role?: Role; status?: string; page: number; pageSize: number };

/**
 * The caller's own row with its region, built once: every `GET /api/auth/me` reads it, and building
 * the select of every account column was a quarter of that request's CPU (fixed-query.ts).
 */
const ownRow = fixedQuery(['districtId', 'id'], (db, p) =>
  db
    .select(withRegion)
    .from(accounts)
    .innerJoin(regions, eq(regions.id, accounts.regionId))
    .where(and(eq(accounts.districtId, p.districtId), eq(accounts.id, p.id))),
);

/** Staff reading the people in their subtree, and anyone reading their own profile: masked views. */
export function accountsRead(deps: AccountsDeps) {
  const { db, crypto } = deps;
  return {
    async list(actor: Actor, q: AccountQuery) {
      const conds: SQL[] = [inScope(actor, accounts)];
      if (q.regionId) {
        const node = await regionInScope(db, actor, q.regionId);
        conds.push(regionWithin(accounts.regionId, node.path));
      }
      if (q.role) conds.push(sql`${q.role} = ANY(${accounts.roles})`);
      if (q.status) conds.push(eq(accounts.status, q.status));
      if (q.q) {
        const term = q.q.trim();
        const byId = /^\d{17}[\dXx]$/.test(term) ? eq(accounts.idNumberHmac, crypto.digest(term)) : undefined;
        conds.push(or(ilike(accounts.name, `%${term.replace(/[\\%_]/g, '\\$&')}%`), eq(accounts.phone, term), ...(byId ? [byId] : []))!);
      }
      const where = and(...conds);
      const [rows, [count]] = await Promise.all([
        db
          .select(withRegion)
          .from(accounts)
          .innerJoin(regions, eq(regions.id, accounts.regionId))
          .where(where)
          .orderBy(accounts.createdAt, accounts.id)
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(where),
      ]);
      return { items: rows.map((r) => toAccountView(actor, r, crypto)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<AccountView> {
      return toAccountView(actor, await loadInScope(db, actor, id), crypto);
    },

    /** The caller's own profile, unmasked for themselves. */
    async me(actor: Actor): Promise<AccountView> {
      const [row] = await ownRow(db, { districtId: actor.districtId, id: actor.accountId });
      if (!row) throw accountsError('accounts.not_found');
      return toAccountView(actor, row, crypto);
    },
  };
}

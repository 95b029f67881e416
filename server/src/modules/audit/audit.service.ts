import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { appendAtCommit, currentDb } from '../../platform/db/unit-of-work.js';
import { inScope } from '../../platform/scope/scope.js';
import { auditLog } from './audit.table.js';

export type AuditEntry = {
  action: string; // e.g. "accounts.create", "regions.move", "pii.reveal"
  objectType: string;
  objectId?: string;
  /** The node of the object touched; the entry is visible to staff whose subtree holds it. */
  regionId?: string;
  details?: Record<string, unknown>;
};

/** Where an entry without a signed-in actor came from, and the district whose log holds it. */
export type AnonymousSource = { districtId: string; ip: string; userAgent?: string };

export type AuditQuery = {
  actorId?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export function createAuditService(deps: { db: Db }) {
  return {
    /**
     * Writes the entry in the caller's open transaction (unit of work), with the rows appended at its
     * commit, so the change and its audit row commit together; or on its own outside one.
     */
    async record(actor: Actor, entry: AuditEntry): Promise<void> {
      const tx = currentDb(deps.db);
      const insert = tx.insert(auditLog).values({
        districtId: actor.districtId,
        actorId: actor.accountId,
        actorName: actor.name,
        actorRoles: actor.roles,
        ip: actor.ip,
        userAgent: actor.userAgent?.slice(0, 300),
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId,
        regionId: entry.regionId ?? actor.regionId,
        details: entry.details,
      });
      await appendAtCommit(tx, insert.getSQL());
    },

    /**
     * An entry nobody signed in made (a failed login, a registration attempt): no actor, only the
     * source address. It goes to the district of the account it concerns, on that account's node.
     */
    async recordAnonymous(source: AnonymousSource, entry: AuditEntry & { regionId: string }): Promise<void> {
      const tx = currentDb(deps.db);
      const insert = tx.insert(auditLog).values({
        districtId: source.districtId,
        ip: source.ip,
        userAgent: source.userAgent?.slice(0, 300),
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId,
        regionId: entry.regionId,
        details: entry.details,
      });
      await appendAtCommit(tx, insert.getSQL());
    },

    /** Staff search, scoped to the caller's subtree like every other list. */
    async search(actor: Actor, q: AuditQuery) {
      const conds: SQL[] = [inScope(actor, auditLog)];
      if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
      if (q.objectType) conds.push(eq(auditLog.objectType, q.objectType));
      if (q.objectId) conds.push(eq(auditLog.objectId, q.objectId));
      if (q.action) conds.push(eq(auditLog.action, q.action));
      if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) conds.push(lte(auditLog.at, new Date(q.to)));
      const where = and(...conds);
      const [items, [count]] = await Promise.all([
        deps.db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.at))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        deps.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
      ]);
      return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

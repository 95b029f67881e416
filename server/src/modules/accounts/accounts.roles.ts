import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { AccountsDeps } from './accounts.rows.js';
import { accounts } from './accounts.table.js';

/**
 * Roles a person holds because of something another module decided: a team's leader holds
 * `teamLeader` while they lead an active team (modules/teams grants and withdraws it). Each is one
 * conditional UPDATE (array_append unless held, array_remove), joins the caller's transaction and is
 * audited when it changed something. The caller has checked who may do it; no scope here.
 */
export type DerivedRole = 'teamLeader';

export function accountsRoles(deps: AccountsDeps) {
  const { db } = deps;

  async function change(actor: Actor, accountId: string, role: DerivedRole, grant: boolean) {
    const held = sql`${role} = ANY(${accounts.roles})`;
    const [row] = await currentDb(db)
      .update(accounts)
      .set({ roles: grant ? sql`array_append(${accounts.roles}, ${role}::text)` : sql`array_remove(${accounts.roles}, ${role}::text)`, updatedAt: new Date() })
      .where(and(eq(accounts.districtId, actor.districtId), eq(accounts.id, accountId), grant ? sql`NOT (${held})` : held))
      .returning({ regionId: accounts.regionId });
    if (row) await deps.audit.record(actor, { action: grant ? 'accounts.grant_role' : 'accounts.revoke_role', objectType: 'account', objectId: accountId, regionId: row.regionId, details: { role } });
  }

  return {
    /** Gives the role unless held already (the person takes it up at their next request). */
    grantRole: (actor: Actor, accountId: string, role: DerivedRole) => change(actor, accountId, role, true),
    /** Takes the role away if held. */
    revokeRole: (actor: Actor, accountId: string, role: DerivedRole) => change(actor, accountId, role, false),
  };
}

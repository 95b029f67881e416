import { and, eq, getTableColumns } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { inScope } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { accounts, phoneDirectory } from './accounts.table.js';
import { accountsError } from './accounts.errors.js';

/*
 * What the accounts use cases (accounts.read, .manage, .reveal, .register, .people, .login) share:
 * their dependencies, an account with its place, the scoped load, and the insert that claims a phone.
 */

export type AccountsDeps = PlatformDeps & {
  audit: AuditService;
  regions: RegionsService;
  endSessions: (tx: DbOrTx, districtId: string, accountId: string) => Promise<void>;
};

/** An account's columns with the name, type and path of its region. */
export const withRegion = { ...getTableColumns(accounts), regionName: regions.name, regionType: regions.type, regionPath: regions.path };

/** The account if it is in the actor's scope; out of scope answers 404 exactly like missing. */
export async function loadInScope(tx: DbOrTx, actor: Actor, id: string) {
  const [row] = await tx
    .select(withRegion)
    .from(accounts)
    .innerJoin(regions, eq(regions.id, accounts.regionId))
    .where(and(eq(accounts.id, id), inScope(actor, accounts)));
  if (!row) throw accountsError('accounts.not_found');
  return row;
}

/** Inserts the account and its phone directory row together; null (nothing written) when the phone is taken. */
export async function tryInsertAccount(tx: DbOrTx, districtId: string, values: Omit<typeof accounts.$inferInsert, 'districtId'>) {
  const claimed = await tx
    .insert(phoneDirectory)
    .values({ phone: values.phone, districtId, accountId: values.id! })
    .onConflictDoNothing()
    .returning();
  if (claimed.length === 0) return null;
  const [row] = await tx.insert(accounts).values({ ...values, districtId }).returning();
  return row!;
}

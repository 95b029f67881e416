import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { AccountsDeps } from './accounts.rows.js';
import { accounts, phoneDirectory, type AccountRow } from './accounts.table.js';

/** Sets a password (already hashed); `mustChange` makes the user pick their own at next login. */
export async function setPasswordHash(tx: DbOrTx, districtId: string, id: string, passwordHash: string, mustChange: boolean) {
  await tx
    .update(accounts)
    .set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(accounts.districtId, districtId), eq(accounts.id, id)));
}

/** What the auth module needs to log someone in and keep their password (through this service, never the tables). */
export function accountsLogin(deps: AccountsDeps) {
  const { db } = deps;
  return {
    /** The account a phone logs in to; pass a transaction to read inside it. */
    async findForLogin(phone: string): Promise<AccountRow | undefined> {
      const tx = currentDb(db);
      const [entry] = await tx.select().from(phoneDirectory).where(eq(phoneDirectory.phone, phone));
      if (!entry) return undefined;
      const [row] = await tx
        .select()
        .from(accounts)
        .where(and(eq(accounts.districtId, entry.districtId), eq(accounts.id, entry.accountId)));
      return row;
    },

    /**
     * Who an account is as a caller. `id` may be a scalar subquery (the session's account), and
     * `extra` adds columns the caller reads in the same statement (the session's times): one round trip.
     */
    async actorView<E extends Record<string, SQL>>(districtId: string, id: string | SQL, extra?: E) {
      const [row] = await db
        .select({
          ...(extra as E),
          id: accounts.id,
          name: accounts.name,
          roles: accounts.roles,
          status: accounts.status,
          regionId: accounts.regionId,
          regionPath: regions.path,
          mustChangePassword: accounts.mustChangePassword,
        })
        .from(accounts)
        .innerJoin(regions, eq(regions.id, accounts.regionId))
        .where(and(eq(accounts.districtId, districtId), eq(accounts.id, id)));
      return row;
    },

    async credentials(districtId: string, id: string) {
      const [row] = await db
        .select({ passwordHash: accounts.passwordHash, phone: accounts.phone })
        .from(accounts)
        .where(and(eq(accounts.districtId, districtId), eq(accounts.id, id)));
      return row;
    },

    setPasswordHash,

    async markLoggedIn(tx: DbOrTx, districtId: string, id: string) {
      await tx.update(accounts).set({ lastLoginAt: new Date() }).where(and(eq(accounts.districtId, districtId), eq(accounts.id, id)));
    },
  };
}

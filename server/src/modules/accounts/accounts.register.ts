import type { DbOrTx } from '../../platform/db/client.js';
import { tryInsertAccount, type AccountsDeps } from './accounts.rows.js';
import { accountsError } from './accounts.errors.js';

/** A resident registering themselves: where they may, and their account (the use case is auth.register.ts). */
export function accountsRegister(deps: AccountsDeps) {
  return {
    /** The node a person may register at: a community, grid or building. Reads only. */
    async registrationRegion(regionId: string) {
      const region = await deps.regions.publicNode(regionId);
      if (!region || !deps.regions.isHomeLevel(region.type)) throw accountsError('accounts.register_region', { field: 'regionId' });
      return region;
    },

    /**
     * A resident's self-registration (the use case is in auth.register.ts), inside the caller's
     * transaction: null, with nothing written, when the phone already has an account.
     */
    async insertResident(tx: DbOrTx, input: { phone: string; name: string; passwordHash: string; region: { id: string; districtId: string }; privacy: { version: string; at: Date } }) {
      return tryInsertAccount(tx, input.region.districtId, {
        id: globalThis.crypto.randomUUID(),
        phone: input.phone,
        name: input.name,
        roles: ['resident'],
        regionId: input.region.id,
        passwordHash: input.passwordHash,
        privacyVersion: input.privacy.version,
        privacyAgreedAt: input.privacy.at,
      });
    },
  };
}

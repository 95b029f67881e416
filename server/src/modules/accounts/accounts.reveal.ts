import type { Actor } from '../../platform/auth/actor.js';
import { canReveal, type PiiField } from './accounts.policy.js';
import { loadInScope, type AccountsDeps } from './accounts.rows.js';
import { accountsError } from './accounts.errors.js';

/** Staff with the permission seeing a full phone or ID number: every look is audited. */
export function accountsReveal(deps: AccountsDeps) {
  const { db, crypto } = deps;
  return {
    /** The full phone or ID number, for staff with the permission; every look is audited. */
    async reveal(actor: Actor, id: string, field: PiiField): Promise<{ value: string | null }> {
      if (!canReveal(actor, field)) throw accountsError('accounts.reveal_forbidden', { field: 'field' });
      return db.transaction(async (tx) => {
        const row = await loadInScope(tx, actor, id);
        const value = field === 'phone' ? row.phone : row.idNumberEnc ? crypto.decrypt(row.idNumberEnc) : null;
        await deps.audit.record(actor, { action: 'pii.reveal', objectType: 'account', objectId: id, regionId: row.regionId, details: { field } });
        return { value };
      });
    },
  };
}

import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, passwordProblem, temporaryPassword } from '../../platform/auth/password.js';
import type { Role } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { passwordError } from '../../platform/auth/auth.errors.js';
import { isValidIdNumber } from '../../platform/privacy/id-number.js';
import { regionInScope } from '../../platform/scope/scope.js';
import { canGrantRole, canManageAccount } from './accounts.policy.js';
import { setPasswordHash } from './accounts.login.js';
import { loadInScope, tryInsertAccount, type AccountsDeps } from './accounts.rows.js';
import { accounts } from './accounts.table.js';
import { toAccountView, type AccountView } from './accounts.view.js';
import { accountsError } from './accounts.errors.js';

export type AccountInput = {
  phone: string;
  name: string;
  roles: Role[];
  regionId: string;
  password?: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthYear?: number;
  skills?: string[];
};
export type AccountPatch = Partial<Omit<AccountInput, 'phone' | 'password'>>;

function checkIdNumber(idNumber: string | undefined) {
  if (idNumber !== undefined && !isValidIdNumber(idNumber)) throw accountsError('accounts.invalid_id_number', { field: 'idNumber' });
}

function checkGrants(actor: Actor, wanted: readonly Role[]) {
  for (const role of wanted) if (!canGrantRole(actor, role)) throw accountsError('accounts.role_not_grantable', { params: { role }, field: 'roles' });
}

/** Staff creating an account learn that a phone is taken (a 409 on `phone`); the public never does. */
async function insertAccount(tx: DbOrTx, districtId: string, values: Parameters<typeof tryInsertAccount>[2]) {
  const row = await tryInsertAccount(tx, districtId, values);
  if (!row) throw accountsError('accounts.phone_taken', { field: 'phone' });
  return row;
}

/** Staff managing the accounts in their subtree: create, edit, disable, reset a password. Each write audited. */
export function accountsManage(deps: AccountsDeps) {
  const { db, crypto } = deps;
  return {
    /** Staff create an account inside their subtree; without a password a temporary one is issued. */
    async create(actor: Actor, input: AccountInput): Promise<{ account: AccountView; temporaryPassword?: string }> {
      checkGrants(actor, input.roles);
      checkIdNumber(input.idNumber);
      const region = await regionInScope(db, actor, input.regionId);
      const temp = input.password ? undefined : temporaryPassword();
      const password = input.password ?? temp!;
      const problem = passwordProblem(password, input.phone);
      if (problem) throw passwordError(problem, { field: 'password' });
      const passwordHash = await hashPassword(password);
      const row = await db.transaction(async (tx) => {
        const created = await insertAccount(tx, actor.districtId, {
          id: globalThis.crypto.randomUUID(),
          phone: input.phone,
          name: input.name,
          roles: [...new Set(input.roles)],
          regionId: region.id,
          passwordHash,
          mustChangePassword: true,
          gender: input.gender,
          birthYear: input.birthYear,
          skills: input.skills ?? [],
          idNumberEnc: input.idNumber ? crypto.encrypt(input.idNumber.toUpperCase()) : null,
          idNumberHmac: input.idNumber ? crypto.digest(input.idNumber) : null,
          createdBy: actor.accountId,
        });
        await deps.audit.record(actor, {
          action: 'accounts.create',
          objectType: 'account',
          objectId: created.id,
          regionId: region.id,
          details: { roles: created.roles, name: created.name },
        });
        return created;
      });
      return { account: toAccountView(actor, { ...row, regionName: region.name, regionType: region.type }, crypto), temporaryPassword: temp };
    },

    async update(actor: Actor, id: string, patch: AccountPatch): Promise<AccountView> {
      return db.transaction(async (tx) => {
        const current = await loadInScope(tx, actor, id);
        if (!canManageAccount(actor, current as { roles: Role[] })) throw accountsError('accounts.outranks_you');
        if (patch.roles) checkGrants(actor, patch.roles);
        checkIdNumber(patch.idNumber);
        const region = patch.regionId ? await regionInScope(tx, actor, patch.regionId) : undefined;
        const { idNumber, ...rest } = patch;
        const [row] = await tx
          .update(accounts)
          .set({
            ...rest,
            ...(patch.roles ? { roles: [...new Set(patch.roles)] } : {}),
            ...(idNumber !== undefined ? { idNumberEnc: crypto.encrypt(idNumber.toUpperCase()), idNumberHmac: crypto.digest(idNumber) } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(accounts.districtId, actor.districtId), eq(accounts.id, id)))
          .returning();
        await deps.audit.record(actor, {
          action: 'accounts.update',
          objectType: 'account',
          objectId: id,
          regionId: row!.regionId,
          details: { fields: Object.keys(patch), before: { roles: current.roles, regionId: current.regionId }, after: { roles: row!.roles, regionId: row!.regionId } },
        });
        const shown = region ?? { name: current.regionName, type: current.regionType };
        return toAccountView(actor, { ...row!, regionName: shown.name, regionType: shown.type }, crypto);
      });
    },

    /** Disabling ends every session of the account at once. */
    async setStatus(actor: Actor, id: string, status: 'active' | 'disabled'): Promise<AccountView> {
      if (id === actor.accountId && status === 'disabled') throw accountsError('accounts.cannot_disable_self', { field: 'id' });
      return db.transaction(async (tx) => {
        const current = await loadInScope(tx, actor, id);
        if (!canManageAccount(actor, current as { roles: Role[] })) throw accountsError('accounts.outranks_you');
        const [row] = await tx
          .update(accounts)
          .set({ status, updatedAt: new Date() })
          .where(and(eq(accounts.districtId, actor.districtId), eq(accounts.id, id)))
          .returning();
        if (status === 'disabled') await deps.endSessions(tx, actor.districtId, id);
        await deps.audit.record(actor, { action: `accounts.${status === 'disabled' ? 'disable' : 'enable'}`, objectType: 'account', objectId: id, regionId: row!.regionId });
        return toAccountView(actor, { ...row!, regionName: current.regionName, regionType: current.regionType }, crypto);
      });
    },

    /** Issues a temporary password the user must change at next login; ends their sessions. */
    async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
      const temp = temporaryPassword();
      const passwordHash = await hashPassword(temp);
      await db.transaction(async (tx) => {
        const current = await loadInScope(tx, actor, id);
        if (!canManageAccount(actor, current as { roles: Role[] })) throw accountsError('accounts.outranks_you');
        await setPasswordHash(tx, actor.districtId, id, passwordHash, true);
        await deps.endSessions(tx, actor.districtId, id);
        await deps.audit.record(actor, { action: 'accounts.reset_password', objectType: 'account', objectId: id, regionId: current.regionId });
      });
      return { temporaryPassword: temp };
    },

    /** An account the actor may manage (in scope: else 404; not outranking them: else 403), for admin actions of other modules. */
    async manageable(tx: DbOrTx, actor: Actor, id: string) {
      const row = await loadInScope(tx, actor, id);
      if (!canManageAccount(actor, row as { roles: Role[] })) throw accountsError('accounts.outranks_you');
      return { id: row.id, districtId: row.districtId, phone: row.phone, regionId: row.regionId };
    },
  };
}

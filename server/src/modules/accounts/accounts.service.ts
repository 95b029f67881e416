import { and, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, passwordProblem, temporaryPassword } from '../../platform/auth/password.js';
import { staffRoles, type Role } from '../../platform/auth/roles.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { passwordError } from '../../platform/auth/auth.errors.js';
import { isValidIdNumber } from '../../platform/privacy/id-number.js';
import { inScope, regionInScope, regionWithin, subtreeOf } from '../../platform/scope/scope.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { regions } from '../../platform/scope/regions.table.js';
import { canGrantRole, canManageAccount, canReveal, type PiiField } from './accounts.policy.js';
import { accounts, phoneDirectory, type AccountRow } from './accounts.table.js';
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
export type AccountQuery = { q?: string; regionId?: string; role?: Role; status?: string; page: number; pageSize: number };

type Deps = PlatformDeps & {
  audit: AuditService;
  regions: RegionsService;
  endSessions: (tx: DbOrTx, districtId: string, accountId: string) => Promise<void>;
};

export function createAccountsService(deps: Deps) {
  const { db, crypto } = deps;
  const withRegion = { ...getTableColumns(accounts), regionName: regions.name, regionType: regions.type, regionPath: regions.path };

  async function loadInScope(tx: DbOrTx, actor: Actor, id: string) {
    const [row] = await tx
      .select(withRegion)
      .from(accounts)
      .innerJoin(regions, eq(regions.id, accounts.regionId))
      .where(and(eq(accounts.id, id), inScope(actor, accounts)));
    if (!row) throw accountsError('accounts.not_found');
    return row;
  }

  function checkIdNumber(idNumber: string | undefined) {
    if (idNumber !== undefined && !isValidIdNumber(idNumber)) throw accountsError('accounts.invalid_id_number', { field: 'idNumber' });
  }

  function checkGrants(actor: Actor, wanted: readonly Role[]) {
    for (const role of wanted) if (!canGrantRole(actor, role)) throw accountsError('accounts.role_not_grantable', { params: { role }, field: 'roles' });
  }

  /** Inserts the account and its phone directory row together; null (nothing written) when the phone is taken. */
  async function tryInsertAccount(tx: DbOrTx, districtId: string, values: Omit<typeof accounts.$inferInsert, 'districtId'>) {
    const claimed = await tx
      .insert(phoneDirectory)
      .values({ phone: values.phone, districtId, accountId: values.id! })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) return null;
    const [row] = await tx.insert(accounts).values({ ...values, districtId }).returning();
    return row!;
  }

  /** Staff creating an account learn that a phone is taken (a 409 on `phone`); the public never does. */
  async function insertAccount(tx: DbOrTx, districtId: string, values: Omit<typeof accounts.$inferInsert, 'districtId'>) {
    const row = await tryInsertAccount(tx, districtId, values);
    if (!row) throw accountsError('accounts.phone_taken', { field: 'phone' });
    return row;
  }

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
        await this.setPasswordHash(tx, actor.districtId, id, passwordHash, true);
        await deps.endSessions(tx, actor.districtId, id);
        await deps.audit.record(actor, { action: 'accounts.reset_password', objectType: 'account', objectId: id, regionId: current.regionId });
      });
      return { temporaryPassword: temp };
    },

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
    async insertResident(tx: DbOrTx, input: { phone: string; name: string; passwordHash: string; region: { id: string; districtId: string }; volunteer?: boolean }) {
      return tryInsertAccount(tx, input.region.districtId, {
        id: globalThis.crypto.randomUUID(),
        phone: input.phone,
        name: input.name,
        roles: input.volunteer ? ['resident', 'volunteer'] : ['resident'],
        regionId: input.region.id,
        passwordHash: input.passwordHash,
      });
    },

    /** An account the actor may manage (in scope: else 404; not outranking them: else 403), for admin actions of other modules. */
    async manageable(tx: DbOrTx, actor: Actor, id: string) {
      const row = await loadInScope(tx, actor, id);
      if (!canManageAccount(actor, row as { roles: Role[] })) throw accountsError('accounts.outranks_you');
      return { id: row.id, districtId: row.districtId, phone: row.phone, regionId: row.regionId };
    },

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

    /** Names (and phones, for callers that mask them) of accounts by id, e.g. volunteers on an order. */
    async namesOf(districtId: string, ids: string[]): Promise<Map<string, { name: string; phone: string }>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: accounts.id, name: accounts.name, phone: accounts.phone })
        .from(accounts)
        .where(and(eq(accounts.districtId, districtId), inArray(accounts.id, ids)));
      return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
    },

    // ---- used by the auth module (through this service, never the tables) ----

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

    async actorView(districtId: string, id: string) {
      const [row] = await db
        .select({
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

    async setPasswordHash(tx: DbOrTx, districtId: string, id: string, passwordHash: string, mustChange: boolean) {
      await tx
        .update(accounts)
        .set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(accounts.districtId, districtId), eq(accounts.id, id)));
    },

    async markLoggedIn(tx: DbOrTx, districtId: string, id: string) {
      await tx.update(accounts).set({ lastLoginAt: new Date() }).where(and(eq(accounts.districtId, districtId), eq(accounts.id, id)));
    },

    /** The caller's own profile, unmasked for themselves. */
    async me(actor: Actor): Promise<AccountView> {
      const [row] = await db
        .select(withRegion)
        .from(accounts)
        .innerJoin(regions, eq(regions.id, accounts.regionId))
        .where(and(eq(accounts.districtId, actor.districtId), eq(accounts.id, actor.accountId)));
      if (!row) throw accountsError('accounts.not_found');
      return toAccountView(actor, row, crypto);
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

import { and, arrayContains, eq, inArray, ne, sql, type Column, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { isValidIdNumber } from '../../platform/privacy/id-number.js';
import { regions } from '../../platform/scope/regions.table.js';
import { accountsError } from './accounts.errors.js';
import { tryInsertAccount, type AccountsDeps } from './accounts.rows.js';
import { accounts } from './accounts.table.js';

/** Who a volunteer is, as the registry shows it (the person's own fields live on the account). */
export type Person = {
  id: string;
  name: string;
  phone: string;
  gender: string | null;
  birthYear: number | null;
  skills: string[];
  idNumberEnc: string | null;
  regionId: string;
  regionName: string;
  regionPath: string;
  /** The full place below the district, top first (the regions' stored path of names). */
  place: string[];
};

export type PersonDetails = { gender?: 'male' | 'female'; birthYear?: number; skills?: string[]; idNumber?: string };

/**
 * What the volunteer registry (modules/volunteers) keeps on the person: the `volunteer` role it grants
 * and takes back with a registration's status, the person's details from an application, and the
 * people of a page of volunteers. Each write joins the caller's transaction.
 */
export function accountsVolunteers(deps: AccountsDeps) {
  const { db, crypto } = deps;

  async function checkIdNumber(tx: DbOrTx, districtId: string, accountId: string, idNumber: string) {
    if (!isValidIdNumber(idNumber)) throw accountsError('accounts.invalid_id_number', { field: 'idNumber' });
    const [other] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.districtId, districtId), eq(accounts.idNumberHmac, crypto.digest(idNumber)), ne(accounts.id, accountId)))
      .limit(1);
    if (other) throw accountsError('accounts.id_number_taken', { field: 'idNumber' });
  }

  return {
    /** Adds or removes one role (the registry's `volunteer`), in the caller's transaction. */
    async setRoleHeld(tx: DbOrTx, districtId: string, accountId: string, role: Role, held: boolean): Promise<void> {
      await tx
        .update(accounts)
        .set({
          roles: held ? sql`(SELECT array_agg(DISTINCT r) FROM unnest(array_append(${accounts.roles}, ${role})) r)` : sql`array_remove(${accounts.roles}, ${role})`,
          updatedAt: new Date(),
        })
        .where(and(eq(accounts.districtId, districtId), eq(accounts.id, accountId)));
    },

    /** The details an application gives about the person; an ID number is checked, encrypted and unique in the district. */
    async updatePersonDetails(tx: DbOrTx, districtId: string, accountId: string, details: PersonDetails): Promise<void> {
      if (details.idNumber) await checkIdNumber(tx, districtId, accountId, details.idNumber);
      const { idNumber, ...rest } = details;
      const set = {
        ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
        ...(idNumber ? { idNumberEnc: crypto.encrypt(idNumber.toUpperCase()), idNumberHmac: crypto.digest(idNumber) } : {}),
      };
      if (Object.keys(set).length === 0) return;
      await tx
        .update(accounts)
        .set({ ...set, updatedAt: new Date() })
        .where(and(eq(accounts.districtId, districtId), eq(accounts.id, accountId)));
    },

    /** The people behind a page of registrations, with their home node. */
    async peopleOf(districtId: string, ids: string[]): Promise<Map<string, Person>> {
      if (ids.length === 0) return new Map();
      const rows = await currentDb(db)
        .select({
          id: accounts.id,
          name: accounts.name,
          phone: accounts.phone,
          gender: accounts.gender,
          birthYear: accounts.birthYear,
          skills: accounts.skills,
          idNumberEnc: accounts.idNumberEnc,
          regionId: accounts.regionId,
          regionName: regions.name,
          regionPath: regions.path,
          place: regions.place,
        })
        .from(accounts)
        .innerJoin(regions, eq(regions.id, accounts.regionId))
        .where(and(eq(accounts.districtId, districtId), inArray(accounts.id, ids)));
      return new Map(rows.map((r) => [r.id, r]));
    },

    /**
     * A condition on an account-id column: the person's name or phone contains `q`, and/or they have
     * every one of `skills`. A subquery over the accounts table, built here so no other module reads it.
     */
    personMatches(districtId: string, column: SQL | Column, match: { q?: string; skills?: string[] }): SQL | undefined {
      const conds: SQL[] = [eq(accounts.districtId, districtId)];
      if (match.q) {
        const like = `%${match.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(sql`(${accounts.name} LIKE ${like} OR ${accounts.phone} LIKE ${like})`);
      }
      if (match.skills?.length) conds.push(arrayContains(accounts.skills, match.skills));
      if (conds.length === 1) return undefined;
      return sql`${column} IN (SELECT ${accounts.id} FROM ${accounts} WHERE ${and(...conds)})`;
    },

    /** The account with this ID number in the district, if any (an import matching people it knows). */
    async idByIdNumber(districtId: string, idNumber: string): Promise<string | null> {
      const [row] = await currentDb(db)
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.districtId, districtId), eq(accounts.idNumberHmac, crypto.digest(idNumber))))
        .limit(1);
      return row?.id ?? null;
    },

    /** Creates a resident for an import (nothing if the phone is taken: null). */
    async insertPerson(tx: DbOrTx, districtId: string, input: { phone: string; name: string; regionId: string; passwordHash: string; createdBy: string } & PersonDetails) {
      return tryInsertAccount(tx, districtId, {
        id: globalThis.crypto.randomUUID(),
        phone: input.phone,
        name: input.name,
        roles: ['resident'],
        regionId: input.regionId,
        passwordHash: input.passwordHash,
        mustChangePassword: true,
        gender: input.gender,
        birthYear: input.birthYear,
        skills: input.skills ?? [],
        idNumberEnc: input.idNumber ? crypto.encrypt(input.idNumber.toUpperCase()) : null,
        idNumberHmac: input.idNumber ? crypto.digest(input.idNumber) : null,
        createdBy: input.createdBy,
      });
    },
  };
}

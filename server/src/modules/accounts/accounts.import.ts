import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { AccountsDeps } from './accounts.rows.js';
import { accounts, phoneDirectory } from './accounts.table.js';

/** A person an import knows by phone in this district, with what is already filled in. */
export type KnownPerson = { id: string; regionId: string; regionPath: string; gender: string | null; birthYear: number | null; skills: string[]; hasIdNumber: boolean };

export type NewPerson = { phone: string; name: string; regionId: string; gender?: 'male' | 'female'; birthYear?: number; skills: string[]; idNumber?: string };

const CHUNK = 500;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * What a bulk import of people (the volunteer import) asks of accounts: who holds a list of phones
 * and of ID numbers, and the new residents inserted in bulk — a few statements per thousand rows,
 * in the caller's transaction.
 */
export function accountsImport(deps: AccountsDeps) {
  const { crypto } = deps;

  return {
    /** The phones held in this district (with the person's details) and those held in another district. */
    async phoneHolders(tx: DbOrTx, districtId: string, phones: string[]): Promise<{ here: Map<string, KnownPerson>; elsewhere: Set<string> }> {
      const here = new Map<string, KnownPerson>();
      const elsewhere = new Set<string>();
      for (const part of chunks([...new Set(phones)])) {
        const held = await tx.select().from(phoneDirectory).where(inArray(phoneDirectory.phone, part));
        for (const h of held) if (h.districtId !== districtId) elsewhere.add(h.phone);
        const mine = held.filter((h) => h.districtId === districtId).map((h) => h.accountId);
        if (mine.length === 0) continue;
        const rows = await tx
          .select({ id: accounts.id, phone: accounts.phone, regionId: accounts.regionId, regionPath: regions.path, gender: accounts.gender, birthYear: accounts.birthYear, skills: accounts.skills, idNumberHmac: accounts.idNumberHmac })
          .from(accounts)
          .innerJoin(regions, eq(regions.id, accounts.regionId))
          .where(and(eq(accounts.districtId, districtId), inArray(accounts.id, mine)));
        for (const { phone, idNumberHmac, ...r } of rows) here.set(phone, { ...r, hasIdNumber: idNumberHmac !== null });
      }
      return { here, elsewhere };
    },

    /** Which accounts of the district hold these ID numbers (by their keyed digest): ID number → account id. */
    async idNumberHolders(tx: DbOrTx, districtId: string, idNumbers: string[]): Promise<Map<string, string>> {
      const byDigest = new Map(idNumbers.map((n) => [crypto.digest(n), n.trim().toUpperCase()]));
      const found = new Map<string, string>();
      for (const part of chunks([...byDigest.keys()])) {
        const rows = await tx
          .select({ id: accounts.id, hmac: accounts.idNumberHmac })
          .from(accounts)
          .where(and(eq(accounts.districtId, districtId), inArray(accounts.idNumberHmac, part)));
        for (const r of rows) found.set(byDigest.get(r.hmac!)!, r.id);
      }
      return found;
    },

    /**
     * New residents in bulk, each claiming their phone first (as one registration does); a phone taken
     * meanwhile is left out of the answer (phone → new account id), so the caller can tell.
     */
    async insertPeople(tx: DbOrTx, districtId: string, people: NewPerson[], common: { passwordHash: string; createdBy: string; roles: Role[] }): Promise<Map<string, string>> {
      const created = new Map<string, string>();
      for (const part of chunks(people)) {
        const withIds = part.map((p) => ({ ...p, id: globalThis.crypto.randomUUID() }));
        const claimed = await tx
          .insert(phoneDirectory)
          .values(withIds.map((p) => ({ phone: p.phone, districtId, accountId: p.id })))
          .onConflictDoNothing()
          .returning({ phone: phoneDirectory.phone });
        const mine = new Set(claimed.map((c) => c.phone));
        const rows = withIds.filter((p) => mine.has(p.phone));
        if (rows.length === 0) continue;
        await tx.insert(accounts).values(
          rows.map((p) => ({
            districtId,
            id: p.id,
            phone: p.phone,
            name: p.name,
            roles: common.roles,
            regionId: p.regionId,
            passwordHash: common.passwordHash,
            mustChangePassword: true,
            gender: p.gender ?? null,
            birthYear: p.birthYear ?? null,
            skills: p.skills,
            idNumberEnc: p.idNumber ? crypto.encrypt(p.idNumber.toUpperCase()) : null,
            idNumberHmac: p.idNumber ? crypto.digest(p.idNumber) : null,
            createdBy: common.createdBy,
          })),
        );
        for (const p of rows) created.set(p.phone, p.id);
      }
      return created;
    },
  };
}

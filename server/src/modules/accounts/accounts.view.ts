import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import type { RegionType } from '../regions/regions.policy.js';
import type { FieldCrypto } from '../../platform/crypto/crypto.js';
import { maskIdNumber, maskName, maskPhone } from '../../platform/privacy/mask.js';
import type { AccountRow } from './accounts.table.js';
import { seesFullName } from './accounts.policy.js';

export type AccountView = {
  id: string;
  name: string;
  phone: string;
  idNumber: string | null;
  roles: Role[];
  regionId: string;
  regionName: string | null;
  regionType: RegionType | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  skills: string[];
  lastLoginAt: string | null;
  createdAt: string;
};

type Row = AccountRow & { regionName?: string | null; regionType?: string | null };

/**
 * Serialises an account for a viewer. Phone and ID number are always masked in lists and details —
 * even for admins — and seen in full only through the audited reveal endpoint; the account's owner
 * sees their own phone. Names are masked for non-staff.
 */
export function toAccountView(viewer: Actor | null, row: Row, crypto: FieldCrypto): AccountView {
  const self = viewer?.accountId === row.id && viewer.districtId === row.districtId;
  const idNumber = row.idNumberEnc ? crypto.decrypt(row.idNumberEnc) : null;
  // the columns are plain text; the accounts service writes only these vocabularies' values
  return {
    id: row.id,
    name: self || (viewer && seesFullName(viewer)) ? row.name : (maskName(row.name) ?? ''),
    phone: self ? row.phone : (maskPhone(row.phone) ?? ''),
    idNumber: maskIdNumber(idNumber),
    roles: row.roles as Role[],
    regionId: row.regionId,
    regionName: row.regionName ?? null,
    regionType: (row.regionType ?? null) as RegionType | null,
    status: row.status as AccountView['status'],
    mustChangePassword: row.mustChangePassword,
    gender: row.gender as AccountView['gender'],
    birthYear: row.birthYear,
    skills: row.skills,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

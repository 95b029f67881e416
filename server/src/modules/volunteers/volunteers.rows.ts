import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { ServiceEntryInput } from './volunteers.table.js';
import { inScope } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { volunteersError } from './volunteers.errors.js';
import { volunteers, type VolunteerRow } from './volunteers.table.js';

/* What the registry's use cases (apply, decide, read, record, card) share. */

export type VolunteersDeps = PlatformDeps & {
  accounts: AccountsService;
  audit: AuditService;
  files: FilesService;
  notifications: NotificationsService;
  regions: RegionsService;
  /** The name of an active registered partner unit (modules/partners, reached late: it reads this registry too), or null. */
  workUnitName: (districtId: string, unitId: string) => Promise<string | null>;
  /** A service verified once, with the volunteer's community: the time bank credits it in the same transaction (modules/ledger, reached late). */
  onServiceVerified: (tx: DbOrTx, districtId: string, entry: ServiceEntryInput & { communityId: string | null }) => Promise<void>;
};

/** The registration if the staff member may see it (their subtree holds the volunteer's home), else 404. */
export async function loadInScope(tx: DbOrTx, actor: Actor, accountId: string): Promise<VolunteerRow> {
  const [row] = await tx
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.accountId, accountId), inScope(actor, volunteers)));
  if (!row) throw volunteersError('volunteers.not_found');
  return row;
}

export async function loadOwn(tx: DbOrTx, districtId: string, accountId: string): Promise<VolunteerRow | undefined> {
  const [row] = await tx
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.districtId, districtId), eq(volunteers.accountId, accountId)));
  return row;
}


export const hoursOf = (row: { verifiedHours: string }) => Number(row.verifiedHours);

/** Names of regions by id (community names on a page of volunteers); the region tree is the platform's. */
export async function regionNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

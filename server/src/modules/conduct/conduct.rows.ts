import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { inScope } from '../../platform/scope/scope.js';
import { conductError } from './conduct.errors.js';
import { conductEntries, conductIncidents, type EntryRow, type IncidentRow } from './conduct.table.js';

/** Who may see an incident: the volunteer it is about, and staff whose subtree holds their home. */
export function visibleIncidents(actor: Actor): SQL {
  const own = and(eq(conductIncidents.districtId, actor.districtId), eq(conductIncidents.accountId, actor.accountId))!;
  return isStaff(actor.roles) ? or(own, inScope(actor, conductIncidents))! : own;
}

/** One incident the actor may see (locked when about to change it), else 404 like a missing one. */
export async function loadIncident(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<IncidentRow> {
  const q = tx.select().from(conductIncidents).where(and(eq(conductIncidents.id, id), visibleIncidents(actor)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw conductError('conduct.not_found');
  return row;
}

export async function entriesById(tx: DbOrTx, districtId: string, ids: string[]): Promise<Map<string, EntryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(conductEntries).where(and(eq(conductEntries.districtId, districtId), inArray(conductEntries.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whether another incident still holds the volunteer suspended (then lifting this one reinstates nobody). */
export async function otherSuspensionHolds(tx: DbOrTx, row: IncidentRow): Promise<boolean> {
  const [other] = await tx
    .select({ n: sql<number>`1` })
    .from(conductIncidents)
    .where(and(eq(conductIncidents.districtId, row.districtId), eq(conductIncidents.accountId, row.accountId), eq(conductIncidents.suspension, 'active'), ne(conductIncidents.id, row.id)))
    .limit(1);
  return Boolean(other);
}

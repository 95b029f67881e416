import { and, asc, eq, exists, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { regions } from '../../platform/scope/regions.table.js';
import { regionWithin } from '../../platform/scope/scope.js';
import { whistleUnits, whistles } from './whistles.table.js';

const street = alias(regions, 'street');
const place = alias(regions, 'place');

export type WhistleRow = typeof whistles.$inferSelect & { streetName: string; streetPath: string; placePath: string };
export type CallRow = typeof whistleUnits.$inferSelect;

/**
 * One whistle with the paths its standing is decided on. `lock` takes the whistle's row FOR UPDATE:
 * every change to a whistle or to one of its calls locks the whistle first, so its calls change one
 * at a time and a close cannot cross a report.
 */
export async function loadWhistle(q: DbOrTx, districtId: string, id: string, lock = false): Promise<WhistleRow | null> {
  const query = q
    .select({ w: whistles, streetName: street.name, streetPath: street.path, placePath: place.path })
    .from(whistles)
    .innerJoin(street, eq(street.id, whistles.streetId))
    .innerJoin(place, eq(place.id, whistles.regionId))
    .where(and(eq(whistles.districtId, districtId), eq(whistles.id, id)));
  const [row] = lock ? await query.for('update', { of: whistles }) : await query;
  return row ? { ...row.w, streetName: row.streetName, streetPath: row.streetPath, placePath: row.placePath } : null;
}

/** The calls of some whistles, in the order they were made. */
export async function callsOf(q: DbOrTx, districtId: string, whistleIds: readonly string[]): Promise<CallRow[]> {
  if (whistleIds.length === 0) return [];
  const rows = await q
    .select()
    .from(whistleUnits)
    .where(and(eq(whistleUnits.districtId, districtId), inArray(whistleUnits.whistleId, [...whistleIds])))
    .orderBy(asc(whistleUnits.calledAt), asc(whistleUnits.name));
  return rows;
}

/** The whistle a call belongs to, for the routes that name a call. */
export async function whistleOfCall(q: DbOrTx, districtId: string, callId: string): Promise<string | null> {
  const [row] = await q.select({ id: whistleUnits.whistleId }).from(whistleUnits).where(and(eq(whistleUnits.districtId, districtId), eq(whistleUnits.id, callId)));
  return row?.id ?? null;
}

/** Whistles the actor was called to: a call of theirs (its contact). */
export function calledTo(q: DbOrTx, actor: Actor): SQL {
  return exists(
    q
      .select({ one: whistleUnits.id })
      .from(whistleUnits)
      .where(and(eq(whistleUnits.districtId, whistles.districtId), eq(whistleUnits.whistleId, whistles.id), eq(whistleUnits.contactId, actor.accountId))),
  );
}

/**
 * The whistles an actor may list — the same rule as `standingOf` for one: staff see those on needs in
 * their subtree (the street admin: their street's), a contact those they were called to.
 */
export function visibleTo(q: DbOrTx, actor: Actor): SQL {
  const called = calledTo(q, actor);
  return and(eq(whistles.districtId, actor.districtId), isStaff(actor.roles) ? or(regionWithin(whistles.regionId, actor.regionPath), called) : called)!;
}

/** The street above a place (its node's type is `street`), or none. */
export async function streetOf(q: DbOrTx, districtId: string, placePath: string): Promise<{ id: string; name: string; path: string } | null> {
  const ids = placePath.split('/').filter(Boolean);
  if (ids.length === 0) return null;
  const [row] = await q
    .select({ id: regions.id, name: regions.name, path: regions.path })
    .from(regions)
    .where(and(eq(regions.districtId, districtId), inArray(regions.id, ids), eq(regions.type, 'street')))
    .limit(1);
  return row ?? null;
}

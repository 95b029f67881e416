import { and, asc, eq, lte } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { RATING_WINDOW_DAYS } from './needs.lifecycle.js';
import { needs } from './needs.table.js';
import { applyAction, type TransitionDeps } from './needs.transitions.js';

export const AUTO_CONFIRM_JOB = 'needs.autoConfirm';
/** How often each district sweeps for needs left unrated past the window. */
export const AUTO_CONFIRM_EVERY_MS = 10 * 60_000;
const BATCH = 200;

/**
 * The 3-day confirmation (SPEC §4): a need completed and left unrated for three days is confirmed by
 * the system (系统), as a staff member could. Runs in the sweep job's transaction; each need in its
 * own savepoint, so one that cannot be confirmed (it was rated meanwhile) leaves the others alone.
 * Exactly once per need: the transition locks the row and its guard refuses a second confirm.
 */
export async function confirmUnrated(tx: DbOrTx, deps: TransitionDeps, districtId: string, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - RATING_WINDOW_DAYS * 86_400_000);
  const due = await tx
    .select({ id: needs.id })
    .from(needs)
    .where(and(eq(needs.districtId, districtId), eq(needs.status, 'completed'), lte(needs.completedAt, cutoff)))
    .orderBy(asc(needs.completedAt))
    .limit(BATCH);
  const system = systemActor(districtId, '/');
  let confirmed = 0;
  for (const { id } of due) {
    try {
      await tx.transaction((inner) => applyAction(inner, deps, system, id, 'confirm', {}));
      confirmed++;
    } catch (err) {
      console.warn(`[lianxin] auto-confirm of need ${id} skipped:`, err instanceof Error ? err.message : err);
    }
  }
  return confirmed;
}

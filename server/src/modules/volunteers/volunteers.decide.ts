import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { inScope } from '../../platform/scope/scope.js';
import { volunteersError } from './volunteers.errors.js';
import { canMove, formatNumber, movesNeedingReason, registryMoves, type RegistryMove } from './volunteers.policy.js';
import { loadInScope, type VolunteersDeps } from './volunteers.rows.js';
import { volunteers, type VolunteerRow } from './volunteers.table.js';

type StaffMove = Exclude<RegistryMove, 'reapply'>;

/** What the volunteer is told after each move. */
const messageOf: Record<StaffMove, string> = {
  approve: 'volunteers.approved',
  refuse: 'volunteers.refused',
  suspend: 'volunteers.suspended',
  reinstate: 'volunteers.reinstated',
  leave: 'volunteers.left',
};

/**
 * Staff deciding on registrations: approve (a number, the `volunteer` role), refuse, suspend,
 * reinstate, record leaving — each a conditional update from the statuses the move allows, so two
 * staff deciding at once cannot both succeed, and the role changes in the same transaction.
 */
export function volunteersDecide(deps: VolunteersDeps) {
  const { db } = deps;

  /** The next number of the district: one row raised in the approval's transaction (its lock orders approvals). */
  async function nextNumber(tx: DbOrTx, districtId: string): Promise<string> {
    await tx.execute(sql`INSERT INTO volunteer_settings (district_id) VALUES (${districtId}) ON CONFLICT DO NOTHING`);
    const [row] = await queryRows<{ prefix: string; n: number }>(
      tx,
      sql`UPDATE volunteer_settings SET next_number = next_number + 1 WHERE district_id = ${districtId} RETURNING number_prefix AS prefix, next_number - 1 AS n`,
    );
    return formatNumber(row!.prefix, row!.n);
  }

  /** One move in the caller's transaction; null when the registration is not in a status the move allows. */
  async function moveIn(tx: DbOrTx, actor: Actor, current: VolunteerRow, move: StaffMove, reason?: string, self = false): Promise<VolunteerRow | null> {
    // staff say why; a volunteer leaving of their own accord need not
    if (!self && movesNeedingReason.includes(move) && !reason?.trim()) throw volunteersError('volunteers.reason_required', { field: 'reason' });
    if (!canMove(move, current.status)) return null;
    const to = registryMoves[move].to;
    const number = move === 'approve' && !current.number ? await nextNumber(tx, current.districtId) : current.number;
    const [row] = await tx
      .update(volunteers)
      .set({ status: to, number, statusReason: to === 'active' ? null : (reason?.trim() ?? null), decidedAt: deps.clock.now(), decidedBy: actor.roles.includes('system') ? null : actor.accountId, updatedAt: deps.clock.now() })
      .where(and(eq(volunteers.districtId, current.districtId), eq(volunteers.accountId, current.accountId), inArray(volunteers.status, [...registryMoves[move].from])))
      .returning();
    if (!row) return null;
    await deps.accounts.setRoleHeld(tx, row.districtId, row.accountId, 'volunteer', to === 'active');
    await deps.audit.record(actor, { action: `volunteers.${move}`, objectType: 'volunteer', objectId: row.accountId, regionId: row.regionId, details: { from: current.status, to, reason: reason ?? null, number: row.number } });
    await deps.notifications.notify(tx, row.districtId, {
      key: `${messageOf[move]}:${row.accountId}:${deps.clock.now().getTime()}`,
      type: messageOf[move],
      recipients: [row.accountId],
      subject: { type: 'volunteer', id: row.accountId, label: row.number ?? '' },
      params: { reason: reason ?? '', number: row.number ?? '' },
    });
    return row;
  }

  async function decide(actor: Actor, accountId: string, move: StaffMove, reason?: string): Promise<VolunteerRow> {
    return db.transaction(async (tx) => {
      const current = await loadInScope(tx, actor, accountId);
      const row = await moveIn(tx, actor, current, move, reason);
      if (!row) throw volunteersError('volunteers.wrong_status', { params: { status: current.status } });
      return row;
    });
  }

  return {
    decide,

    /** 批量审核: every application in scope approved in one transaction; the others are listed with why. */
    async approveMany(actor: Actor, ids: string[]) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(volunteers)
          .where(and(inArray(volunteers.accountId, [...new Set(ids)]), inScope(actor, volunteers)))
          .orderBy(volunteers.appliedAt);
        const found = new Map(rows.map((r) => [r.accountId, r]));
        const approved: { id: string; number: string }[] = [];
        const skipped: { id: string; reason: 'not_found' | 'wrong_status' }[] = [];
        for (const id of [...new Set(ids)]) {
          const current = found.get(id);
          if (!current) {
            skipped.push({ id, reason: 'not_found' });
            continue;
          }
          const row = await moveIn(tx, actor, current, 'approve');
          if (row) approved.push({ id, number: row.number! });
          else skipped.push({ id, reason: 'wrong_status' });
        }
        return { approved, skipped };
      });
    },

    /**
     * A suspension or reinstatement decided elsewhere (a conduct incident, an appeal upheld), in that
     * module's transaction. False when the volunteer was not in a status the move allows.
     */
    async moveFor(tx: DbOrTx, actor: Actor, districtId: string, accountId: string, move: 'suspend' | 'reinstate', reason: string): Promise<boolean> {
      const [current] = await tx.select().from(volunteers).where(and(eq(volunteers.districtId, districtId), eq(volunteers.accountId, accountId)));
      if (!current) throw volunteersError('volunteers.not_found');
      return Boolean(await moveIn(tx, actor, current, move, reason));
    },

    /** The volunteer leaving of their own accord (退出): the role goes at once; they may apply again. */
    async leaveSelf(actor: Actor, reason?: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [current] = await tx.select().from(volunteers).where(and(eq(volunteers.districtId, actor.districtId), eq(volunteers.accountId, actor.accountId)));
        if (!current) throw volunteersError('volunteers.not_registered');
        if (current.status === 'applied') {
          // withdrawing an application: nothing was granted, so nothing is kept but the record
          await tx.update(volunteers).set({ status: 'left', statusReason: reason?.trim() || null, updatedAt: deps.clock.now() }).where(and(eq(volunteers.districtId, actor.districtId), eq(volunteers.accountId, actor.accountId), eq(volunteers.status, 'applied')));
          await deps.audit.record(actor, { action: 'volunteers.withdraw', objectType: 'volunteer', objectId: actor.accountId, regionId: current.regionId });
          return;
        }
        const row = await moveIn(tx, actor, current, 'leave', reason?.trim() || undefined, true);
        if (!row) throw volunteersError('volunteers.wrong_status', { params: { status: current.status } });
      });
    },
  };
}

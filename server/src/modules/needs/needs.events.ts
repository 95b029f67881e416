import { and, eq, sql, type SQL } from 'drizzle-orm';
import { appendAtCommit, sendLast, withAppends } from '../../platform/db/unit-of-work.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { NeedRow } from './needs.access.js';
import { needEvents, needs } from './needs.table.js';

type EventEntry = { actor: Actor; role: string; action: string; from: string | null; to: string; note?: string | null; attachments?: string[]; data?: Record<string, unknown> | null };

/** The need's timeline row with sequence `seq` (= its new version; UNIQUE, append-only by trigger). */
function timelineRow(tx: DbOrTx, need: Pick<NeedRow, 'districtId' | 'id'>, seq: number, e: EventEntry) {
  return tx.insert(needEvents).values({
    districtId: need.districtId,
    needId: need.id,
    seq,
    action: e.action,
    fromStatus: e.from,
    toStatus: e.to,
    // the system acts in no one's name: shown as 系统 by its role
    actorId: e.actor.isSystem ? null : e.actor.accountId,
    actorName: e.actor.isSystem ? null : e.actor.name,
    actorRole: e.role,
    note: e.note ?? null,
    attachments: e.attachments ?? [],
    data: e.data ?? null,
  });
}

export async function insertNeedEvent(tx: DbOrTx, need: Pick<NeedRow, 'districtId' | 'id'>, seq: number, e: EventEntry): Promise<void> {
  await timelineRow(tx, need, seq, e);
}

/** The same row, written as the transaction commits with its other appended rows (nothing in it reads the timeline). */
export async function appendNeedEvent(tx: DbOrTx, need: Pick<NeedRow, 'districtId' | 'id'>, seq: number, e: EventEntry): Promise<void> {
  await appendAtCommit(tx, timelineRow(tx, need, seq, e).getSQL());
}

/**
 * An event on a need that another need's transition caused (a duplicate merged into it): no change of
 * state, but its own version bump and timeline entry, so the need's story says what happened to it.
 * The need must be locked (`FOR UPDATE`) by the caller's transaction.
 */
export async function appendSideEvent(
  tx: DbOrTx,
  need: NeedRow,
  entry: { actor: Actor; role: string; action: string; note?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  const version = need.version + 1;
  await tx.update(needs).set({ version, updatedAt: new Date() }).where(and(eq(needs.districtId, need.districtId), eq(needs.id, need.id)));
  await insertNeedEvent(tx, need, version, { ...entry, from: need.status, to: need.status });
}

/**
 * A write that rides with the transition's one write (updateAndLog's `along`): CTEs placed before the
 * need's update, and a condition (`holds`) that must be true in that statement, or the statement fails
 * and the transaction with it, and `refusal` is the error told.
 */
export type AlongWrite = { ctes: SQL[]; holds: SQL; refusal: () => Error };

/**
 * A transition's write in one statement: the need's columns (`set`, the version included) and its
 * timeline row with sequence `seq`. The row must be locked by the caller's transaction at `fromVersion`;
 * should it not be at that version any more, the statement fails (nothing is written, the transaction
 * aborts): with the lock held that cannot happen, and a bug must not pass for a transition.
 * `last`: the transaction's last statement, sent with its COMMIT (sendLast).
 */
export async function updateAndLog(
  tx: DbOrTx,
  need: Pick<NeedRow, 'districtId' | 'id' | 'version'>,
  set: Partial<typeof needs.$inferInsert>,
  seq: number,
  e: EventEntry,
  opts: { last?: boolean; along?: AlongWrite } = {},
): Promise<void> {
  const update = tx
    .update(needs)
    .set(set)
    .where(and(eq(needs.districtId, need.districtId), eq(needs.id, need.id), eq(needs.version, need.version)))
    .returning({ districtId: needs.districtId, id: needs.id });
  const attachments = `{${(e.attachments ?? []).join(',')}}`;
  // the rows waiting for the commit (the transition's audit line, its domain event) ride along; no row
  // updated means no timeline row, and 1 / 0 fails the statement
  const { along } = opts;
  const statement = withAppends(
    tx,
    [
      ...(along?.ctes ?? []),
      sql`u AS (${update.getSQL()})`,
      sql`logged AS (INSERT INTO ${needEvents} (district_id, need_id, seq, action, from_status, to_status, actor_id, actor_name, actor_role, note, attachments, data)
      SELECT u.district_id, u.id, ${seq}, ${e.action}, ${e.from}, ${e.to}, ${e.actor.isSystem ? null : e.actor.accountId}, ${e.actor.isSystem ? null : e.actor.name},
             ${e.role}, ${e.note ?? null}, ${attachments}::uuid[], ${e.data == null ? null : JSON.stringify(e.data)}::jsonb
      FROM u
      RETURNING seq)`,
    ],
    // what goes along must hold, or the statement fails another way (ln(0), "cannot take logarithm of
    // zero"): non-constant operands, as PostgreSQL folds a constant branch of a CASE while planning
    along
      ? sql`SELECT CASE WHEN count(*) = 0 THEN 1 / count(*) WHEN ${along.holds} THEN 1 ELSE ln(0 * count(*)) END AS written FROM logged`
      : sql`SELECT 1 / count(*) AS written FROM logged`,
  );
  const explain = (err: unknown) => {
    if (sqlState(err) === '22012') return new Error(`need ${need.id} was not at version ${need.version} under its lock`, { cause: err });
    // (the refusal keeps the database's error as its cause: a 2201E of another origin would show there)
    if (along && sqlState(err) === '2201E') return Object.assign(along.refusal(), { cause: err });
    return undefined;
  };
  if (opts.last) await sendLast(tx, statement, { explain });
  else await tx.execute(statement).catch((err: unknown) => {
    throw explain(err) ?? err;
  });
}

/** The SQLSTATE of a driver's error, bare or wrapped by drizzle. */
const sqlState = (err: unknown) => (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;

import net from 'node:net';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { FieldCrypto } from '../../platform/crypto/crypto.js';
import { queryRows, type Db, type DbOrTx } from '../../platform/db/client.js';
import { authError } from './auth.errors.js';
import './auth.errors.js';

/**
 * Login throttling, kept in PostgreSQL so every instance sees the same counts (table login_throttle).
 *
 * - Failures from one source on one phone lock that pair (LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES):
 *   a stranger guessing from elsewhere cannot lock the owner out of their own account.
 * - Failures on one phone from all sources together past LOGIN_PHONE_MAX_FAILURES slow down
 *   distributed guessing: each attempt from a source the owner never logged in from must wait for
 *   a delay that doubles with every further failure (up to MAX_DELAY_SECONDS). Sources the owner
 *   logged in from within FAMILIAR_DAYS are not held up ("smart lockout").
 * - Counts reset after a quiet period: a whole window (LOGIN_LOCK_MINUTES) without a failure.
 * - Attempts refused by a lock or a delay never check the password, so they cannot guess.
 */
const PHONE_WIDE = '*';
const MAX_DELAY_SECONDS = 60;
const FAMILIAR_DAYS = 30;
const SWEEP_BATCH = 100;

/** Where an attempt comes from: an IPv4 address, or an IPv6 /64 (one subscriber usually holds a whole /64). */
export function sourceOf(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const address = ip.split('%')[0]!;
  if (!net.isIPv6(address)) return ip.slice(0, 64);
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const front = groups(head);
  const back = groups(tail);
  const all = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return `${all.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

export type FailureOutcome = {
  /** Minutes the pair is now locked for (0: not locked). */
  lockedMinutes: number;
  /** This failure locked the pair. */
  justLocked: boolean;
  /** This failure took the phone past the phone-wide ceiling. */
  justThrottled: boolean;
};

type Row = { source: string; failures: number; lock_seconds: number; wait_seconds: number; recent: boolean | null; familiar: boolean | null };

export function createLoginThrottle(deps: { db: Db; crypto: FieldCrypto; config: Config }) {
  const { db, config } = deps;
  const keyOf = (phone: string) => deps.crypto.digest(phone);
  const window = sql`make_interval(mins => ${config.loginLockMinutes})`;
  const familiarFor = sql`make_interval(days => ${FAMILIAR_DAYS})`;

  async function rows(phoneKey: string, source: string): Promise<{ pair?: Row; phone?: Row }> {
    const found = await queryRows<Row>(db, sql`
      SELECT source, failures,
             greatest(0, ceil(extract(epoch FROM locked_until - now())))::int AS lock_seconds,
             greatest(0, ceil(extract(epoch FROM next_attempt_at - now())))::int AS wait_seconds,
             last_failure_at >= now() - ${window} AS recent,
             last_success_at >= now() - ${familiarFor} AS familiar
      FROM login_throttle WHERE phone_key = ${phoneKey} AND source IN (${source}, ${PHONE_WIDE})`);
    return { pair: found.find((r) => r.source === source), phone: found.find((r) => r.source === PHONE_WIDE) };
  }

  const lockedError = (seconds: number) => authError('auth.locked', { params: { minutes: Math.ceil(seconds / 60) } });

  /** Takes the next slot of a slowed-down phone, atomically: two sources cannot both take it. */
  async function claimSlot(phoneKey: string, failures: number): Promise<void> {
    const delay = Math.min(MAX_DELAY_SECONDS, 2 ** Math.min(failures - config.loginPhoneMaxFailures, 10));
    const claimed = await queryRows<{ ok: number }>(db, sql`
      UPDATE login_throttle
      SET next_attempt_at = now() + make_interval(secs => ${delay}),
          expires_at = greatest(expires_at, now() + make_interval(secs => ${delay}))
      WHERE phone_key = ${phoneKey} AND source = ${PHONE_WIDE} AND (next_attempt_at IS NULL OR next_attempt_at <= now())
      RETURNING 1 AS ok`);
    if (claimed.length > 0) return;
    const { phone } = await rows(phoneKey, PHONE_WIDE);
    const seconds = Math.max(1, phone?.wait_seconds ?? 1);
    throw authError('auth.slow_down', { params: { seconds }, details: { retryAfterSeconds: seconds } });
  }

  return {
    /** Refuses a locked (phone, source) pair; writes nothing. Registration checks this too. */
    async assertNotLocked(phone: string, ip: string): Promise<void> {
      const { pair } = await rows(keyOf(phone), sourceOf(ip));
      if (pair && pair.lock_seconds > 0) throw lockedError(pair.lock_seconds);
    },

    /** Before a password is checked: refuses a locked pair, and holds an unfamiliar source to the phone's delay. */
    async admit(phone: string, ip: string): Promise<void> {
      const phoneKey = keyOf(phone);
      const { pair, phone: wide } = await rows(phoneKey, sourceOf(ip));
      if (pair && pair.lock_seconds > 0) throw lockedError(pair.lock_seconds);
      const slowed = wide?.recent && wide.failures >= config.loginPhoneMaxFailures;
      if (slowed && !pair?.familiar) await claimSlot(phoneKey, wide.failures);
    },

    /** Counts a failure against the pair and the phone, inside the caller's transaction (with its audit rows). */
    async recordFailure(tx: DbOrTx, phone: string, ip: string): Promise<FailureOutcome> {
      const phoneKey = keyOf(phone);
      const fresh = sql`(login_throttle.last_failure_at IS NULL OR login_throttle.last_failure_at < now() - ${window})`;
      const counted = sql`CASE WHEN ${fresh} THEN 1 ELSE login_throttle.failures + 1 END`;
      const lockFor = sql`make_interval(mins => ${config.loginLockMinutes})`;
      const expires = sql`greatest(now() + ${window}, login_throttle.last_success_at + ${familiarFor})`;
      const [pair] = await queryRows<{ failures: number; lock_seconds: number }>(tx, sql`
        INSERT INTO login_throttle (phone_key, source, failures, last_failure_at, locked_until, expires_at)
        VALUES (${phoneKey}, ${sourceOf(ip)}, 1, now(),
                CASE WHEN 1 >= ${config.loginMaxFailures} THEN now() + ${lockFor} END, now() + ${window})
        ON CONFLICT (phone_key, source) DO UPDATE SET
          failures = ${counted},
          last_failure_at = now(),
          locked_until = CASE WHEN ${counted} >= ${config.loginMaxFailures} THEN now() + ${lockFor} ELSE login_throttle.locked_until END,
          expires_at = ${expires}
        RETURNING failures, greatest(0, ceil(extract(epoch FROM locked_until - now())))::int AS lock_seconds`);
      const [wide] = await queryRows<{ failures: number }>(tx, sql`
        INSERT INTO login_throttle (phone_key, source, failures, last_failure_at, expires_at)
        VALUES (${phoneKey}, ${PHONE_WIDE}, 1, now(), now() + ${window})
        ON CONFLICT (phone_key, source) DO UPDATE SET
          failures = ${counted},
          last_failure_at = now(),
          expires_at = greatest(now() + ${window}, login_throttle.next_attempt_at)
        RETURNING failures`);
      // each pair counts one failure at a time (the upsert locks its row), so exactly one crosses the line
      return {
        lockedMinutes: pair!.lock_seconds > 0 ? Math.ceil(pair!.lock_seconds / 60) : 0,
        justLocked: pair!.failures === config.loginMaxFailures,
        justThrottled: wide!.failures === config.loginPhoneMaxFailures,
      };
    },

    /** A successful login clears the pair's failures and makes the source familiar to the phone. */
    async recordSuccess(phone: string, ip: string): Promise<void> {
      await db.execute(sql`
        INSERT INTO login_throttle (phone_key, source, failures, last_success_at, expires_at)
        VALUES (${keyOf(phone)}, ${sourceOf(ip)}, 0, now(), now() + ${familiarFor})
        ON CONFLICT (phone_key, source) DO UPDATE SET
          failures = 0, last_failure_at = NULL, locked_until = NULL, last_success_at = now(), expires_at = now() + ${familiarFor}`);
    },

    /** An admin's unlock: every lock, count and delay on the phone ends. Answers whether any was in force. */
    async unlock(tx: DbOrTx, phone: string): Promise<boolean> {
      const phoneKey = keyOf(phone);
      const [held] = await queryRows<{ locked: boolean }>(tx, sql`
        SELECT coalesce(bool_or(locked_until > now()
                 OR (source = ${PHONE_WIDE} AND failures >= ${config.loginPhoneMaxFailures} AND last_failure_at >= now() - ${window})), false) AS locked
        FROM login_throttle WHERE phone_key = ${phoneKey}`);
      await tx.execute(sql`
        UPDATE login_throttle SET failures = 0, last_failure_at = NULL, locked_until = NULL, next_attempt_at = NULL
        WHERE phone_key = ${phoneKey}`);
      return held?.locked ?? false;
    },

    /**
     * Deletes rows that hold nothing any more, a batch at a time; called after failures, so the
     * table shrinks as fast as attacks grow it. SKIP LOCKED: two sweeps never wait on each other,
     * and a row being written is left alone (its expiry is rechecked on the locked version).
     */
    async sweep(): Promise<void> {
      await db.execute(sql`
        DELETE FROM login_throttle WHERE (phone_key, source) IN (
          SELECT phone_key, source FROM login_throttle WHERE expires_at < now()
          ORDER BY expires_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import type { CodeChannel } from '../notifications/notifications.codes.js';
import { authError } from './auth.errors.js';

export const CODE_MINUTES = 10;
const RESEND_SECONDS = 60;
const PHONE_SENDS_PER_HOUR = 5;
const ADDRESS_SENDS_PER_HOUR = 30;
const MAX_TRIES = 5;
/** A time as a query parameter both drivers read alike. */
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

type Deps = Pick<PlatformDeps, 'db' | 'crypto' | 'clock'> & { channel: CodeChannel };
export type CodePurpose = 'register';

/**
 * SMS verification codes (短信验证码): six digits, stored as a keyed hash, good for 10 minutes and
 * 5 tries, at most one a minute and 5 an hour per phone, 30 an hour per address. Every limit is one
 * conditional upsert in PostgreSQL (`sms_codes`), so instances behind a load balancer share it.
 */
export function createSmsCodes(deps: Deps) {
  const phoneKey = (phone: string) => deps.crypto.digest(phone);
  const hashOf = (phone: string, code: string) => deps.crypto.digest(`code:${phone}:${code}`);

  /** One more send on this subject if its limits allow (then true), storing the new code's hash. */
  async function take(tx: DbOrTx, row: { key: string; purpose: string; hash: string | null; expires: Date; gapSeconds: number; perHour: number }, now: Date) {
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const gapAgo = new Date(now.getTime() - row.gapSeconds * 1000);
    const taken = await queryRows(
      tx,
      sql`INSERT INTO sms_codes (subject_key, purpose, code_hash, expires_at, attempts, sent_at, sends, window_start)
          VALUES (${row.key}, ${row.purpose}, ${row.hash}, ${at(row.expires)}, 0, ${at(now)}, 1, ${at(now)})
          ON CONFLICT (subject_key, purpose) DO UPDATE SET
            code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0, sent_at = excluded.sent_at,
            sends = CASE WHEN sms_codes.window_start > ${at(hourAgo)} THEN sms_codes.sends + 1 ELSE 1 END,
            window_start = CASE WHEN sms_codes.window_start > ${at(hourAgo)} THEN sms_codes.window_start ELSE excluded.sent_at END
          WHERE ${row.gapSeconds > 0 ? sql`sms_codes.sent_at <= ${at(gapAgo)}` : sql`true`} AND (sms_codes.window_start <= ${at(hourAgo)} OR sms_codes.sends < ${row.perHour})
          RETURNING 1 AS ok`,
    );
    return taken.length > 0;
  }

  return {
    /** Sends a fresh code to the phone (the old one stops working); 429 beyond the limits. */
    async send(input: { phone: string; districtId: string; purpose: CodePurpose; ip: string }) {
      const now = deps.clock.now();
      const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
      const expires = new Date(now.getTime() + CODE_MINUTES * 60_000);
      await deps.db.transaction(async (tx) => {
        const byAddress = await take(tx, { key: `ip:${deps.crypto.digest(input.ip)}`, purpose: input.purpose, hash: null, expires: new Date(now.getTime() + 3_600_000), gapSeconds: 0, perHour: ADDRESS_SENDS_PER_HOUR }, now);
        const byPhone = byAddress && (await take(tx, { key: phoneKey(input.phone), purpose: input.purpose, hash: hashOf(input.phone, code), expires, gapSeconds: RESEND_SECONDS, perHour: PHONE_SENDS_PER_HOUR }, now));
        if (!byPhone) throw authError('auth.sms_code_too_soon', { field: 'phone' });
        await deps.channel.send(tx, { districtId: input.districtId, phone: input.phone, code, minutes: CODE_MINUTES });
      });
    },

    /**
     * Checks a code and spends one try on it (counted even when the caller fails later); answers the
     * hash that `consume` takes. Wrong, expired or out of tries: a 400 naming the field.
     */
    async check(phone: string, purpose: CodePurpose, code: string): Promise<string> {
      const now = deps.clock.now();
      const [row] = await queryRows<{ code_hash: string }>(
        deps.db,
        sql`UPDATE sms_codes SET attempts = attempts + 1
            WHERE subject_key = ${phoneKey(phone)} AND purpose = ${purpose} AND code_hash IS NOT NULL AND expires_at > ${at(now)} AND attempts < ${MAX_TRIES}
            RETURNING code_hash`,
      );
      if (!row) throw authError('auth.sms_code_expired', { field: 'smsCode' });
      const given = hashOf(phone, code);
      if (!crypto.timingSafeEqual(Buffer.from(given), Buffer.from(row.code_hash))) throw authError('auth.sms_code_wrong', { field: 'smsCode' });
      return given;
    },

    /** Uses the code up inside the caller's transaction: of two registrations with it, one goes through. */
    async consume(tx: DbOrTx, phone: string, purpose: CodePurpose, hash: string) {
      const used = await queryRows(tx, sql`DELETE FROM sms_codes WHERE subject_key = ${phoneKey(phone)} AND purpose = ${purpose} AND code_hash = ${hash} RETURNING 1 AS ok`);
      if (used.length === 0) throw authError('auth.sms_code_expired', { field: 'smsCode' });
    },
  };
}

export type SmsCodes = ReturnType<typeof createSmsCodes>;

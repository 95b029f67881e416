import crypto from 'node:crypto';

/*
 * The check-in code the organiser's phone shows (a QR code): `LXA1.<activity>.<i|o>.<slot>.<mac>`,
 * the activity, the purpose (check in / check out) and a 30-second time slot, signed with the
 * district's key (HMAC-SHA256, truncated to 128 bits). A code is good for its own slot and a short
 * grace after it, so a photo of the code sent to a friend fails half a minute later; the MAC is
 * compared in constant time, so a forged or edited code is refused without a timing hint.
 */

export const SLOT_MS = 30_000;
/** After its slot ends a code is still accepted this long (a scan just as the code changes). */
export const GRACE_MS = 5_000;
export const purposes = ['in', 'out'] as const;
export type Purpose = (typeof purposes)[number];

const PREFIX = 'LXA1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const slotOf = (now: Date) => Math.floor(now.getTime() / SLOT_MS);

const mac = (key: Buffer, activityId: string, purpose: Purpose, slot: number) =>
  crypto.createHmac('sha256', key).update(`${activityId}.${purpose}.${slot}`).digest().subarray(0, 16);

/** The code for an activity, purpose and slot. */
export function signCode(key: Buffer, activityId: string, purpose: Purpose, slot: number): string {
  return [PREFIX, activityId, purpose === 'in' ? 'i' : 'o', slot, mac(key, activityId, purpose, slot).toString('base64url')].join('.');
}

export type CodeCheck = { ok: true; activityId: string; purpose: Purpose; slot: number } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Checks a scanned code: well formed and signed by this key (else `invalid`: forged, edited or not
 * ours), of the current slot or the one before within the grace (else `expired`). A code from a
 * slot still to come cannot have been shown yet: `invalid`.
 */
export function verifyCode(key: Buffer, code: string, now: Date): CodeCheck {
  const parts = code.trim().split('.');
  if (parts.length !== 5 || parts[0] !== PREFIX) return { ok: false, reason: 'invalid' };
  const [, activityId, p, slotText, macText] = parts as [string, string, string, string, string];
  if (!UUID.test(activityId) || (p !== 'i' && p !== 'o') || !/^\d{1,12}$/.test(slotText)) return { ok: false, reason: 'invalid' };
  const purpose: Purpose = p === 'i' ? 'in' : 'out';
  const slot = Number(slotText);
  const given = Buffer.from(macText, 'base64url');
  const expected = mac(key, activityId, purpose, slot);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const current = slotOf(now);
  if (slot > current) return { ok: false, reason: 'invalid' };
  if (now.getTime() > (slot + 1) * SLOT_MS + GRACE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, activityId, purpose, slot };
}

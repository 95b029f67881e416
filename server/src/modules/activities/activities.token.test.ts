import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GRACE_MS, signCode, SLOT_MS, slotOf, verifyCode } from './activities.token.js';

const key = crypto.randomBytes(32);
const id = crypto.randomUUID();
const t0 = new Date(Math.floor(Date.parse('2026-03-03T01:00:00Z') / SLOT_MS) * SLOT_MS);
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('the rotating check-in code', () => {
  const code = signCode(key, id, 'in', slotOf(t0));

  it('is accepted in its own slot and the grace after it', () => {
    expect(verifyCode(key, code, t0)).toEqual({ ok: true, activityId: id, purpose: 'in', slot: slotOf(t0) });
    expect(verifyCode(key, code, later(SLOT_MS + GRACE_MS)).ok).toBe(true);
  });

  it('is expired once its slot and the grace are over', () => {
    expect(verifyCode(key, code, later(SLOT_MS + GRACE_MS + 1))).toEqual({ ok: false, reason: 'expired' });
    expect(verifyCode(key, code, later(3_600_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('a code of another key, an edited activity, purpose, slot or signature, or a future slot is invalid', () => {
    const parts = code.split('.');
    const edit = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join('.');
    expect(verifyCode(crypto.randomBytes(32), code, t0).ok).toBe(false);
    expect(verifyCode(key, edit(1, crypto.randomUUID()), t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyCode(key, edit(2, 'o'), t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyCode(key, edit(3, String(slotOf(t0) + 1)), t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyCode(key, edit(4, 'AAAAAAAAAAAAAAAAAAAAAA'), t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyCode(key, signCode(key, id, 'in', slotOf(t0) + 1), t0)).toEqual({ ok: false, reason: 'invalid' });
    for (const junk of ['', 'hello', 'LXA1.x.i.1.y', `${code}.extra`]) expect(verifyCode(key, junk, t0).ok).toBe(false);
  });

  it('the check-out code differs from the check-in code of the same slot', () => {
    const out = signCode(key, id, 'out', slotOf(t0));
    expect(out).not.toBe(code);
    expect(verifyCode(key, out, t0)).toMatchObject({ ok: true, purpose: 'out' });
  });
});

import { hash, verify } from '@node-rs/argon2';
import type { PasswordProblem } from './auth.errors.js';

/** argon2id with the library defaults (m=19 MiB, t=2): ~20 ms here, slow enough for guessing. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const common = ['password', '12345678', '123456789', 'qwertyui', '11111111', 'lianxin', 'admin123', 'a1234567'];

/**
 * Why a password is too weak, as an error code, or null when it is acceptable:
 * 8–64 characters, at least three of lower/upper/digit/symbol, not a common one, not the phone number.
 */
export function passwordProblem(password: string, phone?: string): PasswordProblem | null {
  if (password.length < 8) return 'auth.password_too_short';
  if (password.length > 64) return 'auth.password_too_long';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'auth.password_too_simple';
  const lower = password.toLowerCase();
  if (common.some((c) => lower.includes(c) && lower.length <= c.length + 2)) return 'auth.password_too_common';
  if (phone && password.includes(phone.slice(-6))) return 'auth.password_contains_phone';
  return null;
}

/** A temporary password that satisfies the policy, for admin resets. */
export function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const body = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `Lx${body}#7`;
}

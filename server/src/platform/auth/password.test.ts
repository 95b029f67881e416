import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, temporaryPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('accepts a strong password and the demo one', () => {
    expect(passwordProblem('Lianxin@2026')).toBeNull();
    expect(passwordProblem('correct-Horse-9')).toBeNull();
  });
  it('refuses short, simple, common or phone-based passwords', () => {
    expect(passwordProblem('Ab1!')).toBe('auth.password_too_short');
    expect(passwordProblem('abcdefghij')).toBe('auth.password_too_simple');
    expect(passwordProblem('Password1')).toBe('auth.password_too_common');
    expect(passwordProblem('Xy#13812345678', '13812345678')).toBe('auth.password_contains_phone');
  });
  it('issues temporary passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblem(temporaryPassword())).toBeNull();
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Lianxin@2026');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'Lianxin@2026')).toBe(true);
    expect(await verifyPassword(h, 'lianxin@2026')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
  });
});

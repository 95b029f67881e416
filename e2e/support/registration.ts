import type { APIRequestContext } from 'playwright-core';
import type { RunningServer } from './server.js';

/** The privacy policy version the sign-up page sends (web/src/features/h5/privacy.ts). */
export const PRIVACY_POLICY_VERSION = '2026-12-01';

/**
 * The last SMS code the server's development channel printed for this phone ("验证码 123456 → 138****0001"),
 * as a developer reads it from the log; waits a moment for the line to arrive.
 */
export async function smsCodeFor(server: RunningServer, phone: string): Promise<string> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const pattern = new RegExp(`验证码 (\\d{6}) → ${masked.replace(/\*/g, '\\*')}`, 'g');
  for (let i = 0; i < 50; i++) {
    const found = [...server.output().matchAll(pattern)].at(-1);
    if (found) return found[1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no SMS code printed for ${masked}`);
}

/** Registers through the API as the sign-up page does: the code first, then the form with consent. */
export async function registerByApi(request: APIRequestContext, server: RunningServer, body: { phone: string; password: string; name: string; regionId: string }) {
  const sent = await request.post('/api/auth/register/code', { data: { phone: body.phone, regionId: body.regionId }, headers: { cookie: '' } });
  if (sent.status() !== 202) throw new Error(`registration code: ${sent.status()} ${await sent.text()}`);
  const smsCode = await smsCodeFor(server, body.phone);
  return request.post('/api/auth/register', { data: { ...body, smsCode, privacyVersion: PRIVACY_POLICY_VERSION }, headers: { cookie: '' } });
}

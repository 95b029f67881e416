import { PRIVACY_POLICY_VERSION } from '../platform/privacy/policy.js';
import type { TestApp } from './harness.js';

type Body = { phone: string; regionId: string } & Record<string, unknown>;

/**
 * A registration body as the sign-up page sends it: asks for the SMS code (the development channel
 * keeps the last one it printed) and agrees to the current privacy policy.
 */
export async function registration(t: TestApp, body: Body, ip = '127.0.0.1'): Promise<Body & { smsCode: string; privacyVersion: string }> {
  const sent = await t.app.inject({ method: 'POST', url: '/api/auth/register/code', remoteAddress: ip, payload: { phone: body.phone, regionId: body.regionId } });
  if (sent.statusCode !== 202) throw new Error(`registration code: ${sent.statusCode} ${sent.body}`);
  const smsCode = t.app.services.notifications.codes.lastCode?.(body.phone);
  if (!smsCode) throw new Error(`no code printed for ${body.phone}`);
  return { ...body, smsCode, privacyVersion: PRIVACY_POLICY_VERSION };
}

import type { Config } from '../../config.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Notifier } from '../../platform/notify/notify.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { notificationsError } from './notifications.errors.js';

/** A verification code on its way to a phone, in the district the person signs up in. */
export type CodeMessage = { districtId: string; phone: string; code: string; minutes: number };

/**
 * How verification codes reach phones: queued as an SMS in the caller's transaction (the gateway's
 * sender job delivers it) once `SMS_GATEWAY_URL` is set; without a gateway, a development channel
 * prints the code to the server's output — refused in production mode, where it would let nobody
 * sign up while looking as if it worked.
 */
export type CodeChannel = {
  name: 'sms' | 'development';
  send(tx: DbOrTx, message: CodeMessage): Promise<void>;
  /** Development channel only: the last code printed for a phone (the tests read it, as a developer reads the log). */
  lastCode?(phone: string): string | undefined;
};

export function codeChannel(deps: { config: Pick<Config, 'smsGatewayUrl' | 'production'>; notifier: Notifier; print?: (line: string) => void }): CodeChannel {
  if (deps.config.smsGatewayUrl) {
    return {
      name: 'sms',
      async send(tx, m) {
        await deps.notifier.toPhone(tx, { districtId: m.districtId, phone: m.phone, template: 'auth.sms_code', params: { code: m.code, minutes: m.minutes } });
      },
    };
  }
  const print = deps.print ?? ((line: string) => console.info(line));
  const printed = new Map<string, string>();
  return {
    name: 'development',
    lastCode: (phone) => printed.get(phone),
    async send(_tx, m) {
      if (deps.config.production) throw notificationsError('notifications.sms_unavailable');
      if (printed.size > 1000) printed.clear();
      printed.set(m.phone, m.code);
      // the phone masked as everywhere in logs; the code is what a developer needs to read
      print(`[sms:development] 验证码 ${m.code} → ${maskPhone(m.phone)} (${m.minutes} 分钟内有效)`);
    },
  };
}

import type { DbOrTx } from '../../platform/db/client.js';
import type { Notifier } from '../../platform/notify/notify.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { smsTemplate, subjectWords } from './notifications.messages.js';
import type { ChannelName } from './notifications.policy.js';

/** One new inbox message, as an outside channel receives it. */
export type OutsideMessage = {
  districtId: string;
  id: string;
  accountId: string;
  type: string;
  subject: { type: string; id: string; label: string };
  params: Record<string, string | number>;
};

/**
 * An outside channel (SMS; later WeChat, e-mail). `send` runs in the transaction that wrote the
 * inbox message, so it must only queue (an outbox row), never call out: a queued message exists
 * exactly when its inbox message does, and a sender job delivers it.
 */
export type Channel = { name: ChannelName; send(tx: DbOrTx, message: OutsideMessage): Promise<void> };

/**
 * SMS through the platform notifier: queued in outbound_messages once per inbox message (its id is
 * the de-duplication key); the sending to the configured gateway is the delivery job's.
 */
export function smsChannel(deps: { notifier: Notifier; accounts: AccountsService }): Channel {
  return {
    name: 'sms',
    async send(tx, m) {
      const phone = (await deps.accounts.phonesOf(tx, m.districtId, [m.accountId])).get(m.accountId);
      if (!phone) return; // a disabled account gets no SMS
      await deps.notifier.toPhone(tx, { districtId: m.districtId, phone, template: smsTemplate(m.type), params: { ...m.params, subject: subjectWords('zh-CN', m.subject.label, m.params) }, dedupeKey: `inbox:${m.id}` });
    },
  };
}

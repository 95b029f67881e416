import type { Clock } from '../clock/clock.js';
import type { FieldCrypto } from '../crypto/crypto.js';
import type { DbOrTx } from '../db/client.js';
import type { JobEngine } from '../jobs/jobs.js';
import { SMS_JOB } from './sms-sender.js';
import { outboundMessages } from './notify.table.js';

export type PhoneMessage = {
  /** The district of the person the message goes to (see outbound_messages). */
  districtId: string;
  phone: string;
  /** e.g. "auth.register_existing"; the text is the i18n message `notify.<template>`. */
  template: string;
  params?: Record<string, string | number>;
  /** Messages with the same key to the same phone are queued once (e.g. once per hour). */
  dedupeKey?: string;
};

/**
 * The seam through which modules send messages to people. Callers pass their transaction, so a
 * message exists exactly when the change that caused it committed.
 */
export type Notifier = {
  toPhone(tx: DbOrTx, message: PhoneMessage): Promise<{ queued: boolean }>;
};

/**
 * The default notifier queues SMS in outbound_messages with status 'pending'. With a sender
 * (`SMS_GATEWAY_URL` set) each new message also gets its sending job (`notify.sms`, keyed by the
 * message id) in the same transaction; without one, messages wait unsent.
 */
export function createOutboxNotifier(deps: { crypto: FieldCrypto; sender?: { jobs: JobEngine; clock: Clock } }): Notifier {
  return {
    async toPhone(tx, message) {
      const rows = await tx
        .insert(outboundMessages)
        .values({
          districtId: message.districtId,
          channel: 'sms',
          recipientEnc: deps.crypto.encrypt(message.phone),
          recipientKey: deps.crypto.digest(message.phone),
          template: message.template,
          params: message.params ?? {},
          dedupeKey: message.dedupeKey,
        })
        .onConflictDoNothing()
        .returning({ id: outboundMessages.id });
      if (rows[0] && deps.sender) {
        await deps.sender.jobs.schedule(tx, message.districtId, { name: SMS_JOB, key: rows[0].id, runAt: deps.sender.clock.now(), payload: { messageId: rows[0].id } });
      }
      return { queued: rows.length > 0 };
    },
  };
}

import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock/clock.js';
import type { FieldCrypto } from '../crypto/crypto.js';
import type { Db } from '../db/client.js';
import { translate } from '../i18n/i18n.js';
import type { OutsideHandler } from '../jobs/jobs.js';
import { postJson } from '../net/post.js';
import { outboundMessages } from './notify.table.js';

export const SMS_JOB = 'notify.sms';

export type SmsGateway = { url: string; token?: string; timeoutMs: number };

/**
 * Sends one queued SMS: POSTs `{ phone, text, id }` to the gateway (the message id is its
 * idempotency key: a retry after a lost answer carries the same id) and marks the message sent,
 * or, after the job's last attempt, failed. The phone is decrypted here only, for the call.
 * A non-2xx answer throws, so the job engine retries with backoff.
 */
export function smsSender(deps: { db: Db; crypto: FieldCrypto; clock: Clock; gateway: SmsGateway }): OutsideHandler {
  return {
    name: SMS_JOB,
    mode: 'outside',
    maxAttempts: 6,
    leaseMs: deps.gateway.timeoutMs + 50_000,
    async run(job) {
      const key = and(eq(outboundMessages.districtId, job.districtId), eq(outboundMessages.id, String(job.payload.messageId)));
      const [message] = await deps.db.select().from(outboundMessages).where(key);
      if (!message || message.status !== 'pending') return;
      const text = translate('zh-CN', `notify.${message.template}`, message.params);
      const result = await postJson({
        url: deps.gateway.url,
        body: JSON.stringify({ phone: deps.crypto.decrypt(message.recipientEnc), text, id: message.id }),
        headers: { 'Content-Type': 'application/json', ...(deps.gateway.token ? { Authorization: `Bearer ${deps.gateway.token}` } : {}) },
        timeoutMs: deps.gateway.timeoutMs,
        // the operator configured this address: it may well be on the intranet
        publicOnly: false,
      });
      const last = job.attempts >= job.maxAttempts;
      const now = deps.clock.now();
      await deps.db
        .update(outboundMessages)
        .set(result.ok ? { status: 'sent', sentAt: now, lastError: null } : { status: last ? 'failed' : 'pending', lastError: result.error })
        .where(and(key, eq(outboundMessages.status, 'pending')));
      if (!result.ok) throw new Error(result.error ?? 'SMS gateway call failed');
    },
  };
}

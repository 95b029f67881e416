import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { webhookSettings } from './webhooks.table.js';

export type WebhookSettings = { maxAttempts: number; disableAfterFailures: number };

/**
 * A district's defaults: 8 attempts per delivery (5 s, 10 s … about 10 minutes in all, by the job
 * engine's backoff), and a webhook switched off after 5 deliveries in a row ended failed.
 */
export const defaultSettings: WebhookSettings = { maxAttempts: 8, disableAfterFailures: 5 };

export async function settingsOf(q: DbOrTx, districtId: string): Promise<WebhookSettings> {
  const [row] = await q.select().from(webhookSettings).where(eq(webhookSettings.districtId, districtId));
  return row ? { maxAttempts: row.maxAttempts, disableAfterFailures: row.disableAfterFailures } : defaultSettings;
}

export async function ensureDefaultSettings(tx: DbOrTx, districtId: string): Promise<void> {
  await tx.insert(webhookSettings).values({ districtId, ...defaultSettings }).onConflictDoNothing();
}

export async function saveSettings(tx: DbOrTx, districtId: string, settings: WebhookSettings, now: Date): Promise<void> {
  await tx
    .insert(webhookSettings)
    .values({ districtId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: webhookSettings.districtId, set: { ...settings, updatedAt: now } });
}

import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { activitySettings } from './activities.table.js';

export type ActivitySettings = { lateCancelHours: number; reminderHours: number; autoCheckoutHours: number; dailyMaxHours: number };

/**
 * A district's defaults: cancelling less than 2 h before the start is late; a reminder 2 h before;
 * whoever has not checked out 2 h after the end is checked out automatically (flagged for review);
 * more than 8 h a day across activities is flagged to the organiser.
 */
export const defaultSettings: ActivitySettings = { lateCancelHours: 2, reminderHours: 2, autoCheckoutHours: 2, dailyMaxHours: 8 };

export async function settingsOf(q: DbOrTx, districtId: string): Promise<ActivitySettings> {
  const [row] = await q.select().from(activitySettings).where(eq(activitySettings.districtId, districtId));
  return row ? { lateCancelHours: row.lateCancelHours, reminderHours: row.reminderHours, autoCheckoutHours: row.autoCheckoutHours, dailyMaxHours: row.dailyMaxHours } : defaultSettings;
}

export async function ensureDefaultSettings(tx: DbOrTx, districtId: string): Promise<void> {
  await tx.insert(activitySettings).values({ districtId, ...defaultSettings }).onConflictDoNothing();
}

export async function saveSettings(tx: DbOrTx, districtId: string, settings: ActivitySettings, now: Date): Promise<void> {
  await tx
    .insert(activitySettings)
    .values({ districtId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: activitySettings.districtId, set: { ...settings, updatedAt: now } });
}

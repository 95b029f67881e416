import type { DbOrTx } from '../../platform/db/client.js';
import type { ActivityRow } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { localDate } from './activities.policy.js';

/** The inbox messages of activities; their words are `inbox.activities.<what>` (notifications.messages.ts). */
export type ActivityMessage = 'activities.cancelled' | 'activities.promoted' | 'activities.reminder';

/**
 * Tells people about an activity in the caller's transaction, once per `key` and person (the inbox's
 * own UNIQUE key), with the activity's title and local start as `{subject}` and `{startsAt}`.
 */
export async function tell(tx: DbOrTx, deps: Pick<ActivitiesDeps, 'notifications'>, row: ActivityRow, input: { type: ActivityMessage; key: string; recipients: string[] }) {
  if (input.recipients.length === 0) return;
  const local = new Date(row.startsAt.getTime() + 8 * 3_600_000).toISOString();
  await deps.notifications.notify(tx, row.districtId, {
    key: input.key,
    type: input.type,
    recipients: input.recipients,
    subject: { type: 'activity', id: row.id, label: row.title },
    params: { startsAt: `${localDate(row.startsAt)} ${local.slice(11, 16)}`, place: row.place },
  });
}

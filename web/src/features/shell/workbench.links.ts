import type { TodoBucket } from '../needs/needs.api';
import { TEAM_INBOX_PATH } from '../auth/session';

/** The buckets a workbench shows, in reading order: what waits on me first, the deadlines last (in red). */
export const shownBuckets = {
  all: ['intake', 'toDispatch', 'toTake', 'toRate', 'dueSoon', 'overdue'],
  team: ['toTake', 'toAssign', 'serving', 'dueSoon', 'overdue'],
} as const satisfies Record<'all' | 'team', readonly TodoBucket['key'][]>;

export const deadlineBuckets: readonly string[] = ['dueSoon', 'overdue'];

/**
 * The list a count opens, filtered exactly as the server counted it (the bucket's `status` and `due`):
 * the staff ledger, or a leader's inbox on the tab of the same name.
 */
export function bucketLink(view: 'all' | 'team', bucket: TodoBucket): string {
  const params = new URLSearchParams();
  if (view === 'team') {
    if (bucket.due) params.set('due', bucket.due);
    else params.set('stage', bucket.key);
    return `${TEAM_INBOX_PATH}?${params.toString()}`;
  }
  if (bucket.status) params.set('status', bucket.status);
  if (bucket.due) params.set('due', bucket.due);
  return `/needs?${params.toString()}`;
}

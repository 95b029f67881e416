import type { DbOrTx } from '../../platform/db/client.js';
import type { EventRow } from '../../platform/events/outbox.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import type { JobRow } from '../../platform/jobs/jobs.table.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { deadlineRunningStatuses } from '../needs/needs.lifecycle.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import { deadlineAlerts } from './supervision.table.js';
import { escalationRoles, handlerRoles, recipientsFor, stillDue, thresholdTimes, type Threshold } from './supervision.policy.js';

export const WARN_JOB = 'supervision.deadline';

export type WarningSink = (tx: DbOrTx, alert: { districtId: string; needId: string; number: string; title: string; threshold: Threshold; deadlineAt: Date; recipients: string[] }) => Promise<void>;

type Deps = { deadlines: DeadlinesService; jobs: JobEngine; needs: NeedsService; accounts: AccountsService; teams: TeamsService; warn: WarningSink };

/** Events that open or move a window: acceptance, reopening, and (modules/oversight) a resumed pause and an approved extension. */
export const WINDOW_EVENTS = ['needs.accept', 'needs.reopen', 'needs.resume', 'needs.extendApprove'] as const;

/**
 * Schedules a need's warnings when its window opens or moves: one job per threshold, keyed by the
 * window, so a redelivered event schedules nothing new. The window runs from its (re)start, moved on
 * by pauses; when it moved (`windowMovedAt` in the event), a threshold of the new window that falls
 * before the move is skipped — its moment was the old window's, warned or not then.
 */
export function scheduleOnEvent(deps: Deps) {
  return async (tx: DbOrTx, event: EventRow) => {
    const facts = await deps.needs.deadlineFacts(event.districtId, event.subjectId);
    if (!facts?.windowStartedAt || !facts.deadlineAt || facts.paused || !deadlineRunningStatuses.includes(facts.status)) return;
    const window = facts.deadlineAt.toISOString();
    // a working-day window counts working time only: its 50 % warning falls after a holiday, not in it
    const span = { acceptedAt: facts.windowStartedAt, deadlineAt: facts.deadlineAt, unit: facts.windowUnit };
    const movedAt = typeof event.payload.windowMovedAt === 'string' ? Date.parse(event.payload.windowMovedAt) : null;
    for (const { threshold } of thresholdTimes(facts.windowStartedAt, facts.deadlineAt)) {
      const at = await deps.deadlines.thresholdAt(tx, event.districtId, span, threshold / 100);
      if (movedAt !== null && at.getTime() < movedAt) continue;
      await deps.jobs.schedule(tx, event.districtId, { name: WARN_JOB, key: `${facts.id}:${window}:${threshold}`, runAt: at, payload: { needId: facts.id, deadlineAt: window, threshold } });
    }
  };
}

/** Fires one warning: once per (need, window, threshold) by the alert's primary key, only while it still applies. */
export function fireWarning(deps: Deps) {
  return async (tx: DbOrTx, job: JobRow, now: Date) => {
    const { needId, deadlineAt, threshold } = job.payload as { needId: string; deadlineAt: string; threshold: Threshold };
    const facts = await deps.needs.deadlineFacts(job.districtId, needId);
    // a paused clock (挂起) warns no one; its resumption schedules the moved window's warnings
    if (!facts || !stillDue(deadlineAt, { deadlineAt: facts.deadlineAt, running: deadlineRunningStatuses.includes(facts.status) && !facts.paused })) return;
    const [teamLeaderId, staff] = await Promise.all([
      facts.teamId ? deps.teams.leaderOf(job.districtId, facts.teamId) : null,
      deps.accounts.staffAt(job.districtId, facts.regionAncestors, [...handlerRoles, ...escalationRoles]),
    ]);
    const recipients = recipientsFor(threshold, { teamLeaderId, assigneeIds: facts.assigneeIds, staff });
    const fired = await tx
      .insert(deadlineAlerts)
      .values({ districtId: job.districtId, needId, deadlineAt: new Date(deadlineAt), threshold, firedAt: now, recipients })
      .onConflictDoNothing()
      .returning({ needId: deadlineAlerts.needId });
    if (fired.length === 0) return;
    await deps.warn(tx, { districtId: job.districtId, needId, number: facts.number, title: facts.title, threshold, deadlineAt: new Date(deadlineAt), recipients });
  };
}

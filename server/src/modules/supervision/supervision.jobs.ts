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

/**
 * Schedules a need's warnings when its window opens or moves (acceptance, reopening, an extension):
 * one job per threshold, keyed by the window, so a redelivered event schedules nothing new.
 */
export function scheduleOnEvent(deps: Deps) {
  return async (tx: DbOrTx, event: EventRow) => {
    const facts = await deps.needs.deadlineFacts(event.districtId, event.subjectId);
    if (!facts?.acceptedAt || !facts.deadlineAt) return;
    const window = facts.deadlineAt.toISOString();
    // a working-day window counts working time only: its 50 % warning falls after a holiday, not in it
    const unit = (event.payload.window as { unit?: 'calendar_days' | 'working_days' } | undefined)?.unit ?? 'calendar_days';
    const span = { acceptedAt: facts.acceptedAt, deadlineAt: facts.deadlineAt, unit };
    for (const { threshold } of thresholdTimes(facts.acceptedAt, facts.deadlineAt)) {
      const at = await deps.deadlines.thresholdAt(tx, event.districtId, span, threshold / 100);
      await deps.jobs.schedule(tx, event.districtId, { name: WARN_JOB, key: `${facts.id}:${window}:${threshold}`, runAt: at, payload: { needId: facts.id, deadlineAt: window, threshold } });
    }
  };
}

/** Fires one warning: once per (need, window, threshold) by the alert's primary key, only while it still applies. */
export function fireWarning(deps: Deps) {
  return async (tx: DbOrTx, job: JobRow, now: Date) => {
    const { needId, deadlineAt, threshold } = job.payload as { needId: string; deadlineAt: string; threshold: Threshold };
    const facts = await deps.needs.deadlineFacts(job.districtId, needId);
    if (!facts || !stillDue(deadlineAt, { deadlineAt: facts.deadlineAt, running: deadlineRunningStatuses.includes(facts.status) })) return;
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

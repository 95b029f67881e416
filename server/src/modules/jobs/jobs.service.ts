import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { jobs, jobStates, type JobState } from '../../platform/jobs/jobs.table.js';
import type { AuditService } from '../audit/audit.service.js';
import { jobsError } from './jobs.errors.js';

export type JobFilter = { state?: JobState; name?: string; page: number; pageSize: number };

/** The district admin's view of the job queue (任务队列): what waits, runs, failed, and a retry. */
export function createJobsService(deps: PlatformDeps & { audit: AuditService }) {
  const { db, clock } = deps;

  return {
    async list(actor: Actor, filter: JobFilter) {
      const where: SQL[] = [eq(jobs.districtId, actor.districtId)];
      if (filter.state) where.push(eq(jobs.state, filter.state));
      if (filter.name) where.push(eq(jobs.name, filter.name));
      const cond = and(...where);
      // what waits: the next due first; what ended (done, failed): the latest first
      const order = filter.state === 'waiting' || filter.state === 'running' ? asc(jobs.runAt) : filter.state === 'done' || filter.state === 'failed' ? desc(jobs.finishedAt) : desc(jobs.runAt);
      const [items, [total]] = await Promise.all([
        db.select().from(jobs).where(cond).orderBy(order).limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize),
        db.select({ n: count() }).from(jobs).where(cond),
      ]);
      return { items, total: total?.n ?? 0, page: filter.page, pageSize: filter.pageSize };
    },

    async counts(actor: Actor): Promise<Record<JobState, number>> {
      const rows = await db.select({ state: jobs.state, n: count() }).from(jobs).where(eq(jobs.districtId, actor.districtId)).groupBy(jobs.state);
      const out = Object.fromEntries(jobStates.map((s) => [s, 0])) as Record<JobState, number>;
      for (const r of rows) if (r.state in out) out[r.state as JobState] = r.n;
      return out;
    },

    /** Runs a failed (or waiting) job again now, with its attempts counted afresh. */
    async retry(actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const key = and(eq(jobs.districtId, actor.districtId), eq(jobs.id, id));
        const [job] = await tx.select().from(jobs).where(key).for('update');
        if (!job) throw jobsError('jobs.not_found');
        const [updated] = await tx
          .update(jobs)
          .set({ state: 'waiting', attempts: 0, runAt: clock.now(), finishedAt: null, lockedBy: null, lockedUntil: null })
          .where(and(key, inArray(jobs.state, ['failed', 'waiting'])))
          .returning();
        if (!updated) throw jobsError('jobs.not_retryable');
        await deps.audit.record(actor, { action: 'jobs.retry', objectType: 'job', objectId: id, details: { name: job.name, key: job.key, attempts: job.attempts } });
        return updated;
      });
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;

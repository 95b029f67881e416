import { Type } from '@sinclair/typebox';
import type { AppInstance } from '../../app.types.js';
import { requirePermission } from '../../platform/auth/auth-plugin.js';
import { IdParams, Page, PageQuery, StringEnum } from '../../platform/http/schemas.js';
import { jobStates, type JobRow } from '../../platform/jobs/jobs.table.js';

const JobItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  key: Type.String(),
  state: StringEnum(jobStates),
  runAt: Type.String({ format: 'date-time' }),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const view = (j: JobRow) => ({
  id: j.id,
  name: j.name,
  key: j.key,
  state: j.state as (typeof jobStates)[number],
  runAt: j.runAt.toISOString(),
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  lastError: j.lastError,
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

export async function jobsRoutes(app: AppInstance) {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'listJobs',
        summary: 'The district’s jobs and timers by state (district admin)',
        querystring: Type.Object({ ...PageQuery, state: Type.Optional(StringEnum(jobStates)), name: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }),
        response: { 200: Page(JobItem) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'jobs.manage');
      const { page = 1, pageSize = 20, state, name } = request.query;
      const result = await app.services.jobQueue.list(actor, { page, pageSize, state, name });
      return { ...result, items: result.items.map(view) };
    },
  );

  app.get(
    '/api/jobs/counts',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'countJobs',
        summary: 'How many jobs are waiting, running, done and failed',
        response: { 200: Type.Object({ waiting: Type.Integer(), running: Type.Integer(), done: Type.Integer(), failed: Type.Integer() }) },
      },
    },
    async (request) => app.services.jobQueue.counts(requirePermission(request, 'jobs.manage')),
  );

  app.post(
    '/api/jobs/:id/retry',
    {
      schema: { tags: ['jobs'], operationId: 'retryJob', summary: 'Run a failed job again now', params: IdParams, response: { 200: JobItem } },
    },
    async (request) => view(await app.services.jobQueue.retry(requirePermission(request, 'jobs.manage'), request.params.id)),
  );
}

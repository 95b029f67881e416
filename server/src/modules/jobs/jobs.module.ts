import { defineModule } from '../../platform/modules/module.js';
import { jobsRoutes } from './jobs.routes.js';
import { createJobsService, type JobsService } from './jobs.service.js';

declare module '../../platform/modules/module.js' {
  interface Services {
    jobQueue: JobsService;
  }
}

/** The back office's view of the platform's job engine (the engine itself is `services.jobs`). */
export const jobsModule = defineModule({ name: 'jobQueue', uses: ['audit'], create: (deps) => createJobsService(deps), routes: jobsRoutes });

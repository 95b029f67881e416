import type { PlatformDeps } from '../../platform/deps.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';

/** What the oversight module is built from. */
export type OversightDeps = PlatformDeps & {
  needs: NeedsService;
  deadlines: DeadlinesService;
  audit: AuditService;
  accounts: AccountsService;
  notifications: NotificationsService;
  jobs: JobEngine;
};

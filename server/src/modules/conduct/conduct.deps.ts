import type { PlatformDeps } from '../../platform/deps.js';
import type { EventBus } from '../../platform/events/outbox.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';

/** What conduct works with: the registry (scope, suspension), people, photos, the inbox, events and jobs. */
export type ConductDeps = PlatformDeps & {
  events: EventBus;
  jobs: JobEngine;
  audit: AuditService;
  accounts: AccountsService;
  files: FilesService;
  notifications: NotificationsService;
  volunteers: VolunteersService;
};

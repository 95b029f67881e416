import type { PlatformDeps } from '../../platform/deps.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';

/** What the points mall works with: the ledger (points held and paid), pictures, the inbox, the registry and the job engine. */
export type MallDeps = PlatformDeps & {
  jobs: JobEngine;
  audit: AuditService;
  files: FilesService;
  ledger: LedgerService;
  notifications: NotificationsService;
  volunteers: VolunteersService;
};

import type { PlatformDeps } from '../../platform/deps.js';
import type { EventBus } from '../../platform/events/outbox.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import type { FilesService } from '../files/files.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { TeamsService } from '../teams/teams.service.js';

/** What activities work with: teams (organisers), categories, people, photos, the inbox, events and jobs. */
export type ActivitiesDeps = PlatformDeps & {
  events: EventBus;
  jobs: JobEngine;
  audit: AuditService;
  accounts: AccountsService;
  teams: TeamsService;
  categories: CategoriesService;
  files: FilesService;
  notifications: NotificationsService;
};

import type { PlatformDeps } from '../../platform/deps.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { RegionsService } from '../regions/regions.service.js';

/** What the care module works with: places, people (volunteers' names), orders and their categories (the plans make them), the audit log, the inbox and the job engine. */
export type CareDeps = PlatformDeps & { audit: AuditService; accounts: AccountsService; regions: RegionsService; needs: NeedsService; categories: CategoriesService; notifications: NotificationsService; jobs: JobEngine };

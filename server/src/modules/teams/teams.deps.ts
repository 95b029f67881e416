import type { PlatformDeps } from '../../platform/deps.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';

/**
 * What the teams module works with. Orders (needs) and the inbox are built after teams (the order
 * chain uses teams), so they are reached when a method runs, never while building.
 */
export type TeamsDeps = PlatformDeps & {
  audit: AuditService;
  accounts: AccountsService;
  categories: CategoriesService;
  needs: () => NeedsService;
  notifications: () => NotificationsService;
};

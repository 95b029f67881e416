import type { PlatformDeps } from '../../platform/deps.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';

/** What the posts module works with: people (skills, home), the registry (in-service members), the audit log and the inbox. */
export type PostsDeps = PlatformDeps & { audit: AuditService; accounts: AccountsService; notifications: NotificationsService; volunteers: VolunteersService };

import type { PlatformDeps } from '../../platform/deps.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';
import type { WhistlesService } from '../whistles/whistles.service.js';

/** What partner units work with: the units catalogue (whistles), people, the volunteer registry and the inbox. */
export type PartnersDeps = PlatformDeps & {
  audit: AuditService;
  accounts: AccountsService;
  whistles: WhistlesService;
  volunteers: VolunteersService;
  notifications: NotificationsService;
};

import type { PlatformDeps } from '../../platform/deps.js';
import type { EventBus } from '../../platform/events/outbox.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { TeamsService } from '../teams/teams.service.js';

/** What the whistles module works with: the need's timeline, teams, people, photos and the inbox. */
export type WhistlesDeps = PlatformDeps & {
  events: EventBus;
  audit: AuditService;
  needs: NeedsService;
  teams: TeamsService;
  accounts: AccountsService;
  files: FilesService;
  notifications: NotificationsService;
};

import type { DbOrTx } from '../../platform/db/client.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CategoriesService } from '../need-categories/categories.service.js';

/*
 * The order chain (needs) and the inbox are built after teams and use it, so teams may not import
 * even their types (architecture.test.ts refuses the cycle): what teams asks of them is written
 * here, and the module file hands over the real services, which the type checker matches to it.
 */

/** What a team's page and its dissolving ask of the orders (needs.team-facts.ts). */
export type TeamOrders = {
  teamOrderFacts(districtId: string, teamIds: readonly string[]): Promise<Map<string, { openOrders: number; closedOrders: number; averageRating: number | null; ratedOrders: number }>>;
  teamHours(districtId: string, teamId: string): Promise<number>;
};

/** The inbox, for messages about a team (their words are in notifications.messages.ts). */
export type TeamInbox = {
  notify(tx: DbOrTx, districtId: string, input: { key: string; type: string; recipients: string[]; subject: { type: 'team'; id: string; label: string }; params?: Record<string, string | number> }): Promise<unknown>;
};

/** 结对共建: the partner unit a team is paired with (modules/partners, built after teams). */
export type TeamPartners = {
  pairTeam(tx: DbOrTx, districtId: string, teamId: string, unitId: string | null): Promise<void>;
  unitsOfTeams(districtId: string, teamIds: readonly string[]): Promise<Map<string, { id: string; name: string }>>;
};

export type TeamsDeps = PlatformDeps & {
  audit: AuditService;
  accounts: AccountsService;
  categories: CategoriesService;
  needs: () => TeamOrders;
  notifications: () => TeamInbox;
  partners: () => TeamPartners;
};

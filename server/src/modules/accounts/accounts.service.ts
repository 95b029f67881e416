import { accountsImport } from './accounts.import.js';
import { accountsLogin } from './accounts.login.js';
import { accountsManage } from './accounts.manage.js';
import { accountsPeople } from './accounts.people.js';
import { accountsRead } from './accounts.read.js';
import { accountsRegister } from './accounts.register.js';
import { accountsRoles } from './accounts.roles.js';
import { accountsReveal } from './accounts.reveal.js';
import { accountsVolunteers } from './accounts.volunteers.js';
import type { AccountsDeps } from './accounts.rows.js';

export type { AccountInput, AccountPatch } from './accounts.manage.js';
export type { AccountQuery } from './accounts.read.js';

/**
 * The accounts module's one service, put together from its use cases, a file each: reading
 * (accounts.read), staff managing accounts (.manage), audited reveals (.reveal), self-registration
 * (.register), what other modules ask about people (.people), logging in (.login), roles held
 * because of another module's decision (.roles: a team's leader), and what the volunteer registry
 * keeps on the person (.volunteers).
 */
export function createAccountsService(deps: AccountsDeps) {
  return {
    ...accountsRead(deps),
    ...accountsManage(deps),
    ...accountsReveal(deps),
    ...accountsRegister(deps),
    ...accountsPeople(deps),
    ...accountsLogin(deps),
    ...accountsRoles(deps),
    ...accountsVolunteers(deps),
    ...accountsImport(deps),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

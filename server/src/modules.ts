import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { categoriesRoutes } from './modules/need-categories/categories.routes.js';
import { needsRoutes } from './modules/needs/needs.routes.js';
import { regionsRoutes } from './modules/regions/regions.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { teamsRoutes } from './modules/teams/teams.routes.js';

/**
 * Every module's routes, in registration order (with services.ts, the module registry). Its own
 * file: routes see the app's type, which sees the services, so they cannot sit in services.ts.
 */
export const moduleRoutes = [systemRoutes, authRoutes, regionsRoutes, accountsRoutes, auditRoutes, filesRoutes, teamsRoutes, categoriesRoutes, needsRoutes];

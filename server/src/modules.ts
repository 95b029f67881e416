/*
 * The module registry: one line per module. A module is its folder under modules/ — its tables are
 * found there by drizzle-kit, its error messages by the catalogue — and its `<domain>.module.ts`,
 * which names its service, the services it uses, its routes, its district defaults and its
 * subscriptions (platform/modules/module.ts). Services are built in the order their uses require;
 * routes are registered in the order listed here.
 */
export { systemModule } from './modules/system/system.module.js';
export { authModule } from './modules/auth/auth.module.js';
export { regionsModule } from './modules/regions/regions.module.js';
export { accountsModule } from './modules/accounts/accounts.module.js';
export { auditModule } from './modules/audit/audit.module.js';
export { filesModule } from './modules/files/files.module.js';
export { teamsModule } from './modules/teams/teams.module.js';
export { categoriesModule } from './modules/need-categories/categories.module.js';
export { serviceRecordModule } from './modules/service-record/service-record.module.js';
export { deadlinesModule } from './modules/deadlines/deadlines.module.js';
export { needsModule } from './modules/needs/needs.module.js';
export { figuresModule } from './modules/figures/figures.module.js';
export { jobsModule } from './modules/jobs/jobs.module.js';
export { supervisionModule } from './modules/supervision/supervision.module.js';
export { notificationsModule } from './modules/notifications/notifications.module.js';
export { oversightModule } from './modules/oversight/oversight.module.js';
export { whistlesModule } from './modules/whistles/whistles.module.js';
export { webhooksModule } from './modules/webhooks/webhooks.module.js';
export { activitiesModule } from './modules/activities/activities.module.js';
export { postsModule } from './modules/posts/posts.module.js';
export { volunteersModule } from './modules/volunteers/volunteers.module.js';
export { partnersModule } from './modules/partners/partners.module.js';
export { conductModule } from './modules/conduct/conduct.module.js';
export { certificatesModule } from './modules/certificates/certificates.module.js';
export { ledgerModule } from './modules/ledger/ledger.module.js';
export { mallModule } from './modules/mall/mall.module.js';
export { careModule } from './modules/care/care.module.js';
export { boardModule } from './modules/board/board.module.js';
export { dashboardModule } from './modules/dashboard/dashboard.module.js';

// Every table of every module, for drizzle-kit (migrations) and the schema drift check. Add a module's table file here.
export * from './platform/scope/regions.table.js';
export * from './modules/accounts/accounts.table.js';
export * from './modules/auth/auth.table.js';
export * from './modules/audit/audit.table.js';
export * from './modules/system/system.table.js';
export * from './modules/files/files.table.js';
export * from './modules/teams/teams.table.js';
export * from './modules/needs/categories.table.js';
export * from './modules/needs/needs.table.js';
export * from './modules/needs/assignments.table.js';
export * from './platform/http/rate-limit.table.js';
export * from './platform/notify/notify.table.js';
export * from './platform/events/events.table.js';

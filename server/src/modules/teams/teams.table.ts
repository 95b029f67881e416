import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';

/**
 * Volunteer service teams (志愿服务队, SPEC §6): type, leader, members, home community, categories
 * served; staff create, edit and dissolve them (teams.manage.ts). A dissolved team keeps its row
 * (`active` false, `dissolved_at` set): its orders and history still name it.
 */
export const teams = pgTable(
  'teams',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    /** own 领办 · roving 组团流动 · paired 结对共建 · party 党员 · thinkTank 智囊团 (teams.policy.ts) */
    type: varchar('type', { length: 16 }).notNull().default('own'),
    /** A think tank's field (legal, mental, medical, employment, general); null for every other type. */
    thinkTankModule: varchar('think_tank_module', { length: 16 }),
    /** The home community (a community-level node). */
    regionId: uuid('region_id').notNull(),
    leaderId: uuid('leader_id').notNull(),
    /** Need-category codes of the district the team serves. */
    categories: text('categories').array().notNull().default([]),
    description: text('description'),
    contactPhone: varchar('contact_phone', { length: 20 }),
    active: boolean('active').notNull().default(true),
    dissolvedAt: timestamp('dissolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [regionRef('teams_region_fk', t.districtId, t.regionId), primaryKey({ columns: [t.districtId, t.id] }), accountRef(t.districtId, t.leaderId), index('teams_leader_idx').on(t.districtId, t.leaderId), index('teams_region_idx').on(t.districtId, t.regionId)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    districtId: uuid('district_id').notNull(),
    teamId: uuid('team_id').notNull(),
    accountId: uuid('account_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.teamId, t.accountId] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }).onDelete('cascade'),
    accountRef(t.districtId, t.accountId),
    index('team_members_account_idx').on(t.districtId, t.accountId),
  ],
);

/**
 * A volunteer asking to join a team (入队申请): open until the leader (or staff over the team)
 * accepts or refuses it, or the volunteer withdraws it. At most one open request per person and
 * team: a partial UNIQUE index, so requests sent at once cannot both open one.
 */
export const teamJoinRequests = pgTable(
  'team_join_requests',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teamId: uuid('team_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** open | accepted | refused | withdrawn | cancelled (the team was dissolved) */
    status: varchar('status', { length: 12 }).notNull().default('open'),
    message: text('message'),
    /** Why it was refused. */
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    accountRef(t.districtId, t.accountId),
    accountRef(t.districtId, t.decidedBy),
    uniqueIndex('team_join_requests_one_open').on(t.districtId, t.teamId, t.accountId).where(sql`status = 'open'`),
    index('team_join_requests_team_idx').on(t.districtId, t.teamId, t.status, t.createdAt),
    index('team_join_requests_account_idx').on(t.districtId, t.accountId, t.createdAt),
  ],
);

export type TeamRow = typeof teams.$inferSelect;
export type JoinRequestRow = typeof teamJoinRequests.$inferSelect;

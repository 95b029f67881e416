import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { regions } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';

/**
 * Volunteer service teams (志愿服务队). This is the part the order chain needs — leader, members,
 * home community, categories served; registration, approval and the rest come with the volunteers issue.
 */
export const teams = pgTable(
  'teams',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    /** own 领办 · roving 组团流动 · paired 结对共建 · party 党员 · thinkTank 智囊团 */
    type: varchar('type', { length: 16 }).notNull().default('own'),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    leaderId: uuid('leader_id').notNull(),
    categories: text('categories').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), accountRef(t.districtId, t.leaderId), index('teams_leader_idx').on(t.districtId, t.leaderId), index('teams_region_idx').on(t.districtId, t.regionId)],
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

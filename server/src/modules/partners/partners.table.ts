import { foreignKey, index, numeric, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionRef } from '../../platform/scope/regions.table.js';
import { accountRef } from '../accounts/accounts.table.js';
import { teams } from '../teams/teams.table.js';
import { units } from '../whistles/whistles.table.js';
import type { PartnerType, ReminderKind } from './partners.policy.js';

/**
 * A partner unit (共建单位 · 双报到单位) is a `units` row of modules/whistles (kind `partner`: its name,
 * contact, the area it serves, active — so a street can call it in to a whistle) extended here by its
 * profile, one row per unit: what kind of organisation it is and where it sits.
 */
export const partnerUnits = pgTable(
  'partner_units',
  {
    districtId: uuid('district_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** organ 机关 · institution 事业单位 · soe 国有企业 · private 非公企业 · social 社会组织 · other */
    type: varchar('type', { length: 12 }).$type<PartnerType>().notNull(),
    address: varchar('address', { length: 200 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.unitId] }), foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] })],
);

/** The communities a unit pairs with (共建社区): their admins see the unit and its members who live there. */
export const partnerUnitCommunities = pgTable(
  'partner_unit_communities',
  {
    districtId: uuid('district_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    communityId: uuid('community_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.unitId, t.communityId] }),
    regionRef('partner_unit_communities_community_fk', t.districtId, t.communityId),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [partnerUnits.districtId, partnerUnits.unitId] }),
    index('partner_unit_communities_community_idx').on(t.districtId, t.communityId),
  ],
);

/**
 * A reminder sent to an in-service party member behind the yearly minimum. The key is the slot:
 * `month:2026-09` for the monthly sweep (once per month and person), `day:2026-09-14` for a staff
 * member's "remind now" (once per day and person). Written in the transaction that sends the message.
 */
export const inServiceReminders = pgTable(
  'in_service_reminders',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    slot: varchar('slot', { length: 20 }).notNull(),
    kind: varchar('kind', { length: 8 }).$type<ReminderKind>().notNull(),
    /** Their verified hours this year when reminded. */
    hours: numeric('hours', { precision: 6, scale: 2 }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by'),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.accountId, t.slot] }), accountRef(t.districtId, t.accountId), accountRef(t.districtId, t.sentBy)],
);

/**
 * 结对共建: a volunteer team paired with a partner unit (a team of type `paired`), one unit per team.
 * Kept here, with the unit: the team's form sets it through the partners service.
 */
export const partnerUnitTeams = pgTable(
  'partner_unit_teams',
  {
    districtId: uuid('district_id').notNull(),
    teamId: uuid('team_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    pairedAt: timestamp('paired_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.teamId] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [partnerUnits.districtId, partnerUnits.unitId] }),
    index('partner_unit_teams_unit_idx').on(t.districtId, t.unitId),
  ],
);

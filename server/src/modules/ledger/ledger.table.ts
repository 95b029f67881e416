import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';
import { regionRef } from '../../platform/scope/regions.table.js';
import { needs } from '../needs/needs.table.js';

/**
 * An account of the double-entry ledger (复式记账): a volunteer's hours or points (their passbook,
 * 储蓄存折), a community's hours and points issued, a mall provider's takings, points held for open
 * redemptions, hours held for a time-bank withdrawal. One account, one unit. `owner_id` names what the
 * account belongs to (an account, a region, a partner unit, a need); (kind, owner) is unique.
 * `non_negative` accounts can never go below zero; only issuing accounts (a community's 积分/时长
 * 发放) run negative: their balance is minus what they issued.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: varchar('kind', { length: 24 }).notNull(),
    unit: varchar('unit', { length: 6 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The community the account counts under in per-community figures (the volunteer's, the provider's). */
    communityId: uuid('community_id'),
    nonNegative: boolean('non_negative').notNull(),
    /** Balance rows: 1 for a person's account; more for busy shared accounts, so credits don't queue on one row. */
    shards: smallint('shards').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), regionRef('ledger_accounts_community_fk', t.districtId, t.communityId), unique('ledger_accounts_owner_uq').on(t.districtId, t.kind, t.ownerId), index('ledger_accounts_community_idx').on(t.districtId, t.communityId, t.kind)],
);

/**
 * The running balance of an account, in one or more shards whose sum is the balance. Moved only in
 * the transaction that writes the entries, by `balance = balance + delta` (a debit of a non-negative
 * account by `… WHERE balance >= amount`); the CHECK is the database's own guarantee.
 */
export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    shard: smallint('shard').notNull(),
    balance: numeric('balance', { precision: 14, scale: 2 }).notNull().default('0'),
    nonNegative: boolean('non_negative').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.accountId, t.shard] }),
    foreignKey({ columns: [t.districtId, t.accountId], foreignColumns: [ledgerAccounts.districtId, ledgerAccounts.id] }),
    check('ledger_balances_non_negative', sql`NOT ${t.nonNegative} OR ${t.balance} >= 0`),
  ],
);

/**
 * One posting (记账凭证): the entries written together, summing to zero per unit. `key` makes it
 * idempotent: the same key posts once, however often and however concurrently it is sent.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    key: varchar('key', { length: 200 }).notNull(),
    /** earn · spend · adjust · reverse · expire */
    kind: varchar('kind', { length: 8 }).notNull(),
    /** order · activity · rule · redemption · appeal · manual · withdrawal */
    source: varchar('source', { length: 12 }).notNull(),
    sourceId: varchar('source_id', { length: 64 }),
    memo: varchar('memo', { length: 200 }).notNull().default(''),
    /** The day the posting belongs to (the service day for a credit), Asia/Shanghai. */
    effectiveOn: date('effective_on').notNull(),
    actorId: uuid('actor_id'),
    /** The posting this one reverses, if it is a reversal. */
    reverses: uuid('reverses'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('ledger_transactions_key_uq').on(t.districtId, t.key),
    accountRef(t.districtId, t.actorId),
    foreignKey({ columns: [t.districtId, t.reverses], foreignColumns: [t.districtId, t.id] }),
    index('ledger_transactions_source_idx').on(t.districtId, t.source, t.sourceId),
    // a posting is reversed at most once, however many reversals race
    uniqueIndex('ledger_transactions_reverses_uq').on(t.districtId, t.reverses).where(sql`reverses IS NOT NULL`),
  ],
);

/**
 * An entry (分录): an amount, signed, on one account, in the account's unit. Entries are never
 * changed or removed — a trigger refuses UPDATE, DELETE and TRUNCATE — mistakes are reversed by new
 * entries. `rule_code` names the points rule that made the line, if one did.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    transactionId: uuid('transaction_id').notNull(),
    accountId: uuid('account_id').notNull(),
    shard: smallint('shard').notNull().default(0),
    unit: varchar('unit', { length: 6 }).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    ruleCode: varchar('rule_code', { length: 40 }),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.transactionId], foreignColumns: [ledgerTransactions.districtId, ledgerTransactions.id] }),
    foreignKey({ columns: [t.districtId, t.accountId], foreignColumns: [ledgerAccounts.districtId, ledgerAccounts.id] }),
    index('ledger_entries_account_idx').on(t.districtId, t.accountId, t.postedAt),
    index('ledger_entries_transaction_idx').on(t.districtId, t.transactionId),
    check('ledger_entries_nonzero', sql`${t.amount} <> 0`),
  ],
);

/**
 * The district's points rules (加减分细则). A rule is versioned: a change closes the running version
 * the day before it takes effect and starts a new one, so past entries keep the rule that made them.
 * `trigger` says what applies it automatically; `manual` rules are applied by staff.
 */
export const pointsRules = pgTable(
  'points_rules',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: varchar('code', { length: 40 }).notNull(),
    trigger: varchar('trigger', { length: 20 }).notNull(),
    name: varchar('name', { length: 60 }).notNull(),
    nameEn: varchar('name_en', { length: 100 }).notNull(),
    /** Points per hour for `perHour`, otherwise per occurrence; negative for a deduction. */
    points: numeric('points', { precision: 10, scale: 2 }).notNull(),
    effectiveFrom: date('effective_from').notNull(),
    /** Last day of this version; null while it runs. */
    effectiveTo: date('effective_to'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    changedBy: uuid('changed_by'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('points_rules_version_uq').on(t.districtId, t.code, t.effectiveFrom),
    accountRef(t.districtId, t.changedBy),
  ],
);

/** The district's caps on points earned per volunteer (per day, per month); null is no cap. */
export const pointsSettings = pgTable(
  'points_settings',
  {
    districtId: uuid('district_id').notNull().primaryKey(),
    dailyCap: numeric('daily_cap', { precision: 10, scale: 2 }),
    monthlyCap: numeric('monthly_cap', { precision: 10, scale: 2 }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

/** Points earned by a volunteer in a day ('2026-11-30') or a month ('2026-11'), against the caps. Changed under a row lock. */
export const pointsEarned = pgTable(
  'points_earned',
  {
    districtId: uuid('district_id').notNull(),
    accountId: uuid('account_id').notNull(),
    period: varchar('period', { length: 10 }).notNull(),
    earned: numeric('earned', { precision: 12, scale: 2 }).notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.accountId, t.period] }), accountRef(t.districtId, t.accountId)],
);

/**
 * A time-bank withdrawal (服务换服务): a volunteer spent hours from their passbook on a service need for
 * themselves or a family member they named. The need is the withdrawal's: one row per need. Its hours
 * are held in the need's `withdrawal.held` account while the need is open; crediting pays its servers
 * from there; what is left when it closes — all of it if it is cancelled — goes back (`paid`, `returned`
 * say how much, once the withdrawal is settled).
 */
export const timeBankWithdrawals = pgTable(
  'time_bank_withdrawals',
  {
    districtId: uuid('district_id').notNull(),
    needId: uuid('need_id').notNull(),
    accountId: uuid('account_id').notNull(),
    hours: numeric('hours', { precision: 10, scale: 2 }).notNull(),
    /** self · family */
    forWhom: varchar('for_whom', { length: 8 }).notNull(),
    beneficiaryName: varchar('beneficiary_name', { length: 50 }).notNull(),
    relation: varchar('relation', { length: 20 }),
    beneficiaryPhone: varchar('beneficiary_phone', { length: 20 }),
    /** held · paid · returned */
    status: varchar('status', { length: 8 }).notNull().default('held'),
    paid: numeric('paid', { precision: 10, scale: 2 }),
    returned: numeric('returned', { precision: 10, scale: 2 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.needId] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    accountRef(t.districtId, t.accountId),
    index('time_bank_withdrawals_account_idx').on(t.districtId, t.accountId, t.createdAt),
    check('time_bank_withdrawals_hours_positive', sql`${t.hours} > 0`),
  ],
);

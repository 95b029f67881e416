import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountRef } from '../accounts/accounts.table.js';
import { regionRef } from '../../platform/scope/regions.table.js';

/**
 * The district's post types (岗位类别), e.g. the seeds' seven: 居民自治 … 精准暖心. District admins
 * edit them; a type in use is retired (`active: false`), never deleted.
 */
export const postTypes = pgTable(
  'post_types',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: varchar('code', { length: 40 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    nameEn: varchar('name_en', { length: 80 }).notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), unique('post_types_code_uq').on(t.districtId, t.code)],
);

/** The public service posts a community starts from (党员责任岗, 政策宣传员 …): what the publish form offers. */
export const postTemplates = pgTable(
  'post_templates',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: varchar('code', { length: 40 }).notNull(),
    typeId: uuid('type_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    nameEn: varchar('name_en', { length: 80 }).notNull(),
    duties: text('duties').notNull(),
    skills: text('skills').array().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('post_templates_code_uq').on(t.districtId, t.code),
    foreignKey({ columns: [t.districtId, t.typeId], foreignColumns: [postTypes.districtId, postTypes.id] }),
  ],
);

/**
 * A community's post (岗位): a standing duty with a quota. `claimed` is the number of claim rows,
 * moved only by `… SET claimed = claimed ± 1 WHERE …` in the claim's transaction; the CHECK is the
 * last line of defence: a quota is never exceeded.
 */
export const posts = pgTable(
  'posts',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The community that publishes the post. */
    regionId: uuid('region_id').notNull(),
    typeId: uuid('type_id').notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    duties: text('duties').notNull(),
    skills: text('skills').array().notNull().default([]),
    quota: integer('quota').notNull(),
    claimed: integer('claimed').notNull().default(0),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    place: varchar('place', { length: 200 }).notNull(),
    status: varchar('status', { length: 12 }).$type<'open' | 'closed'>().notNull().default('open'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    regionRef('posts_region_fk', t.districtId, t.regionId),
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.typeId], foreignColumns: [postTypes.districtId, postTypes.id] }),
    accountRef(t.districtId, t.createdBy),
    index('posts_region_idx').on(t.districtId, t.regionId, t.status),
    check('posts_claimed_within_quota', sql`${t.claimed} >= 0 AND ${t.claimed} <= ${t.quota}`),
  ],
);

/**
 * Who holds a place on a post: one row per post and volunteer (they claim once); releasing deletes
 * it, so they may claim again. `inService` is whether they were an in-service party member (在职党员)
 * when they claimed, for the counts (posts.policy.ts `isInServicePartyMember`).
 */
export const postClaims = pgTable(
  'post_claims',
  {
    districtId: uuid('district_id').notNull(),
    postId: uuid('post_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    inService: boolean('in_service').notNull().default(false),
    /** Staff who put the volunteer on the post directly (null: the volunteer claimed it). */
    assignedBy: uuid('assigned_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.postId, t.volunteerId] }),
    foreignKey({ columns: [t.districtId, t.postId], foreignColumns: [posts.districtId, posts.id] }),
    accountRef(t.districtId, t.volunteerId),
    accountRef(t.districtId, t.assignedBy),
    index('post_claims_volunteer_idx').on(t.districtId, t.volunteerId),
  ],
);

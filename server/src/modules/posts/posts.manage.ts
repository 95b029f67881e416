import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { regions } from '../../platform/scope/regions.table.js';
import { regionInScope, regionWithin } from '../../platform/scope/scope.js';
import type { PostsDeps } from './posts.deps.js';
import { postsError } from './posts.errors.js';
import { canManagePost, canSeePost, missingSkills, type PostStatus } from './posts.policy.js';
import { loadPost, postFields, selectPosts, type PostRow } from './posts.rows.js';
import { postClaims, posts } from './posts.table.js';
import type { postTypesCatalogue } from './posts.types.js';

export type PublishInput = { regionId?: string; typeId: string; title: string; duties: string; skills?: string[]; quota: number; startsOn: string; endsOn?: string | null; place: string };
export type PostPatch = Partial<Omit<PublishInput, 'regionId'>>;
export type ListQuery = { regionId?: string; typeId?: string; status?: PostStatus; hasFree?: boolean; page: number; pageSize: number };

/** Staff's side of posts: publish, edit, close, the list with its filters, claimants, the counts. */
export function postsManagement(deps: PostsDeps, types: ReturnType<typeof postTypesCatalogue>) {
  const { db } = deps;

  async function inServiceOf(districtId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, number>();
    const rows = await db
      .select({ postId: postClaims.postId, n: count() })
      .from(postClaims)
      .where(and(eq(postClaims.districtId, districtId), eq(postClaims.inService, true), inArray(postClaims.postId, ids)))
      .groupBy(postClaims.postId);
    return new Map(rows.map((r) => [r.postId, Number(r.n)]));
  }

  async function views(actor: Actor, rows: PostRow[]) {
    const inService = await inServiceOf(actor.districtId, rows.map((r) => r.post.id));
    return rows.map((r) => ({ ...postFields(r), inServiceClaims: inService.get(r.post.id) ?? 0, createdAt: r.post.createdAt.toISOString(), canManage: canManagePost(actor, r.communityPath) }));
  }

  /** A post staff may see (404 otherwise, like a missing one); `manage`: they must run it (403 for staff who only see it). */
  async function reach(q: DbOrTx, actor: Actor, id: string, manage: boolean): Promise<PostRow> {
    const row = await loadPost(q, actor.districtId, id);
    if (!row || !canSeePost(actor, row.communityPath)) throw postsError('posts.not_found');
    if (manage && !canManagePost(actor, row.communityPath)) throw postsError('posts.not_found');
    return row;
  }

  function checkPeriod(startsOn: string, endsOn: string | null | undefined) {
    if (endsOn && endsOn < startsOn) throw postsError('posts.bad_period', { field: 'endsOn' });
  }

  const detail = async (actor: Actor, id: string) => (await views(actor, [await reach(db, actor, id, false)]))[0]!;

  return {
    detail,
    reach,

    async list(actor: Actor, q: ListQuery) {
      const within = q.regionId ? (await regionInScope(db, actor, q.regionId)).path : actor.regionPath;
      const where: SQL = and(
        eq(posts.districtId, actor.districtId),
        regionWithin(posts.regionId, within),
        q.typeId ? eq(posts.typeId, q.typeId) : undefined,
        q.status ? eq(posts.status, q.status) : undefined,
        q.hasFree ? lt(posts.claimed, posts.quota) : undefined,
      )!;
      const [total] = await db.select({ n: count() }).from(posts).where(where);
      const rows = await selectPosts(db).where(where).orderBy(desc(posts.createdAt), asc(posts.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
      return { items: await views(actor, rows), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
    },

    /** Publishes a post in a community the caller runs (a community admin's own by default). */
    async publish(actor: Actor, input: PublishInput) {
      checkPeriod(input.startsOn, input.endsOn);
      const id = await db.transaction(async (tx) => {
        const community = await regionInScope(tx, actor, input.regionId ?? actor.regionId);
        if (community.type !== 'community') throw postsError('posts.not_a_community', { field: 'regionId' });
        if (!canManagePost(actor, community.path)) throw postsError('posts.not_a_community', { field: 'regionId' });
        await types.requireActive(tx, actor.districtId, input.typeId);
        const [row] = await tx
          .insert(posts)
          .values({
            districtId: actor.districtId, regionId: community.id, typeId: input.typeId, title: input.title.trim(), duties: input.duties.trim(), skills: [...new Set(input.skills ?? [])],
            quota: input.quota, startsOn: input.startsOn, endsOn: input.endsOn ?? null, place: input.place.trim(), createdBy: actor.accountId, createdAt: deps.clock.now(),
          })
          .returning({ id: posts.id });
        await deps.audit.record(actor, { action: 'posts.publish', objectType: 'post', objectId: row!.id, regionId: community.id, details: { title: input.title, quota: input.quota } });
        return row!.id;
      });
      return detail(actor, id);
    },

    /** Edits a post; the quota never drops below the places held (one conditional UPDATE: a claim racing the edit cannot slip in between). */
    async update(actor: Actor, id: string, patch: PostPatch) {
      await db.transaction(async (tx) => {
        const row = await reach(tx, actor, id, true);
        if (patch.typeId && patch.typeId !== row.post.typeId) await types.requireActive(tx, actor.districtId, patch.typeId);
        checkPeriod(patch.startsOn ?? row.post.startsOn, patch.endsOn === undefined ? row.post.endsOn : patch.endsOn);
        const set = { ...patch, ...(patch.skills ? { skills: [...new Set(patch.skills)] } : {}), updatedAt: new Date() };
        const quotaHolds = patch.quota === undefined ? undefined : sql`${posts.claimed} <= ${patch.quota}`;
        const [done] = await tx.update(posts).set(set).where(and(eq(posts.districtId, actor.districtId), eq(posts.id, id), quotaHolds)).returning({ claimed: posts.claimed });
        if (!done) {
          const [now] = await tx.select({ claimed: posts.claimed }).from(posts).where(and(eq(posts.districtId, actor.districtId), eq(posts.id, id)));
          throw postsError('posts.quota_below_claimed', { field: 'quota', params: { claimed: now?.claimed ?? 0 }, details: { claimed: now?.claimed ?? 0 } });
        }
        await deps.audit.record(actor, { action: 'posts.update', objectType: 'post', objectId: id, regionId: row.post.regionId, details: patch });
      });
      return detail(actor, id);
    },

    /** Closes a post: no more claims; those who hold a place keep it. */
    async close(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const row = await reach(tx, actor, id, true);
        if (row.post.status === 'closed') throw postsError('posts.closed');
        await tx.update(posts).set({ status: 'closed', closedAt: deps.clock.now(), updatedAt: new Date() }).where(and(eq(posts.districtId, actor.districtId), eq(posts.id, id)));
        await deps.audit.record(actor, { action: 'posts.close', objectType: 'post', objectId: id, regionId: row.post.regionId });
      });
      return detail(actor, id);
    },

    async claimants(actor: Actor, id: string) {
      const row = await reach(db, actor, id, false);
      const claims = await db.select().from(postClaims).where(and(eq(postClaims.districtId, actor.districtId), eq(postClaims.postId, id))).orderBy(asc(postClaims.claimedAt));
      const people = await deps.accounts.profilesOf(actor.districtId, claims.map((c) => c.volunteerId));
      return claims.map((c) => {
        const p = people.get(c.volunteerId);
        return { volunteerId: c.volunteerId, name: p?.name ?? '', phone: maskPhone(p?.phone) ?? '', inService: c.inService, assigned: c.assignedBy !== null, missingSkills: missingSkills(row.post.skills, p?.skills ?? []), claimedAt: c.claimedAt.toISOString() };
      });
    },

    /** Posts, quota and places held per community in the caller's subtree (or under `regionId`); in-service party members' places apart. */
    async counts(actor: Actor, q: { regionId?: string }) {
      const within = q.regionId ? (await regionInScope(db, actor, q.regionId)).path : actor.regionPath;
      const scope = and(eq(posts.districtId, actor.districtId), regionWithin(posts.regionId, within));
      const byPost = await db
        .select({
          communityId: posts.regionId,
          communityName: regions.name,
          posts: count(),
          openPosts: sql<number>`count(*) FILTER (WHERE ${posts.status} = 'open')::int`,
          quota: sql<number>`coalesce(sum(${posts.quota}), 0)::int`,
          claimed: sql<number>`coalesce(sum(${posts.claimed}), 0)::int`,
        })
        .from(posts)
        .innerJoin(regions, eq(regions.id, posts.regionId))
        .where(scope)
        .groupBy(posts.regionId, regions.name)
        .orderBy(asc(regions.name));
      const inService = await db
        .select({ communityId: posts.regionId, n: count() })
        .from(postClaims)
        .innerJoin(posts, and(eq(posts.districtId, postClaims.districtId), eq(posts.id, postClaims.postId)))
        .where(and(scope, eq(postClaims.inService, true)))
        .groupBy(posts.regionId);
      const held = new Map(inService.map((r) => [r.communityId, Number(r.n)]));
      return byPost.map((r) => ({ ...r, posts: Number(r.posts), inServiceClaims: held.get(r.communityId) ?? 0 }));
    },
  };
}

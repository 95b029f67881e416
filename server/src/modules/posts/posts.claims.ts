import { and, asc, count, desc, eq, isNull, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { ancestorPathOf, subtreeOf } from '../../platform/scope/scope.js';
import type { PostsDeps } from './posts.deps.js';
import { postsError } from './posts.errors.js';
import { claimRefusal, isActiveVolunteer, missingSkills, nearnessOf, type PostStatus } from './posts.policy.js';
import { loadPost, postFields, selectPosts, type PostRow } from './posts.rows.js';
import { postClaims, posts } from './posts.table.js';
import type { postsManagement } from './posts.manage.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

type Profile = { roles: string[]; skills: string[]; status: string; regionPath: string; name: string; phone: string };

/**
 * Claiming (认领) and releasing posts. A place is taken by inserting the claim row (UNIQUE per post and
 * volunteer: one person claims once) and `UPDATE posts SET claimed = claimed + 1 WHERE claimed < quota`
 * in one transaction: never read-then-write, so however many claim at once the quota is never
 * exceeded; when the UPDATE finds no free place the insert is rolled back with it.
 */
export function postClaiming(deps: PostsDeps, manage: ReturnType<typeof postsManagement>) {
  const { db } = deps;

  /** The one check that the caller may claim at all: an active registered volunteer. */
  function requireVolunteer(actor: Actor) {
    if (!isActiveVolunteer(actor)) throw postsError('posts.not_a_volunteer');
  }

  async function profile(districtId: string, id: string): Promise<Profile | undefined> {
    return (await deps.accounts.profilesOf(districtId, [id])).get(id);
  }

  const today = () => shanghaiDay(deps.clock.now());

  /** Takes one place for `volunteerId` in the caller's transaction, or throws (closed, ended, already held, full). */
  async function take(tx: DbOrTx, districtId: string, post: PostRow, who: { volunteerId: string; skills: string[]; assignedBy: string | null }) {
    const refused = claimRefusal({ status: post.post.status as PostStatus, endsOn: post.post.endsOn }, today());
    if (refused) throw postsError(refused);
    const [claim] = await tx
      .insert(postClaims)
      .values({ districtId, postId: post.post.id, volunteerId: who.volunteerId, inService: await deps.volunteers.isInService(districtId, who.volunteerId), assignedBy: who.assignedBy, claimedAt: deps.clock.now() })
      .onConflictDoNothing()
      .returning({ postId: postClaims.postId });
    if (!claim) throw postsError('posts.already_claimed');
    const [free] = await tx
      .update(posts)
      .set({ claimed: sql`${posts.claimed} + 1` })
      .where(and(eq(posts.districtId, districtId), eq(posts.id, post.post.id), eq(posts.status, 'open'), sql`${posts.claimed} < ${posts.quota}`))
      .returning({ claimed: posts.claimed });
    if (!free) throw postsError('posts.full');
  }

  /** Gives a place back: the claim row goes, the counter with it (same transaction). */
  async function giveBack(tx: DbOrTx, districtId: string, postId: string, volunteerId: string): Promise<boolean> {
    const [gone] = await tx
      .delete(postClaims)
      .where(and(eq(postClaims.districtId, districtId), eq(postClaims.postId, postId), eq(postClaims.volunteerId, volunteerId)))
      .returning({ postId: postClaims.postId });
    if (!gone) return false;
    await tx.update(posts).set({ claimed: sql`${posts.claimed} - 1` }).where(and(eq(posts.districtId, districtId), eq(posts.id, postId)));
    return true;
  }

  async function homeOf(actor: Actor) {
    return { communityPath: await ancestorPathOf(db, actor.regionPath, 'community'), streetPath: await ancestorPathOf(db, actor.regionPath, 'street') };
  }

  async function boardViews(actor: Actor, rows: PostRow[], skills: string[]) {
    const home = await homeOf(actor);
    const ids = rows.map((r) => r.post.id);
    const held = ids.length
      ? await db.select({ postId: postClaims.postId, at: postClaims.claimedAt }).from(postClaims).where(and(eq(postClaims.districtId, actor.districtId), eq(postClaims.volunteerId, actor.accountId)))
      : [];
    const mine = new Map(held.map((h) => [h.postId, h.at]));
    return rows.map((r) => {
      const missing = missingSkills(r.post.skills, skills);
      return { ...postFields(r), nearness: nearnessOf(r.communityPath, home), fits: missing.length === 0, missingSkills: missing, mine: mine.has(r.post.id), claimedAt: mine.get(r.post.id)?.toISOString() ?? null };
    });
  }

  return {
    /**
     * The phone's "posts near me": open posts of the district whose period is not over — the
     * volunteer's community first, then their street, then the rest; each marked whether it fits.
     */
    async board(actor: Actor, q: { page: number; pageSize: number; fitOnly?: boolean; typeId?: string }) {
      requireVolunteer(actor);
      const me = await profile(actor.districtId, actor.accountId);
      const skills = me?.skills ?? [];
      const home = await homeOf(actor);
      const where: SQL = and(
        eq(posts.districtId, actor.districtId),
        eq(posts.status, 'open'),
        or(isNull(posts.endsOn), gte(posts.endsOn, today())),
        q.typeId ? eq(posts.typeId, q.typeId) : undefined,
        // fits: every skill it asks for is one of mine
        q.fitOnly ? sql`${posts.skills} <@ ${sql.param(skills)}::text[]` : undefined,
      )!;
      const rank = sql`CASE WHEN ${subtreeOf(home.communityPath)} THEN 0 WHEN ${subtreeOf(home.streetPath)} THEN 1 ELSE 2 END`;
      const [total] = await db.select({ n: count() }).from(posts).where(where);
      const rows = await selectPosts(db).where(where).orderBy(rank, sql`(${posts.claimed} >= ${posts.quota})`, desc(posts.createdAt), asc(posts.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
      return { items: await boardViews(actor, rows, skills), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
    },

    /** The posts the volunteer holds a place on, newest claim first. */
    async mine(actor: Actor) {
      requireVolunteer(actor);
      const skills = (await profile(actor.districtId, actor.accountId))?.skills ?? [];
      const rows = await selectPosts(db)
        .innerJoin(postClaims, and(eq(postClaims.districtId, posts.districtId), eq(postClaims.postId, posts.id), eq(postClaims.volunteerId, actor.accountId)))
        .where(eq(posts.districtId, actor.districtId))
        .orderBy(desc(postClaims.claimedAt));
      return boardViews(actor, rows, skills);
    },

    /** A volunteer claims a place: open, in its period, a free place, and every skill it asks for. */
    async claim(actor: Actor, id: string) {
      requireVolunteer(actor);
      await db.transaction(async (tx) => {
        const post = await loadPost(tx, actor.districtId, id);
        if (!post) throw postsError('posts.not_found');
        const me = await profile(actor.districtId, actor.accountId);
        const missing = missingSkills(post.post.skills, me?.skills ?? []);
        if (missing.length) throw postsError('posts.skills_missing', { params: { skills: missing.join('、') }, details: { missingSkills: missing } });
        await take(tx, actor.districtId, post, { volunteerId: actor.accountId, skills: me?.skills ?? [], assignedBy: null });
        await deps.audit.record(actor, { action: 'posts.claim', objectType: 'post', objectId: id, regionId: post.post.regionId });
      });
    },

    async release(actor: Actor, id: string) {
      requireVolunteer(actor);
      await db.transaction(async (tx) => {
        const post = await loadPost(tx, actor.districtId, id);
        if (!post) throw postsError('posts.not_found');
        if (!(await giveBack(tx, actor.districtId, id, actor.accountId))) throw postsError('posts.not_claimed');
        await deps.audit.record(actor, { action: 'posts.release', objectType: 'post', objectId: id, regionId: post.post.regionId });
      });
    },

    /** Staff put a volunteer on a post directly: their skills are not asked for (audited), the quota still holds. */
    async assign(actor: Actor, id: string, volunteerId: string) {
      await db.transaction(async (tx) => {
        const post = await manage.reach(tx, actor, id, true);
        const who = await profile(actor.districtId, volunteerId);
        if (!who || who.status !== 'active' || !who.roles.includes('volunteer')) throw postsError('posts.volunteer_not_found', { field: 'volunteerId' });
        await take(tx, actor.districtId, post, { volunteerId, skills: who.skills, assignedBy: actor.accountId });
        await deps.audit.record(actor, { action: 'posts.assign', objectType: 'post', objectId: id, regionId: post.post.regionId, details: { volunteerId, missingSkills: missingSkills(post.post.skills, who.skills) } });
        await deps.notifications.notify(tx, actor.districtId, { key: `posts.assigned:${id}:${volunteerId}:${deps.clock.now().getTime()}`, type: 'posts.assigned', recipients: [volunteerId], subject: { type: 'post', id, label: post.post.title } });
      });
    },

    /** Staff take a volunteer off a post, with a reason they are told through the inbox. */
    async remove(actor: Actor, id: string, input: { volunteerId: string; reason: string }) {
      await db.transaction(async (tx) => {
        const post = await manage.reach(tx, actor, id, true);
        if (!(await giveBack(tx, actor.districtId, id, input.volunteerId))) throw postsError('posts.not_a_claimant', { field: 'volunteerId' });
        const reason = input.reason.trim();
        await deps.audit.record(actor, { action: 'posts.remove', objectType: 'post', objectId: id, regionId: post.post.regionId, details: { volunteerId: input.volunteerId, reason } });
        await deps.notifications.notify(tx, actor.districtId, { key: `posts.removed:${id}:${input.volunteerId}:${deps.clock.now().getTime()}`, type: 'posts.removed', recipients: [input.volunteerId], subject: { type: 'post', id, label: post.post.title }, params: { reason } });
      });
    },
  };
}

import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { defaultPostTemplates, defaultPostTypes } from './posts.defaults.js';
import type { PostsDeps } from './posts.deps.js';
import { postsError } from './posts.errors.js';
import { postTemplates, postTypes, posts } from './posts.table.js';

export type TypeInput = { code: string; name: string; nameEn: string; description?: string; sortOrder?: number };
export type TypePatch = Partial<Omit<TypeInput, 'code'>> & { active?: boolean };

/** The district's post types (district admins) and the public service posts offered as templates. */
export function postTypesCatalogue(deps: PostsDeps) {
  const { db } = deps;

  async function list(districtId: string, ids?: string[]) {
    const used = db.select({ typeId: posts.typeId, n: count().as('n') }).from(posts).where(eq(posts.districtId, districtId)).groupBy(posts.typeId).as('used');
    const rows = await db
      .select({ type: postTypes, n: used.n })
      .from(postTypes)
      .leftJoin(used, eq(used.typeId, postTypes.id))
      .where(and(eq(postTypes.districtId, districtId), ids ? inArray(postTypes.id, ids) : undefined))
      .orderBy(asc(postTypes.sortOrder), asc(postTypes.name));
    return rows.map(({ type: t, n }) => ({ id: t.id, code: t.code, name: t.name, nameEn: t.nameEn, description: t.description, sortOrder: t.sortOrder, active: t.active, posts: Number(n ?? 0) }));
  }

  async function one(districtId: string, id: string) {
    const [row] = await list(districtId, [id]);
    if (!row) throw postsError('posts.type.not_found');
    return row;
  }

  return {
    /** The seven types and the sixteen templates, once per code (a district's edits stay as they are). */
    async ensureDefaults(tx: DbOrTx, districtId: string) {
      await tx
        .insert(postTypes)
        .values(defaultPostTypes.map((t, i) => ({ ...t, districtId, sortOrder: (i + 1) * 10 })))
        .onConflictDoNothing();
      const types = new Map((await tx.select({ id: postTypes.id, code: postTypes.code }).from(postTypes).where(eq(postTypes.districtId, districtId))).map((t) => [t.code, t.id]));
      const templates = defaultPostTemplates.filter((t) => types.has(t.type));
      if (templates.length === 0) return;
      await tx
        .insert(postTemplates)
        .values(templates.map(({ type, ...t }, i) => ({ ...t, districtId, typeId: types.get(type)!, sortOrder: (i + 1) * 10 })))
        .onConflictDoNothing();
    },

    async list(actor: Actor, q: { includeRetired?: boolean }) {
      const rows = await list(actor.districtId);
      return rows.filter((t) => t.active || q.includeRetired);
    },

    async templates(actor: Actor) {
      const rows = await db.select().from(postTemplates).where(eq(postTemplates.districtId, actor.districtId)).orderBy(asc(postTemplates.sortOrder));
      return rows.map((t) => ({ id: t.id, code: t.code, typeId: t.typeId, name: t.name, nameEn: t.nameEn, duties: t.duties, skills: t.skills }));
    },

    async create(actor: Actor, input: TypeInput) {
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(postTypes)
          .values({ districtId: actor.districtId, code: input.code, name: input.name.trim(), nameEn: input.nameEn.trim(), description: input.description ?? '', sortOrder: input.sortOrder ?? 100 })
          .onConflictDoNothing()
          .returning({ id: postTypes.id });
        if (!row) throw postsError('posts.type_code_taken', { field: 'code' });
        await deps.audit.record(actor, { action: 'posts.type.create', objectType: 'postType', objectId: row.id, details: { code: input.code, name: input.name } });
        return row.id;
      });
      return one(actor.districtId, id);
    },

    async update(actor: Actor, id: string, patch: TypePatch) {
      await db.transaction(async (tx) => {
        const [row] = await tx.update(postTypes).set(patch).where(and(eq(postTypes.districtId, actor.districtId), eq(postTypes.id, id))).returning({ id: postTypes.id });
        if (!row) throw postsError('posts.type.not_found');
        await deps.audit.record(actor, { action: 'posts.type.update', objectType: 'postType', objectId: id, details: patch });
      });
      return one(actor.districtId, id);
    },

    /** Deletes a type no post uses (its templates go with it); one in use is switched off instead (409). */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const [row] = await tx.select({ id: postTypes.id }).from(postTypes).where(and(eq(postTypes.districtId, actor.districtId), eq(postTypes.id, id))).for('update');
        if (!row) throw postsError('posts.type.not_found');
        const [used] = await tx.select({ id: posts.id }).from(posts).where(and(eq(posts.districtId, actor.districtId), eq(posts.typeId, id))).limit(1);
        if (used) throw postsError('posts.type_in_use');
        await tx.delete(postTemplates).where(and(eq(postTemplates.districtId, actor.districtId), eq(postTemplates.typeId, id)));
        await tx.delete(postTypes).where(and(eq(postTypes.districtId, actor.districtId), eq(postTypes.id, id)));
        await deps.audit.record(actor, { action: 'posts.type.delete', objectType: 'postType', objectId: id });
      });
    },

    /** An active type of the district, or a 400 naming `typeId`. */
    async requireActive(tx: DbOrTx, districtId: string, id: string) {
      const [row] = await tx.select({ id: postTypes.id }).from(postTypes).where(and(eq(postTypes.districtId, districtId), eq(postTypes.id, id), eq(postTypes.active, true)));
      if (!row) throw postsError('posts.type_not_found', { field: 'typeId' });
    },
  };
}

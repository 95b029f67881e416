import { and, asc, eq, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import { defaultCategories, defaultDeclineReasons, defaultReplyTemplates } from './categories.defaults.js';
import { declineReasons, needCategories, replyTemplates, type ExtraQuestion } from './categories.table.js';
import { categoriesError } from './categories.errors.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { cacheOnFirstUse, entriesFor, keptRead } from '../../platform/db/change-cache.js';
import type { SeverityCode } from '../needs/needs.enums.js';

/** How a list names a category. */
export type CategoryLabel = { name: string; nameEn: string; code: string };

export type CategoryInput = {
  parentId?: string;
  code: string;
  name: string;
  nameEn: string;
  notice?: string;
  extraQuestions?: ExtraQuestion[];
  photoRequiredOnClose?: boolean;
  defaultSeverity?: SeverityCode;
  sortOrder?: number;
  active?: boolean;
};

type CategoryRow = typeof needCategories.$inferSelect;
type WithParent = { category: CategoryRow | undefined; parent: CategoryRow | undefined };

export function createCategoriesService(deps: PlatformDeps & { audit: AuditService }) {
  const { db } = deps;
  // a category and its parent as a post reads them, kept until a category changes (platform/db/change-cache.ts;
  // migration 0038 signals other instances)
  const kept = cacheOnFirstUse<WithParent>(deps.database, { name: 'category cache', tables: ['need_categories'], channels: ['lianxin_categories'], maxEntries: 10_000, maxAgeMs: 60_000 });
  // a district's category labels, as lists show them (labelsOf), kept the same way
  const keptLabels = cacheOnFirstUse<ReadonlyMap<string, CategoryLabel>>(deps.database, { name: 'category label cache', tables: ['need_categories'], channels: ['lianxin_categories'], maxEntries: 1_000, maxAgeMs: 60_000 });

  return {
    /** Gives a district the default category tree, decline reasons and reply templates (idempotent). */
    async ensureDefaults(tx: DbOrTx, districtId: string): Promise<void> {
      let order = 0;
      for (const top of defaultCategories) {
        const parentId = globalThis.crypto.randomUUID();
        const [parent] = await tx
          .insert(needCategories)
          .values({ districtId, id: parentId, code: top.code, name: top.name, nameEn: top.nameEn, notice: top.notice, extraQuestions: top.extraQuestions ?? [], photoRequiredOnClose: top.photoRequiredOnClose ?? true, defaultSeverity: top.severity ?? 'general', sortOrder: order++ })
          .onConflictDoNothing()
          .returning();
        if (!parent) continue;
        await tx.insert(needCategories).values(
          top.children.map(([code, name, nameEn], i) => ({
            districtId, parentId: parent.id, code, name, nameEn, photoRequiredOnClose: parent.photoRequiredOnClose, defaultSeverity: parent.defaultSeverity, sortOrder: i,
          })),
        );
      }
      await tx.insert(declineReasons).values(defaultDeclineReasons.map(([code, label, labelEn]) => ({ districtId, code, label, labelEn }))).onConflictDoNothing();
      const [anyTemplate] = await tx.select({ id: replyTemplates.id }).from(replyTemplates).where(eq(replyTemplates.districtId, districtId)).limit(1);
      if (!anyTemplate) await tx.insert(replyTemplates).values(defaultReplyTemplates.map(([status, text]) => ({ districtId, status, text })));
    },

    async list(districtId: string) {
      return db.select().from(needCategories).where(eq(needCategories.districtId, districtId)).orderBy(asc(needCategories.sortOrder), asc(needCategories.code));
    },

    async get(districtId: string, id: string) {
      const q = currentDb(db);
      const [row] = await q.select().from(needCategories).where(and(eq(needCategories.districtId, districtId), eq(needCategories.id, id)));
      return row;
    },

    /**
     * A category and its parent class (undefined for a top-level one), in one round trip; kept between
     * requests, read afresh inside a transaction. Shared: not to be changed by the caller.
     */
    async withParent(districtId: string, id: string): Promise<WithParent> {
      return keptRead(kept.cache(), `${districtId}/${id}`, async () => {
        const parentOf = sql`(SELECT ${needCategories.parentId} FROM ${needCategories} WHERE ${needCategories.districtId} = ${districtId} AND ${needCategories.id} = ${id})`;
        const rows = await currentDb(db)
          .select()
          .from(needCategories)
          .where(and(eq(needCategories.districtId, districtId), or(eq(needCategories.id, id), eq(needCategories.id, parentOf))));
        const category = rows.find((r) => r.id === id);
        return { category, parent: category?.parentId ? rows.find((r) => r.id === category.parentId) : undefined };
      });
    },

    /** Settles once categories are kept (PostgreSQL: once this instance hears of changes). */
    keeping: () => Promise.all([kept.ready(), keptLabels.ready()]).then(() => undefined),
    close: () => Promise.all([kept.close(), keptLabels.close()]).then(() => undefined),

    async create(actor: Actor, input: CategoryInput) {
      if (input.parentId && !(await this.get(actor.districtId, input.parentId))) throw categoriesError('needs.category_not_found', { field: 'parentId' });
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(needCategories).values({ ...input, districtId: actor.districtId }).onConflictDoNothing().returning();
        if (!row) throw categoriesError('needs.category_code_taken', { field: 'code' });
        await deps.audit.record(actor, { action: 'needs.category_create', objectType: 'needCategory', objectId: row.id, details: { code: row.code } });
        return row;
      });
    },

    async update(actor: Actor, id: string, patch: Partial<Omit<CategoryInput, 'code' | 'parentId'>>) {
      return db.transaction(async (tx) => {
        const [row] = await tx.update(needCategories).set(patch).where(and(eq(needCategories.districtId, actor.districtId), eq(needCategories.id, id))).returning();
        if (!row) throw categoriesError('needs.category.not_found');
        await deps.audit.record(actor, { action: 'needs.category_update', objectType: 'needCategory', objectId: id, details: { fields: Object.keys(patch) } });
        return row;
      });
    },

    /** A category and its subcategories (the tree is two levels deep): what "filed under it" means. */
    async withChildren(districtId: string, id: string): Promise<string[]> {
      const rows = await currentDb(db)
        .select({ id: needCategories.id })
        .from(needCategories)
        .where(and(eq(needCategories.districtId, districtId), or(eq(needCategories.id, id), eq(needCategories.parentId, id))));
      return rows.map((r) => r.id);
    },

    /** The parent of the category in `categoryId` (null for a top-level one), as a column of the caller's own query. */
    parentColumn(districtId: Column | SQL, categoryId: Column | SQL): SQL<string | null> {
      return sql<string | null>`(SELECT ${needCategories.parentId} FROM ${needCategories} WHERE ${needCategories.districtId} = ${districtId} AND ${needCategories.id} = ${categoryId})`;
    },

    /**
     * The label of the category in `categoryId` as a column of the caller's own query (JSON, or null):
     * a list or a detail reads its rows and their labels in one round trip.
     */
    labelColumn(districtId: Column, categoryId: Column): SQL<CategoryLabel | null> {
      return sql<CategoryLabel | null>`(SELECT json_build_object('name', ${needCategories.name}, 'nameEn', ${needCategories.nameEn}, 'code', ${needCategories.code}) FROM ${needCategories} WHERE ${needCategories.districtId} = ${districtId} AND ${needCategories.id} = ${categoryId})`;
    },

    /**
     * The names of these categories, for lists that show them beside each row: from the district's
     * labels, kept between requests (a district has about a hundred categories). A ledger's page took
     * them in its own statement, and with them PostgreSQL planned that statement at every run
     * (docs/ARCHITECTURE.md: a community's newest-first page, PGlite's thread 2.9–3.5 → 0.9–1.1 ms).
     */
    async labelsOf(districtId: string, ids: readonly string[]): Promise<Map<string, CategoryLabel>> {
      if (ids.length === 0) return new Map();
      const all = await keptRead(keptLabels.cache(), districtId, async () => {
        const rows = await currentDb(db)
          .select({ id: needCategories.id, name: needCategories.name, nameEn: needCategories.nameEn, code: needCategories.code })
          .from(needCategories)
          .where(eq(needCategories.districtId, districtId));
        return new Map(rows.map(({ id, ...label }) => [id, label]));
      });
      return entriesFor(all, ids);
    },

    async declineReasons(districtId: string) {
      const q = currentDb(db);
      return q.select().from(declineReasons).where(and(eq(declineReasons.districtId, districtId), eq(declineReasons.active, true)));
    },

    /** Adds or edits a decline reason (district admins); retiring one sets `active: false`. */
    async saveDeclineReason(actor: Actor, code: string, input: { label: string; labelEn: string; active?: boolean }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(declineReasons)
          .values({ districtId: actor.districtId, code, ...input })
          .onConflictDoUpdate({ target: [declineReasons.districtId, declineReasons.code], set: { ...input } })
          .returning();
        await deps.audit.record(actor, { action: 'needs.decline_reason_save', objectType: 'declineReason', objectId: code, details: input });
        return row!;
      });
    },

    async addReplyTemplate(actor: Actor, input: { status: string; categoryId?: string; text: string }) {
      if (input.categoryId && !(await this.get(actor.districtId, input.categoryId))) throw categoriesError('needs.category_not_found', { field: 'categoryId' });
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(replyTemplates).values({ districtId: actor.districtId, ...input }).returning();
        await deps.audit.record(actor, { action: 'needs.reply_template_add', objectType: 'replyTemplate', objectId: row!.id });
        return row!;
      });
    },

    async removeReplyTemplate(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const gone = await tx.delete(replyTemplates).where(and(eq(replyTemplates.districtId, actor.districtId), eq(replyTemplates.id, id))).returning();
        if (gone.length === 0) throw categoriesError('needs.reply_template.not_found');
        await deps.audit.record(actor, { action: 'needs.reply_template_remove', objectType: 'replyTemplate', objectId: id });
      });
    },

    async replyTemplates(districtId: string, status?: string, categoryId?: string) {
      const conds = [eq(replyTemplates.districtId, districtId)];
      if (status) conds.push(eq(replyTemplates.status, status));
      if (categoryId) conds.push(or(isNull(replyTemplates.categoryId), eq(replyTemplates.categoryId, categoryId))!);
      return db.select().from(replyTemplates).where(and(...conds));
    },
  };
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;

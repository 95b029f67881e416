import crypto from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { sniffImage } from './files.sniff.js';
import type { FileStore } from './files.store.js';
import { fileLinks, files, uploadQuota } from './files.table.js';
import { filesError } from './files.errors.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** Answers whether the actor may see the object a file is attached to (registered by its module). */
/** Whether the actor may read a file attached to this object (`fileId`: which of its files is asked for). */
export type ObjectReader = (actor: Actor, objectId: string, fileId: string) => Promise<boolean>;

export type UploadQuota = { filesPerDay: number; bytesPerDay: number };


export function createFilesService(deps: PlatformDeps & { store: FileStore; quota: UploadQuota }) {
  const { db, store, quota } = deps;
  const readers = new Map<string, ObjectReader>();

  /** One conditional upsert: the day's count grows only while it stays within the quota. */
  async function reserveQuota(tx: DbOrTx, actor: Actor, size: number) {
    const day = shanghaiDay(deps.clock.now());
    const rows = await tx
      .insert(uploadQuota)
      .values({ districtId: actor.districtId, accountId: actor.accountId, day, files: 1, bytes: size })
      .onConflictDoUpdate({
        target: [uploadQuota.districtId, uploadQuota.accountId, uploadQuota.day],
        set: { files: sql`${uploadQuota.files} + 1`, bytes: sql`${uploadQuota.bytes} + ${size}` },
        setWhere: sql`${uploadQuota.files} + 1 <= ${quota.filesPerDay} AND ${uploadQuota.bytes} + ${size} <= ${quota.bytesPerDay}`,
      })
      .returning({ files: uploadQuota.files });
    if (rows.length === 0 || size > quota.bytesPerDay) throw filesError('files.quota', { params: { files: quota.filesPerDay, megabytes: Math.round(quota.bytesPerDay / 1024 / 1024) }, field: 'file' });
  }

  return {
    /** A module says how to decide who may see its objects' files (needs: whoever may open the need). */
    registerReader(objectType: string, reader: ObjectReader) {
      readers.set(objectType, reader);
    },

    /** Stores an image after checking what it really is; the client's filename and type are ignored. */
    async storeImage(actor: Actor, bytes: Buffer, purpose: string) {
      if (bytes.length === 0) throw filesError('files.empty', { field: 'file' });
      if (bytes.length > MAX_IMAGE_BYTES) throw filesError('files.too_large', { params: { limit: MAX_IMAGE_BYTES / 1024 / 1024 }, field: 'file' });
      const type = sniffImage(bytes);
      if (!type) throw filesError('files.not_an_image', { field: 'file' });
      const id = crypto.randomUUID();
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const row = await db.transaction(async (tx) => {
        await reserveQuota(tx, actor, bytes.length);
        const [inserted] = await tx.insert(files).values({ districtId: actor.districtId, id, ownerId: actor.accountId, mime: type.mime, size: bytes.length, sha256, purpose }).returning();
        await store.put({ districtId: actor.districtId, id }, bytes, tx);
        return inserted!;
      });
      return { id: row.id, mime: row.mime, size: row.size, url: `/api/files/${row.id}` };
    },

    /**
     * The uploader may always read their file; anyone else only when they may see an object it is
     * attached to, asked of that object's module on every read. Anything else is a 404, like missing.
     */
    async read(actor: Actor, id: string): Promise<{ mime: string; bytes: Buffer }> {
      const [row] = await db.select().from(files).where(and(eq(files.districtId, actor.districtId), eq(files.id, id)));
      if (!row) throw filesError('files.not_found');
      if (row.ownerId !== actor.accountId && !(await this.attachedToVisible(actor, id))) throw filesError('files.not_found');
      return { mime: row.mime, bytes: await store.get({ districtId: row.districtId, id: row.id }) };
    },

    async attachedToVisible(actor: Actor, id: string): Promise<boolean> {
      const links = await db.select().from(fileLinks).where(and(eq(fileLinks.districtId, actor.districtId), eq(fileLinks.fileId, id)));
      for (const link of links) {
        const reader = readers.get(link.objectType);
        if (reader && (await reader(actor, link.objectId, id))) return true;
      }
      return false;
    },

    /** Attaches files to an object inside the caller's transaction (a need's photos, a completion's record). */
    async attach(tx: DbOrTx, districtId: string, ids: string[], object: { type: string; id: string }) {
      if (ids.length === 0) return;
      await tx
        .insert(fileLinks)
        .values(ids.map((fileId) => ({ districtId, fileId, objectType: object.type, objectId: object.id })))
        .onConflictDoNothing();
    },

    /** The ids among `ids` that exist and were uploaded by this actor (photos attached to a need). */
    async ownedBy(actor: Actor, ids: string[]): Promise<Set<string>> {
      const q = currentDb(db);
      if (ids.length === 0) return new Set();
      const rows = await q
        .select({ id: files.id })
        .from(files)
        .where(and(eq(files.districtId, actor.districtId), eq(files.ownerId, actor.accountId), inArray(files.id, ids)));
      return new Set(rows.map((r) => r.id));
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;

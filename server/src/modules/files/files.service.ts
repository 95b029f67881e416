import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { PlatformDeps } from '../../app.types.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { sniffImage } from './files.sniff.js';
import { files } from './files.table.js';
import './files.errors.js';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** Where bytes live. A local folder by default; an object store would implement the same three calls. */
export type FileStore = {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
};

export function localFileStore(root: string): FileStore {
  const safe = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error('bad file key');
    return full;
  };
  return {
    async put(key, bytes) {
      await fs.mkdir(path.dirname(safe(key)), { recursive: true });
      await fs.writeFile(safe(key), bytes, { mode: 0o600 });
    },
    get: (key) => fs.readFile(safe(key)),
  };
}

export function createFilesService(deps: PlatformDeps & { store: FileStore }) {
  const { db, store } = deps;
  const keyOf = (districtId: string, id: string) => `${districtId}/${id}`;

  return {
    /** Stores an image after checking what it really is; the client's filename and type are ignored. */
    async storeImage(actor: Actor, bytes: Buffer, purpose: string) {
      if (bytes.length === 0) throw new AppError('files.empty', 400, {}, 'file');
      if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('files.too_large', 413, { limit: MAX_IMAGE_BYTES / 1024 / 1024 }, 'file');
      const type = sniffImage(bytes);
      if (!type) throw new AppError('files.not_an_image', 415, {}, 'file');
      const id = crypto.randomUUID();
      await store.put(keyOf(actor.districtId, id), bytes);
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const [row] = await db.insert(files).values({ districtId: actor.districtId, id, ownerId: actor.accountId, mime: type.mime, size: bytes.length, sha256, purpose }).returning();
      return { id: row!.id, mime: row!.mime, size: row!.size, url: `/api/files/${row!.id}` };
    },

    /**
     * Any signed-in user of the district may fetch a file by its id: ids are random UUIDs handed out
     * only with the object they belong to (a need, its timeline), which is itself access-checked.
     */
    async read(actor: Actor, id: string): Promise<{ mime: string; bytes: Buffer }> {
      const [row] = await db.select().from(files).where(and(eq(files.districtId, actor.districtId), eq(files.id, id)));
      if (!row) throw notFound('files');
      return { mime: row.mime, bytes: await store.get(keyOf(row.districtId, row.id)) };
    },

    /** The ids among `ids` that exist and were uploaded by this actor (photos attached to a need). */
    async ownedBy(actor: Actor, ids: string[], q: DbOrTx = db): Promise<Set<string>> {
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

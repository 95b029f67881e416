import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { fileBlobs } from './files.table.js';

export type FileRef = { districtId: string; id: string };

/**
 * Where bytes live. `put` runs inside the upload's transaction (`q`), so a store that keeps bytes in
 * the database commits them with the file's row; a folder or an object store ignores it.
 */
export type FileStore = {
  put(ref: FileRef, bytes: Buffer, q: DbOrTx): Promise<void>;
  get(ref: FileRef): Promise<Buffer>;
};

/** A local folder: the default with embedded PGlite, whose data folder one process owns anyway. */
export function folderFileStore(root: string): FileStore {
  const fileOf = (ref: FileRef) => {
    const full = path.resolve(root, ref.districtId, ref.id);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error('bad file key');
    return full;
  };
  return {
    async put(ref, bytes) {
      await fs.mkdir(path.dirname(fileOf(ref)), { recursive: true });
      await fs.writeFile(fileOf(ref), bytes, { mode: 0o600 });
    },
    get: (ref) => fs.readFile(fileOf(ref)),
  };
}

/** In PostgreSQL: the default with DATABASE_URL, so a photo stored by one instance is there for all. */
export function databaseFileStore(db: Db): FileStore {
  return {
    async put(ref, bytes, q) {
      await q.insert(fileBlobs).values({ districtId: ref.districtId, fileId: ref.id, bytes });
    },
    async get(ref) {
      const [row] = await db.select({ bytes: fileBlobs.bytes }).from(fileBlobs).where(and(eq(fileBlobs.districtId, ref.districtId), eq(fileBlobs.fileId, ref.id)));
      if (!row) throw new Error(`file ${ref.id} has no bytes in the database store`);
      return row.bytes;
    },
  };
}

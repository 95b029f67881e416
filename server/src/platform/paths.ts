import fs from 'node:fs';
import path from 'node:path';

/*
 * The server's own folder (server/), found from wherever this code runs: its sources (src/platform,
 * under tsx and the tests) or the build (dist/ and dist/chunks/, bundled: server/scripts/bundle.mjs).
 * A path counted up from one file's place would be right in one of those and wrong in the other.
 */
function findServerFolder(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`the server's folder (with drizzle/) was not found above ${import.meta.dirname}`);
  }
}

export const serverFolder = findServerFolder();

/** The committed migrations (server/drizzle). */
export const migrationsFolder = path.join(serverFolder, 'drizzle');

/** The built web app (web/dist), beside the server. */
export const webDistFolder = path.resolve(serverFolder, '..', 'web', 'dist');

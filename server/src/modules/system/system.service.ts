import { eq, sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.js';
import { migrationStatus } from '../../platform/db/client.js';
import { systemSettings } from './system.table.js';

export function createSystemService(deps: PlatformDeps) {
  const { db } = deps;
  return {
    /** Database reachable and every shipped migration applied. */
    async readiness(): Promise<{ ready: boolean; database: boolean; migrations: { expected: number; applied: number } | null }> {
      try {
        await db.execute(sql`SELECT 1`);
        const migrations = await migrationStatus(deps.database);
        return { ready: migrations.applied >= migrations.expected, database: true, migrations };
      } catch {
        return { ready: false, database: false, migrations: null };
      }
    },

    async getSetting<T>(key: string): Promise<T | undefined> {
      const [row] = await db.select().from(systemSettings).where(eq(systemSettings.key, key));
      return row?.value as T | undefined;
    },

    async setSetting(key: string, value: unknown): Promise<void> {
      await db
        .insert(systemSettings)
        .values({ key, value })
        .onConflictDoUpdate({ target: systemSettings.key, set: { value, updatedAt: new Date() } });
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;

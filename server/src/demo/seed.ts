import type { PlatformDeps } from '../app.types.js';

export type SeedOptions = { scale: 'full' | 'small'; log: (msg: string) => void };

/** Placeholder replaced below by the real generator. */
export async function seedDemoIfEmpty(_deps: PlatformDeps, _opts: SeedOptions): Promise<void> {}

import type { PlatformDeps } from '../platform/deps.js';
import type { Tx } from '../platform/db/client.js';
import type { DemoPerson } from './plan.js';
import type { RegionPlan } from './plan.js';
import type { DemoTeam } from './plan.js';

export type DemoScale = 'full' | 'small';

/** How big the demo district is. "small" is the same generator, sized for e2e tests (seconds). */
export type ScaleSizes = {
  streets: number;
  communitiesPerStreet: number;
  grids: number;
  buildingsPerGrid: [min: number, max: number];
  /** Residents and volunteers, not counting staff and the fixed demo accounts. */
  people: number;
  /** Volunteer service teams, spread over the communities (every community gets at least one). */
  teams: number;
  /** Needs over the past year, the fixed accounts' showcase orders included. */
  needs: number;
};

export const scaleSizes: Record<DemoScale, ScaleSizes> = {
  full: { streets: 6, communitiesPerStreet: 10, grids: 400, buildingsPerGrid: [3, 7], people: 20_000, teams: 300, needs: 50_000 },
  small: { streets: 2, communitiesPerStreet: 2, grids: 8, buildingsPerGrid: [2, 4], people: 500, teams: 12, needs: 300 },
};

/** The district in memory, generated before anything is written (pure and deterministic). */
export type DemoPlan = {
  scale: DemoScale;
  seed: number;
  sizes: ScaleSizes;
  regions: RegionPlan;
  people: DemoPerson[];
  teams: DemoTeam[];
};

/** What every seeding step receives; all writes go through `tx`, the one seeding transaction. */
export type DemoContext = {
  deps: PlatformDeps;
  tx: Tx;
  plan: DemoPlan;
  /** The argon2 hash of the demo password, computed once (argon2 per row would take minutes). */
  passwordHash: string;
  log: (msg: string) => void;
  /**
   * Set when the year's verified services were already credited in committed pages (the time bank's
   * history seeded after the app opened, seed.ts `finishDemoHistory`): the ledger step skips its replay.
   */
  credited?: number;
};

/**
 * One part of the demo (regions, accounts; later teams, needs, ledger …). Add a module's demo data by
 * appending a step to `demoSteps` in seed.ts. Steps run in order inside one transaction and return
 * row counts for the report; ids of earlier steps' rows can be recomputed with `demoUuid`.
 */
export type DemoStep = {
  name: string;
  /**
   * The time bank's history (the ledger, then the mall that spends its points): on `npm start` it is
   * seeded after the app opens, so the first page does not wait for 400,000 ledger entries.
   */
  history?: true;
  run(ctx: DemoContext): Promise<Record<string, number>>;
};

/**
 * Multi-row INSERTs of `size` rows: one round trip per batch instead of per row. 1,000 rows of ~20
 * columns stays well under PostgreSQL's 65,535 bind parameters per statement.
 */
export async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>, size = 1000): Promise<number> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  return rows.length;
}

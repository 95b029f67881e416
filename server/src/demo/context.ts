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

/**
 * The district's regions and sizes without its people and teams: what the history's steps read.
 * Planning the people takes about half a second of the event loop on the full district (measured
 * 376–546 ms), which the history, seeded with the app open, would make every request wait for.
 */
export type DistrictPlan = Pick<DemoPlan, 'scale' | 'seed' | 'sizes' | 'regions'>;

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
 * Where a step of the time bank's history writes. `inPage(work)` runs one short unit of work: inside
 * the seed's one transaction when the district is seeded at once, or — after the app opened
 * (seed.ts `finishDemoHistory`) — as a transaction of its own, once the users' requests in hand
 * have run (embedded: they share its one connection). Every page must be safe to run again and
 * each step plans from what was there before it wrote anything: a start cut short between two
 * pages is finished by the next start, giving the same district.
 */
export type HistoryContext = Omit<DemoContext, 'tx' | 'plan'> & {
  plan: DistrictPlan;
  inPage<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
};

/** What the start page shows while a step runs: '中文 | English' (never the step's name, a code). */
export type StepTitle = `${string} | ${string}`;

/**
 * One part of the demo (regions, accounts; later teams, needs, ledger …). Add a module's demo data by
 * appending a step to `demoSteps` in seed.ts. Steps run in order inside one transaction and return
 * row counts for the report; ids of earlier steps' rows can be recomputed with `demoUuid`.
 */
export type DemoStep =
  | { name: string; title: StepTitle; history?: undefined; run(ctx: DemoContext): Promise<Record<string, number>> }
  | {
      name: string;
      title: StepTitle;
      /**
       * The time bank's history (the ledger, then the mall that spends its points): on `npm start` it
       * is seeded after the app opens, so the first page does not wait for 400,000 ledger entries.
       */
      history: true;
      run(ctx: HistoryContext): Promise<Record<string, number>>;
    };

/**
 * Multi-row INSERTs of `size` rows: one round trip per batch instead of per row. 1,000 rows of ~20
 * columns stays well under PostgreSQL's 65,535 bind parameters per statement.
 */
export async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>, size = 1000): Promise<number> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  return rows.length;
}

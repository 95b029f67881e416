import type { Actor } from '../../platform/auth/actor.js';
import { currentTransaction } from '../../platform/db/unit-of-work.js';
import { assertWithin, type FigureDeps } from './needs.figures.js';
import { keptKind, type KeptCounts, type KeptKind } from './needs.kept-counts.js';
import { gridLoads, screenCounts, type CountedGrids, type ScreenCounts, type ScreenCountsQuery } from './needs.screen.js';

/*
 * The big screen's counts (needs.screen.ts), kept between requests in the needs' kept counts
 * (needs.kept-counts.ts: let go of by any write to needs, their timeline, regions, teams or categories)
 * and shared by every caller asking for the same subtree: a wall screen refreshes every minute, and a
 * district's year of needs is read in a scan each time otherwise. The months' counts do not move with
 * the clock (their bounds are in the key); the grids' overdue counts do, so they are used only up to
 * the first moment the clock alone moves a need past its deadline (`until`, from the same statement).
 */

export type ScreenCounter = {
  counts(actor: Actor, q: ScreenCountsQuery): Promise<ScreenCounts>;
  grids(actor: Actor, q: { regionPath: string; now: Date }): Promise<CountedGrids>;
};

/** A subtree's screen is one entry per kind: a district has a few hundred nodes anyone may pick. */
const MAX_SCREENS = 200;

/** `kept` is asked for on the first count, so services built for a script or the demo's seed keep nothing. */
export function createScreenCounter(deps: FigureDeps, kept: () => KeptCounts): ScreenCounter {
  let months: KeptKind<ScreenCounts> | undefined;
  let grids: KeptKind<CountedGrids> | undefined;
  return {
    async counts(actor, q) {
      if (currentTransaction()) return screenCounts(deps, actor, q);
      assertWithin(actor, q.regionPath);
      months ??= keptKind<ScreenCounts>(kept(), 'screen', { maxEntries: MAX_SCREENS });
      const key = [actor.districtId, q.regionPath, q.categoriesFrom.toISOString(), q.categoriesTo.toISOString(), ...q.monthBounds.map((b) => b.toISOString())].join('|');
      return months.keptOrCounted(key, actor.districtId, () => true, () => screenCounts(deps, actor, q));
    },
    async grids(actor, q) {
      if (currentTransaction()) return gridLoads(deps, actor, q);
      assertWithin(actor, q.regionPath);
      grids ??= keptKind<CountedGrids>(kept(), 'grids', { maxEntries: MAX_SCREENS });
      const at = q.now.getTime();
      return grids.keptOrCounted(`${actor.districtId}|${q.regionPath}`, actor.districtId, (c) => c.from <= at && at <= c.until, () => gridLoads(deps, actor, q));
    },
  };
}

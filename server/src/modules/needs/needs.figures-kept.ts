import type { Actor } from '../../platform/auth/actor.js';
import { currentTransaction } from '../../platform/db/unit-of-work.js';
import type { KeptKind } from './needs.kept-counts.js';
import { assertWithin, countFigures, type CountedFigures, type FigureDeps, type FigureQuery, type FigureResult } from './needs.figures.js';

/*
 * The figures page's counts as last counted (needs.figures.ts), kept between requests
 * (platform/db/change-cache.ts) and shared by every caller who asks for the same subtree, period and
 * grouping: the district's staff, a street's, a big screen refreshing. A district's counts read all
 * of its needs (bench:reads, PGlite: ~150 ms of its thread each, so 20 staff at once waited seconds
 * behind one another), and they change only when a need, its timeline, a region or a team does — or
 * when the clock carries an open need's deadline into the next 24 hours or past now. So what is kept
 * is used only from the moment it was counted at up to the first such moment (`until`, worked out by
 * the same statement): it answers exactly what a new count would. Callers who ask while the same
 * count is under way wait for it instead of counting again (`keptOrCounted`). A count after a change
 * costs what it did before. The cache (`kept`) is shared with the ledgers' totals and to-dos
 * (needs.kept-counts.ts), which says what lets go of it.
 */

export type FigureCounter = { count(actor: Actor, q: FigureQuery): Promise<FigureResult> };

/** `kept` is asked for on the first count, so services built for a script or the demo's seed keep (and listen to) nothing. */
export function createFigureCounter(deps: FigureDeps, kept: () => KeptKind<CountedFigures>): FigureCounter {
  return {
    async count(actor, q) {
      // a transaction must see its own writes: counted there (and refused on the root database, as every read is)
      if (currentTransaction()) return (await countFigures(deps, actor, q)).counts;
      assertWithin(actor, q.regionPath);
      const cache = kept();
      const key = `${actor.districtId}|${q.regionPath}|${q.start.toISOString()}|${q.end.toISOString()}|${q.group.by === 'region' ? q.group.level : 'team'}`;
      const at = q.now.getTime();
      const holds = (c: CountedFigures) => c.from <= at && at <= c.until;
      return (await cache.keptOrCounted(key, actor.districtId, holds, () => countFigures(deps, actor, q))).counts;
    },
  };
}

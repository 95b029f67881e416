import type { Draft } from './plan.js';
import type { Cast } from './cast.js';
import type { Sinks } from './needs.sinks.js';
import type { DemoPerson } from './plan.js';
import type { Rng } from './random.js';
import type { DemoRegion } from './plan.js';
import type { DemoTeam } from './plan.js';

export const HOUR = 3_600_000;

/** Everything a need's story draws on, shared by all stories of one seeding run. */
export type World = {
  rng: Rng;
  /** The seeding moment: no event happens after it, so recent needs are still open. */
  now: number;
  districtId: string;
  cast: Cast;
  people: Map<string, DemoPerson>;
  teamsIn: Map<string, DemoTeam[]>;
  /** Live (claimed or serving) slots per volunteer, becoming volunteer_load.open_tasks. */
  load: Map<string, number>;
  /** "need:account" pairs already following (need_followers has one row per pair). */
  followed: Set<string>;
  maxOpenTasks: number;
  /** A need's deadline when accepted at `from`, by the district's rules and calendar as provisioned. */
  deadline: (d: Draft, from: number) => number;
  out: Sinks;
};

/** Who acted, as written on the event: the account (none for the system) and the role acted in. */
export type Who = { id: string | null; name: string | null; role: string };

export const SYSTEM: Who = { id: null, name: null, role: 'system' };
export const as = (p: DemoPerson, role: string): Who => ({ id: p.id, name: p.name, role });

/** Staff act between 8:00 and 21:00 Beijing time: a later moment is moved to the next morning. */
export function officeTime(t: number, rng: Rng): number {
  const hour = (t / HOUR + 8) % 24;
  if (hour < 8) return t + (8 - hour + rng.next()) * HOUR;
  if (hour >= 21) return t + (32 - hour + rng.next()) * HOUR;
  return t;
}

/** The staff who handle a need in a building: its grid worker, community admin and street admin. */
export function staffFor(cast: Cast, building: DemoRegion) {
  const grid = cast.staffAt.get(cast.gridOf.get(building.id)!.id)!;
  const admin = cast.staffAt.get(cast.communityOf.get(building.id)!.id)!;
  const street = cast.staffAt.get(cast.streetOf.get(building.id)!.id)!;
  return { grid: as(grid, 'gridWorker'), admin: as(admin, 'communityAdmin'), street: as(street, 'streetAdmin') };
}

/**
 * Up to `count` distinct volunteers from `pool` who may take one more task (below the open-task
 * limit) and are not `exclude` (the requester serves nobody their own need); `first` goes first
 * when eligible. Random probes instead of shuffling: pools have ~130 people and we want 1–3.
 */
export function pickVolunteers(w: World, opts: { pool: readonly DemoPerson[]; count: number; exclude: string | null; first?: DemoPerson }): DemoPerson[] {
  const ok = (p: DemoPerson) => p.id !== opts.exclude && (w.load.get(p.id) ?? 0) < w.maxOpenTasks;
  const chosen: DemoPerson[] = opts.first && ok(opts.first) && opts.pool.includes(opts.first) ? [opts.first] : [];
  for (let tries = 0; chosen.length < opts.count && tries < opts.count * 20 && opts.pool.length > 0; tries++) {
    const p = w.rng.pick(opts.pool);
    if (ok(p) && !chosen.includes(p)) chosen.push(p);
  }
  return chosen;
}

/** A team of the community that serves the category, else any of its teams; another than `not` if possible. */
export function pickTeam(w: World, communityId: string, top: string, not?: DemoTeam): DemoTeam {
  const all = w.teamsIn.get(communityId)!;
  const others = all.filter((t) => t !== not);
  const serving = others.filter((t) => t.categories.includes(top));
  return w.rng.pick(serving.length ? serving : others.length ? others : all);
}

export const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

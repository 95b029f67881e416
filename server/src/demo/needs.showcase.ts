import type { NeedStatus, Severity } from '../modules/needs/needs.lifecycle.js';
import { demoUuid } from './identity.js';
import { draftNeed, type Crowd, type DemoCategory } from './needs.fate.js';
import { HOUR, type World } from './needs.pick.js';
import { tell, type Fate } from './needs.story.js';
import type { DemoTeam } from './plan.js';

type Script = {
  /** The fixed demo resident 陈桂英, or a neighbour of hers in 文化社区. */
  by: 'resident' | 'neighbour';
  code: string;
  route: 'team' | 'pool';
  /** Dispatched to the fixed leader's team; the fixed volunteer among the first assignees. */
  leaderTeam?: boolean;
  volunteer?: boolean;
  ends: NeedStatus;
  hoursAgo: number;
  slots?: number;
  ratings?: [stars: number, solved: boolean][];
  /** A major grievance: escalated to the street at once, where the whistles demo calls units in. */
  severity?: Severity;
  /** Kept past its deadline: the oversight demo gives it no pause or extension (keptOverdue). */
  overdue?: true;
};

/**
 * Orders that make the walk-through work whatever the random draw: the fixed resident has needs in
 * most states (one to rate now), the fixed leader's inbox has orders to take and one to assign, the
 * fixed volunteer sees pooled orders in 文化社区 and holds tasks of her own.
 */
const scripts: Script[] = [
  { by: 'resident', code: 'elderly.haircut', route: 'team', leaderTeam: true, volunteer: true, ends: 'closed', hoursAgo: 20 * 24, ratings: [[5, true]] },
  { by: 'resident', code: 'facilities.streetLight', route: 'pool', ends: 'closed', hoursAgo: 60 * 24, ratings: [[4, true]] },
  { by: 'resident', code: 'elderly.escort', route: 'team', leaderTeam: true, volunteer: true, ends: 'completed', hoursAgo: 30 },
  { by: 'resident', code: 'elderly.cleaning', route: 'team', leaderTeam: true, volunteer: true, ends: 'in_service', hoursAgo: 14, slots: 2 },
  // held for over half its window: the volunteer has had the 50 % deadline warning
  { by: 'resident', code: 'convenience.digital', route: 'pool', volunteer: true, ends: 'claimed', hoursAgo: 60 },
  { by: 'resident', code: 'medical.medicine', route: 'team', leaderTeam: true, ends: 'dispatched', hoursAgo: 10 },
  { by: 'resident', code: 'elderly.companion', route: 'pool', ends: 'pooled', hoursAgo: 8 },
  { by: 'resident', code: 'dispute.noise', route: 'team', ends: 'accepted', hoursAgo: 5 },
  { by: 'resident', code: 'environment.garbage', route: 'team', ends: 'submitted', hoursAgo: 1 },
  { by: 'resident', code: 'legal.housing', route: 'pool', ends: 'cancelled', hoursAgo: 12 * 24 },
  { by: 'resident', code: 'facilities.water', route: 'team', leaderTeam: true, volunteer: true, ends: 'reopened', hoursAgo: 40, ratings: [[2, false]] },
  { by: 'neighbour', code: 'facilities.appliance', route: 'team', leaderTeam: true, ends: 'dispatched', hoursAgo: 6 },
  { by: 'neighbour', code: 'elderly.meal', route: 'team', leaderTeam: true, ends: 'dispatched', hoursAgo: 3 },
  { by: 'neighbour', code: 'children.tutoring', route: 'team', leaderTeam: true, ends: 'taken', hoursAgo: 9 },
  { by: 'neighbour', code: 'convenience.errands', route: 'pool', ends: 'pooled', hoursAgo: 4 },
  { by: 'neighbour', code: 'children.supplies', route: 'pool', ends: 'pooled', hoursAgo: 7 },
  { by: 'neighbour', code: 'environment.greening', route: 'pool', ends: 'claimed', hoursAgo: 10, slots: 3 },
  { by: 'neighbour', code: 'elderly.companion', route: 'pool', volunteer: true, ends: 'in_service', hoursAgo: 16 },
  // past their deadline (2310's general window is 2 days) whatever the time and day the demo is seeded:
  // the random orders alone left none overdue on a Saturday morning, and the deadline watch had nothing to show
  { by: 'neighbour', code: 'facilities.streetLight', route: 'team', ends: 'taken', hoursAgo: 6 * 24, overdue: true },
  { by: 'neighbour', code: 'dispute.noise', route: 'pool', ends: 'claimed', hoursAgo: 4 * 24, overdue: true },
  // 吹哨报到: major items of 文化社区 the street is working with departments and partner units (whistles.demo.ts)
  { by: 'neighbour', code: 'safety.fireHazard', route: 'team', ends: 'taken', hoursAgo: 70, severity: 'major' },
  { by: 'neighbour', code: 'environment.sewage', route: 'team', ends: 'taken', hoursAgo: 40, severity: 'major' },
  { by: 'neighbour', code: 'safety.eBikeCharging', route: 'team', ends: 'escalated', hoursAgo: 20, severity: 'major' },
];

export const showcaseCount = scripts.length;

const showcaseId = (seed: number, i: number) => demoUuid(seed, `need:showcase:${i}`);

/** The showcase orders kept past their deadline, by id: a pause or an extension would take them out of the overdue list. */
export function keptOverdue(seed: number): Set<string> {
  return new Set(scripts.flatMap((script, i) => (script.overdue ? [showcaseId(seed, i)] : [])));
}

/** Tells the scripted orders (after the random ones, so the open-task limits already count). */
export function tellShowcase(w: World, crowd: Crowd, x: { seed: number; categories: Map<string, DemoCategory>; team: DemoTeam; numbers: Set<string> }): void {
  const { cast } = w;
  const home = cast.regions.communities[0]!.id;
  const fixedIds = new Set(Object.values(cast.fixed).map((p) => p.id));
  const neighbours = (cast.residentsIn.get(home) ?? []).filter((p) => !fixedIds.has(p.id));
  scripts.forEach((script, i) => {
    const requester = script.by === 'resident' ? cast.fixed.resident : w.rng.pick(neighbours);
    const draft = draftNeed(w, crowd, { id: showcaseId(x.seed, i), createdAt: w.now - script.hoursAgo * HOUR, category: x.categories.get(script.code)!, channel: 'self', requester, numbers: x.numbers });
    const d = { ...draft, slots: script.slots ?? 1, severity: script.severity ?? 'general' };
    const fate: Fate = {
      verify: false,
      outcome: 'proceed',
      route: script.route,
      team: script.leaderTeam ? x.team : undefined,
      volunteer: script.volunteer ? cast.fixed.volunteer : undefined,
      declines: 0,
      poolEscalates: false,
      cancelAt: script.ends === 'cancelled' ? 'pooled' : undefined,
      stopAt: ['closed', 'cancelled'].includes(script.ends) ? undefined : script.ends,
      ratings: (script.ratings ?? []).map(([rating, solved]) => ({ rating, solved, comment: rating >= 4 ? '志愿者很耐心，非常满意！' : '水龙头还是漏水，问题没解决。' })),
      reply: false,
      // compressed into a few hours so every step lands before now, whatever the time of day
      pace: 0.1,
      officeHours: false,
    };
    const ending = tell(w, d, fate);
    if (ending.status !== script.ends) throw new Error(`demo showcase order ${i} (${script.code}) ended ${ending.status}, not ${script.ends}`);
  });
}

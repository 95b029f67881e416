import { sql } from 'drizzle-orm';
import { windowFor } from '../modules/deadlines/deadlines.policy.js';
import { createServices } from '../services.js';
import { terminalStatuses } from '../modules/needs/needs.lifecycle.js';
import { queryRows, type Tx } from '../platform/db/client.js';
import { castOf } from './cast.js';
import type { DemoContext, DemoStep } from './context.js';
import { demoUuid } from './identity.js';
import { draftNeed, randomFate, type Crowd, type DemoCategory } from './needs.fate.js';
import { HOUR, type World } from './needs.pick.js';
import { showcaseCount, tellShowcase } from './needs.showcase.js';
import { createSinks } from './needs.sinks.js';
import { tell, type Ending } from './needs.story.js';
import type { Draft } from './plan.js';
import { topics } from './needs.texts.js';
import { streamRng, type Rng } from './random.js';
import type { DemoTeam } from './plan.js';

const DAY = 24 * HOUR;
const MERGE_WINDOW = 7 * DAY;

/** The district's category tree, as provisioning installed it (provision.demo.ts), read back. */
async function demoCategories({ tx, plan }: DemoContext): Promise<DemoCategory[]> {
  const districtId = plan.regions.district.id;
  return queryRows<DemoCategory>(tx, sql`
    SELECT c.id, c.code, c.parent_id AS "parentId", p.code AS top, c.default_severity AS severity FROM need_categories c
    JOIN need_categories p ON p.district_id = c.district_id AND p.id = c.parent_id
    WHERE c.district_id = ${districtId} ORDER BY c.code`);
}

/** Deadlines the way acceptance sets them: the district's rules and calendar, read back once. */
async function demoDeadlines({ deps, tx, plan }: DemoContext, categories: DemoCategory[]): Promise<World['deadline']> {
  const { rules, calendar } = await createServices(deps).deadlines.book(tx, plan.regions.district.id);
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  return (d, from) =>
    windowFor(rules, calendar, { regionPath: d.building.path.split('/').filter(Boolean), categoryId: d.categoryId, categoryParentId: parentOf.get(d.categoryId) ?? null, severity: d.severity }, new Date(from)).deadlineAt.getTime();
}

/**
 * Creation times over the past 365 days, oldest first: use grew over the year (half uniform, half
 * leaning towards today), and people ask in the daytime.
 */
function creationTimes(rng: Rng, count: number, now: number): number[] {
  const times = Array.from({ length: count }, () => {
    const age = rng.chance(0.5) ? rng.next() : 1 - Math.sqrt(rng.next());
    const day = Math.floor(now / DAY - age * 365) * DAY;
    const t = day + (rng.weighted([7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 19, 20], [3, 9, 12, 11, 8, 6, 9, 10, 9, 7, 5, 3]) - 8 + rng.next()) * HOUR;
    return t < now ? t : t - DAY;
  });
  return times.sort((a, b) => a - b);
}

/** An earlier open need of the same category in the same community, still open when this one is checked. */
function duplicateOf(recent: Map<string, { id: string; number: string; createdAt: number; end: Ending }[]>, d: Draft) {
  const list = recent.get(`${d.community.id}:${d.categoryId}`) ?? [];
  for (let i = list.length - 1; i >= 0 && list[i]!.createdAt > d.createdAt - MERGE_WINDOW; i--) {
    const c = list[i]!;
    if (!terminalStatuses.includes(c.end.status) || c.end.at > d.createdAt + 2 * DAY) return c;
  }
  return undefined;
}

/**
 * Drops per-row foreign-key checks for the rest of the seeding transaction where the role may (the
 * superuser PGlite always runs as; pg_restore --disable-triggers does the same). They are trigger
 * queries, one per row and key, and were most of the insert time; the rows are generated consistent
 * and seed.test checks every reference. Elsewhere the checks simply stay on.
 */
async function skipRowTriggers(tx: Tx): Promise<boolean> {
  const [su] = await queryRows<{ on: boolean }>(tx, sql`SELECT current_setting('is_superuser') = 'on' AS on`);
  if (su?.on) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
  return Boolean(su?.on);
}

export const needsStep: DemoStep = {
  name: 'needs',
  title: '一年的群众需求与订单 | a year of needs and orders',
  async run(ctx) {
    const { tx, plan } = ctx;
    const categories = await demoCategories(ctx);
    const byCode = new Map(categories.map((c) => [c.code, c]));
    const cast = castOf(plan.regions, plan.people);
    const teamsIn = new Map<string, DemoTeam[]>();
    for (const t of plan.teams) teamsIn.set(t.communityId, [...(teamsIn.get(t.communityId) ?? []), t]);
    const out = createSinks(tx);
    const now = ctx.deps.clock.now().getTime();
    const w: World = { rng: streamRng(plan.seed, 'needs'), now, districtId: plan.regions.district.id, cast, people: new Map(plan.people.map((p) => [p.id, p])), teamsIn, load: new Map(), followed: new Set(), maxOpenTasks: ctx.deps.config.maxOpenTasks, deadline: await demoDeadlines(ctx, categories), out };
    const fixedIds = new Set(Object.values(cast.fixed).map((p) => p.id));
    const residents = plan.people.filter((p) => p.roles.includes('resident') && !fixedIds.has(p.id));
    const crowd: Crowd = { residents, elderly: residents.filter((p) => p.birthYear !== null && p.birthYear <= 1966), phones: new Set(plan.people.map((p) => p.phone)) };
    const numbers = new Set<string>();
    const weights = categories.map((c) => topics[c.code]?.weight ?? 1);
    const recent = new Map<string, { id: string; number: string; createdAt: number; end: Ending }[]>();
    const bulkMode = await skipRowTriggers(tx);
    const times = creationTimes(w.rng, plan.sizes.needs - showcaseCount, now);
    for (let i = 0; i < times.length; i++) {
      const d = draftNeed(w, crowd, { id: demoUuid(plan.seed, `need:${i}`), createdAt: times[i]!, category: w.rng.weighted(categories, weights), numbers });
      const dup = duplicateOf(recent, d);
      const end = tell(w, d, randomFate(w.rng, d, dup));
      const key = `${d.community.id}:${d.categoryId}`;
      recent.set(key, [...(recent.get(key) ?? []).slice(-9), { id: d.id, number: d.number, createdAt: d.createdAt, end }]);
      await out.flushIfFull();
    }
    const team = plan.teams.find((t) => t.leaderId === cast.fixed.teamLeader.id)!;
    tellShowcase(w, crowd, { seed: plan.seed, categories: byCode, team, numbers });
    for (const [accountId, open] of w.load) out.load.push({ district_id: w.districtId, account_id: accountId, open_tasks: open });
    await out.flushAll();
    if (bulkMode) await tx.execute(sql`SET LOCAL session_replication_role = origin`);
    return { categories: categories.length, needs: out.needs.written, needEvents: out.events.written, assignments: out.assignments.written, serviceHours: out.hours.written };
  },
};

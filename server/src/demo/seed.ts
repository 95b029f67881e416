import { eq, sql } from 'drizzle-orm';
import type { PlatformDeps } from '../platform/deps.js';
import { accounts } from '../modules/accounts/accounts.table.js';
import { systemSettings } from '../modules/system/system.table.js';
import { hashPassword } from '../platform/auth/password.js';
import { queryRows, type DbOrTx } from '../platform/db/client.js';
import { scaleSizes, type DemoContext, type DemoPlan, type DemoScale, type DemoStep, type DistrictPlan, type HistoryContext, type StepTitle } from './context.js';
import { DEMO_PASSWORD, demoAccountTable } from './fixed-accounts.js';
import { createServices } from '../services.js';
import type { ReplayOptions } from '../modules/ledger/ledger.service.js';
import { tidyAsTheyGrow, tidySeeded } from './history.pace.js';
import { usersFirst } from '../platform/db/users-first.js';
import { accountsStep, planPeople } from './people.demo.js';
import { castOf } from './cast.js';
import { needsStep } from './needs.demo.js';
import { oversightStep } from './oversight.demo.js';
import { whistlesStep } from './whistles.demo.js';
import { activitiesStep } from './activities.demo.js';
import { postsStep } from './posts.demo.js';
import { careStep } from './care.demo.js';
import { activityRecordStep, volunteersStep } from './volunteers.demo.js';
import { mallShelvesStep, mallStep } from './mall.demo.js';
import { partnersStep } from './partners.demo.js';
import { conductStep } from './conduct.demo.js';
import { DEMO_REPLAY_PAGE, ledgerStep, ledgerTotalsStep } from './ledger.demo.js';
import { deadlinesWatchStep } from './deadlines.demo.js';
import { inboxStep } from './inbox.demo.js';
import { provisionStep } from './provision.demo.js';
import { planRegions, regionsStep } from './regions.demo.js';
import { planTeams, teamsStep } from './teams.demo.js';

export type SeedOptions = {
  scale: DemoScale;
  log: (msg: string) => void;
  seed?: number;
  /** Told as each step starts (`done` steps of `total` finished), for the start page's progress. */
  progress?: (done: number, total: number, title: StepTitle) => void;
  /**
   * 'now' (the default): the whole district in one transaction. 'later' (`npm start`): everything but
   * the time bank's history, which `finishDemoHistory` seeds once the app is open.
   */
  history?: 'now' | 'later';
};

export type SeedReport = {
  seeded: boolean;
  /** Why nothing was written, when nothing was. */
  skipped?: 'already_seeded' | 'accounts_exist';
  scale: DemoScale;
  seed: number;
  counts: Record<string, number>;
  timings: { step: string; ms: number }[];
  totalMs: number;
};

/** The marker row in system_settings; its presence means "demo done, never again". */
export const DEMO_MARKER = 'demo.seeded';
export const DEFAULT_DEMO_SEED = 370402;
// Several instances may start at once on one PostgreSQL: one seeds, the others wait, then skip.
const SEED_LOCK = 727466;

/** In order; append a module's step here (parents first: its rows may point at earlier steps' rows). */
export const demoSteps: DemoStep[] = [regionsStep, provisionStep, accountsStep, teamsStep, needsStep, oversightStep, deadlinesWatchStep, inboxStep, whistlesStep, volunteersStep, partnersStep, mallShelvesStep, conductStep, postsStep, careStep, activitiesStep, activityRecordStep, ledgerStep, mallStep, ledgerTotalsStep];

/** The district's regions and sizes alone (context.ts `DistrictPlan`): pure, deterministic, ~10 ms. */
export function planDistrict(scale: DemoScale, seed = DEFAULT_DEMO_SEED): DistrictPlan {
  const sizes = scaleSizes[scale];
  return { scale, seed, sizes, regions: planRegions(seed, sizes) };
}

/** The whole district in memory: pure, deterministic for a given scale and seed. */
export function planDemo(scale: DemoScale, seed = DEFAULT_DEMO_SEED): DemoPlan {
  const district = planDistrict(scale, seed);
  const people = planPeople(seed, district.sizes, district.regions);
  // teams after people: planning them gives their leaders the teamLeader role
  const teams = planTeams(seed, district.sizes.teams, castOf(district.regions, people));
  return { ...district, people, teams };
}

type Marker = {
  scale: DemoScale;
  seed: number;
  counts: Record<string, number>;
  seededAt: string;
  ms: number;
  /** The time bank's history is still to be seeded (`finishDemoHistory`). */
  historyPending?: boolean;
};

async function existing(db: DbOrTx): Promise<'accounts_exist' | Marker | undefined> {
  const [marker] = await db.select().from(systemSettings).where(eq(systemSettings.key, DEMO_MARKER));
  if (marker) return marker.value as Marker;
  const [someone] = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return someone ? 'accounts_exist' : undefined;
}

function warn(log: SeedOptions['log'], plan: Pick<DemoPlan, 'regions'>, headline: string) {
  log(`⚠  ${headline}`);
  log(`⚠  Demo accounts share the PUBLIC password ${DEMO_PASSWORD}. Never expose them: set LIANXIN_DEMO=off and start from an empty database for real use.`);
  for (const line of demoAccountTable(plan.regions)) log(line);
}

/**
 * Seeds the demo district on first start: skipped when the marker is present, or when the accounts
 * table has rows (a real deployment must never get demo people). Everything — regions, accounts,
 * phone directory, every later step and the marker — commits in one transaction or not at all.
 */
export async function seedDemoIfEmpty(deps: PlatformDeps, opts: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const skip = (skipped: SeedReport['skipped'], scale = opts.scale): SeedReport => ({ seeded: false, skipped, scale, seed, counts: {}, timings: [], totalMs: 0 });
  const found = await existing(deps.db);
  if (found === 'accounts_exist') {
    opts.log('demo data: not seeded, the database already has accounts');
    return skip(found);
  }
  if (found) {
    warn(opts.log, { regions: planRegions(found.seed, scaleSizes[found.scale]) }, `Demo district (${found.scale}) present since ${found.seededAt}.`);
    return skip('already_seeded', found.scale);
  }
  opts.log(`⚠  Seeding the DEMO district (scale ${opts.scale}); it comes with demo accounts that have a public password.`);
  const timings: SeedReport['timings'] = [];
  const timed = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    timings.push({ step, ms: Math.round(performance.now() - t0) });
    return result;
  };
  const plan = await timed('plan', () => planDemo(opts.scale, seed));
  const passwordHash = await timed('password hash', () => hashPassword(DEMO_PASSWORD));
  const counts: Record<string, number> = {};
  const later = opts.history === 'later';
  const steps = demoSteps.filter((s) => !(later && s.history));
  const done = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    if ((await existing(tx)) !== undefined) return false; // another instance won the race
    const ctx: DemoContext = { deps, tx, plan, passwordHash, log: opts.log };
    for (const [i, step] of steps.entries()) {
      opts.progress?.(i, steps.length + 1, step.title);
      // the history's pages all go into the seed's one transaction
      Object.assign(counts, await timed(step.name, () => (step.history ? step.run({ ...ctx, inPage: (work) => work(tx) }) : step.run(ctx))));
    }
    const marker: Marker = { scale: opts.scale, seed, counts, seededAt: new Date().toISOString(), ms: Math.round(performance.now() - started), ...(later ? { historyPending: true } : {}) };
    await tx.insert(systemSettings).values({ key: DEMO_MARKER, value: marker });
    return true;
  });
  if (!done) return skip('already_seeded');
  // vacuumed and analysed now, while nobody uses the app yet (history.pace.ts): the last step shown
  opts.progress?.(steps.length, steps.length + 1, '整理数据库 | tidying the database');
  await timed('tidy', () => tidySeeded(deps.database));
  const totalMs = Math.round(performance.now() - started);
  opts.log(`demo district seeded in ${(totalMs / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  warn(opts.log, plan, 'Demo accounts (all in street 1 / community 1):');
  return { seeded: true, scale: opts.scale, seed, counts, timings, totalMs };
}

/** Thrown between two pages of the history when the server is shutting down. */
class HistoryStopped extends Error {}

/**
 * The time bank's history of a district seeded with `history: 'later'`, once the app is open: the
 * year's verified services credited through the ledger's crediting in committed pages, then the rest
 * of the history steps (awards, the mall's redemptions) in pages too — each a short transaction, so
 * people using the app meanwhile wait at most for one page — and the marker last. Every page is
 * once by key (or skips rows already there), so a start cut short here is finished by the next one;
 * instances starting at once take their pages in turn on the seed lock.
 */
export async function finishDemoHistory(
  deps: PlatformDeps,
  opts: Pick<SeedOptions, 'log'> & Pick<ReplayOptions, 'signal' | 'onPage' | 'pageSize'> & { onStepPage?: (page: number) => void | Promise<void> },
): Promise<SeedReport | undefined> {
  const found = await existing(deps.db);
  if (found === undefined || found === 'accounts_exist' || !found.historyPending) return undefined;
  const started = performance.now();
  // the regions alone: the people's plan would hold the event loop for half a second with the app open
  const plan = planDistrict(found.scale, found.seed);
  opts.log(`demo district: crediting the year's service hours to the time bank (the app is open meanwhile)`);
  const timings: SeedReport['timings'] = [];
  const replayStarted = performance.now();
  // users first (embedded: one connection), and fresh planner statistics as the ledger grows (history.pace.ts)
  const users = usersFirst(deps.database);
  const counts: Record<string, number> = {};
  try {
    const stats = tidyAsTheyGrow(deps.database, users.wait, opts.signal);
    await stats.before();
    let shown = performance.now();
    await createServices(deps).ledger.replayServices(plan.regions.district.id, {
      pageSize: opts.pageSize ?? DEMO_REPLAY_PAGE,
      ...(opts.signal ? { signal: opts.signal } : {}),
      onPage: async (p) => {
        await opts.onPage?.(p);
        if (performance.now() - shown >= 10_000) {
          shown = performance.now();
          opts.log(`demo district: time bank: page ${p.page}, ${p.credited} services credited in ${((shown - replayStarted) / 1000).toFixed(0)} s`);
        }
        await stats.after(p.page);
        await users.wait();
      },
    });
    if (opts.signal?.aborted) return undefined; // shutting down: the next start finishes it
    await stats.end();
    timings.push({ step: 'ledger replay', ms: Math.round(performance.now() - replayStarted) });
    let pages = 0;
    const inPage: HistoryContext['inPage'] = async (work) => {
      if (opts.signal?.aborted) throw new HistoryStopped();
      const result = await deps.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
        return work(tx);
      });
      await opts.onStepPage?.(++pages);
      await users.wait();
      return result;
    };
    // every service credited, by this start and by any cut short before it (one earn key each)
    const [{ credited } = { credited: 0 }] = await inPage((tx) => queryRows<{ credited: number }>(tx, sql`SELECT count(*)::int AS credited FROM ledger_transactions WHERE district_id = ${plan.regions.district.id} AND key LIKE 'earn:%'`));
    const ctx: HistoryContext = { deps, plan, passwordHash: '', log: opts.log, credited, inPage };
    for (const step of demoSteps) {
      if (!step.history) continue;
      const t0 = performance.now();
      Object.assign(counts, await step.run(ctx));
      timings.push({ step: step.name, ms: Math.round(performance.now() - t0) });
    }
  } catch (err) {
    if (err instanceof HistoryStopped) return undefined;
    throw err;
  } finally {
    users.stop();
  }
  const done = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const marker = await existing(tx);
    if (marker === undefined || marker === 'accounts_exist' || !marker.historyPending) return false;
    const { historyPending: _, ...rest } = marker;
    await tx.update(systemSettings).set({ value: { ...rest, counts: { ...marker.counts, ...counts } } satisfies Marker }).where(eq(systemSettings.key, DEMO_MARKER));
    return true;
  });
  if (!done) return undefined;
  const totalMs = Math.round(performance.now() - started);
  opts.log(`demo district: time bank history seeded in ${(totalMs / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  return { seeded: true, scale: found.scale, seed: found.seed, counts, timings, totalMs };
}

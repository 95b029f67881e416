import { isStaff } from '../../platform/auth/roles.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { EventBus } from '../../platform/events/outbox.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { accountsError } from '../accounts/accounts.errors.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import { teamsError } from '../teams/teams.errors.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import type { ServiceRecordService } from '../service-record/service-record.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { factsOf, loadNeed, loadNeedWith, type ReadNeed } from './needs.access.js';
import { prepareExport, type ExportQuery } from './needs.export-rows.js';
import { overdueNeeds, type CountedFigures, type FigureQuery, type OverdueQuery } from './needs.figures.js';
import { createFigureCounter } from './needs.figures-kept.js';
import { createScreenCounter } from './needs.screen-kept.js';
import type { ScreenCountsQuery } from './needs.screen.js';
import { createKeptCounts, keptKind, type KeptCounts, type KeptKind } from './needs.kept-counts.js';
import type { ActionInput } from './needs.effects.js';
import { createIntake, type NeedInput } from './needs.intake.js';
import type { NeedAction } from './needs.lifecycle.js';
import { canRevealRequesterPhone } from './needs.policy.js';
import { listNeeds, openTasksOf, type NeedListQuery, type PageRow } from './needs.queries.js';
import { MAX_LIST_PAGES, type KeptPage, type ListPages } from './needs.list-pages.js';
import { todoCounts, type CountedTodos, type CountsQuery } from './needs.counts.js';
import { recipientsFor, type RecipientsQuery } from './needs.recipients.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { applyAction, loadVisible, runAction, type TransitionDeps } from './needs.transitions.js';
import { needsError } from './needs.errors.js';
import { toNeedDetail } from './needs.view.js';
import { deadlineFactsOf } from './needs.deadlines.js';
import { confirmUnrated } from './needs.timers.js';
import { recordOnTimeline, type TimelineEntry } from './needs.timeline.js';
import { handlingOf, moveDeadline, needLabelsOf, type ClockChange } from './needs.handling.js';
import { needSummaries } from './needs.summaries.js';
import { createNeedPageCache, type NeedPageCache } from './needs.page-cache.js';
import { teamHours, teamOrderFacts } from './needs.team-facts.js';
import { serviceTimesOf } from './needs.service-times.js';
import { boardNeeds, isBoardPhoto, setBoardConsent, setBoardWithdrawal, type BoardQuery } from './needs.board.js';

type Deps = PlatformDeps & {
  events: EventBus;
  audit: AuditService;
  accounts: AccountsService;
  regions: RegionsService;
  teams: TeamsService;
  files: FilesService;
  categories: CategoriesService;
  serviceRecord: ServiceRecordService;
  deadlines: DeadlinesService;
};

export function createNeedsService(deps: Deps) {
  const { db } = deps;
  const intake = createIntake(deps);
  const transitionDeps: TransitionDeps = { ...deps, maxOpenTasks: deps.config.maxOpenTasks };
  // what needs' pages read, kept until something changes (on PostgreSQL, listening on the instance's
  // one listening connection): made by the first page asked for, so services built for a script or the demo's seed keep nothing
  let kept: NeedPageCache | undefined;
  const pages = () => (kept ??= createNeedPageCache(deps.database, (msg) => console.warn(`[lianxin] ${msg}`)));
  // a staff ledger's total and the figures page's counts, kept the same way in one cache (needs.kept-counts.ts)
  let keptCounts: KeptCounts | undefined;
  const counts = () => (keptCounts ??= createKeptCounts(deps.database, (msg) => console.warn(`[lianxin] ${msg}`)));
  // each kind made once: the counts under way are its own (keptKind)
  let totalsKept: KeptKind<number> | undefined;
  const totals = () => (totalsKept ??= keptKind<number>(counts(), 'total'));
  let pagesKept: ListPages<PageRow> | undefined;
  const listPages = () => (pagesKept ??= keptKind<KeptPage<PageRow>>(counts(), 'page', { maxEntries: MAX_LIST_PAGES }));
  let todosKept: KeptKind<CountedTodos> | undefined;
  const todos = () => (todosKept ??= keptKind<CountedTodos>(counts(), 'todo'));
  // a district's figures by grid are a row per grid: a few hundred of those at most
  let figuresKept: KeptKind<CountedFigures> | undefined;
  const figures = createFigureCounter(deps, () => (figuresKept ??= keptKind<CountedFigures>(counts(), 'figures', { maxEntries: 200 })));
  const screen = createScreenCounter(deps, counts);

  async function detail(actor: Actor, id: string, read?: Promise<ReadNeed | null>) {
    // the need, its slots, its timeline, its full place and the names they show: one statement, or none
    // (or `read`: the page a transition read back in its transaction)
    const loaded = await loadNeedWith(db, transitionDeps, actor, id, { lock: false, events: true, labels: deps, pages: pages(), read });
    if (!loaded || !loaded.ctx.visible) throw needsError('needs.not_found');
    const { ctx, events, labels, place } = loaded;
    return { place, ...toNeedDetail(actor.accountId, ctx, labels, events, factsOf(ctx), deps.clock.now()) };
  }

  return {
    /** Another module's step on a need's timeline (whistle, report-in, supervision, pause); state unchanged. */
    recordOnTimeline: (actor: Actor, needId: string, entry: TimelineEntry) => recordOnTimeline(db, deps.events, actor, needId, entry),
    /** The caller's relation to a need and its clock (404 when they may not see it); joins the caller's transaction, `lock` to change it. */
    handlingOf: (actor: Actor, needId: string, opts?: { lock?: boolean }) => handlingOf(db, transitionDeps, actor, needId, opts),
    /** Number, title and clock of needs by id, for another module's list of rows it scoped itself. */
    labelsOf: (districtId: string, ids: string[]) => needLabelsOf(db, districtId, ids),
    /** Moves a need's deadline, or pauses / resumes its clock (modules/oversight), in the caller's transaction only. */
    moveDeadline: (districtId: string, needId: string, change: ClockChange) => moveDeadline(districtId, needId, change),
    /** What another module shows of needs it works on (a whistle's item), without scope; joins the caller's transaction. */
    summaries: (districtId: string, ids: readonly string[]) => needSummaries(db, districtId, ids),
    /** Open and closed orders and the average rating per team (modules/teams: its page, and no dissolving with open orders); joins the caller's transaction. */
    teamOrderFacts: (districtId: string, teamIds: readonly string[]) => teamOrderFacts(db, districtId, teamIds),
    /** Confirmed hours served on a team's orders (modules/teams). */
    teamHours: (districtId: string, teamId: string) => teamHours(db, deps.serviceRecord, districtId, teamId),
    /** When volunteers were on site for orders in a period (modules/activities: overlapping hours are flagged). */
    serviceTimesOf: (districtId: string, accountIds: readonly string[], from: Date, to: Date) => serviceTimesOf(db, districtId, accountIds, from, to),
    /** The sweep behind the 3-day confirmation (a job, in its transaction). */
    confirmUnrated: (tx: DbOrTx, districtId: string, now: Date) => confirmUnrated(tx, transitionDeps, districtId, now),
    /** A need's deadline facts for the deadline watch (no scope: the system asks). */
    deadlineFacts: (districtId: string, needId: string) => deadlineFactsOf(db, districtId, needId),
    /** The public board's page of a section (no scope: only consented, shown needs; anonymised). */
    boardNeeds: (q: BoardQuery) => boardNeeds(deps, q),
    /** Whether a photo of a need's completion is one the public board shows. */
    isBoardPhoto: (districtId: string, needId: string, photoId: string) => isBoardPhoto(db, districtId, needId, photoId),
    setBoardConsent: (actor: Actor, needId: string, input: { shown: boolean; photos?: boolean }) => setBoardConsent({ ...transitionDeps, db }, actor, needId, input),
    setBoardWithdrawal: (actor: Actor, needId: string, input: { withdrawn: boolean; reason?: string }) => setBoardWithdrawal({ ...transitionDeps, db }, actor, needId, input),
    create: intake.create,
    /** A need posted through the API, answered with its page as the poster now sees it (read back in its transaction where it can be). */
    async post(actor: Actor, input: NeedInput) {
      const { row, page } = await intake.submit(actor, input, {}, deps);
      return detail(actor, row.id, page);
    },
    similar: intake.similar,
    follow: intake.follow,
    detail,
    /** Settles once needs' pages and the kept counts (ledger totals, to-dos, figures) are kept between requests (PostgreSQL: once this instance listens for changes). */
    keepingPages: () => Promise.all([pages().ready(), counts().ready()]).then(() => undefined),
    close: async () => {
      await Promise.all([kept?.close(), keptCounts?.close()]);
    },
    /** Whether the actor may open this need (its photos follow it). */
    canSee: async (actor: Actor, id: string) => Boolean((await loadNeed(db, transitionDeps, actor, id, false))?.visible),
    list: (actor: Actor, q: NeedListQuery) => listNeeds({ ...deps, totals: totals(), pages: listPages() }, actor, q),
    /** The caller's to-dos per state, due soon and overdue (the workbench, the ledger's tabs): one statement, counted as the list filters. */
    todoCounts: (actor: Actor, q: CountsQuery) => todoCounts({ ...deps, kept: todos() }, actor, q),
    /** The list for the Excel export: counted, capped and audited now, its rows read page by page later. */
    prepareExport: (actor: Actor, q: ExportQuery) => prepareExport(deps, actor, q),
    /** The counts of the figures page (modules/figures): per group and in total, over a subtree the caller holds. */
    figureCounts: (actor: Actor, q: FigureQuery) => figures.count(actor, q),
    /** The big screen's month series (received, completed) and a period's needs per category, over a subtree the caller holds. */
    screenCounts: (actor: Actor, q: ScreenCountsQuery) => screen.counts(actor, q),
    /** Each grid of a subtree the caller holds with its open and overdue needs now, and the subtree's totals (the big screen's map). */
    gridLoads: (actor: Actor, q: { regionPath: string; now: Date }) => screen.grids(actor, q),
    /** Open needs past (or within 24 h of) their deadline in a subtree the caller holds, paged. */
    overdueNeeds: (actor: Actor, q: OverdueQuery) => overdueNeeds(deps, actor, q),

    /**
     * One action on one need, in one transaction; answers with the need as the caller now sees it —
     * or, when the action took it out of their sight (a team declining), just its new state.
     */
    async act(actor: Actor, id: string, action: NeedAction, input: ActionInput) {
      const { status, page } = await runAction(db, transitionDeps, actor, id, action, input, { readBack: deps });
      try {
        return await detail(actor, id, page);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return { id, status, hidden: true as const };
        throw err;
      }
    },

    /** Bulk dispatch from the list: each need in its own transaction, a result per need. */
    async bulk(actor: Actor, ids: string[], action: 'dispatch' | 'pool' | 'accept', input: ActionInput) {
      // what every item would miss is one error on the request, not the same error per item
      if (action === 'dispatch' && !input.teamId) throw needsError('needs.team_required', { field: 'teamId' });
      const results: { id: string; ok: boolean; code?: string }[] = [];
      for (const id of ids) {
        try {
          await db.transaction((tx) => applyAction(tx, transitionDeps, actor, id, action, input, { last: true }));
          results.push({ id, ok: true });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id, ok: false, code: err.code });
        }
      }
      return results;
    },

    /** Who is concerned by an event on a need, by relation (the inbox asks), in the caller's transaction. */
    recipientsFor: (tx: DbOrTx, districtId: string, needId: string, q: RecipientsQuery) => recipientsFor(tx, deps, districtId, needId, q),

    /** The requester's full phone for staff, audited like every reveal. */
    async revealRequesterPhone(actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const ctx = await loadVisible(tx, transitionDeps, actor, id, false);
        if (!canRevealRequesterPhone(ctx.parties)) throw accountsError('accounts.reveal_forbidden');
        await deps.audit.record(actor, { action: 'pii.reveal', objectType: 'need', objectId: id, regionId: ctx.need.regionId, details: { field: 'requesterPhone' } });
        return { value: ctx.need.requesterPhone };
      });
    },

    /** A team's members with their current load: for its leader (assigning) and staff over it; others get a 404. */
    async teamRoster(actor: Actor, teamId: string) {
      // getInScope 404s for staff outside the team's subtree, exactly like a missing team
      if (!(await deps.teams.leads(actor, teamId))) {
        if (!isStaff(actor.roles)) throw teamsError('teams.not_found');
        await deps.teams.getInScope(actor, teamId);
      }
      const ids = await deps.teams.memberIds(actor.districtId, teamId);
      const [people, load] = await Promise.all([deps.accounts.namesOf(actor.districtId, ids), openTasksOf(db, actor.districtId, ids)]);
      return ids.map((id) => ({ id, name: people.get(id)?.name ?? '', phone: maskPhone(people.get(id)?.phone) ?? '', openTasks: load.get(id) ?? 0 }));
    },
  };
}

export type NeedsService = ReturnType<typeof createNeedsService>;
export type { NeedInput };

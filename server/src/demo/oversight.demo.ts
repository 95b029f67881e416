import { sql } from 'drizzle-orm';
import { deadlineRunningStatuses } from '../modules/needs/needs.lifecycle.js';
import { needEvents } from '../modules/needs/needs.table.js';
import { RESUME_JOB } from '../modules/oversight/oversight.changes.js';
import type { AskerRole, ChangeKind, Satisfaction, SupervisionKind } from '../modules/oversight/oversight.policy.js';
import { deadlineChanges, supervisionRecords } from '../modules/oversight/oversight.table.js';
import { createJobEngine } from '../platform/jobs/jobs.js';
import { queryRows } from '../platform/db/client.js';
import { castOf } from './cast.js';
import type { DemoContext, DemoStep } from './context.js';
import { demoUuid } from './identity.js';
import { HOUR, officeTime, staffFor, as, type Who } from './needs.pick.js';
import { keptOverdue } from './needs.showcase.js';
import { pauseReasons, extensionReasons, refusals, approvals, supervisionOutcomes, callbackWords } from './oversight.texts.js';
import { streamRng } from './random.js';
import { shanghaiDay } from '../platform/clock/clock.js';

const DAY = 24 * HOUR;

type NeedRow = { id: string; region_id: string; team_id: string | null; status: string; version: number; round: number; deadline_at: string | Date; window_started_at: string | Date | null; accepted_at: string | Date; last_at: string | Date; rating: number | null; completed_at: string | Date | null };
type Step = { at: number; action: string; who: Who; note: string | null; data: Record<string, unknown> };
type Plan = { need: NeedRow; steps: Step[]; clock?: { deadline_at?: number; window_started_at?: number; paused_at?: number | null } };
type Story = 'pendingExtension' | 'pendingPause' | 'approvedExtension' | 'refused' | 'runningPause' | 'endedPause';

const ms = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());
const iso = (t: number) => new Date(t).toISOString();

/**
 * Oversight on the demo's needs, after their stories: pauses and extensions asked by the handlers —
 * some waiting in the approvers' 待审批 lists (the fixed community admin's and street admin's among
 * them), some approved (deadlines moved, clocks stopped), refused or resumed — supervision (督办) on
 * needs past their deadline, and satisfaction callbacks (回访) after recent completions. Each step is
 * a timeline entry after the need's last one, as the service writes it.
 */
export const oversightStep: DemoStep = {
  name: 'oversight',
  title: '督办 | oversight',
  async run({ deps, tx, plan }: DemoContext) {
    const districtId = plan.regions.district.id;
    const cast = castOf(plan.regions, plan.people);
    const people = new Map(plan.people.map((p) => [p.id, p]));
    const leaders = new Map(plan.teams.map((t) => [t.id, people.get(t.leaderId)!]));
    const rng = streamRng(plan.seed, 'oversight');
    const now = deps.clock.now().getTime();
    const home = cast.regions.communities[0]!.id;
    const running = sql.join(deadlineRunningStatuses.map((s) => sql`${s}`), sql`, `);
    const columns = sql`n.id, n.region_id, n.team_id, n.status, n.version, n.round, n.deadline_at, n.window_started_at, n.accepted_at, n.rating, n.completed_at,
      (SELECT max(e.at) FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id) AS last_at`;
    const open = await queryRows<NeedRow>(tx, sql`SELECT ${columns} FROM needs n WHERE n.district_id = ${districtId} AND n.status IN (${running}) AND n.deadline_at IS NOT NULL ORDER BY n.id`);
    const served = await queryRows<NeedRow>(tx, sql`SELECT ${columns} FROM needs n WHERE n.district_id = ${districtId} AND n.status IN ('completed', 'rated', 'closed') AND n.completed_at > ${iso(now - 60 * DAY)}::timestamptz ORDER BY n.id`);

    const plans: Plan[] = [];
    const changes: (typeof deadlineChanges.$inferInsert)[] = [];
    const records: (typeof supervisionRecords.$inferInsert)[] = [];
    const resumeJobs: { key: string; runAt: Date }[] = [];
    /** A moment in (from, to), in office hours when it fits; null when there is no room. */
    const between = (from: number, to: number): number | null => {
      if (to - from < 20 * 60_000) return null;
      const raw = from + (0.1 + 0.6 * rng.next()) * (to - from);
      const t = officeTime(raw, rng);
      return t < to ? t : raw;
    };

    /** One pause or extension story on an open need, asked by its handler, decided by the level above. */
    function tellChange(need: NeedRow, story: Story): boolean {
      const building = cast.byId.get(need.region_id)!;
      const staff = staffFor(cast, building);
      const leader = need.team_id ? leaders.get(need.team_id) : undefined;
      const asker: Who = leader ? as(leader, 'teamLeader') : staff.admin;
      const approver: Who = leader ? staff.admin : staff.street;
      const kind: ChangeKind = story.endsWith('Extension') || (story === 'refused' && rng.chance(0.5)) ? 'extension' : 'pause';
      const pending = story === 'pendingExtension' || story === 'pendingPause';
      // what still waits was asked lately; what was decided, within a day of asking
      const start = Math.max(ms(need.last_at)!, ms(need.accepted_at)!, pending ? now - 2 * DAY : 0);
      const asked = between(start, now);
      if (asked === null) return false;
      const deadline = ms(need.deadline_at)!;
      const id = demoUuid(plan.seed, `deadlineChange:${need.id}`);
      const reason = rng.pick(kind === 'pause' ? pauseReasons : extensionReasons);
      const newDeadline = kind === 'extension' ? Math.max(deadline, pending ? now : asked) + rng.int(1, 3) * DAY : null;
      const steps: Step[] = [{ at: asked, action: kind === 'pause' ? 'pauseAsk' : 'extendAsk', who: asker, note: reason, data: { changeId: id, ...(newDeadline ? { newDeadline: iso(newDeadline) } : {}) } }];
      const row: typeof deadlineChanges.$inferInsert = { districtId, id, needId: need.id, regionId: need.region_id, kind, state: 'requested', reason, requestedBy: asker.id!, requestedRole: asker.role as AskerRole, requestedAt: new Date(asked), oldDeadline: new Date(deadline), newDeadline: newDeadline ? new Date(newDeadline) : null };
      const p: Plan = { need, steps };
      if (!pending) {
        const decided = between(asked, Math.min(now, asked + DAY));
        if (decided === null) return false;
        const note = story === 'refused' ? rng.pick(refusals) : rng.chance(0.6) ? rng.pick(approvals) : null;
        Object.assign(row, { decidedBy: approver.id, decidedAt: new Date(decided), decisionNote: note });
        if (story === 'refused') {
          row.state = 'refused';
          steps.push({ at: decided, action: kind === 'pause' ? 'pauseRefuse' : 'extendRefuse', who: approver, note, data: { changeId: id } });
        } else if (kind === 'extension') {
          row.state = 'approved';
          steps.push({ at: decided, action: 'extendApprove', who: approver, note, data: { changeId: id, oldDeadline: iso(deadline), deadlineAt: iso(newDeadline!), windowMovedAt: iso(decided) } });
          p.clock = { deadline_at: newDeadline! };
        } else {
          row.state = 'approved';
          row.pausedAt = new Date(decided);
          steps.push({ at: decided, action: 'pauseApprove', who: approver, note, data: { changeId: id, pausedAt: iso(decided) } });
          if (story === 'runningPause') {
            // expected back in a few days: the resume job takes it from there
            row.resumeOn = shanghaiDay(new Date(now + rng.int(2, 6) * DAY));
            resumeJobs.push({ key: id, runAt: new Date(Date.parse(`${row.resumeOn}T00:00:00+08:00`)) });
            p.clock = { paused_at: decided };
          } else {
            const resumed = between(decided, now);
            if (resumed === null) return false;
            const shift = resumed - decided;
            const startedAt = ms(need.window_started_at) ?? ms(need.accepted_at)!;
            Object.assign(row, { state: 'ended', resumedAt: new Date(resumed), resumedBy: asker.id, newDeadline: new Date(deadline + shift) });
            steps.push({ at: resumed, action: 'resume', who: asker, note: null, data: { changeId: id, by: 'handler', pausedMs: shift, oldDeadline: iso(deadline), deadlineAt: iso(deadline + shift), windowMovedAt: iso(resumed) } });
            p.clock = { deadline_at: deadline + shift, window_started_at: startedAt + shift };
          }
        }
      }
      changes.push(row);
      plans.push(p);
      return true;
    }

    /** 督办 on a need (past its deadline, from then): a call, a written reminder or the street on site. */
    function tellSupervision(need: NeedRow, rounds: number, since = ms(need.deadline_at)!): void {
      const building = cast.byId.get(need.region_id)!;
      const staff = staffFor(cast, building);
      const steps: Step[] = [];
      let from = Math.max(ms(need.last_at)!, since);
      for (let i = 0; i < rounds; i++) {
        const at = between(from, now);
        if (at === null) break;
        const kind: SupervisionKind = i === 0 ? rng.weighted(['phoneCallback', 'writtenReminder'] as const, [3, 2]) : rng.weighted(['writtenReminder', 'onSite'] as const, [1, 1]);
        const who = kind === 'onSite' ? staff.street : kind === 'phoneCallback' && rng.chance(0.5) ? staff.grid : staff.admin;
        const outcome = rng.pick(supervisionOutcomes[kind]);
        const recordId = demoUuid(plan.seed, `supervision:${need.id}:${i}`);
        records.push({ districtId, id: recordId, needId: need.id, regionId: need.region_id, round: need.round, kind, happenedOn: shanghaiDay(new Date(at)), outcome, satisfaction: null, recordedBy: who.id!, recordedRole: who.role, recordedAt: new Date(at) });
        steps.push({ at, action: 'supervise', who, note: outcome, data: { recordId, kind, happenedOn: shanghaiDay(new Date(at)) } });
        from = at;
      }
      if (steps.length) plans.push({ need, steps });
    }

    /** 回访 a day or so after the service: the score follows the resident's rating when there is one. */
    function tellCallback(need: NeedRow): void {
      const last = ms(need.last_at)!;
      const at = between(last, Math.min(now, last + 4 * DAY));
      if (at === null) return;
      const staff = staffFor(cast, cast.byId.get(need.region_id)!);
      const who = rng.chance(0.6) ? staff.grid : staff.admin;
      const satisfaction: Satisfaction = need.rating === null ? rng.weighted(['satisfied', 'basicallySatisfied', 'dissatisfied'] as const, [14, 5, 1]) : need.rating >= 4 ? (rng.chance(0.9) ? 'satisfied' : 'basicallySatisfied') : need.rating === 3 ? 'basicallySatisfied' : 'dissatisfied';
      const outcome = rng.pick(callbackWords[satisfaction]);
      const recordId = demoUuid(plan.seed, `callback:${need.id}`);
      records.push({ districtId, id: recordId, needId: need.id, regionId: need.region_id, round: need.round, kind: 'satisfactionCallback', happenedOn: shanghaiDay(new Date(at)), outcome, satisfaction, recordedBy: who.id!, recordedRole: who.role, recordedAt: new Date(at) });
      plans.push({ need, steps: [{ at, action: 'callback', who, note: outcome, data: { recordId, kind: 'satisfactionCallback', happenedOn: shanghaiDay(new Date(at)), satisfaction } }] });
    }

    // the walk-through first: in 文化社区 a request waits for its community admin, another for the street
    const inHome = open.filter((n) => cast.communityOf.get(n.region_id)?.id === home);
    const used = new Set<string>();
    // the showcase's overdue orders stay overdue: the deadline watch shows them whenever the demo is seeded
    const overdue = keptOverdue(plan.seed);
    const tryTell = (need: NeedRow, story: Story) => !used.has(need.id) && !overdue.has(need.id) && tellChange(need, story) && used.add(need.id);
    const tellFirst = (candidates: NeedRow[], story: Story) => candidates.some((n) => tryTell(n, story));
    // the fixed leader's team first: the walk-through signs in as its leader (e2e/oversight.spec.ts) and
    // finds its pending extension and running pause whatever the other teams' needs are that day (by
    // id order alone, another team's need took the pause on some days); then taken or in service: the
    // handler has started and knows why it needs more time
    const leaderTeam = plan.teams.find((t) => t.leaderId === cast.fixed.teamLeader.id)?.id;
    const rank = (n: NeedRow) => (n.team_id === leaderTeam ? 0 : 2) + (['taken', 'claimed', 'in_service'].includes(n.status) ? 0 : 1);
    const withTeam = inHome.filter((n) => n.team_id).sort((a, b) => rank(a) - rank(b));
    tellFirst(withTeam, 'pendingExtension');
    tellFirst(inHome.filter((n) => !n.team_id), 'pendingPause');
    // not on a task the fixed volunteer holds: her task list counts down to its deadlines
    // (e2e/supervision.spec.ts), and a paused clock shows none
    const held = new Set((await queryRows<{ need_id: string }>(tx, sql`SELECT need_id FROM need_assignments WHERE district_id = ${districtId} AND volunteer_id = ${cast.fixed.volunteer.id}`)).map((r) => r.need_id));
    tellFirst(withTeam.filter((n) => !held.has(n.id)), 'runningPause');
    tellFirst(inHome, 'approvedExtension');
    // and a progress call on one more of its open needs, due or not
    const call = inHome.find((n) => !used.has(n.id));
    if (call) {
      used.add(call.id);
      tellSupervision(call, 1, 0);
    }
    const stories: Story[] = ['pendingExtension', 'pendingPause', 'approvedExtension', 'refused', 'runningPause', 'endedPause'];
    for (const need of open) {
      if (used.has(need.id)) continue;
      if (rng.chance(0.14) && tryTell(need, rng.weighted(stories, [3, 2, 4, 2, 2, 2]))) continue;
      if (ms(need.deadline_at)! < now && rng.chance(0.6)) tellSupervision(need, rng.int(1, 2));
    }
    for (const need of served) if (rng.chance(0.3)) tellCallback(need);

    await write(tx, districtId, plans, changes, records);
    const jobs = createJobEngine({ db: deps.db, clock: deps.clock });
    for (const j of resumeJobs) await jobs.schedule(tx, districtId, { name: RESUME_JOB, key: j.key, runAt: j.runAt, payload: { changeId: j.key } });
    return { deadlineChanges: changes.length, supervisionRecords: records.length };
  },
};

/** The rows, the timeline entries after each need's last one, the versions and clocks moved. */
async function write(tx: DemoContext['tx'], districtId: string, plans: Plan[], changes: (typeof deadlineChanges.$inferInsert)[], records: (typeof supervisionRecords.$inferInsert)[]) {
  const events: (typeof needEvents.$inferInsert)[] = [];
  const bumps = new Map<string, number>();
  for (const p of plans) {
    let seq = p.need.version + (bumps.get(p.need.id) ?? 0);
    for (const s of p.steps) {
      seq += 1;
      events.push({ districtId, needId: p.need.id, seq, at: new Date(s.at), action: s.action, fromStatus: p.need.status, toStatus: p.need.status, actorId: s.who.id, actorName: s.who.name, actorRole: s.who.role, note: s.note, data: s.data });
    }
    bumps.set(p.need.id, (bumps.get(p.need.id) ?? 0) + p.steps.length);
  }
  for (let i = 0; i < changes.length; i += 500) await tx.insert(deadlineChanges).values(changes.slice(i, i + 500));
  for (let i = 0; i < records.length; i += 500) await tx.insert(supervisionRecords).values(records.slice(i, i + 500));
  for (let i = 0; i < events.length; i += 500) await tx.insert(needEvents).values(events.slice(i, i + 500));
  const ids = [...bumps.keys()];
  if (ids.length) {
    await tx.execute(sql`UPDATE needs SET version = needs.version + b.k FROM unnest(${sql.raw(`ARRAY[${ids.map((id) => `'${id}'`).join(',')}]::uuid[]`)}, ${sql.raw(`ARRAY[${ids.map((id) => bumps.get(id)).join(',')}]::int[]`)}) AS b(id, k) WHERE needs.district_id = ${districtId} AND needs.id = b.id`);
  }
  for (const p of plans) {
    if (!p.clock) continue;
    const c = p.clock;
    await tx.execute(sql`UPDATE needs SET
      deadline_at = ${c.deadline_at !== undefined ? sql`${iso(c.deadline_at)}::timestamptz` : sql`deadline_at`},
      window_started_at = ${c.window_started_at !== undefined ? sql`${iso(c.window_started_at)}::timestamptz` : sql`window_started_at`},
      paused_at = ${c.paused_at !== undefined && c.paused_at !== null ? sql`${iso(c.paused_at)}::timestamptz` : sql`paused_at`}
      WHERE district_id = ${districtId} AND id = ${p.need.id}`);
  }
}

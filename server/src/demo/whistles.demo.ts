import { and, eq, sql } from 'drizzle-orm';
import { deadlineRunningStatuses } from '../modules/needs/needs.lifecycle.js';
import { units, whistleUnits, whistles } from '../modules/whistles/whistles.table.js';
import type { CallKind } from '../modules/whistles/whistles.policy.js';
import { queryRows, type Tx } from '../platform/db/client.js';
import type { PastMessage } from '../modules/notifications/notifications.past.js';
import { createServices } from '../services.js';
import { castOf } from './cast.js';
import type { DemoStep } from './context.js';
import { fixedAccounts } from './fixed-accounts.js';
import { demoUuid } from './identity.js';
import { readAt } from './inbox.demo.js';
import { as, type Who } from './needs.pick.js';
import { streamRng, type Rng } from './random.js';

/** What each kind of unit did on site, as its part on the timeline. */
const parts: Record<string, string[]> = {
  cityManagement: ['执法队员到场检查，责令当事人限期整改。', '已依法清理违规占道物品，现场恢复通行。'],
  marketRegulation: ['对涉事商户开展检查，督促落实整改。'],
  housing: ['已安排专业人员查勘，制定维修方案并开工。'],
  police: ['民警到场劝导，做好登记并加强夜间巡逻。'],
  emergency: ['排查现场安全隐患，提出整改意见。'],
  property: ['物业已安排人员清理，并加强日常巡查。', '物业疏通管道，修复破损设施。'],
  team: ['志愿者协助宣传劝导，配合清理现场。', '队员入户走访，讲解安全知识。'],
  partner: ['提供清洁用品和饮用水，支援现场处置。'],
};
const summaries = ['多部门联动处置完毕，问题已解决，居民表示满意。', '隐患已消除，街道将持续跟踪回访。'];

const PARTNER = fixedAccounts.find((a) => a.roles.includes('partner'))!;

type Item = { id: string; number: string; region_id: string; team_id: string | null; version: number; last_at: Date; escalate_seq: number | null; escalate_by: string | null; escalate_note: string | null };
type Call = { kind: CallKind; name: string; teamId: string | null; unitId: string | null; code: string; contact: Who | null };

/** The most recent major items still being handled (the showcase's and the random ones), with their last step. */
async function majorItems(tx: Tx, districtId: string, limit: number): Promise<Item[]> {
  const running = sql.join(deadlineRunningStatuses.map((s) => sql`${s}`), sql`, `);
  return queryRows<Item>(tx, sql`
    SELECT n.id, n.number, n.region_id, n.team_id, n.version,
           (SELECT max(e.at) FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id) AS last_at,
           esc.seq AS escalate_seq, esc.actor_id AS escalate_by, esc.note AS escalate_note
    FROM needs n
    LEFT JOIN LATERAL (SELECT seq, actor_id, note FROM need_events e WHERE e.district_id = n.district_id AND e.need_id = n.id AND e.action = 'escalate' ORDER BY seq DESC LIMIT 1) esc ON true
    WHERE n.district_id = ${districtId} AND n.severity = 'major' AND n.status IN (${running})
    ORDER BY n.created_at DESC LIMIT ${limit}`);
}

/**
 * 吹哨报到 on the demo's open major items, so the page is alive on first start: each whistled to its
 * street after its last step so far, units called in (departments, the property company, the team on
 * it, in 文化社区 the partner 鑫源超市), most reported in with their parts recorded, the oldest closed —
 * every step on the need's timeline, times rising to now. Written directly, like the needs' stories.
 */
export const whistlesStep: DemoStep = {
  name: 'whistles',
  title: '吹哨报到 | whistles',
  async run({ tx, plan, deps }) {
    const districtId = plan.regions.district.id;
    const cast = castOf(plan.regions, plan.people);
    const rng = streamRng(plan.seed, 'whistles');
    const partner = plan.people.find((p) => p.phone === PARTNER.phone)!;
    const home = cast.regions.communities[0]!;
    await tx.insert(units).values({ districtId, id: demoUuid(plan.seed, 'unit:partner'), name: partner.name, kind: 'partner', contactAccountId: partner.id, regionId: home.id, sortOrder: 200 });
    const catalogue = await tx.select().from(units).where(and(eq(units.districtId, districtId), eq(units.active, true)));
    const teamNames = new Map(plan.teams.map((t) => [t.id, t]));
    const items = await majorItems(tx, districtId, plan.scale === 'full' ? 8 : 4);
    let calls = 0;
    const told: Told[] = [];
    for (const [i, item] of items.entries()) {
      const building = cast.byId.get(item.region_id)!;
      const street = cast.streetOf.get(building.id)!;
      const streetAdmin = as(cast.staffAt.get(street.id)!, 'streetAdmin');
      const departments = catalogue.filter((u) => u.kind === 'department');
      const chosen: Call[] = [rng.pick(departments), catalogue.find((u) => u.code === 'property')!].map((u) => ({ kind: u.kind, name: u.name, teamId: null, unitId: u.id, code: u.code ?? 'partner', contact: null }));
      const team = item.team_id ? teamNames.get(item.team_id) : undefined;
      if (team) chosen.push({ kind: 'team', name: team.name, teamId: team.id, unitId: null, code: 'team', contact: as(plan.people.find((p) => p.id === team.leaderId)!, 'teamLeader') });
      if (cast.communityOf.get(building.id)!.id === home.id) chosen.push({ kind: 'partner', name: partner.name, teamId: null, unitId: demoUuid(plan.seed, 'unit:partner'), code: 'partner', contact: as(partner, 'unit') });
      const admins = plan.people.filter((p) => p.regionId === street.id && p.roles.includes('streetAdmin')).map((p) => p.id);
      calls += await tellWhistle(tx, rng, { districtId, seed: plan.seed, now: deps.clock.now().getTime(), item, street, streetAdmin, admins, calls: chosen, stage: i % 4, told });
    }
    // what the whistles module told people at each step (whistles.open.ts, whistles.calls.ts), read or not
    // as the orders' messages are, by a stream of its own: the whistles' own draws stay as they were
    const reading = streamRng(plan.seed, 'whistles-inbox');
    const now = deps.clock.now().getTime();
    const messages = told.map((m): PastMessage => ({ ...m, readAt: readAt(reading, m.at.getTime(), now) }));
    await createServices(deps).notifications.recordPast(tx, districtId, messages);
    return { whistles: items.length, whistleCalls: calls, whistleMessages: messages.length };
  },
};

/** A message the whistles module sent at a step, as `notify` was given it. */
type Told = Omit<PastMessage, 'readAt'>;
type Story = { districtId: string; seed: number; now: number; item: Item; street: { id: string; name: string }; streetAdmin: Who; admins: string[]; calls: Call[]; stage: number; told: Told[] };

/**
 * One whistle, from the item's last step to now. `stage` says how far it has gone: 0 closed, 1 every
 * unit done, 2 reported in with some parts, 3 just called in.
 */
async function tellWhistle(tx: Tx, rng: Rng, s: Story): Promise<number> {
  const { item, districtId } = s;
  const start = new Date(item.last_at).getTime();
  const span = s.now - start;
  let seq = item.version;
  let at = start;
  const events: Record<string, unknown>[] = [];
  const step = (share: number, by: Who | null, role: string, action: string, note: string | null, data: Record<string, unknown>) => {
    // the shares add up to less than the whole span (five calls at most): the last step is before now
    at += span * share * (0.6 + rng.next() * 0.4);
    events.push({ district_id: districtId, need_id: item.id, seq: ++seq, at: new Date(at).toISOString(), action, actor_id: by?.id ?? null, actor_name: by?.name ?? null, actor_role: role, note, data });
    return new Date(at);
  };
  const whistleId = demoUuid(s.seed, `whistle:${item.id}`);
  const source = item.escalate_seq === null ? 'major' : 'escalate';
  const openedAt = step(0.05, null, 'system', 'whistle', s.street.name, { whistleId, streetId: s.street.id, streetName: s.street.name, source });
  const calledAt = step(0.1, s.streetAdmin, 'streetAdmin', 'callIn', s.calls.map((c) => c.name).join('、'), { whistleId });
  const rows = s.calls.map((c, i) => ({ districtId, id: demoUuid(s.seed, `whistle-call:${item.id}:${i}`), whistleId, teamId: c.teamId, unitId: c.unitId, kind: c.kind, name: c.name, contactId: c.contact?.id ?? null, calledAt, calledBy: s.streetAdmin.id!, state: 'called' as 'called' | 'reported' | 'done', reportedAt: null as Date | null, reportedBy: null as string | null, part: null as string | null, partAt: null as Date | null, partBy: null as string | null }));
  rows.forEach((row, i) => {
    if (s.stage === 3 || (s.stage === 2 && i === rows.length - 1)) return;
    const by = s.calls[i]!.contact ?? s.streetAdmin;
    Object.assign(row, { state: 'reported', reportedAt: step(0.08, by, by.role, 'reportIn', row.name, { whistleId, callId: row.id, unitName: row.name }), reportedBy: by.id });
  });
  rows.forEach((row, i) => {
    if (row.state !== 'reported' || (s.stage === 2 && i > 0)) return;
    const by = s.calls[i]!.contact ?? s.streetAdmin;
    const part = rng.pick(parts[s.calls[i]!.code] ?? parts.partner!);
    Object.assign(row, { state: 'done', part, partAt: step(0.1, by, by.role, 'unitPart', part, { whistleId, callId: row.id, unitName: row.name, photos: 0 }), partBy: by.id });
  });
  const summary = s.stage === 0 ? rng.pick(summaries) : null;
  const closedAt = summary ? step(0.1, s.streetAdmin, 'streetAdmin', 'whistleClose', summary, { whistleId }) : null;
  const subject = { type: 'whistle' as const, id: whistleId, label: item.number };
  const tell = (key: string, type: string, recipients: (string | null | undefined)[], at: Date, params?: Record<string, string>) => {
    const to = recipients.filter((r): r is string => Boolean(r));
    if (to.length) s.told.push({ key, type, recipients: to, subject, at, ...(params ? { params } : {}) });
  };
  tell(`whistle:${whistleId}:opened`, 'whistle.opened', s.admins, openedAt);
  rows.forEach((row, i) => {
    const contact = s.calls[i]!.contact;
    tell(`whistle-call:${row.id}`, 'whistle.called', [contact?.id], calledAt, { unitName: row.name, streetName: s.street.name });
    // the street admin reports in for a unit without a contact: no one to tell then
    if (row.reportedAt && row.reportedBy !== row.calledBy) tell(`whistle-report:${row.id}`, 'whistle.reported', [row.calledBy], row.reportedAt, { unitName: row.name });
  });
  if (closedAt) tell(`whistle:${whistleId}:closed`, 'whistle.closed', rows.map((r) => r.contactId).filter((id) => id !== s.streetAdmin.id), closedAt);
  await tx.insert(whistles).values({
    districtId, id: whistleId, needId: item.id, streetId: s.street.id, regionId: item.region_id, source, sourceKey: source === 'major' ? `accept:${item.id}` : `escalate:${item.id}:${item.escalate_seq}`,
    openedBy: source === 'escalate' ? item.escalate_by : null, reason: item.escalate_note, state: summary ? 'closed' : 'open', openedAt, closedAt, closedBy: summary ? s.streetAdmin.id : null, summary,
  });
  await tx.insert(whistleUnits).values(rows);
  // the need's own steps keep their state: from and to are the state it is in
  await tx.execute(sql`INSERT INTO need_events (district_id, need_id, seq, at, action, from_status, to_status, actor_id, actor_name, actor_role, note, data)
    SELECT e.district_id, e.need_id, e.seq, e.at, e.action, n.status, n.status, e.actor_id, e.actor_name, e.actor_role, e.note, e.data
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e(district_id uuid, need_id uuid, seq int, at timestamptz, action text, actor_id uuid, actor_name text, actor_role text, note text, data jsonb)
    JOIN needs n ON n.district_id = e.district_id AND n.id = e.need_id`);
  await tx.execute(sql`UPDATE needs SET version = ${seq} WHERE district_id = ${districtId} AND id = ${item.id}`);
  return rows.length;
}

import { sql } from 'drizzle-orm';
import { arrayOf } from '../platform/db/arrays.js';
import { queryRows, type Tx } from '../platform/db/client.js';
import type { NeedRecipients } from '../modules/needs/needs.recipients.js';
import type { PastMessage } from '../modules/notifications/notifications.past.js';
import { createServices } from '../services.js';
import type { DemoStep } from './context.js';
import { HOUR } from './needs.pick.js';
import { streamRng, type Rng } from './random.js';

const DAY = 24 * HOUR;
/**
 * How far back the inboxes go: the recent part of the year's history, what a person still scrolls
 * through. It is the step's cost on the first start: ~13,700 messages for a week, ~2.5 s of the
 * embedded database and the event loop; two weeks were twice that (measured on the full demo).
 */
export const INBOX_DAYS = 7;
/** Messages younger than this are mostly unread; older ones were read, a few hours after they came. */
const FRESH = 2 * DAY;

type EventRow = {
  needId: string; seq: number; at: Date | string; action: string; from: string | null; to: string; actorId: string | null; data: Record<string, unknown> | null;
  number: string; title: string; requesterId: string | null; path: string;
};
/** An event with the need as it was then: the round it belongs to and the team it was with. */
type Event = EventRow & { round: number; teamId: string | null };
type Staff = { id: string; roles: string[]; regionId: string };

/**
 * The inboxes' recent history: the messages the order subscriber (modules/notifications) would have
 * written for the last week of the year's orders, at their real times, the older ones read. The
 * needs step writes the timeline without delivering its domain events, so without this the inboxes
 * held only deadline warnings. Who hears what and the words are the notifications module's own
 * (`needMessages`: its rules, `needTitle`); the people are worked out as the needs service answers
 * the subscriber (needs.recipients.ts), from the need as it was at the event: its team then, the
 * slots of its round then. Read in five statements and written in bulk (`recordPast`).
 */
export const inboxStep: DemoStep = {
  name: 'inbox',
  title: '站内消息 | the inboxes',
  async run({ deps, tx, plan }) {
    const districtId = plan.regions.district.id;
    const notifications = createServices(deps).notifications;
    const now = deps.clock.now().getTime();
    const events = await recentEvents(tx, districtId, new Date(now - INBOX_DAYS * DAY), notifications.needEventTypes.map((t) => t.slice('needs.'.length)));
    const people = await peopleOf(tx, districtId, [...new Set(events.map((e) => e.needId))]);
    // a stream of its own: the other steps' draws stay as they were
    const rng = streamRng(plan.seed, 'inbox');
    const messages = events.flatMap((e): PastMessage[] => {
      const at = new Date(e.at);
      const event = { type: `needs.${e.action}`, actorId: e.actorId, payload: { number: e.number, from: e.from, to: e.to, seq: e.seq, round: e.round, ...(e.data ?? {}) } };
      return notifications.needMessages(event, { type: 'need', id: e.needId, label: e.number }, people.at(e)).map((m) => ({ ...m, key: `need:${e.needId}:${e.seq}`, at, readAt: readAt(rng, at.getTime(), now) }));
    });
    return { inboxMessages: await notifications.recordPast(tx, districtId, messages) };
  },
};

/** Read a few hours after it came, once it is older than two days (one in ten still waits); the fresh ones one in four. */
export function readAt(rng: Rng, at: number, now: number): Date | null {
  const read = at < now - FRESH ? rng.chance(0.9) : rng.chance(0.25);
  const when = at + (0.2 + rng.next() * 10) * HOUR;
  return read && when < now ? new Date(when) : null;
}

/**
 * The order events since `since` that tell someone, with what the subscriber's payload carried (the
 * timeline's data), each with the round it belongs to (1 + the reopenings before it) and the team the
 * need was with (the last dispatch or ruling, none after a decline). One statement: the needs touched
 * since (a need's updated_at is its last step's time, needs.write.ts) and their timelines, the earlier
 * steps that set the round and the team included.
 */
async function recentEvents(tx: Tx, districtId: string, since: Date, actions: string[]): Promise<Event[]> {
  const after = sql`${since.toISOString()}::timestamptz`;
  const told = sql`e.at > ${after} AND e.action = ANY(${arrayOf(actions, 'text')})`;
  const rows = await queryRows<EventRow & { told: boolean }>(tx, sql`
    WITH touched AS (SELECT n.id, n.number, n.title, n.requester_id, r.path FROM needs n JOIN regions r ON r.id = n.region_id WHERE n.district_id = ${districtId} AND n.updated_at > ${after})
    SELECT e.need_id AS "needId", e.seq, e.at, e.action, e.from_status AS "from", e.to_status AS "to", e.actor_id AS "actorId",
      CASE WHEN ${told} THEN e.data WHEN e.action IN ('dispatch', 'rule') THEN jsonb_build_object('teamId', e.data->'teamId') END AS data,
      t.number, t.title, t.requester_id AS "requesterId", t.path, ${told} AS told
    FROM touched t
    JOIN need_events e ON e.district_id = ${districtId} AND e.need_id = t.id
    WHERE ${told} OR e.action IN ('reopen', 'dispatch', 'rule', 'decline')
    ORDER BY e.need_id, e.seq`);
  const events: Event[] = [];
  let [needId, round, teamId] = ['', 1, null as string | null];
  for (const { told, ...e } of rows) {
    if (e.needId !== needId) [needId, round, teamId] = [e.needId, 1, null];
    if (e.action === 'dispatch' || e.action === 'rule') teamId = typeof e.data?.teamId === 'string' ? e.data.teamId : null;
    if (e.action === 'decline') teamId = null;
    if (told) events.push({ ...e, round, teamId });
    // the reopening's own event belongs to the round it ends
    if (e.action === 'reopen') round++;
  }
  const order = (e: Event) => `${new Date(e.at).toISOString()} ${e.needId} ${String(e.seq).padStart(6, '0')}`;
  return events.map((e) => [order(e), e] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

/** Who is who for each event, as needs.recipients.ts answers it: read once for all the needs. */
async function peopleOf(tx: Tx, districtId: string, needIds: string[]) {
  const [slots, leaders, staff, levels] = [
    await queryRows<{ needId: string; round: number; ids: string[] }>(tx, sql`
      SELECT need_id AS "needId", round, array_agg(DISTINCT volunteer_id) AS ids FROM need_assignments
      WHERE district_id = ${districtId} AND need_id = ANY(${arrayOf(needIds, 'uuid')}) GROUP BY need_id, round`),
    await queryRows<{ id: string; leaderId: string }>(tx, sql`SELECT id, leader_id AS "leaderId" FROM teams WHERE district_id = ${districtId}`),
    await queryRows<Staff>(tx, sql`
      SELECT a.id, a.roles, a.region_id AS "regionId" FROM accounts a
      WHERE a.district_id = ${districtId} AND a.status = 'active' AND a.roles && ARRAY['communityAdmin', 'gridWorker', 'streetAdmin']::text[]`),
    await queryRows<{ id: string; type: string }>(tx, sql`SELECT id, type FROM regions WHERE district_id = ${districtId} AND type IN ('street', 'community')`),
  ];
  const volunteers = new Map(slots.map((s) => [`${s.needId}:${s.round}`, s.ids]));
  const leaderOf = new Map(leaders.map((t) => [t.id, t.leaderId]));
  const levelOf = new Map(levels.map((l) => [l.id, l.type]));
  const staffAt = new Map<string, Staff[]>();
  for (const s of staff) staffAt.set(s.regionId, [...(staffAt.get(s.regionId) ?? []), s]);
  // staff over the need within its community (or street): bound to a node of the need's path from that
  // level down (accounts.staffAlong; a need outside any such level: its own node alone, as there)
  const along = (path: string, level: string, roles: readonly string[]) => {
    const ids = path.split('/').filter(Boolean);
    const top = ids.findIndex((id) => levelOf.get(id) === level);
    return ids.slice(top < 0 ? ids.length - 1 : top).flatMap((id) => (staffAt.get(id) ?? []).filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => s.id));
  };
  return {
    at: (e: Event): NeedRecipients => ({
      title: e.title,
      requester: e.requesterId ? [e.requesterId] : [],
      teamLeader: e.teamId && leaderOf.has(e.teamId) ? [leaderOf.get(e.teamId)!] : [],
      volunteers: volunteers.get(`${e.needId}:${e.round}`) ?? [],
      communityStaff: along(e.path, 'community', ['communityAdmin', 'gridWorker']),
      streetStaff: along(e.path, 'street', ['streetAdmin']),
    }),
  };
}

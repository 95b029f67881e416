import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { roleRank } from '../../platform/auth/roles.js';
import { inScope, regionInScope, regionWithin } from '../../platform/scope/scope.js';
import type { ConductDeps } from './conduct.deps.js';
import type { IncidentStatus } from './conduct.policy.js';
import { entriesById, loadIncident } from './conduct.rows.js';
import { conductFacts, conductIncidents, conductReviews, type IncidentRow } from './conduct.table.js';
import { incidentView, type IncidentView } from './conduct.view.js';

export type IncidentQuery = { communityId?: string; status?: IncidentStatus; entryId?: string; accountId?: string; decidable?: boolean; page: number; pageSize: number };

/** Incidents, facts and reviews as staff and the volunteer read them. */
export function conductRead(deps: ConductDeps) {
  const { db } = deps;

  async function views(actor: Actor, rows: IncidentRow[]): Promise<IncidentView[]> {
    const entries = await entriesById(db, actor.districtId, rows.map((r) => r.entryId));
    const ids = rows.flatMap((r) => [r.accountId, r.recordedBy, ...(r.decidedBy ? [r.decidedBy] : [])]);
    const names = await deps.accounts.namesOf(actor.districtId, [...new Set(ids)]);
    const people = await deps.accounts.peopleOf(actor.districtId, [...new Set(rows.map((r) => r.accountId))]);
    const homes = new Map([...people].map(([id, p]) => [id, p.regionName]));
    return rows.map((r) => incidentView(actor, r, entries.get(r.entryId), names, homes));
  }

  /** Appeals this actor may decide: above the recorder (the district admin: all). */
  const decidableBy = (actor: Actor): SQL | undefined =>
    actor.roles.includes('districtAdmin') ? undefined : actor.roles.includes('streetAdmin') ? lt(conductIncidents.recorderRank, roleRank.streetAdmin) : sql`false`;

  async function factsOf(districtId: string, accountId: string) {
    const rows = await db.select().from(conductFacts).where(and(eq(conductFacts.districtId, districtId), eq(conductFacts.accountId, accountId))).orderBy(desc(conductFacts.occurredAt)).limit(100);
    return rows.map((f) => ({ id: f.id, kind: f.kind, activityId: f.activityId, occurredAt: f.occurredAt.toISOString() }));
  }

  async function incidentsOf(actor: Actor, accountId: string) {
    const rows = await db.select().from(conductIncidents).where(and(eq(conductIncidents.districtId, actor.districtId), eq(conductIncidents.accountId, accountId))).orderBy(desc(conductIncidents.recordedAt)).limit(200);
    return views(actor, rows);
  }

  return {
    async list(actor: Actor, q: IncidentQuery) {
      const community = q.communityId ? await regionInScope(db, actor, q.communityId) : null;
      const where = and(
        inScope(actor, conductIncidents),
        community ? regionWithin(conductIncidents.regionId, community.path) : undefined,
        q.status ? eq(conductIncidents.status, q.status) : undefined,
        q.entryId ? eq(conductIncidents.entryId, q.entryId) : undefined,
        q.accountId ? eq(conductIncidents.accountId, q.accountId) : undefined,
        q.decidable ? and(eq(conductIncidents.status, 'appealing'), decidableBy(actor), sql`${conductIncidents.accountId} <> ${actor.accountId}`) : undefined,
      );
      const rows = await db.select().from(conductIncidents).where(where).orderBy(desc(conductIncidents.recordedAt), desc(conductIncidents.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(conductIncidents).where(where);
      return { items: await views(actor, rows), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    async detail(actor: Actor, id: string): Promise<IncidentView> {
      const [view] = await views(actor, [await loadIncident(db, actor, id)]);
      return view!;
    },

    /** Whether the actor may see an incident (its photos follow it). */
    async canSee(actor: Actor, id: string): Promise<boolean> {
      return Boolean(await loadIncident(db, actor, id).catch(() => null));
    },

    /** 我的言行记录: the volunteer's own incidents and the facts recorded from activities. */
    async mine(actor: Actor) {
      return { incidents: await incidentsOf(actor, actor.accountId), facts: await factsOf(actor.districtId, actor.accountId) };
    },

    /** A volunteer's conduct page for staff over their home (the registry's scope: 404 outside). */
    async ofVolunteer(actor: Actor, accountId: string) {
      const volunteer = await deps.volunteers.detail(actor, accountId);
      const [review] = await db.select().from(conductReviews).where(and(eq(conductReviews.districtId, actor.districtId), eq(conductReviews.accountId, accountId), eq(conductReviews.state, 'open')));
      return {
        volunteer: { id: volunteer.id, name: volunteer.name, number: volunteer.number, status: volunteer.status, statusReason: volunteer.statusReason, communityName: volunteer.communityName },
        incidents: await incidentsOf(actor, accountId),
        facts: await factsOf(actor.districtId, accountId),
        openReview: review ? { id: review.id, noShows: review.noShows, raisedAt: review.raisedAt.toISOString() } : null,
      };
    },
  };
}

import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { adminRoles, isStaff } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { inScope, regionInScope } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { ActivityAccess, ActivityRow } from './activities.access.js';
import type { ActivitiesDeps } from './activities.deps.js';
import type { ActivityStatus, SignupStatus } from './activities.policy.js';
import { activities, activitySignups } from './activities.table.js';

export type ListQuery = { status?: ActivityStatus; regionId?: string; teamId?: string; from?: string; to?: string; mine?: boolean; hoursPending?: boolean; q?: string; page: number; pageSize: number };

const waiting = (activityId: SQL | typeof activities.id) =>
  sql<number>`(SELECT count(*)::int FROM ${activitySignups} w WHERE w.district_id = ${activities.districtId} AND w.activity_id = ${activityId} AND w.status = 'waitlisted')`;

const pendingHours = sql<number>`(SELECT count(*)::int FROM ${activitySignups} h WHERE h.district_id = ${activities.districtId} AND h.activity_id = ${activities.id} AND h.hours_status = 'pending')`;

/**
 * The place on the waitlist of a sign-up: those waiting before it, plus one. Written with the table's
 * name spelled out: drizzle leaves column names unqualified in a one-table select, which the inner
 * `p` would capture.
 */
export const positionSql = sql<number | null>`CASE WHEN "activity_signups"."status" = 'waitlisted' THEN (SELECT count(*)::int FROM ${activitySignups} p WHERE p.district_id = "activity_signups"."district_id" AND p.activity_id = "activity_signups"."activity_id" AND p.status = 'waitlisted' AND p.wait_seq <= "activity_signups"."wait_seq") END`;

/** Lists and the detail of activities, as the caller may see them (activities.access.ts). */
export function activityReads(deps: ActivitiesDeps, access: ActivityAccess) {
  const { db } = deps;

  const columns = () => ({
    row: activities,
    regionName: regions.name,
    waitlistCount: waiting(activities.id),
    pendingHours,
    myStatus: activitySignups.status,
    myPosition: positionSql,
    myIn: activitySignups.checkedInAt,
    myOut: activitySignups.checkedOutAt,
  });

  const base = (q: DbOrTx, actor: Actor) =>
    q
      .select(columns())
      .from(activities)
      .innerJoin(regions, eq(regions.id, activities.regionId))
      .leftJoin(activitySignups, and(eq(activitySignups.districtId, activities.districtId), eq(activitySignups.activityId, activities.id), eq(activitySignups.accountId, actor.accountId)));

  type Joined = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

  async function shape(actor: Actor, rows: Joined[], organises: (row: ActivityRow) => boolean) {
    const teamIds = [...new Set(rows.map((r) => r.row.teamId).filter((id): id is string => id !== null))];
    const teamNames = await deps.teams.namesOf(actor.districtId, teamIds);
    return rows.map((r) => view(r, organises(r.row), teamNames));
  }

  function view(r: Joined, canManage: boolean, teamNames: Map<string, string>) {
    const a = r.row;
    return {
      id: a.id,
      seriesId: a.seriesId,
      title: a.title,
      description: a.description,
      categoryCode: a.categoryCode,
      place: a.place,
      lat: a.lat,
      lng: a.lng,
      radiusM: a.radiusM,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      capacity: a.capacity,
      signedCount: a.signedCount,
      waitlistCount: r.waitlistCount,
      themed: a.themed,
      status: a.status,
      cancelReason: a.cancelReason,
      regionId: a.regionId,
      regionName: r.regionName,
      organiser: a.teamId ? { kind: 'team' as const, id: a.teamId, name: teamNames.get(a.teamId) ?? '' } : { kind: 'community' as const, id: a.regionId, name: r.regionName },
      canManage,
      pendingHours: canManage ? r.pendingHours : 0,
      me:
        r.myStatus === null
          ? null
          : { status: r.myStatus as SignupStatus, position: r.myPosition, checkedInAt: r.myIn?.toISOString() ?? null, checkedOutAt: r.myOut?.toISOString() ?? null },
    };
  }

  return {
    async detail(actor: Actor, id: string) {
      const loaded = await access.load(db, actor, id);
      const [row] = await base(db, actor).where(and(eq(activities.districtId, actor.districtId), eq(activities.id, id)));
      return (await shape(actor, [row!], () => loaded.organiser))[0]!;
    },

    /**
     * Staff: activities in their subtree. A team leader also those of their teams. Anyone else: the
     * published ones of their community and above it; `mine`: those I signed up for.
     */
    async list(actor: Actor, q: ListQuery) {
      const staff = isStaff(actor.roles);
      const led = actor.roles.includes('teamLeader') ? (await deps.teams.ledBy(actor)).map((t) => t.id) : [];
      const visible: SQL[] = [];
      if (staff) visible.push(inScope(actor, activities));
      if (led.length) visible.push(and(eq(activities.districtId, actor.districtId), inArray(activities.teamId, led))!);
      if (!staff) visible.push(access.publicFor(actor, await access.homeOf(actor)));
      const region = q.regionId ? await regionInScope(db, actor, q.regionId).catch(() => null) : null;
      const where = and(
        eq(activities.districtId, actor.districtId),
        or(...visible),
        q.status ? eq(activities.status, q.status) : undefined,
        q.regionId ? (region ? sql`${regions.path} LIKE ${`${region.path}%`}` : sql`false`) : undefined,
        q.teamId ? eq(activities.teamId, q.teamId) : undefined,
        q.from ? gte(activities.startsAt, new Date(q.from)) : undefined,
        q.to ? lte(activities.startsAt, new Date(q.to)) : undefined,
        q.mine ? sql`${activitySignups.status} IN ('signed', 'waitlisted')` : undefined,
        // the organiser's queue: activities with hours waiting for a decision (staff see their subtree's, a leader their teams')
        q.hoursPending ? sql`${pendingHours} > 0` : undefined,
        q.q ? ilike(activities.title, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
      );
      const upcomingFirst = q.from !== undefined || q.mine;
      const [rows, [total]] = await Promise.all([
        base(db, actor)
          .where(where)
          .orderBy(upcomingFirst ? asc(activities.startsAt) : desc(activities.startsAt), asc(activities.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(activities)
          .innerJoin(regions, eq(regions.id, activities.regionId))
          .leftJoin(activitySignups, and(eq(activitySignups.districtId, activities.districtId), eq(activitySignups.activityId, activities.id), eq(activitySignups.accountId, actor.accountId)))
          .where(where),
      ]);
      const isAdmin = actor.roles.some((r) => r !== 'system' && adminRoles.includes(r));
      const admin = (path: string) => isAdmin && path.startsWith(actor.regionPath);
      const paths = new Map((await pathsOf(rows.map((r) => r.row.regionId))).map((p) => [p.id, p.path]));
      const items = await shape(actor, rows, (row) => admin(paths.get(row.regionId) ?? '') || (row.teamId !== null && led.includes(row.teamId)));
      return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },
  };

  async function pathsOf(ids: string[]) {
    if (ids.length === 0) return [];
    return db.select({ id: regions.id, path: regions.path }).from(regions).where(inArray(regions.id, [...new Set(ids)]));
  }
}

import { and, asc, count, eq, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import { placeText } from '../../platform/scope/place.js';
import { regions } from '../../platform/scope/regions.table.js';
import { regionInScope, regionWithin } from '../../platform/scope/scope.js';
import type { CareDeps } from './care.deps.js';
import { careError } from './care.errors.js';
import { defaultCallName, type Condition } from './care.policy.js';
import { carePairings, carePlans, careRecipients } from './care.table.js';
import type { careTypesCatalogue } from './care.types.js';

export type RecipientFilters = { regionId?: string; typeCode?: string; status?: 'active' | 'archived'; condition?: Condition; notVisitedDays?: number; q?: string };
export type RecipientQuery = RecipientFilters & { page: number; pageSize: number };

type Named = { code: string; name: string; nameEn: string };
/** A row of the list (and of the workbook): phones masked as on screen. */
export type RecipientItem = {
  id: string; name: string; callName: string; gender: 'male' | 'female' | null; birthYear: number | null; types: Named[]; place: { id: string; name: string; text: string }; address: string;
  paired: number; pairedNames: string[]; activePlans: number; status: 'active' | 'archived'; lastVisitAt: string | null; lastCondition: Condition | null;
  phone: string | null; guardian: { name: string; relation: string; phone: string | null } | null; needs: string;
};

const like = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/** Staff's list of the people under care in their subtree (and its Excel pages): one query builder for both. */
export function careList(deps: CareDeps, types: ReturnType<typeof careTypesCatalogue>) {
  const { db } = deps;

  async function conditions(actor: Actor, q: RecipientFilters): Promise<SQL> {
    if (!isStaff(actor.roles)) throw careError('care.forbidden');
    const within = q.regionId ? (await regionInScope(db, actor, q.regionId)).path : actor.regionPath;
    const since = q.notVisitedDays ? new Date(deps.clock.now().getTime() - q.notVisitedDays * 86_400_000) : undefined;
    const text = q.q?.trim();
    return and(
      eq(careRecipients.districtId, actor.districtId),
      regionWithin(careRecipients.regionId, within),
      eq(careRecipients.status, q.status ?? 'active'),
      q.typeCode ? sql`${q.typeCode} = ANY(${careRecipients.typeCodes})` : undefined,
      q.condition ? eq(careRecipients.lastCondition, q.condition) : undefined,
      since ? or(isNull(careRecipients.lastVisitAt), lt(careRecipients.lastVisitAt, since)) : undefined,
      text ? or(ilike(careRecipients.name, like(text)), ilike(careRecipients.callName, like(text))) : undefined,
    )!;
  }

  async function rows(actor: Actor, where: SQL, limit: number, offset: number): Promise<RecipientItem[]> {
    const found = await db
      .select({
        row: careRecipients, place: regions.place, placeName: regions.name,
        paired: sql<string[]>`ARRAY(SELECT a.name FROM ${carePairings} p JOIN accounts a ON a.district_id = p.district_id AND a.id = p.volunteer_id WHERE p.district_id = ${careRecipients.districtId} AND p.recipient_id = ${careRecipients.id} ORDER BY p.paired_at)`,
        plans: sql<number>`(SELECT count(*)::int FROM ${carePlans} p WHERE p.district_id = ${careRecipients.districtId} AND p.recipient_id = ${careRecipients.id} AND p.active)`,
      })
      .from(careRecipients)
      .innerJoin(regions, and(eq(regions.districtId, careRecipients.districtId), eq(regions.id, careRecipients.regionId)))
      .where(where)
      // those not seen for longest first: who to visit next
      .orderBy(sql`${careRecipients.lastVisitAt} ASC NULLS FIRST`, asc(careRecipients.name), asc(careRecipients.id))
      .limit(limit)
      .offset(offset);
    const names = await types.names(actor.districtId);
    return found.map(({ row, place, placeName, paired, plans }) => ({
      id: row.id, name: row.name, callName: row.callName ?? defaultCallName(row.name), gender: row.gender ?? null, birthYear: row.birthYear,
      types: row.typeCodes.map((code) => ({ code, name: names.get(code)?.name ?? code, nameEn: names.get(code)?.nameEn ?? code })),
      place: { id: row.regionId, name: placeName, text: placeText(place, placeName) }, address: row.address,
      paired: paired.length, pairedNames: paired, activePlans: Number(plans), status: row.status, lastVisitAt: row.lastVisitAt?.toISOString() ?? null, lastCondition: row.lastCondition ?? null,
      phone: maskPhone(row.phone), guardian: row.guardianName ? { name: row.guardianName, relation: row.guardianRelation ?? '', phone: maskPhone(row.guardianPhone) } : null, needs: row.needs,
    }));
  }

  return {
    /** A page of the list; each look is audited (who is under care is itself sensitive). */
    async list(actor: Actor, q: RecipientQuery) {
      const where = await conditions(actor, q);
      const [total] = await db.select({ n: count() }).from(careRecipients).where(where);
      const items = await rows(actor, where, q.pageSize, (q.page - 1) * q.pageSize);
      await deps.audit.record(actor, { action: 'care.list', objectType: 'region', objectId: q.regionId ?? actor.regionId, regionId: q.regionId ?? actor.regionId, details: { rows: items.length, typeCode: q.typeCode ?? null } });
      return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
    },

    /** The same list for the workbook, page by page (the route audits the export). */
    async exportPages(actor: Actor, q: RecipientFilters, pageSize = 500): Promise<AsyncGenerator<RecipientItem[]>> {
      const where = await conditions(actor, q);
      return (async function* () {
        for (let page = 0; ; page++) {
          const items = await rows(actor, where, pageSize, page * pageSize);
          if (items.length > 0) yield items;
          if (items.length < pageSize) return;
        }
      })();
    },
  };
}

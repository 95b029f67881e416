import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/unit-of-work.js';
import { regions } from '../../platform/scope/regions.table.js';
import { regionInScope, subtreeOf } from '../../platform/scope/scope.js';
import type { PartnersDeps } from './partners.deps.js';
import { partnersError } from './partners.errors.js';
import { standing } from './partners.policy.js';
import { communitiesOf, loadUnits, memberViews, unitView, yearAndMinimum, type LoadedUnit } from './partners.rows.js';
import type { CreateInput, UnitQuery, UpdateInput } from './partners.schemas.js';
import { partnerUnitCommunities, partnerUnits } from './partners.table.js';

/**
 * Partner units (共建单位 · 双报到单位): registered by a street's or the district's admins with a
 * contact account (role `partner`, made here or picked), the communities they pair with, and read by
 * staff over them and by their contact, with their in-service party members' hours this year.
 */
export function partnerUnitsUseCases(deps: PartnersDeps) {
  const { db } = deps;

  async function loadOne(actor: Actor, id: string): Promise<LoadedUnit & { standing: 'manage' | 'read' }> {
    const [unit] = await loadUnits(deps, actor.districtId, [id]);
    const how = unit ? standing(actor, { regionPath: unit.regionPath, communityPaths: unit.communities.map((c) => c.path), contactAccountId: unit.contactAccountId }) : 'none';
    if (!unit || how === 'none') throw partnersError('partners.not_found');
    return { ...unit, standing: how };
  }

  /** Every paired community must be a community within the caller's area (400 naming the field). */
  async function checkCommunities(actor: Actor, ids: string[]) {
    const found = await communitiesOf(db, actor.districtId, ids);
    if (found.length !== ids.length || found.some((c) => !c.path.startsWith(actor.regionPath))) throw partnersError('partners.bad_community', { field: 'communityIds' });
  }

  /**
   * The contact account: one picked (in the caller's scope; granted the `partner` role if it lacks it)
   * or one made now with that role at the unit's place. Done before the unit's transaction — accounts
   * writes in its own — so a unit that then fails to save leaves an account staff can pick next time.
   */
  async function resolveContact(actor: Actor, input: Pick<CreateInput, 'contactAccountId' | 'contact'>, regionId: string) {
    if (input.contactAccountId) {
      const account = await deps.accounts.get(actor, input.contactAccountId).catch(() => null);
      if (!account) throw partnersError('partners.contact_required', { field: 'contactAccountId' });
      if (!account.roles.includes('partner')) await deps.accounts.update(actor, account.id, { roles: [...account.roles, 'partner' as Role] });
      return { id: account.id, temporaryPassword: null };
    }
    if (input.contact) {
      const made = await deps.accounts.create(actor, { name: input.contact.name.trim(), phone: input.contact.phone, password: input.contact.password, roles: ['partner'], regionId });
      return { id: made.account.id, temporaryPassword: made.temporaryPassword ?? null };
    }
    return null;
  }

  async function setCommunities(tx: Parameters<Parameters<typeof inTransaction>[1]>[0], districtId: string, unitId: string, ids: string[]) {
    await tx.delete(partnerUnitCommunities).where(and(eq(partnerUnitCommunities.districtId, districtId), eq(partnerUnitCommunities.unitId, unitId)));
    await tx.insert(partnerUnitCommunities).values(ids.map((communityId) => ({ districtId, unitId, communityId })));
  }

  async function detail(actor: Actor, id: string) {
    const unit = await loadOne(actor, id);
    const { year, minimumHours } = await yearAndMinimum(deps, actor.districtId);
    const members = await deps.volunteers.inServiceMembers(actor.districtId, { workUnitIds: [id] }, year);
    return { ...unitView(unit, members, minimumHours), year, minimumHours, canManage: unit.standing === 'manage', members: await memberViews(deps, actor, members, minimumHours) };
  }

  return {
    detail,

    /** Units the caller may see, filtered, a page of them, with member counts and totals over the filtered list. */
    async list(actor: Actor, q: UnitQuery) {
      const search = q.q?.trim();
      const visible = (await loadUnits(deps, actor.districtId)).filter(
        (u) =>
          standing(actor, { regionPath: u.regionPath, communityPaths: u.communities.map((c) => c.path), contactAccountId: null }) !== 'none' &&
          (!search || u.name.includes(search)) &&
          (!q.type || u.type === q.type) &&
          (!q.communityId || u.communities.some((c) => c.id === q.communityId)) &&
          (q.active === undefined || u.active === q.active),
      );
      const { year, minimumHours } = await yearAndMinimum(deps, actor.districtId);
      const members = await deps.volunteers.inServiceMembers(actor.districtId, { workUnitIds: visible.map((u) => u.id) }, year);
      const views = visible.map((u) => unitView(u, members, minimumHours)).sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'));
      return {
        items: views.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
        total: views.length,
        page: q.page,
        pageSize: q.pageSize,
        counts: { units: views.length, active: views.filter((v) => v.active).length, members: views.reduce((n, v) => n + v.memberCount, 0), behind: views.reduce((n, v) => n + v.behindCount, 0) },
      };
    },

    async create(actor: Actor, input: CreateInput) {
      const region = await regionInScope(db, actor, input.regionId ?? actor.regionId);
      await checkCommunities(actor, input.communityIds);
      const contact = await resolveContact(actor, input, region.id);
      if (!contact) throw partnersError('partners.contact_required', { field: 'contact' });
      const id = await inTransaction(db, async (tx) => {
        const unit = await deps.whistles.units.create(actor, { name: input.name.trim(), kind: 'partner', regionId: region.id, contactAccountId: contact.id });
        await tx.insert(partnerUnits).values({ districtId: actor.districtId, unitId: unit.id, type: input.type, address: input.address?.trim() || null });
        await setCommunities(tx, actor.districtId, unit.id, input.communityIds);
        await deps.audit.record(actor, { action: 'partners.create', objectType: 'partnerUnit', objectId: unit.id, regionId: region.id, details: { name: input.name, type: input.type, communities: input.communityIds.length } });
        return unit.id;
      });
      const { members: _members, year: _year, minimumHours: _min, canManage: _can, ...view } = await detail(actor, id);
      return { ...view, temporaryPassword: contact.temporaryPassword };
    },

    /** Edits a unit (its admins only); `active: false` retires it — its members keep it as their work unit. */
    async update(actor: Actor, id: string, input: UpdateInput) {
      const unit = await loadOne(actor, id);
      if (unit.standing !== 'manage') throw partnersError('partners.not_found');
      if (input.communityIds) await checkCommunities(actor, input.communityIds);
      const contact = await resolveContact(actor, input, unit.regionId);
      await inTransaction(db, async (tx) => {
        const catalogue = { name: input.name?.trim(), active: input.active, contactAccountId: contact?.id };
        if (Object.values(catalogue).some((v) => v !== undefined)) await deps.whistles.units.update(actor, id, Object.fromEntries(Object.entries(catalogue).filter(([, v]) => v !== undefined)));
        if (input.type !== undefined || input.address !== undefined) {
          await tx
            .update(partnerUnits)
            .set({ ...(input.type ? { type: input.type } : {}), ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}) })
            .where(and(eq(partnerUnits.districtId, actor.districtId), eq(partnerUnits.unitId, id)));
        }
        if (input.communityIds) await setCommunities(tx, actor.districtId, id, input.communityIds);
        await deps.audit.record(actor, { action: 'partners.update', objectType: 'partnerUnit', objectId: id, regionId: unit.regionId, details: { fields: Object.keys(input).filter((k) => k !== 'contact'), newContact: Boolean(input.contact) } });
      });
      return detail(actor, id);
    },

    /** Active registered units, for a person choosing their work unit when applying (双报到). */
    async options(actor: Actor) {
      return (await loadUnits(deps, actor.districtId)).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },

    /** The units the caller is the contact of (their phone page). */
    async mine(actor: Actor) {
      return (await loadUnits(deps, actor.districtId)).filter((u) => u.contactAccountId === actor.accountId).map((u) => ({ id: u.id, name: u.name }));
    },

    /** For the volunteer registry: the name of an active registered unit, or null. */
    async activeUnitName(districtId: string, unitId: string): Promise<string | null> {
      const [unit] = await loadUnits(deps, districtId, [unitId]);
      return unit?.active ? unit.name : null;
    },

    /** 双报到 counts: per community of the area (the caller's, or a node in it), how many report from each work unit. */
    async reportCounts(actor: Actor, regionId?: string) {
      const area = await regionInScope(db, actor, regionId ?? actor.regionId);
      const communities = await db
        .select({ id: regions.id, name: regions.name })
        .from(regions)
        .where(and(eq(regions.districtId, actor.districtId), eq(regions.type, 'community'), subtreeOf(area.path)));
      const names = new Map(communities.map((c) => [c.id, c.name]));
      const counts = await deps.volunteers.inServiceCounts(actor.districtId, communities.map((c) => c.id));
      const unitNames = new Map((await loadUnits(deps, actor.districtId, [...new Set(counts.flatMap((c) => (c.workUnitId ? [c.workUnitId] : [])))])).map((u) => [u.id, u.name]));
      const rows = counts.map((c) => ({ communityId: c.communityId, communityName: names.get(c.communityId) ?? '', unitId: c.workUnitId, unitName: c.workUnitId ? (unitNames.get(c.workUnitId) ?? null) : null, members: c.members }));
      return { rows: rows.sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN') || b.members - a.members) };
    },
  };
}

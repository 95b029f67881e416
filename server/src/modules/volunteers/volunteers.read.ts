import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { maskIdNumber, maskName, maskPhone } from '../../platform/privacy/mask.js';
import { inScope, regionInScope, regionWithin } from '../../platform/scope/scope.js';
import type { Person } from '../accounts/accounts.volunteers.js';
import { volunteersError } from './volunteers.errors.js';
import { hoursForStars, starLevel, starThresholds, type PoliticalStatus, type VolunteerStatus } from './volunteers.policy.js';
import { volunteersRecord } from './volunteers.record.js';
import { hoursOf, loadInScope, loadOwn, regionNames, type VolunteersDeps } from './volunteers.rows.js';
import type { VolunteerQuery } from './volunteers.schemas.js';
import { volunteers, type VolunteerRow } from './volunteers.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type VolunteerItem = {
  id: string;
  number: string | null;
  name: string;
  phone: string;
  gender: string | null;
  birthYear: number | null;
  status: VolunteerStatus;
  politicalStatus: PoliticalStatus;
  inService: boolean;
  workUnit: string | null;
  workUnitId: string | null;
  skills: string[];
  communityId: string;
  communityName: string;
  regionName: string;
  /** The full place of their home (住址) below the district, for the export; the list shows regionName. */
  place: string[];
  verifiedHours: number;
  stars: number;
  appliedAt: string;
};

/** A registration as a viewer sees it: staff see the full name, nobody sees the full phone here. */
function toItem(viewer: Actor, row: VolunteerRow, person: Person | undefined, communities: Map<string, string>): VolunteerItem {
  const self = viewer.accountId === row.accountId;
  const hours = hoursOf(row);
  return {
    id: row.accountId,
    number: row.number,
    name: person ? (self || isStaff(viewer.roles) ? person.name : (maskName(person.name) ?? '')) : '',
    phone: person ? (self ? person.phone : (maskPhone(person.phone) ?? '')) : '',
    gender: person?.gender ?? null,
    birthYear: person?.birthYear ?? null,
    status: row.status as VolunteerStatus,
    politicalStatus: row.politicalStatus as PoliticalStatus,
    inService: row.inService,
    workUnit: row.workUnit,
    workUnitId: row.workUnitId,
    skills: person?.skills ?? [],
    communityId: row.communityId,
    communityName: communities.get(row.communityId) ?? '',
    regionName: person?.regionName ?? '',
    place: person?.place ?? [],
    verifiedHours: hours,
    stars: starLevel(hours),
    appliedAt: row.appliedAt.toISOString(),
  };
}

/** The registry as staff read it (list with filters, detail, export) and as the volunteer sees their own. */
export function volunteersRead(deps: VolunteersDeps) {
  const { db } = deps;
  const record = volunteersRecord(deps);

  async function conditions(actor: Actor, q: Omit<VolunteerQuery, 'page' | 'pageSize'>): Promise<SQL> {
    // a place filter is any node of the caller's subtree (404 outside, like every region input)
    const place = q.regionId ? await regionInScope(db, actor, q.regionId) : undefined;
    const minHours = Math.max(q.minHours ?? 0, hoursForStars(q.minStars ?? 0));
    const search = q.q?.trim();
    return and(
      inScope(actor, volunteers),
      q.status ? eq(volunteers.status, q.status) : undefined,
      place ? regionWithin(volunteers.regionId, place.path) : undefined,
      q.politicalStatus ? eq(volunteers.politicalStatus, q.politicalStatus) : undefined,
      q.inService !== undefined ? eq(volunteers.inService, q.inService) : undefined,
      minHours > 0 ? gte(volunteers.verifiedHours, String(minHours)) : undefined,
      q.maxHours !== undefined ? lte(volunteers.verifiedHours, String(q.maxHours)) : undefined,
      q.skill ? deps.accounts.personMatches(actor.districtId, volunteers.accountId, { skills: [q.skill] }) : undefined,
      search ? sql`(${volunteers.number} = ${search.toUpperCase()} OR ${deps.accounts.personMatches(actor.districtId, volunteers.accountId, { q: search })})` : undefined,
    )!;
  }

  async function items(actor: Actor, rows: VolunteerRow[]): Promise<VolunteerItem[]> {
    const people = await deps.accounts.peopleOf(actor.districtId, rows.map((r) => r.accountId));
    const communities = await regionNames(currentDb(db), rows.map((r) => r.communityId));
    return rows.map((r) => toItem(actor, r, people.get(r.accountId), communities));
  }

  const order = (sort: VolunteerQuery['sort']) =>
    sort === 'hours' ? [desc(volunteers.verifiedHours), asc(volunteers.accountId)] : sort === 'number' ? [asc(volunteers.number), asc(volunteers.accountId)] : [desc(volunteers.appliedAt), asc(volunteers.accountId)];

  async function detailOf(actor: Actor, row: VolunteerRow, canDecide: boolean) {
    const [item] = await items(actor, [row]);
    const people = await deps.accounts.peopleOf(actor.districtId, [row.accountId]);
    const person = people.get(row.accountId);
    const decidedBy = row.decidedBy ? (await deps.accounts.namesOf(actor.districtId, [row.decidedBy])).get(row.decidedBy)?.name ?? null : null;
    const year = Number(shanghaiDay(deps.clock.now()).slice(0, 4));
    return {
      ...item!,
      idNumber: person?.idNumberEnc ? maskIdNumber(deps.crypto.decrypt(person.idNumberEnc)) : null,
      availability: row.availability,
      serviceRadiusM: row.serviceRadiusM,
      photoFileId: row.photoFileId,
      statusReason: row.statusReason,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decidedByName: decidedBy,
      recentServices: await record.entriesOf(row.districtId, row.accountId, { limit: 20 }),
      hoursThisYear: await record.hoursInYear(row.districtId, row.accountId, year),
      canDecide,
    };
  }

  return {
    async list(actor: Actor, q: VolunteerQuery) {
      const where = await conditions(actor, q);
      const rows = await db
        .select()
        .from(volunteers)
        .where(where)
        .orderBy(...order(q.sort))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(volunteers).where(where);
      return { items: await items(actor, rows), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    /** Every row of a filtered list, page by page (the export); the filters are checked before the first byte. */
    async exportPages(actor: Actor, q: Omit<VolunteerQuery, 'page' | 'pageSize'>, pageSize = 1000): Promise<AsyncGenerator<VolunteerItem[]>> {
      const where = await conditions(actor, q);
      return (async function* () {
        for (let page = 0; ; page++) {
          const rows = await db.select().from(volunteers).where(where).orderBy(...order(q.sort)).limit(pageSize).offset(page * pageSize);
          if (rows.length === 0) return;
          yield await items(actor, rows);
          if (rows.length < pageSize) return;
        }
      })();
    },

    async detail(actor: Actor, accountId: string) {
      const row = await loadInScope(db, actor, accountId);
      return detailOf(actor, row, actor.roles.some((r) => r === 'communityAdmin' || r === 'streetAdmin' || r === 'districtAdmin'));
    },

    /** The volunteer's own registration and card (志愿者证) with the code its QR carries. */
    async mine(actor: Actor) {
      const row = await loadOwn(db, actor.districtId, actor.accountId);
      if (!row) return { registered: false, volunteer: null, card: null, nextStarAt: starThresholds[0] };
      const volunteer = await detailOf(actor, row, false);
      const card =
        row.number && (row.status === 'active' || row.status === 'suspended')
          ? { number: row.number, name: volunteer.name, communityName: volunteer.communityName, stars: volunteer.stars, verifiedHours: volunteer.verifiedHours, since: (row.decidedAt ?? row.appliedAt).toISOString(), verifyCode: cardCode(deps, row) }
          : null;
      const nextStarAt = starThresholds.find((h) => h > volunteer.verifiedHours) ?? null;
      return { registered: true, volunteer, card, nextStarAt };
    },

    /** The public check of a card's QR: whether it is a real card, and only what the card itself shows. */
    async verifyCard(code: string) {
      const invalid = { valid: false, number: null, name: null, communityName: null, status: null, stars: null };
      const [accountId] = code.split('.');
      if (!accountId || !/^[0-9a-f-]{36}$/.test(accountId)) return invalid;
      const [row] = await db.select().from(volunteers).where(eq(volunteers.accountId, accountId)).limit(1);
      if (!row?.number || cardCode(deps, row) !== code) return invalid;
      const people = await deps.accounts.peopleOf(row.districtId, [row.accountId]);
      const communities = await regionNames(db, [row.communityId]);
      return { valid: true, number: row.number, name: maskName(people.get(row.accountId)?.name) ?? '', communityName: communities.get(row.communityId) ?? '', status: row.status as VolunteerStatus, stars: starLevel(hoursOf(row)) };
    },

    /** Whether the person is registered as an in-service party member (在职党员), in the caller's transaction. */
    async isInService(districtId: string, accountId: string): Promise<boolean> {
      const [row] = await currentDb(db).select({ inService: volunteers.inService }).from(volunteers).where(and(eq(volunteers.districtId, districtId), eq(volunteers.accountId, accountId)));
      return row?.inService ?? false;
    },

    async requireRegistration(actor: Actor) {
      const row = await loadOwn(db, actor.districtId, actor.accountId);
      if (!row) throw volunteersError('volunteers.not_registered');
      return row;
    },
  };
}

/** The card's verification code: the account and a keyed digest of it with the number (unforgeable, stable). */
export function cardCode(deps: Pick<VolunteersDeps, 'crypto'>, row: { districtId: string; accountId: string; number: string | null }): string {
  return `${row.accountId}.${deps.crypto.digest(`volunteer-card:${row.districtId}:${row.accountId}:${row.number}`).slice(0, 16)}`;
}

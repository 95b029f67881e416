import crypto from 'node:crypto';
import { and, desc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { EventBus } from '../../platform/events/outbox.js';
import { isStaff } from '../../platform/auth/roles.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { ancestorPathOf, regionInScope, regionWithin } from '../../platform/scope/scope.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { TeamsService } from '../teams/teams.service.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { CategoriesService } from '../need-categories/categories.service.js';
import { categoriesError } from '../need-categories/categories.errors.js';
import { pipelines, sendAppendsLast, sendBehind } from '../../platform/db/unit-of-work.js';
import { openForDuplicates, readPage, type LabelDeps, type ReadNeed } from './needs.access.js';
import { followableNeeds, viewerOf } from './needs.scope.js';
import type { NeedStatus, Severity } from './needs.lifecycle.js';
import { boardKinds, type Channel, type NeedKind } from './needs.enums.js';
import { appendNeedEvent } from './needs.events.js';
import { needFollowers, needs } from './needs.table.js';
import { needsError } from './needs.errors.js';
import { windowPassed } from './needs.policy.js';


export type NeedInput = {
  kind: NeedKind;
  categoryId: string;
  title: string;
  description: string;
  photos?: string[];
  answers?: Record<string, string>;
  regionId: string;
  address?: string;
  lng?: number;
  lat?: number;
  wantedFrom?: string;
  wantedTo?: string;
  slots?: number;
  severity?: Severity;
  /** The requester's consent to the public board (同意匿名公示), and to its showing the completion's photos. */
  isPublic?: boolean;
  boardPhotos?: boolean;
  /** Staff entry only: */
  channel?: Channel;
  requesterName?: string;
  requesterPhone?: string;
  /** The client's key for this submission: a retry with it answers the need the first attempt made. */
  idempotencyKey?: string;
};

/**
 * What another module adds to a self-service need, in the need's own transaction (a time-bank
 * withdrawal names who is served and holds the hours that pay for it): the requester's name and phone
 * shown on the need (`selfService`: posted as the person's own, even by someone who is also staff), and a step run with the new row before it commits (it throws to refuse it all).
 */
export type IntakeExtras = { selfService?: boolean; requester?: { name: string; phone: string | null }; within?: (tx: DbOrTx, need: typeof needs.$inferSelect) => Promise<void> };

export type IntakeDeps = { db: Db; clock: Clock; events: EventBus; accounts: AccountsService; regions: RegionsService; categories: CategoriesService; files: FilesService; audit: AuditService; teams: TeamsService };

const DUPLICATE_DAYS = 7;
const NEARBY_METRES = 250;

/** "XQ20261123-7KQ2M9": the date in Asia/Shanghai and six random characters — readable, not guessable. */
// made once: building an Intl formatter cost more than the rest of an intake's own code
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function needNumber(at = new Date()): string {
  const day = shanghaiDay.format(at).replace(/-/g, '');
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const tail = Array.from(crypto.randomBytes(6), (b) => alphabet[b % alphabet.length]).join('');
  return `XQ${day}-${tail}`;
}

/** Great-circle distance in metres, in SQL, for "within 250 m" when points exist. */
const distanceTo = (lng: number, lat: number) =>
  sql`(6371000 * 2 * asin(sqrt(power(sin(radians(${needs.lat} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${needs.lat})) * power(sin(radians(${needs.lng} - ${lng}) / 2), 2))))`;

export function createIntake(deps: IntakeDeps) {
  const { db } = deps;

  /** Open needs of the same category in the same grid (or building), or within 250 m, among those `limitTo` allows. */
  async function nearbyOpen(tx: DbOrTx, districtId: string, categoryId: string, gridPath: string, point: { lng: number; lat: number } | undefined, limitTo: SQL) {
    const near: SQL[] = [regionWithin(needs.regionId, gridPath)];
    if (point) near.push(sql`(${needs.lat} IS NOT NULL AND ${distanceTo(point.lng, point.lat)} <= ${NEARBY_METRES})`);
    return tx
      .select({ id: needs.id, number: needs.number, title: needs.title, status: needs.status, createdAt: needs.createdAt, regionName: regions.name })
      .from(needs)
      .innerJoin(regions, eq(regions.id, needs.regionId))
      .where(and(eq(needs.districtId, districtId), eq(needs.categoryId, categoryId), openForDuplicates, or(...near), limitTo))
      .orderBy(desc(needs.createdAt))
      .limit(5);
  }

  async function checkInput(actor: Actor, input: NeedInput) {
    // a subcategory also asks its class's questions
    const { category, parent } = await deps.categories.withParent(actor.districtId, input.categoryId);
    if (!category || !category.active) throw categoriesError('needs.category_not_found', { field: 'categoryId' });
    for (const q of [...(parent?.extraQuestions ?? []), ...category.extraQuestions]) {
      if (q.required && !input.answers?.[q.key]?.trim()) throw needsError('needs.answer_required', { params: { question: q.label }, field: `answers.${q.key}` });
    }
    if (input.wantedFrom && input.wantedTo && new Date(input.wantedTo) < new Date(input.wantedFrom)) throw needsError('needs.bad_window', { field: 'wantedTo' });
    if (input.wantedTo && windowPassed(new Date(input.wantedTo), deps.clock.now())) throw needsError('needs.window_past', { field: 'wantedTo' });
    const photos = input.photos ?? [];
    const owned = await deps.files.ownedBy(actor, photos);
    if (!photos.every((p) => owned.has(p))) throw needsError('needs.bad_photo', { field: 'photos' });
    return category;
  }

  /** The need an earlier attempt with this key made: theirs answered again, anyone else's refused. */
  async function madeBefore(tx: DbOrTx, actor: Actor, key: string | undefined) {
    if (!key) return undefined;
    const [row] = await tx.select().from(needs).where(and(eq(needs.districtId, actor.districtId), eq(needs.idempotencyKey, key)));
    if (row && row.createdBy !== actor.accountId) throw needsError('needs.idempotency_key_taken', { field: 'idempotencyKey' });
    return row;
  }

  const intake = {

    /**
     * A resident posts for themselves; staff record needs from the hotline, visits, the wish wall …
     * With an idempotency key a repeat (a phone resending what it typed offline) makes no second need:
     * the key is UNIQUE per district and the insert does nothing on a conflict, so of two attempts at
     * once the second waits for the first to commit and then answers its need.
     */
    async create(actor: Actor, input: NeedInput, extras: IntakeExtras = {}) {
      return (await intake.submit(actor, input, extras)).row;
    },

    /**
     * `create`, and with `readBack` the new need's page read in its transaction, right behind its last
     * write (the rows appended at commit, sent with the COMMIT): the answer to a post costs no
     * statement after the commit (as a transition's, needs.transitions.ts). No page when an earlier
     * attempt with the same key made the need, or where the connection does not pipeline.
     */
    async submit(actor: Actor, input: NeedInput, extras: IntakeExtras = {}, readBack?: LabelDeps): Promise<{ row: typeof needs.$inferSelect; page?: Promise<ReadNeed | null> }> {
      const earlier = await madeBefore(db, actor, input.idempotencyKey);
      if (earlier) return { row: earlier };
      const category = await checkInput(actor, input);
      // the system records needs as staff do (a care plan's orders, modules/care), in its own name
      const staff = !extras.selfService && (isStaff(actor.roles) || actor.isSystem === true);
      const place = staff ? await regionInScope(db, actor, input.regionId) : await deps.regions.publicNode(input.regionId);
      if (!place || place.districtId !== actor.districtId || !deps.regions.isHomeLevel(place.type)) throw needsError('needs.place_not_home', { field: 'regionId' });
      // the phone of a resident posting for themselves is read by the insert itself (no round trip)
      let requester: { id: string | null; name: string; phone: string | null | SQL<string | null> };
      if (staff) {
        // 一人一策 orders are the care plans' own (the system's): nobody records one by hand
        if (!input.channel || input.channel === 'self' || (input.channel === 'carePlan' && !actor.isSystem)) throw needsError('needs.channel_for_staff', { field: 'channel' });
        if (!input.requesterName?.trim()) throw needsError('needs.requester_required', { field: 'requesterName' });
        const registered = input.requesterPhone ? await deps.accounts.findForLogin(input.requesterPhone) : undefined;
        requester = { id: registered?.districtId === actor.districtId ? registered.id : null, name: input.requesterName, phone: input.requesterPhone ?? null };
      } else {
        const ownPhone = deps.accounts.phoneColumn(sql`${actor.districtId}::uuid`, sql`${actor.accountId}::uuid`);
        requester = { id: actor.accountId, name: extras.requester?.name ?? actor.name, phone: extras.requester ? extras.requester.phone : ownPhone };
      }
      const point = input.lng !== undefined && input.lat !== undefined ? { lng: input.lng, lat: input.lat } : undefined;
      const severity = input.kind === 'grievance' ? (input.severity ?? (category.defaultSeverity as Severity)) : 'general';
      return db.transaction(async (tx) => {
        const since = new Date(deps.clock.now().getTime() - DUPLICATE_DAYS * 86_400_000);
        const sameRequester = requester.id ? eq(needs.requesterId, requester.id) : typeof requester.phone === 'string' ? eq(needs.requesterPhone, requester.phone) : sql`false`;
        // possible duplicates are looked up by the insert itself (no round trip of their own)
        const dupes = tx
          .select({ id: needs.id })
          .from(needs)
          .where(and(eq(needs.districtId, actor.districtId), gte(needs.createdAt, since), openForDuplicates, or(and(sameRequester, eq(needs.categoryId, category.id)), and(eq(needs.regionId, place.id), eq(needs.categoryId, category.id)))))
          .limit(5);
        const id = crypto.randomUUID();
        const [row] = await tx
          .insert(needs)
          .values({
            districtId: actor.districtId, id, number: needNumber(), kind: input.kind, categoryId: category.id, title: input.title, description: input.description,
            photos: input.photos ?? [], answers: input.answers ?? {}, regionId: place.id, address: input.address, lng: point?.lng, lat: point?.lat,
            requesterId: requester.id, requesterName: requester.name, requesterPhone: requester.phone,
            wantedFrom: input.wantedFrom ? new Date(input.wantedFrom) : null, wantedTo: input.wantedTo ? new Date(input.wantedTo) : null,
            slots: input.slots ?? 1, severity, channel: staff ? input.channel! : 'self', isPublic: input.isPublic ?? false,
            // consent given in the board's words now; a grievance (it names others) and a 一人一策 order (nobody under care is shown) never go on the board
            ...(input.isPublic && boardKinds.includes(input.kind) && input.channel !== 'carePlan' ? { boardConsentAt: deps.clock.now(), boardPhotos: input.boardPhotos ?? false } : {}),
            // a plan's weekly order is no duplicate of last week's, still open
            status: 'submitted', duplicateOf: input.channel === 'carePlan' ? [] : sql`ARRAY(${dupes})`, createdBy: actor.accountId, idempotencyKey: input.idempotencyKey ?? null,
          })
          .onConflictDoNothing({ target: [needs.districtId, needs.idempotencyKey] })
          .returning();
        if (!row) return { row: (await madeBefore(tx, actor, input.idempotencyKey))! };
        await appendNeedEvent(tx, { districtId: actor.districtId, id }, 1, {
          actor, role: actor.isSystem ? 'system' : staff ? (actor.roles.find((r) => isStaff([r])) ?? 'staff') : 'requester', action: 'submit', from: null, to: 'submitted',
          attachments: input.photos ?? [], data: { channel: row!.channel, duplicates: row.duplicateOf.length },
        });
        await deps.files.attach(tx, actor.districtId, input.photos ?? [], { type: 'need', id });
        await deps.events.publish(tx, actor.districtId, { type: 'needs.submit', subjectType: 'need', subjectId: id, actorId: actor.accountId, payload: { number: row!.number, regionId: place.id, kind: input.kind, channel: row!.channel, to: 'submitted', seq: 1 } });
        await deps.audit.record(actor, { action: 'needs.submit', objectType: 'need', objectId: id, regionId: place.id, details: { kind: input.kind, channel: row!.channel } });
        if (extras.within) await extras.within(tx, row!);
        if (!readBack || !pipelines(tx)) return { row };
        await sendAppendsLast(tx);
        // awaited by the caller after the commit; a failure here fails the COMMIT too, and is the error told
        return { row, page: sendBehind(tx, readPage(tx, deps, { districtId: actor.districtId, id }, readBack)) };
      });
    },

    /**
     * While a resident types: open needs like theirs nearby, offered as "follow this one instead" —
     * only those the caller may already see, or whose requester allowed public display in the caller's
     * own community (SPEC §1: a resident sees their own requests).
     */
    async similar(actor: Actor, q: { categoryId: string; regionId: string; lng?: number; lat?: number }) {
      const place = await deps.regions.publicNode(q.regionId);
      if (!place || place.districtId !== actor.districtId) return [];
      const [gridPath, viewer] = await Promise.all([ancestorPathOf(db, place.path, 'grid'), viewerOf(db, deps, actor)]);
      const point = q.lng !== undefined && q.lat !== undefined ? { lng: q.lng, lat: q.lat } : undefined;
      const rows = await nearbyOpen(db, actor.districtId, q.categoryId, gridPath, point, followableNeeds(viewer));
      return rows.map((r) => ({ ...r, status: r.status as NeedStatus, createdAt: r.createdAt.toISOString() }));
    },

    /** The resident joins an existing need they could have found with `similar`, and is kept informed with it. */
    async follow(actor: Actor, id: string) {
      const viewer = await viewerOf(db, deps, actor);
      const [row] = await db.select({ id: needs.id, regionId: needs.regionId }).from(needs).where(and(eq(needs.id, id), openForDuplicates, followableNeeds(viewer)));
      if (!row) throw needsError('needs.not_found');
      await db.transaction(async (tx) => {
        const added = await tx.insert(needFollowers).values({ districtId: actor.districtId, needId: id, accountId: actor.accountId }).onConflictDoNothing().returning();
        if (added.length) await deps.audit.record(actor, { action: 'needs.follow', objectType: 'need', objectId: id, regionId: row.regionId });
      });
    },

    async followersOf(districtId: string, ids: string[]) {
      if (ids.length === 0) return new Map<string, number>();
      const rows = await db
        .select({ id: needFollowers.needId, n: sql<number>`count(*)::int` })
        .from(needFollowers)
        .where(and(eq(needFollowers.districtId, districtId), inArray(needFollowers.needId, ids)))
        .groupBy(needFollowers.needId);
      return new Map(rows.map((r) => [r.id, r.n]));
    },
  };
  return intake;
}

import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, temporaryPassword } from '../../platform/auth/password.js';
import type { ActorRole } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/client.js';
import { translate, type Locale } from '../../platform/i18n/i18n.js';
import type { JobEngine } from '../../platform/jobs/jobs.js';
import { maskIdNumber } from '../../platform/privacy/mask.js';
import { inScope, subtreeOf } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { KnownPerson, NewPerson } from '../accounts/accounts.import.js';
import { importError, reasonKey, type RowReason } from './volunteers.import.errors.js';
import { parseRow, type ParsedRow } from './volunteers.import.rows.js';
import { columnLabel, errorReport, type ImportColumn } from './volunteers.import.sheet.js';
import { volunteerImports, type ImportActor, type ImportedRow, type RowProblem, type SkippedRow, type VolunteerImportRow } from './volunteers.import.table.js';
import { formatNumber } from './volunteers.policy.js';
import type { VolunteersDeps } from './volunteers.rows.js';
import { volunteers, type VolunteerRow } from './volunteers.table.js';

/*
 * Excel import of volunteers (志愿者批量导入). The upload is read at once (a bad file is refused
 * there, naming the field) and its rows kept on an import row; a job then checks every row and either
 * refuses the whole sheet (nothing written, every problem listed by row and column) or imports every
 * row in ONE transaction: people found by phone, new residents in bulk, registrations created active
 * with the district's numbers (the importer vouches for them), one audit entry.
 *
 * The job runs `outside` a transaction on purpose: checking commits its progress (rows checked) as it
 * goes, so the back office can show it while polling; the import itself is still one transaction that
 * also marks the import done, so a retried job (lease ran out, a phone taken meanwhile) checks again
 * and can never import twice. An import already done, refused or failed is left alone.
 */

export const IMPORT_JOB = 'volunteers.import';
const PROGRESS_EVERY = 200;
const CHUNK = 500;

export type ImportDeps = VolunteersDeps & { jobs: JobEngine };
export type ImportState = 'queued' | 'checking' | 'refused' | 'importing' | 'done' | 'failed';

/** What the import will write for one good row. */
type Planned = ParsedRow & { communityId: string; regionId: string; known?: KnownPerson; registration?: VolunteerRow };
type Checked = { problems: RowProblem[]; skipped: SkippedRow[]; plan: Planned[] };

/** The rows with each ID number changed (encrypted to be kept, decrypted to be checked, masked to be shown). */
const withIdNumbers = (rows: ImportedRow[], change: (value: string) => string): ImportedRow[] =>
  rows.map((r) => (r.cells.idNumber ? { ...r, cells: { ...r.cells, idNumber: change(r.cells.idNumber) } } : r));

const actorOf = (districtId: string, a: ImportActor): Actor => ({ ...a, districtId, roles: a.roles as ActorRole[], mustChangePassword: false });

export function volunteersImport(deps: ImportDeps) {
  const { db } = deps;

  async function setProgress(districtId: string, id: string, set: Partial<typeof volunteerImports.$inferInsert>) {
    await db.update(volunteerImports).set(set).where(and(eq(volunteerImports.districtId, districtId), eq(volunteerImports.id, id)));
  }

  /** Every row checked: alone, against the other rows, and against the district's places, people and registrations. */
  async function check(imp: VolunteerImportRow, progress: (checked: number) => Promise<void>): Promise<Checked> {
    const districtId = imp.districtId;
    const scopePath = imp.actor.regionPath;
    const thisYear = Number(new Date(deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const problems: RowProblem[] = [];
    const parsed: ParsedRow[] = [];
    const badRows = new Set<number>();
    const badCells = new Set<string>();
    const add = (p: RowProblem) => {
      problems.push(p);
      badRows.add(p.row);
      badCells.add(`${p.row}:${p.column}`);
    };
    for (const [i, r] of imp.rows.entries()) {
      const one = parseRow(r, thisYear);
      one.problems.forEach(add);
      parsed.push(one.parsed);
      if ((i + 1) % PROGRESS_EVERY === 0) await progress(Math.floor((i + 1) / 2));
    }
    const bad = (p: ParsedRow, column: ImportColumn, reason: RowReason, params?: RowProblem['params']) => add({ row: p.row, column, reason, ...(params ? { params } : {}) });
    const badCell = (p: ParsedRow, column: ImportColumn) => badCells.has(`${p.row}:${column}`);

    // the same phone or ID number twice in the sheet: the later row names the first
    const firstPhone = new Map<string, number>();
    const firstId = new Map<string, number>();
    for (const p of parsed) {
      if (p.phone && !badCell(p, 'phone')) {
        if (firstPhone.has(p.phone)) bad(p, 'phone', 'duplicate_in_file', { other: firstPhone.get(p.phone)! });
        else firstPhone.set(p.phone, p.row);
      }
      if (p.idNumber && !badCell(p, 'idNumber')) {
        if (firstId.has(p.idNumber)) bad(p, 'idNumber', 'duplicate_in_file', { other: firstId.get(p.idNumber)! });
        else firstId.set(p.idNumber, p.row);
      }
    }

    // places: communities by name or code (those in the importer's scope first), homes under them
    const communities = await db.select({ id: regions.id, name: regions.name, code: regions.code, path: regions.path }).from(regions).where(and(eq(regions.districtId, districtId), eq(regions.type, 'community')));
    const inScopeFirst = [...communities].sort((a, b) => Number(b.path.startsWith(scopePath)) - Number(a.path.startsWith(scopePath)));
    const communityOf = (word: string) => inScopeFirst.find((c) => c.name === word || c.code === word);
    const homeWords = [...new Set(parsed.map((p) => p.home).filter(Boolean))];
    const homes = homeWords.length
      ? await db
          .select({ id: regions.id, name: regions.name, code: regions.code, path: regions.path })
          .from(regions)
          .where(and(eq(regions.districtId, districtId), inArray(regions.type, ['grid', 'building']), or(inArray(regions.name, homeWords), inArray(regions.code, homeWords))))
      : [];

    // people: who holds the phones and ID numbers, and their registrations
    const phones = parsed.filter((p) => p.phone && !badCell(p, 'phone')).map((p) => p.phone);
    const holders = await deps.accounts.phoneHolders(db, districtId, phones);
    const idHolders = await deps.accounts.idNumberHolders(db, districtId, parsed.flatMap((p) => (p.idNumber && !badCell(p, 'idNumber') ? [p.idNumber] : [])));
    const knownIds = [...holders.here.values()].map((k) => k.id);
    const registrations = new Map<string, VolunteerRow>();
    for (let i = 0; i < knownIds.length; i += CHUNK) {
      const rows = await db.select().from(volunteers).where(and(eq(volunteers.districtId, districtId), inArray(volunteers.accountId, knownIds.slice(i, i + CHUNK))));
      for (const r of rows) registrations.set(r.accountId, r);
    }

    const skipped: SkippedRow[] = [];
    const plan: Planned[] = [];
    for (const [i, p] of parsed.entries()) {
      const community = p.community ? communityOf(p.community) : undefined;
      if (p.community && !community) bad(p, 'community', 'unknown_community', { value: p.community });
      else if (community && !community.path.startsWith(scopePath)) bad(p, 'community', 'community_out_of_scope', { value: p.community });
      const inCommunity = community?.path.startsWith(scopePath) ? community : undefined;
      const home = p.home && inCommunity ? homes.find((h) => (h.name === p.home || h.code === p.home) && h.path.startsWith(inCommunity.path)) : undefined;
      if (p.home && inCommunity && !home) bad(p, 'home', 'unknown_home', { value: p.home });
      if (holders.elsewhere.has(p.phone)) bad(p, 'phone', 'phone_elsewhere');
      const known = holders.here.get(p.phone);
      if (known && inCommunity && !known.regionPath.startsWith(inCommunity.path)) bad(p, 'community', 'lives_elsewhere');
      const idHolder = p.idNumber ? idHolders.get(p.idNumber) : undefined;
      if (idHolder && idHolder !== known?.id) bad(p, 'idNumber', 'id_number_taken');
      if ((i + 1) % PROGRESS_EVERY === 0) await progress(Math.floor(parsed.length / 2 + (i + 1) / 2));
      if (badRows.has(p.row) || !inCommunity) continue;
      const registration = known ? registrations.get(known.id) : undefined;
      if (registration?.status === 'active') skipped.push({ row: p.row, reason: 'already_registered' });
      else if (registration?.status === 'suspended') skipped.push({ row: p.row, reason: 'suspended' });
      else plan.push({ ...p, communityId: inCommunity.id, regionId: known?.regionId ?? home?.id ?? inCommunity.id, known, registration });
    }
    problems.sort((a, b) => a.row - b.row);
    return { problems, skipped, plan };
  }

  /** Reserves `count` numbers of the district's sequence at once (as one approval takes one, under the same row lock). */
  async function takeNumbers(tx: DbOrTx, districtId: string, count: number): Promise<string[]> {
    if (count === 0) return [];
    await tx.execute(sql`INSERT INTO volunteer_settings (district_id) VALUES (${districtId}) ON CONFLICT DO NOTHING`);
    const [row] = await queryRows<{ prefix: string; first: number }>(
      tx,
      sql`UPDATE volunteer_settings SET next_number = next_number + ${count} WHERE district_id = ${districtId} RETURNING number_prefix AS prefix, next_number - ${count} AS first`,
    );
    return Array.from({ length: count }, (_, i) => formatNumber(row!.prefix, Number(row!.first) + i));
  }

  /** Writes a checked plan in one transaction, the import marked done in it. */
  async function write(imp: VolunteerImportRow, { plan, skipped }: Checked): Promise<void> {
    const { districtId } = imp;
    const actor = actorOf(districtId, imp.actor);
    const now = deps.clock.now();
    const passwordHash = await hashPassword(temporaryPassword()); // one unknown password: they set their own by SMS reset
    await db.transaction(async (tx) => {
      const fresh = plan.filter((p) => !p.known);
      const people: NewPerson[] = fresh.map((p) => ({ phone: p.phone, name: p.name, regionId: p.regionId, gender: p.gender, birthYear: p.birthYear, skills: p.skills, idNumber: p.idNumber }));
      const created = await deps.accounts.insertPeople(tx, districtId, people, { passwordHash, createdBy: actor.accountId, roles: ['resident', 'volunteer'] });
      if (created.size !== fresh.length) throw new Error('a phone of the sheet was registered meanwhile: the job checks the sheet again');
      for (const p of plan.filter((x) => x.known)) {
        const k = p.known!;
        // the person's details where they are empty; what they gave themselves is kept
        await deps.accounts.updatePersonDetails(tx, districtId, k.id, {
          gender: k.gender ? undefined : p.gender,
          birthYear: k.birthYear ? undefined : p.birthYear,
          skills: k.skills.length ? undefined : p.skills.length ? p.skills : undefined,
          idNumber: k.hasIdNumber ? undefined : p.idNumber,
        });
        await deps.accounts.setRoleHeld(tx, districtId, k.id, 'volunteer', true);
      }
      const numbers = await takeNumbers(tx, districtId, plan.filter((p) => !p.registration?.number).length);
      const values = plan.map((p) => ({
        districtId,
        accountId: p.known?.id ?? created.get(p.phone)!,
        number: p.registration?.number ? null : numbers.shift()!,
        status: 'active',
        statusReason: null,
        regionId: p.regionId,
        communityId: p.communityId,
        politicalStatus: p.politicalStatus,
        inService: p.inService,
        workUnit: p.workUnit,
        availability: p.availability,
        serviceRadiusM: p.serviceRadiusM,
        appliedAt: p.registration?.appliedAt ?? now,
        decidedAt: now,
        decidedBy: actor.accountId,
        updatedAt: now,
      }));
      let written = 0;
      for (let i = 0; i < values.length; i += CHUNK) {
        const rows = await tx
          .insert(volunteers)
          .values(values.slice(i, i + CHUNK))
          .onConflictDoUpdate({
            target: [volunteers.districtId, volunteers.accountId],
            set: {
              status: 'active', statusReason: null, number: sql`coalesce(${volunteers.number}, excluded.number)`, communityId: sql`excluded.community_id`, politicalStatus: sql`excluded.political_status`,
              inService: sql`excluded.in_service`, workUnit: sql`excluded.work_unit`, availability: sql`excluded.availability`, serviceRadiusM: sql`excluded.service_radius_m`,
              decidedAt: now, decidedBy: actor.accountId, updatedAt: now,
            },
            setWhere: inArray(volunteers.status, ['applied', 'refused', 'left']),
          })
          .returning({ id: volunteers.accountId });
        written += rows.length;
      }
      if (written !== plan.length) throw new Error('a registration of the sheet changed meanwhile: the job checks the sheet again');
      await deps.audit.record(actor, { action: 'volunteers.import', objectType: 'volunteer_import', objectId: imp.id, regionId: actor.regionId, details: { file: imp.fileName, imported: plan.length, newAccounts: created.size, skipped: skipped.length } });
      await tx
        .update(volunteerImports)
        // the rows are in the registry now: the sheet's copy (phones, ID numbers) is not kept
        .set({ state: 'done', rows: [], checkedRows: imp.totalRows, importedRows: plan.length, skippedRows: skipped.length, createdAccounts: created.size, skipped, finishedAt: deps.clock.now() })
        .where(and(eq(volunteerImports.districtId, districtId), eq(volunteerImports.id, imp.id)));
    });
  }

  /** The job: check every row, then refuse the sheet or import it whole. */
  async function run(districtId: string, id: string): Promise<void> {
    const [stored] = await db.select().from(volunteerImports).where(and(eq(volunteerImports.districtId, districtId), eq(volunteerImports.id, id)));
    if (!stored || ['refused', 'done', 'failed'].includes(stored.state)) return;
    const imp = { ...stored, rows: withIdNumbers(stored.rows, (v) => deps.crypto.decrypt(v)) };
    await setProgress(districtId, id, { state: 'checking', checkedRows: 0 });
    const checked = await check(imp, (n) => setProgress(districtId, id, { checkedRows: n }));
    if (checked.problems.length > 0) {
      await setProgress(districtId, id, { state: 'refused', checkedRows: imp.totalRows, problems: checked.problems, finishedAt: deps.clock.now() });
      return;
    }
    await setProgress(districtId, id, { state: 'importing', checkedRows: imp.totalRows });
    await write(imp, checked);
  }

  deps.jobs.define({
    name: IMPORT_JOB,
    mode: 'outside',
    leaseMs: 10 * 60_000,
    maxAttempts: 3,
    async run(job) {
      try {
        await run(job.districtId, String(job.payload.importId));
      } catch (err) {
        // the last attempt's failure is shown on the import; earlier ones are retried (and checked again)
        if (job.attempts >= job.maxAttempts) await setProgress(job.districtId, String(job.payload.importId), { state: 'failed', finishedAt: deps.clock.now() });
        throw err;
      }
    },
  });

  async function loadImport(actor: Actor, id: string): Promise<VolunteerImportRow> {
    const [row] = await db.select().from(volunteerImports).where(and(eq(volunteerImports.id, id), inScope(actor, volunteerImports)));
    if (!row) throw importError('volunteers.import.not_found');
    return row;
  }

  const words = (locale: Locale, p: { reason: string; params?: RowProblem['params'] }) => translate(locale, reasonKey(p.reason as RowReason), p.params ?? {});

  function view(row: VolunteerImportRow, locale: Locale) {
    return {
      id: row.id,
      fileName: row.fileName,
      state: row.state as ImportState,
      totalRows: row.totalRows,
      checkedRows: row.checkedRows,
      importedRows: row.importedRows,
      skippedRows: row.skippedRows,
      createdAccounts: row.createdAccounts,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      problems: row.problems.map((p) => ({ row: p.row, column: columnLabel(locale, p.column), reason: words(locale, p) })),
      skipped: row.skipped.map((s) => ({ row: s.row, reason: words(locale, s) })),
    };
  }

  return {
    /** Keeps an uploaded sheet's rows and starts the job that checks and imports them. */
    async startImport(actor: Actor, fileName: string, rows: ImportedRow[], locale: Locale) {
      const row = await db.transaction(async (tx) => {
        const [made] = await tx
          .insert(volunteerImports)
          .values({
            districtId: actor.districtId,
            regionId: actor.regionId,
            createdBy: actor.accountId,
            actor: { accountId: actor.accountId, name: actor.name, roles: actor.roles, regionId: actor.regionId, regionPath: actor.regionPath, ip: actor.ip },
            fileName: fileName.slice(0, 200),
            totalRows: rows.length,
            // ID numbers are kept only encrypted, as on the account
            rows: withIdNumbers(rows, (v) => deps.crypto.encrypt(v)),
            createdAt: deps.clock.now(),
          })
          .returning();
        await deps.jobs.schedule(tx, actor.districtId, { name: IMPORT_JOB, key: made!.id, runAt: deps.clock.now(), payload: { importId: made!.id } });
        return made!;
      });
      return view(row, locale);
    },

    async importStatus(actor: Actor, id: string, locale: Locale) {
      return view(await loadImport(actor, id), locale);
    },

    /** The per-row error report of an import (every row; the bad ones marked with their problems). */
    async importReport(actor: Actor, id: string, locale: Locale): Promise<Buffer> {
      const row = await loadImport(actor, id);
      // ID numbers masked, as staff see them on screen (the importer still has their own sheet)
      const rows = withIdNumbers(row.rows, (v) => maskIdNumber(deps.crypto.decrypt(v)) ?? '');
      return errorReport(locale, rows, row.problems.map((p) => ({ row: p.row, column: p.column, text: words(locale, p) })));
    },

    /** The communities the template lists: those in the importer's scope. */
    async importCommunities(actor: Actor): Promise<{ name: string; code: string }[]> {
      return db
        .select({ name: regions.name, code: regions.code })
        .from(regions)
        .where(and(eq(regions.districtId, actor.districtId), eq(regions.type, 'community'), subtreeOf(actor.regionPath)))
        .orderBy(regions.sortOrder, regions.name);
    },
  };
}

import { and, eq, inArray, or } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { adminRoles } from '../../platform/auth/roles.js';
import { shanghaiDay } from '../../platform/clock/clock.js';
import { translate, type Locale } from '../../platform/i18n/i18n.js';
import { maskIdNumber } from '../../platform/privacy/mask.js';
import { staffRolesOver, subtreeOf } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { CareDeps } from './care.deps.js';
import { careError, importReasonKey, type ImportReason } from './care.errors.js';
import { parseRow, type ParsedRow, type RowProblem } from './care.import.rows.js';
import { columnLabel, errorReport, type ImportColumn, type SheetRow } from './care.import.sheet.js';
import { careRecipients, careTypes } from './care.table.js';

/*
 * Excel import of people under care (关爱对象批量导入, SPEC §10). Every row is checked first — by
 * itself, against the other rows (an ID number twice) and against the district (the place in the
 * importer's scope, the kinds of care active, an ID number registered already); one bad row refuses
 * the whole sheet, nothing written, and the reply names every problem by row and column. A good
 * sheet is written in ONE transaction with one audit entry.
 *
 * Unlike the volunteer import this answers at once, without a job: it makes no accounts (no
 * password hashing, no phones to match), so 5,000 rows are a few inserts; and it keeps no copy of
 * the sheet (ID numbers, risk notes) once the request is over.
 */

const CHUNK = 500;
const HOME_TYPES = ['courtyard', 'grid', 'building'];

export type ImportOutcome = {
  fileName: string;
  state: 'done' | 'refused';
  totalRows: number;
  importedRows: number;
  problems: { row: number; column: string; reason: string }[];
};

type Place = { id: string; name: string; code: string; path: string };
type Planned = ParsedRow & { regionId: string; typeCodes: string[] };

/** A unique or foreign-key violation: the district changed between the check and the write. */
const isConflict = (err: unknown) => ['23505', '23503'].includes((err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code ?? '');

export function careImport(deps: CareDeps) {
  const { db, crypto } = deps;

  /** Every row checked; the plan is complete only when there are no problems. */
  async function check(actor: Actor, rows: SheetRow[]): Promise<{ problems: RowProblem[]; plan: Planned[] }> {
    const districtId = actor.districtId;
    const thisYear = Number(shanghaiDay(deps.clock.now()).slice(0, 4));
    const problems: RowProblem[] = [];
    const badCells = new Set<string>();
    const add = (p: RowProblem) => {
      problems.push(p);
      badCells.add(`${p.row}:${p.column}`);
    };
    const parsed = rows.map((r) => {
      const one = parseRow(r, thisYear);
      one.problems.forEach(add);
      return one.parsed;
    });
    const bad = (p: ParsedRow, column: ImportColumn, reason: ImportReason, params?: RowProblem['params']) => add({ row: p.row, column, reason, ...(params ? { params } : {}) });

    // the same ID number twice in the sheet: the later row names the first
    const firstId = new Map<string, number>();
    for (const p of parsed) {
      if (!p.idNumber || badCells.has(`${p.row}:idNumber`)) continue;
      if (firstId.has(p.idNumber)) bad(p, 'idNumber', 'duplicate_in_file', { other: firstId.get(p.idNumber)! });
      else firstId.set(p.idNumber, p.row);
    }
    // … or registered already (archived records too: the digest is UNIQUE per district)
    const digests = new Map([...firstId.keys()].map((id) => [crypto.digest(id), id]));
    const registered = new Set<string>();
    const digestList = [...digests.keys()];
    for (let i = 0; i < digestList.length; i += CHUNK) {
      const found = await db.select({ d: careRecipients.idNumberHmac }).from(careRecipients).where(and(eq(careRecipients.districtId, districtId), inArray(careRecipients.idNumberHmac, digestList.slice(i, i + CHUNK))));
      for (const f of found) if (f.d) registered.add(digests.get(f.d)!);
    }

    // places as the volunteer import finds them: communities by name or code (those in scope first), homes under them
    const communities: Place[] = await db.select({ id: regions.id, name: regions.name, code: regions.code, path: regions.path }).from(regions).where(and(eq(regions.districtId, districtId), eq(regions.type, 'community')));
    const inScopeFirst = [...communities].sort((a, b) => Number(b.path.startsWith(actor.regionPath)) - Number(a.path.startsWith(actor.regionPath)));
    const homeWords = [...new Set(parsed.map((p) => p.home).filter(Boolean))];
    const homes: Place[] = homeWords.length
      ? await db.select({ id: regions.id, name: regions.name, code: regions.code, path: regions.path }).from(regions)
          .where(and(eq(regions.districtId, districtId), inArray(regions.type, HOME_TYPES), or(inArray(regions.name, homeWords), inArray(regions.code, homeWords))))
      : [];
    // kinds by the name staff see (either language) or by code; switched-off kinds are unknown to a new record
    const kinds = await db.select({ code: careTypes.code, name: careTypes.name, nameEn: careTypes.nameEn }).from(careTypes).where(and(eq(careTypes.districtId, districtId), eq(careTypes.active, true)));
    const kindOf = new Map(kinds.flatMap((k) => [[k.name, k.code], [k.nameEn.toLowerCase(), k.code], [k.code.toLowerCase(), k.code]] as const));

    const plan: Planned[] = [];
    for (const p of parsed) {
      if (p.idNumber && registered.has(p.idNumber)) bad(p, 'idNumber', 'id_number_registered');
      const typeCodes: string[] = [];
      for (const word of p.kinds) {
        const code = kindOf.get(word) ?? kindOf.get(word.toLowerCase());
        if (code) typeCodes.push(code);
        else bad(p, 'kinds', 'unknown_kind', { value: word });
      }
      const community = p.community ? inScopeFirst.find((c) => c.name === p.community || c.code === p.community) : undefined;
      if (p.community && !community) bad(p, 'community', 'unknown_community', { value: p.community });
      else if (community && !isManagedBy(actor, community.path)) bad(p, 'community', 'community_out_of_scope', { value: p.community });
      const inCommunity = community && isManagedBy(actor, community.path) ? community : undefined;
      const home = p.home && inCommunity ? homes.find((h) => (h.name === p.home || h.code === p.home) && h.path.startsWith(inCommunity.path)) : undefined;
      if (p.home && inCommunity && !home) bad(p, 'home', 'unknown_home', { value: p.home });
      if (inCommunity) plan.push({ ...p, regionId: (home ?? inCommunity).id, typeCodes: [...new Set(typeCodes)] });
    }
    problems.sort((a, b) => a.row - b.row);
    return { problems, plan };
  }

  /** Writes a checked sheet in one transaction with one audit entry; a change meanwhile refuses it whole (409). */
  async function write(actor: Actor, fileName: string, plan: Planned[]): Promise<void> {
    const now = deps.clock.now();
    const values = plan.map((p) => ({
      districtId: actor.districtId, regionId: p.regionId, name: p.name, callName: p.callName, gender: p.gender, birthYear: p.birthYear,
      idNumberEnc: p.idNumber ? crypto.encrypt(p.idNumber) : null, idNumberHmac: p.idNumber ? crypto.digest(p.idNumber) : null,
      phone: p.phone, address: p.address, typeCodes: p.typeCodes, guardianName: p.guardianName, guardianRelation: p.guardianRelation, guardianPhone: p.guardianPhone,
      needs: p.needs, riskNotes: p.riskNotes, createdBy: actor.accountId, createdAt: now, updatedAt: now,
    }));
    try {
      await db.transaction(async (tx) => {
        for (let i = 0; i < values.length; i += CHUNK) await tx.insert(careRecipients).values(values.slice(i, i + CHUNK));
        // one entry for the sheet (as the volunteer import); each record names its creator (`created_by`)
        await deps.audit.record(actor, { action: 'care.import', objectType: 'region', objectId: actor.regionId, regionId: actor.regionId, details: { file: fileName, imported: plan.length, places: new Set(plan.map((p) => p.regionId)).size } });
      });
    } catch (err) {
      if (isConflict(err)) throw careError('care.import.changed', { field: 'file' });
      throw err;
    }
  }

  const words = (locale: Locale, p: RowProblem) => translate(locale, importReasonKey(p.reason), p.params ?? {});

  return {
    /** Checks an uploaded sheet's rows and imports them all, or none with every problem named. */
    async importSheet(actor: Actor, fileName: string, rows: SheetRow[], locale: Locale): Promise<ImportOutcome> {
      const { problems, plan } = await check(actor, rows);
      const base = { fileName: fileName.slice(0, 200), totalRows: rows.length };
      if (problems.length > 0) {
        // a refused sheet is recorded too: it tells whether its ID numbers are registered anywhere in the
        // district (the digest is UNIQUE there), so who checked how many is kept
        const registered = problems.filter((p) => p.reason === 'id_number_registered').length;
        await deps.audit.record(actor, { action: 'care.import', objectType: 'region', objectId: actor.regionId, regionId: actor.regionId, details: { file: base.fileName, refused: true, rows: rows.length, problems: problems.length, registered } });
        return { ...base, state: 'refused', importedRows: 0, problems: problems.map((p) => ({ row: p.row, column: columnLabel(locale, p.column), reason: words(locale, p) })) };
      }
      await write(actor, base.fileName, plan);
      return { ...base, state: 'done', importedRows: plan.length, problems: [] };
    },

    /**
     * The per-row error report of a sheet: the import keeps no copy of an upload, so the office sends
     * the same file again and gets its rows back with each problem (ID numbers masked, as on screen).
     */
    async importReport(actor: Actor, rows: SheetRow[], locale: Locale): Promise<Buffer> {
      const { problems } = await check(actor, rows);
      const masked = rows.map((r) => (r.cells.idNumber ? { ...r, cells: { ...r.cells, idNumber: maskIdNumber(r.cells.idNumber) ?? '' } } : r));
      return errorReport(locale, masked, problems.map((p) => ({ row: p.row, column: p.column, text: words(locale, p) })));
    },

    /** What the template lists: the communities the importer runs, and the district's active kinds of care. */
    async importChoices(actor: Actor): Promise<{ communities: { name: string; code: string }[]; kinds: string[] }> {
      const communities = await db.select({ name: regions.name, code: regions.code, path: regions.path }).from(regions)
        .where(and(eq(regions.districtId, actor.districtId), eq(regions.type, 'community'), subtreeOf(actor.regionPath)))
        .orderBy(regions.sortOrder, regions.name);
      const kinds = await db.select({ name: careTypes.name }).from(careTypes).where(and(eq(careTypes.districtId, actor.districtId), eq(careTypes.active, true))).orderBy(careTypes.sortOrder, careTypes.name);
      return { communities: communities.filter((c) => isManagedBy(actor, c.path)).map(({ name, code }) => ({ name, code })), kinds: kinds.map((k) => k.name) };
    },
  };
}

/** Whether the caller may register people there: an admin over the place (as `create` asks, care.recipients `checkInput`). */
function isManagedBy(actor: Actor, path: string): boolean {
  return staffRolesOver(actor, path).some((r) => adminRoles.includes(r));
}

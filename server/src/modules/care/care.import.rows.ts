import { isValidIdNumber } from '../../platform/privacy/id-number.js';
import type { ImportReason } from './care.errors.js';
import { MAX_KINDS, type ImportColumn, type SheetRow } from './care.import.sheet.js';

/*
 * One row of a care import read into values (关爱对象批量导入的单行校验): formats, lengths and words
 * a row shows by itself. Pure: what needs the database (a place, a kind of care, an ID number
 * registered already) is checked by care.import.ts. The lengths are the create form's
 * (care.schemas `RecipientFields`), so a row imports exactly when the form would take it.
 */

/** A problem of one cell: the reason's words are rendered in the reader's language by the import. */
export type RowProblem = { row: number; column: ImportColumn; reason: ImportReason; params?: Record<string, string | number> };

export type ParsedRow = {
  row: number;
  name: string;
  callName: string | null;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  idNumber: string | null;
  phone: string | null;
  community: string;
  home: string;
  address: string;
  /** The kinds as written (names or codes), resolved against the district's by the import. */
  kinds: string[];
  guardianName: string | null;
  guardianRelation: string | null;
  guardianPhone: string | null;
  needs: string;
  riskNotes: string;
};

const genderWords: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female' };
const limits: Partial<Record<ImportColumn, number>> = { name: 50, callName: 20, address: 100, guardianName: 50, guardianRelation: 20, needs: 500, riskNotes: 1000 };
const MOBILE = /^1[3-9]\d{9}$/;

/** The checks a row needs nothing else for. */
export function parseRow(r: SheetRow, thisYear: number): { parsed: ParsedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (column: ImportColumn, reason: ImportReason, params?: RowProblem['params']) => problems.push({ row: r.row, column, reason, ...(params ? { params } : {}) });
  const cell = (k: ImportColumn) => r.cells[k] ?? '';
  for (const [column, max] of Object.entries(limits) as [ImportColumn, number][]) if ([...cell(column)].length > max) bad(column, 'too_long', { max });
  const orNull = (k: ImportColumn) => cell(k) || null;

  const name = cell('name');
  if (!name) bad('name', 'required');
  const gender = cell('gender') ? (genderWords[cell('gender').toLowerCase()] ?? null) : null;
  if (cell('gender') && !gender) bad('gender', 'bad_gender');
  const birthYear = cell('birthYear') ? Number(cell('birthYear').replace(/年$/, '')) : null;
  if (birthYear !== null && !(Number.isInteger(birthYear) && birthYear >= 1900 && birthYear <= thisYear)) bad('birthYear', 'bad_birth_year', { max: thisYear });
  const idNumber = cell('idNumber').replace(/\s/g, '').toUpperCase() || null;
  if (idNumber && !isValidIdNumber(idNumber)) bad('idNumber', 'bad_id_number');
  const phone = cell('phone').replace(/[\s-]/g, '') || null;
  if (phone && !MOBILE.test(phone)) bad('phone', 'bad_phone');
  const guardianPhone = cell('guardianPhone').replace(/[\s-]/g, '') || null;
  if (guardianPhone && !MOBILE.test(guardianPhone)) bad('guardianPhone', 'bad_phone');
  // the record shows a guardian by their name: a phone or relation without one would be kept but never shown
  if ((guardianPhone || cell('guardianRelation')) && !cell('guardianName')) bad('guardianName', 'guardian_required');
  const community = cell('community');
  if (!community) bad('community', 'required');
  const kinds = [...new Set(cell('kinds').split(/[、,，;；/]/).map((s) => s.trim()).filter(Boolean))];
  if (kinds.length === 0) bad('kinds', 'required');
  else if (kinds.length > MAX_KINDS) bad('kinds', 'too_many_kinds', { max: MAX_KINDS });

  return {
    parsed: {
      row: r.row, name, callName: orNull('callName'), gender, birthYear, idNumber, phone, community, home: cell('home'), address: cell('address'), kinds,
      guardianName: orNull('guardianName'), guardianRelation: orNull('guardianRelation'), guardianPhone, needs: cell('needs'), riskNotes: cell('riskNotes'),
    },
    problems,
  };
}

import { isValidIdNumber } from '../../platform/privacy/id-number.js';
import type { RowReason } from './volunteers.import.errors.js';
import type { ImportColumn } from './volunteers.import.sheet.js';
import type { ImportedRow, RowProblem } from './volunteers.import.table.js';
import { availabilityProblem, type PoliticalStatus } from './volunteers.policy.js';
import type { AvailabilityWindow } from './volunteers.table.js';

/*
 * One row of a volunteer import read into values (志愿者批量导入的单行校验): the words a sheet may use
 * for a gender, a political status, yes or no, and the service times, and every problem a row shows
 * by itself. Pure: what needs the database (a phone taken, a community unknown) is checked by the
 * import job (volunteers.import.ts).
 */

const politicalWords: Record<string, PoliticalStatus> = {
  群众: 'masses', masses: 'masses',
  共青团员: 'league', 团员: 'league', league: 'league', 'league member': 'league',
  中共党员: 'party', 党员: 'party', party: 'party', 'party member': 'party',
  预备党员: 'probationary', 中共预备党员: 'probationary', probationary: 'probationary', 'probationary member': 'probationary',
};
const genderWords: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female' };
const yesNo: Record<string, boolean> = { 是: true, 否: false, yes: true, no: false, y: true, n: false, true: true, false: false, '1': true, '0': false };
const weekdays: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7,
  mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7,
};

/** "周六 08:30-11:30;周日 14:00-17:00" (or "Sat 8:30-11:30") → windows; null when unreadable. */
export function parseAvailability(value: string): AvailabilityWindow[] | null {
  const windows: AvailabilityWindow[] = [];
  for (const part of value.split(/[;；,，\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(?:周|星期|礼拜)?\s*([一二三四五六日天1-7]|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*(\d{1,2})[:：](\d{2})\s*[-–—~～至到]\s*(\d{1,2})[:：](\d{2})$/i.exec(part);
    if (!m) return null;
    windows.push({ weekday: weekdays[m[1]!.toLowerCase()]!, from: `${m[2]!.padStart(2, '0')}:${m[3]}`, to: `${m[4]!.padStart(2, '0')}:${m[5]}` });
  }
  return availabilityProblem(windows) ? null : windows;
}

/** One row read into values, with the problems found in the row alone. */
export type ParsedRow = {
  row: number;
  name: string;
  phone: string;
  idNumber?: string;
  gender?: 'male' | 'female';
  birthYear?: number;
  politicalStatus: PoliticalStatus;
  inService: boolean;
  workUnit: string | null;
  community: string;
  home: string;
  skills: string[];
  availability: AvailabilityWindow[];
  serviceRadiusM: number;
};

/** The checks a row needs nothing else for: formats, words, and the in-service rule. */
export function parseRow(r: ImportedRow, thisYear: number): { parsed: ParsedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (column: ImportColumn, reason: RowReason, params?: RowProblem['params']) => problems.push({ row: r.row, column, reason, ...(params ? { params } : {}) });
  const cell = (k: ImportColumn) => r.cells[k] ?? '';

  const name = cell('name');
  if (!name) bad('name', 'required');
  else if ([...name].length > 50) bad('name', 'too_long', { max: 50 });
  const phone = cell('phone').replace(/[\s-]/g, '');
  if (!phone) bad('phone', 'required');
  else if (!/^1[3-9]\d{9}$/.test(phone)) bad('phone', 'bad_phone');
  const idNumber = cell('idNumber').replace(/\s/g, '').toUpperCase();
  if (idNumber && !isValidIdNumber(idNumber)) bad('idNumber', 'bad_id_number');
  const gender = cell('gender') ? genderWords[cell('gender').toLowerCase()] : undefined;
  if (cell('gender') && !gender) bad('gender', 'bad_gender');
  const birthYear = cell('birthYear') ? Number(cell('birthYear').replace(/年$/, '')) : undefined;
  if (birthYear !== undefined && !(Number.isInteger(birthYear) && birthYear >= 1920 && birthYear <= thisYear)) bad('birthYear', 'bad_birth_year', { max: thisYear });
  const politicalStatus = cell('politicalStatus') ? politicalWords[cell('politicalStatus').toLowerCase()] : 'masses';
  if (!politicalStatus) bad('politicalStatus', 'bad_political_status');
  const inService = cell('inService') ? yesNo[cell('inService').toLowerCase()] : false;
  if (inService === undefined) bad('inService', 'bad_yes_no');
  const workUnit = cell('workUnit') || null;
  if (workUnit && [...workUnit].length > 100) bad('workUnit', 'too_long', { max: 100 });
  if (inService && politicalStatus && !['party', 'probationary'].includes(politicalStatus)) bad('inService', 'in_service_party_only');
  if (inService && !workUnit) bad('workUnit', 'work_unit_required');
  const community = cell('community');
  if (!community) bad('community', 'required');
  const skills = [...new Set(cell('skills').split(/[、,，;；/]/).map((s) => s.trim()).filter(Boolean))];
  if (skills.length > 20 || skills.some((s) => [...s].length > 20)) bad('skills', 'bad_skills');
  const availability = cell('availability') ? parseAvailability(cell('availability')) : [];
  if (!availability) bad('availability', 'bad_availability');
  const radius = cell('serviceRadiusM') ? Number(cell('serviceRadiusM').replace(/\s*(米|m)$/i, '')) : 1000;
  if (!(Number.isInteger(radius) && radius >= 100 && radius <= 50000)) bad('serviceRadiusM', 'bad_radius');

  return {
    parsed: {
      row: r.row, name, phone, idNumber: idNumber || undefined, gender, birthYear, politicalStatus: politicalStatus ?? 'masses', inService: inService ?? false,
      workUnit, community, home: cell('home'), skills, availability: availability ?? [], serviceRadiusM: radius,
    },
    problems,
  };
}


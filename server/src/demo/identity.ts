import crypto from 'node:crypto';
import { idNumberCheckDigit } from '../platform/privacy/id-number.js';
import type { Gender } from './names.js';
import type { Rng } from './random.js';

// A fixed namespace for the demo's name-based UUIDs (RFC 4122 version 5).
const namespace = Buffer.from('6c69616e-7869-6e2d-8465-6d6f2d763100'.replace(/-/g, ''), 'hex');

/**
 * A stable id for a demo object named by `key` (a region code, a phone …). Stable ids let a later
 * seeding step find an earlier step's rows by recomputing the id instead of querying for it, and keep
 * demo URLs the same on every install.
 */
export function demoUuid(seed: number, key: string): string {
  const digest = crypto.createHash('sha1').update(namespace).update(`${seed}:${key}`).digest();
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Mobile prefixes in real use (China Mobile, Unicom, Telecom); 138000… is kept for staff and demo logins.
const mobilePrefixes = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188',
  '189', '191', '198', '199',
];

/** The reserved block: fixed demo accounts 1380000000x, generated staff 13800{level}{nnnn}. */
export const STAFF_PHONE_PREFIX = '138000';

export function staffPhone(level: 1 | 2 | 3, index: number): string {
  return `${STAFF_PHONE_PREFIX}${level}${String(index).padStart(4, '0')}`;
}

/** A plausible mobile number not yet in `taken` and outside the staff block; adds it to `taken`. */
export function residentPhone(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const phone = rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (phone.startsWith(STAFF_PHONE_PREFIX) || taken.has(phone)) continue;
    taken.add(phone);
    return phone;
  }
}

// Where residents of a 枣庄 district were born: mostly locally, some from nearby counties.
const birthplaces = ['370402', '370402', '370402', '370402', '370403', '370404', '370405', '370406', '370481', '370102', '371302', '320382'];

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A valid 18-digit resident ID number (GB 11643): birthplace, birth date, sequence whose last digit
 * is odd for men and even for women, ISO 7064 check digit. Unique within `taken`.
 */
export function idNumber(rng: Rng, birthYear: number, gender: Gender, taken: Set<string>): string {
  for (;;) {
    const month = rng.int(1, 12);
    const day = rng.int(1, daysInMonth(birthYear, month));
    const sequence = rng.int(0, 49) * 2 + (gender === 'male' ? 1 : 0) + rng.int(0, 9) * 100;
    const first17 =
      rng.pick(birthplaces) + String(birthYear) + String(month).padStart(2, '0') + String(day).padStart(2, '0') + String(sequence).padStart(3, '0');
    const id = first17 + idNumberCheckDigit(first17);
    if (taken.has(id)) continue;
    taken.add(id);
    return id;
  }
}

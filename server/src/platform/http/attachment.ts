import { shanghaiDay } from '../clock/clock.js';
import type { Locale } from '../i18n/i18n.js';

/** A file name's words in each language; the English one doubles as the ASCII fallback. */
export type FileNames = Record<Locale, string>;

// RFC 5987 ext-value: UTF-8, percent-encoded, with the few characters encodeURIComponent leaves but attr-char forbids
const extValue = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
// quoted-string of printable ASCII only: anything else becomes '_'
const asciiOf = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

/**
 * Content-Disposition of a download named in the reader's language (需求台账-2026-12-05.xlsx): the
 * name in `filename*` (RFC 6266/5987, UTF-8), and the English name as the plain `filename=` for a
 * client that does not read the other.
 */
export function attachment(locale: Locale, names: FileNames): string {
  return `attachment; filename="${asciiOf(names.en)}"; filename*=UTF-8''${extValue(names[locale])}`;
}

/** The names of a workbook made on a day, dated by Beijing's calendar (需求台账-2026-12-06.xlsx at 01:00 there). */
export function dayNames(zh: string, en: string, now: Date): FileNames {
  const day = shanghaiDay(now);
  return { 'zh-CN': `${zh}-${day}.xlsx`, en: `${en}-${day}.xlsx` };
}

import { maskIdNumber, maskName, maskPhone } from './mask.js';

/*
 * Free text shown to anyone (the public board, 公示): what a resident or a volunteer wrote may name
 * the requester, give a phone number, an ID number or the door. The board promises "隐去姓名和电话"
 * (the consent's words), so those are masked before the text leaves the server. Rules, not a model:
 * they never miss a number of the shapes below, and a name the caller knows (the requester's).
 */

// order matters: an ID number holds a run that looks like a mobile number. Digits may come in groups
// (138 1234 5678, 138-1234-5678, 110101 19410505 0027): each pattern lets a space, hyphen or dot stand
// between them
const SEP = '[\\s\\-.]?';
const ID_NUMBER = new RegExp(`(?<!\\d)\\d{6}${SEP}\\d{8}${SEP}\\d{3}[\\dXx](?![\\dXx])`, 'g');
const MOBILE = new RegExp(`(?<!\\d)1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}(?!\\d)`, 'g');
// 0571-88888888, 057188888888, (0571)8888888, 0571 8888 8888
const LANDLINE = new RegExp(`(?<!\\d)(?:\\(0\\d{2,3}\\)|0\\d{2,3}${SEP})\\d{3,4}${SEP}\\d{4}(?!\\d)`, 'g');
// numbers joined by hyphens: a short landline (8888-6666), a door (3-501, 2-3-501)
const HYPHENED = /(?<!\d)\d+(?:-\d+)+(?!\d)/g;
// what is left of a long number (two numbers written together, a bank card): all of it
const LONG_NUMBER = /\d{7,}[Xx]?/g;
// 3号楼2单元501室, 12幢, 7弄3号: the numbers of a door, not the words around them
const DOOR = /\d+\s*(?=号楼|幢|栋|单元|室|弄|号|层|楼)/g;
// 三号楼二单元五零一室: the same in Chinese numerals (only before words that only a door has)
const DOOR_WORDS = /[零〇一二三四五六七八九十百两]+(?=号楼|幢|栋|单元|室|弄)/g;
// full-width digits (１３８…) as phones and some input methods type them
const FULL_WIDTH_DIGIT = /[０-９]/g;

const stars = (m: string) => '*'.repeat(Array.from(m.replace(/[\s\-.]/g, '')).length);

/** Escapes a literal for a RegExp. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with numbers masked and each given name (the full name, and the name without its surname
 * when that is two characters or more) replaced by its masked form: 王秀英 → 王**, 秀英 → **.
 */
export function anonymiseText(text: string, names: readonly (string | null | undefined)[] = []): string {
  let out = text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  out = out.replace(ID_NUMBER, (m) => maskIdNumber(m.replace(/[\s\-.]/g, '')) ?? '').replace(MOBILE, (m) => maskPhone(m.replace(/[\s\-.]/g, '')) ?? '').replace(LANDLINE, stars);
  out = out.replace(HYPHENED, stars).replace(LONG_NUMBER, stars);
  out = out.replace(DOOR, (m) => '*'.repeat(Math.min(m.trim().length, 3))).replace(DOOR_WORDS, (m) => '*'.repeat(Math.min(m.length, 3)));
  for (const name of names) {
    const full = name?.trim();
    if (!full) continue;
    const chars = Array.from(full);
    // a one-character name is a surname at most: masking every 王 would blank half the words
    if (chars.length < 2) continue;
    out = out.replace(new RegExp(literal(full), 'g'), maskName(full) ?? '');
    const given = chars.slice(1).join('');
    if (chars.length >= 3) out = out.replace(new RegExp(literal(given), 'g'), '*'.repeat(chars.length - 1));
  }
  return out;
}

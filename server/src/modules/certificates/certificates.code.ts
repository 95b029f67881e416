import { randomBytes } from 'node:crypto';

/*
 * A certificate's verification code (验证码): 19 random Crockford base32 symbols (95 bits, so nobody
 * guesses one) and a check symbol (Luhn mod 32), shown in five groups of four for reading aloud:
 * 7K3M-Q9XA-PD2R-… The check symbol catches any one mistyped symbol
 * and any two neighbours swapped (but 0 and Z), so a typo is told apart from a code never issued.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_SYMBOLS = 19;
export const CODE_LENGTH = RANDOM_SYMBOLS + 1;

/** Luhn mod 32 over the symbols: the one symbol that makes the whole code add up. */
function checkSymbol(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body[i]!);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** A new code, without separators (as stored). */
export function newCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(RANDOM_SYMBOLS);
  let body = '';
  for (let i = 0; i < RANDOM_SYMBOLS; i++) body += ALPHABET[bytes[i]! & 31];
  return body + checkSymbol(body);
}

/** The code as printed: groups of four joined by hyphens. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * What someone typed, read the Crockford way: case, spaces and hyphens do not matter, O reads as 0,
 * I and L as 1. Answers the stored form, or why it cannot be one: the wrong shape, or a typo (the
 * check symbol does not match).
 */
export function readCode(typed: string): { code: string } | { problem: 'malformed' | 'mistyped' } {
  const symbols = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== CODE_LENGTH || [...symbols].some((s) => !ALPHABET.includes(s))) return { problem: 'malformed' };
  const body = symbols.slice(0, RANDOM_SYMBOLS);
  return checkSymbol(body) === symbols[RANDOM_SYMBOLS] ? { code: symbols } : { problem: 'mistyped' };
}

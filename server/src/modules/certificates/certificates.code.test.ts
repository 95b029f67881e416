import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, formatCode, newCode, readCode } from './certificates.code.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('certificate codes', () => {
  it('are 95 random bits and a check symbol, printed in groups of four', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newCode()));
    expect(codes.size).toBe(2000);
    for (const code of [...codes].slice(0, 50)) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
      expect(formatCode(code)).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
      expect(readCode(formatCode(code))).toEqual({ code });
      expect(readCode(formatCode(code).toLowerCase().replace(/-/g, ' '))).toEqual({ code });
    }
    expect(CODE_LENGTH * 5 - 5).toBeGreaterThanOrEqual(80);
  });

  it('reads O as 0 and I, L as 1', () => {
    const code = newCode(() => Buffer.from(Array.from({ length: 19 }, (_, i) => (i % 2 ? 0 : 1))));
    expect(code.slice(0, 4)).toBe('1010');
    expect(readCode(code.slice(0, 4).replace(/1/g, 'l').replace(/0/g, 'O') + code.slice(4))).toEqual({ code });
  });

  it('tells every single mistyped symbol and every swap of two neighbours (but 0 and Z) from a real code', () => {
    for (let n = 0; n < 30; n++) {
      const code = newCode();
      for (let i = 0; i < code.length; i++) {
        for (const s of ALPHABET) {
          if (s === code[i]) continue;
          expect(readCode(code.slice(0, i) + s + code.slice(i + 1))).toEqual({ problem: 'mistyped' });
        }
        // Luhn's one blind spot: the two symbols worth 0 and 31
        if (i + 1 < code.length && code[i] !== code[i + 1] && `${code[i]}${code[i + 1]}` !== '0Z' && `${code[i]}${code[i + 1]}` !== 'Z0') {
          expect(readCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toEqual({ problem: 'mistyped' });
        }
      }
    }
  });

  it('answers malformed for the wrong length or a symbol outside the alphabet', () => {
    const code = newCode();
    expect(readCode(code.slice(1))).toEqual({ problem: 'malformed' });
    expect(readCode(`${code.slice(0, 5)}U${code.slice(6)}`)).toEqual({ problem: 'malformed' });
    expect(readCode('')).toEqual({ problem: 'malformed' });
  });
});

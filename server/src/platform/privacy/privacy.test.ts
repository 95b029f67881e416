import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckDigit, isValidIdNumber } from './id-number.js';
import { maskIdNumber, maskName, maskPhone } from './mask.js';

describe('masking personal data', () => {
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('keeps region prefix and last four of an ID number', () => {
    expect(maskIdNumber('110101199001011237')).toBe('110101********1237');
  });
  it('keeps only the surname of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
  it('never returns the input unchanged for a real phone number', () => {
    fc.assert(fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => maskPhone(p) !== p && maskPhone(p)!.length === p.length));
  });
});

describe('ID numbers (GB 11643)', () => {
  it('accepts a number with the right check digit, including X', () => {
    expect(isValidIdNumber('110101199001011237')).toBe(true);
    expect(isValidIdNumber('11010119850510001X')).toBe(true);
    expect(isValidIdNumber('11010119850510001x')).toBe(true);
  });
  it('refuses a wrong check digit, a bad date or a short number', () => {
    expect(isValidIdNumber('110101199001011234')).toBe(false);
    expect(isValidIdNumber('110101199013011237')).toBe(false);
    expect(isValidIdNumber('1101011990010112')).toBe(false);
  });
  it('any 17 digits plus their computed check digit validate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 999 }), (y, m, d, seq) => {
        const first17 = `370402${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
        return isValidIdNumber(first17 + idNumberCheckDigit(first17));
      }),
    );
  });
});

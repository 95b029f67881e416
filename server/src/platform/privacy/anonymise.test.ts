import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymiseText } from './anonymise.js';

describe('anonymiseText (the public board)', () => {
  it('masks phones, ID numbers, door numbers and the names it is given', () => {
    expect(anonymiseText('王秀英家水管漏了，电话13812341234', ['王秀英'])).toBe('王**家水管漏了，电话138****1234');
    expect(anonymiseText('秀英阿姨说谢谢', ['王秀英'])).toBe('**阿姨说谢谢');
    expect(anonymiseText('身份证110101194105050027，座机0571-88886666', [])).toBe('身份证110101********0027，座机************');
    expect(anonymiseText('送到3号楼2单元501室', [])).toBe('送到*号楼*单元***室');
    // a one-character name would blank every such word; a year and a count stay
    expect(anonymiseText('王家2026年送餐3次', ['王'])).toBe('王家2026年送餐3次');
    expect(anonymiseText('无需隐去的内容', [null, '', undefined])).toBe('无需隐去的内容');
  });

  it('finds numbers written as people write them: in groups, full width, short landlines, doors with hyphens or in words', () => {
    expect(anonymiseText('电话138 1234 5678', [])).toBe('电话138****5678');
    expect(anonymiseText('电话138-1234-5678', [])).toBe('电话138****5678');
    expect(anonymiseText('电话１３８１２３４５６７８', [])).toBe('电话138****5678');
    expect(anonymiseText('身份证110101 19410505 0027', [])).toBe('身份证110101********0027');
    expect(anonymiseText('座机 8888-6666', [])).toBe('座机 ********');
    expect(anonymiseText('座机0571 8888 6666', [])).toBe('座机************');
    expect(anonymiseText('送到3-501', [])).toBe('送到****');
    expect(anonymiseText('三号楼二单元五零一室', [])).toBe('*号楼*单元***室');
  });

  const cjk = fc.string({ unit: fc.constantFrom(...'社区志愿者服务上门理发老人谢谢，。家楼里的'), maxLength: 12 });
  const mobile = fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{9}$/)).map(([a, b]) => `1${a}${b}`);
  const digitsOf = (s: string) => s.replace(/\D/g, '');
  // as it may be typed: in groups of 3-4-4 with a space or hyphen, or in full-width digits
  const typed = fc.tuple(mobile, fc.constantFrom('plain', 'spaced', 'hyphened', 'wide')).map(([m, how]) =>
    how === 'spaced' ? `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}` : how === 'hyphened' ? `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}` : how === 'wide' ? m.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : m,
  );
  const idNumber = fc.stringMatching(/^\d{17}[\dX]$/);
  const name = fc.tuple(fc.constantFrom(...'王李张刘陈'), fc.string({ unit: fc.constantFrom(...'秀英建国芳明华'), minLength: 1, maxLength: 2 })).map(([s, g]) => s + g);

  it('never lets a phone, an ID number or the name through, wherever they stand in the text', () => {
    fc.assert(
      fc.property(cjk, typed, cjk, idNumber, cjk, name, cjk, (a, phone, b, id, c, who, d) => {
        const out = anonymiseText(`${a}${phone}${b}${id}${c}${who}${d}`, [who]);
        // whatever the grouping, the phone's digits never come out in a row
        expect(digitsOf(out)).not.toContain(digitsOf(phone.replace(/[０-９]/g, (x) => String.fromCharCode(x.charCodeAt(0) - 0xfee0))));
        expect(out).not.toContain(id);
        expect(out).not.toContain(who);
        // masking keeps the rest of the words
        expect(out.startsWith(a)).toBe(true);
      }),
    );
  });
});

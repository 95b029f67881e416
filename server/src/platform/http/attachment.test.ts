import { describe, expect, it } from 'vitest';
import { shanghaiDay } from '../clock/clock.js';
import { attachment } from './attachment.js';

describe('a download’s file name', () => {
  it('is in the reader’s language as UTF-8 filename*, with the English name as the plain ASCII filename', () => {
    const names = { 'zh-CN': '需求台账-2026-12-05.xlsx', en: 'needs-2026-12-05.xlsx' };
    expect(attachment('zh-CN', names)).toBe(`attachment; filename="needs-2026-12-05.xlsx"; filename*=UTF-8''%E9%9C%80%E6%B1%82%E5%8F%B0%E8%B4%A6-2026-12-05.xlsx`);
    expect(attachment('en', names)).toBe(`attachment; filename="needs-2026-12-05.xlsx"; filename*=UTF-8''needs-2026-12-05.xlsx`);
  });

  it('keeps quotes, backslashes and non-ASCII out of the plain name, and escapes what RFC 5987 forbids', () => {
    expect(attachment('en', { 'zh-CN': 'x', en: 'a"b\\c 张.pdf' })).toBe(`attachment; filename="a_b_c _.pdf"; filename*=UTF-8''a%22b%5Cc%20%E5%BC%A0.pdf`);
    expect(attachment('en', { 'zh-CN': 'x', en: "it's (1)*.pdf" })).toContain(`filename*=UTF-8''it%27s%20%281%29%2A.pdf`);
  });

  it('is dated by Beijing’s calendar day, not UTC’s', () => {
    expect(shanghaiDay(new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05');
    expect(shanghaiDay(new Date('2026-12-05T15:59:00Z'))).toBe('2026-12-05');
  });
});

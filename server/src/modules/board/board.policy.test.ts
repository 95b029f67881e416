import { describe, expect, it } from 'vitest';
import { boardMonth } from './board.policy.js';

const at = (iso: string) => new Date(iso);

describe('boardMonth', () => {
  it('is the last whole month by default, in Shanghai time', () => {
    expect(boardMonth(undefined, at('2026-12-05T10:00:00Z'))).toEqual({ month: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    // 31 Dec 17:00 UTC is already 1 January in Shanghai: December is the last whole month
    expect(boardMonth(undefined, at('2026-12-31T17:00:00Z'))).toEqual({ month: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(boardMonth(undefined, at('2027-01-10T00:00:00Z'))?.month).toBe('2026-12');
  });

  it('counts the current month up to today and knows short months', () => {
    expect(boardMonth('2026-12', at('2026-12-05T10:00:00Z'))).toEqual({ month: '2026-12', from: '2026-12-01', to: '2026-12-05' });
    expect(boardMonth('2026-02', at('2026-12-05T10:00:00Z'))?.to).toBe('2026-02-28');
    expect(boardMonth('2024-02', at('2026-12-05T10:00:00Z'))?.to).toBe('2024-02-29');
  });

  it('refuses a month to come, one before the platform, and what is no month', () => {
    for (const bad of ['2027-01', '2019-12', '2026-13', '2026-1', 'last', '']) expect(boardMonth(bad, at('2026-12-05T10:00:00Z'))).toBeUndefined();
  });
});

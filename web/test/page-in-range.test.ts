import { describe, expect, it } from 'vitest';
import { pageInRange } from '../src/lib/use-list-query';

describe('the page a desk table settles on', () => {
  it('stays on a page that has rows', () => {
    expect(pageInRange({ page: 3, pageSize: 20, total: 60, rows: 20 })).toBe(3);
    expect(pageInRange({ page: 1, pageSize: 20, total: 0, rows: 0 })).toBe(1);
  });

  it('goes back to the last page with rows when the one asked for is past the end', () => {
    expect(pageInRange({ page: 9, pageSize: 20, total: 55, rows: 0 })).toBe(3);
    expect(pageInRange({ page: 4, pageSize: 20, total: 60, rows: 0 })).toBe(3);
  });

  it('goes back to page 1 when nothing is left', () => {
    expect(pageInRange({ page: 9, pageSize: 20, total: 0, rows: 0 })).toBe(1);
  });
});

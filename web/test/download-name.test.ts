import { describe, expect, it } from 'vitest';

// the API client names the page's language through the app's i18n set-up, which reads the document
globalThis.document ??= { documentElement: {} } as Document;
const { filenameOf } = await import('../src/api/client');

describe('the name a download is saved under', () => {
  it('is the UTF-8 name in the reader’s language when the server gives one', () => {
    expect(filenameOf(`attachment; filename="needs-2026-12-05.xlsx"; filename*=UTF-8''%E9%9C%80%E6%B1%82%E5%8F%B0%E8%B4%A6-2026-12-05.xlsx`)).toBe('需求台账-2026-12-05.xlsx');
  });

  it('falls back to the plain name, and to "download" without one', () => {
    expect(filenameOf('attachment; filename="needs-2026-12-05.xlsx"')).toBe('needs-2026-12-05.xlsx');
    expect(filenameOf(`attachment; filename="a.xlsx"; filename*=UTF-8''%E9%9C`)).toBe('a.xlsx');
    expect(filenameOf('')).toBe('download');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldMessage, type Translate } from '../src/lib/field-message';

// Under a form's own field a schema violation is said in the form's words, never with the API's
// name of the field ("字段 标题 (title) 过短" showed "(title)" to a resident on 我要点单).
const common = (lang: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../src/i18n/locales/${lang}.json`), 'utf8')) as { fieldErrors: Record<string, string> };
const tIn = (lang: string) =>
  ((key: string, options: Record<string, unknown> = {}) => {
    const word = common(lang).fieldErrors[key.replace('common:fieldErrors.', '')];
    return word === undefined ? key : word.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
  }) as unknown as Translate;
// the validation codes the server can answer with (its platform catalogue), but the one naming a
// field the form does not have, which is never shown under a field
const serverCodes = [...readFileSync(path.resolve(import.meta.dirname, '../../server/src/platform/errors/platform.errors.ts'), 'utf8').matchAll(/'validation\.(\w+)'/g)].map((m) => m[1]!).filter((k) => k !== 'additional');

describe('a failed request under its field', () => {
  it('reads the server’s validation codes', () => {
    expect(serverCodes).toContain('minLength');
    expect(serverCodes.length).toBeGreaterThan(10);
  });

  it.each(['zh-CN', 'en'])('says every schema violation in the form’s words in %s, without the field’s name', (lang) => {
    const t = tIn(lang);
    for (const code of serverCodes) {
      const said = fieldMessage({ code: `validation.${code}`, message: '字段 标题 (title) 有误', details: { limit: 2 } }, t);
      expect([code, said.includes('common:') || said.includes('title') || said.includes('{{')]).toEqual([code, false]);
    }
  });

  it('gives the limit, and keeps a module’s own message', () => {
    const t = tIn('zh-CN');
    expect(fieldMessage({ code: 'validation.minLength', message: '字段 标题 (title) 过短，至少 2 个字符', details: { limit: 2 } }, t)).toBe('太短了，至少 2 个字');
    expect(fieldMessage({ code: 'needs.bad_photo', message: '照片无效' }, t)).toBe('照片无效');
    // without the words at hand, the server's message as it came
    expect(fieldMessage({ code: 'validation.minLength', message: '字段 标题 (title) 过短' })).toBe('字段 标题 (title) 过短');
  });
});

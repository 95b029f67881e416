import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../app.js'; // imports every module, which defines its catalogue
import { hasMessage } from '../i18n/i18n.js';
import { defineErrors, definedErrors } from './catalogue.js';

/*
 * Every error code has one status and a message in both languages. Codes are defined in each
 * module's `<module>.errors.ts` with `defineErrors` and thrown through the maker it returns
 * (`throw needsError('needs.already_taken')`), which takes the status from the catalogue. The source
 * is read to find every code thrown, so a code without its catalogue entry, an error built by hand
 * with a status of its own, or one code answered with two statuses fails here, not in front of a user.
 */
const srcRoot = path.resolve(import.meta.dirname, '../..');
const catalogueFile = path.join('platform', 'errors', 'catalogue.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

type Throw = { code: string; status: number | undefined; where: string; direct: boolean };

/** Every place the source makes an error with a literal code: through a catalogue's maker, or by hand. */
function thrownCodes(): Throw[] {
  const found: Throw[] = [];
  for (const file of sourceFiles(srcRoot)) {
    const where = path.relative(srcRoot, file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b([a-z]\w*Error)\(\s*'([a-z_]+\.[a-zA-Z_.]+)'/g)) {
      found.push({ code: m[2]!, status: definedErrors().get(m[2]!)?.status, where: `${where} (${m[1]})`, direct: false });
    }
    // needs.effects.ts checks input with need(condition, code, field)
    for (const m of text.matchAll(/\bneed\([^,]+,\s*'([a-z_]+\.[a-zA-Z_.]+)'/g)) {
      found.push({ code: m[1]!, status: definedErrors().get(m[1]!)?.status, where: `${where} (need)`, direct: false });
    }
    for (const m of text.matchAll(/new AppError\(\s*'([a-z_]+\.[a-zA-Z_.]+)'\s*,\s*(\d+)/g)) {
      found.push({ code: m[1]!, status: Number(m[2]), where, direct: true });
    }
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  it('finds the codes the source throws', () => {
    expect(new Set(thrownCodes().map((t) => t.code)).size).toBeGreaterThan(60);
  });

  it('every code thrown anywhere is in a catalogue, with a zh-CN and an en message', () => {
    const missing = thrownCodes()
      .filter(({ code }) => !definedErrors().has(code) || !hasMessage('zh-CN', code) || !hasMessage('en', code))
      .map(({ code, where }) => `${code} (${where})`);
    expect(missing).toEqual([]);
  });

  it('errors are made through a catalogue, which fixes the status, never with `new AppError` by hand', () => {
    const byHand = sourceFiles(srcRoot)
      .filter((file) => path.relative(srcRoot, file) !== catalogueFile && /new AppError\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(srcRoot, file));
    expect(byHand, 'throw the module catalogue’s error instead (see platform/errors/catalogue.ts)').toEqual([]);
  });

  it('no code is answered with two statuses', () => {
    const statuses = new Map<string, Set<string>>();
    for (const t of thrownCodes()) {
      const seen = statuses.get(t.code) ?? new Set<string>();
      seen.add(`${t.status} in ${t.where}`);
      statuses.set(t.code, seen);
    }
    const twice = [...statuses].filter(([, seen]) => new Set([...seen].map((s) => s.split(' ')[0])).size > 1).map(([code, seen]) => `${code}: ${[...seen].join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('a code is defined once: a second catalogue cannot give it another status', () => {
    expect(definedErrors().get('needs.merge_target')?.status).toBe(400);
    expect(() => defineErrors({ 'needs.merge_target': { status: 409, 'zh-CN': '合并目标冲突', en: 'Merge target conflict' } })).toThrow(/defined twice/);
    expect(definedErrors().get('needs.merge_target')?.status).toBe(400);
  });

  it('both languages of a message fill the same placeholders', () => {
    const differ = [...definedErrors()]
      .filter(([, spec]) => spec['zh-CN'].trim() === '' || spec.en.trim() === '' || placeholders(spec['zh-CN']).join() !== placeholders(spec.en).join())
      .map(([code]) => code);
    expect(differ).toEqual([]);
  });
});

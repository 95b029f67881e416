import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../app.js'; // imports every module, which registers its messages
import { hasMessage } from '../i18n/i18n.js';

/*
 * Every error code the source can throw has a message in both languages. The codes are found by
 * reading the source (AppError('…'), notFound('…'), forbidden('…'), conflict('…'), invalid(…, '…')),
 * so a new code without its messages fails here, not in front of a user.
 */
const srcRoot = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/new AppError\(\s*'([a-z_]+\.[a-z_.]+)'/g, (m) => m[1]!],
    [/notFound\(\s*'([a-z_.]+)'\s*\)/g, (m) => `${m[1]}.not_found`],
    [/(?:forbidden|conflict)\(\s*'([a-z_]+\.[a-z_.]+)'/g, (m) => m[1]!],
    [/\bneed\([^,]+,\s*'([a-z_]+\.[a-z_.]+)'/g, (m) => m[1]!],
  ];
  for (const file of sourceFiles(srcRoot)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [re, code] of patterns) for (const m of text.matchAll(re)) found.set(code(m), path.relative(srcRoot, file));
  }
  return found;
}

describe('error catalogue', () => {
  it('finds the codes the source throws', () => {
    expect(thrownCodes().size).toBeGreaterThan(60);
  });

  it('every code thrown anywhere has a zh-CN and an en message', () => {
    const missing = [...thrownCodes()].filter(([code]) => !hasMessage('zh-CN', code) || !hasMessage('en', code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });
});

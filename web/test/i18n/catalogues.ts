import fs from 'node:fs';
import path from 'node:path';

export const languages = ['zh-CN', 'en'] as const;

/** A namespace's keys (dotted paths to their strings) in each language. */
export type Catalogue = Record<(typeof languages)[number], Map<string, string>>;

const src = path.resolve(import.meta.dirname, '../../src');

/** Where each namespace's files are: common in i18n/, a feature's beside its code. */
export function catalogueDirs(): Map<string, string> {
  const dirs = new Map([['common', path.join(src, 'i18n/locales')]]);
  for (const feature of fs.readdirSync(path.join(src, 'features'))) {
    const dir = path.join(src, 'features', feature, 'locales');
    if (fs.existsSync(dir)) dirs.set(feature, dir);
  }
  return dirs;
}

function flatten(node: unknown, prefix: string, out: Map<string, string>, problems: string[], file: string) {
  if (typeof node === 'string') {
    if (node.trim() === '') problems.push(`${file}: "${prefix}" is empty`);
    out.set(prefix, node);
  } else if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out, problems, file);
  } else problems.push(`${file}: "${prefix}" is neither a string nor a group of keys`);
}

/**
 * i18next's English plural forms (`x_one`, `x_other`, read by t('x', { count })) are one key `x` to
 * the code and to Chinese, which needs only the plain key; a group needs both forms.
 */
function foldPlurals(keys: Map<string, string>, problems: string[], file: string) {
  const written = new Set(keys.keys());
  for (const [key, text] of [...keys]) {
    const form = /_(one|other)$/.exec(key);
    if (!form) continue;
    const base = key.slice(0, form.index);
    if (!written.has(`${base}_${form[1] === 'one' ? 'other' : 'one'}`)) problems.push(`${file}: "${key}" is a plural form without its pair`);
    if (keys.has(base)) problems.push(`${file}: "${base}" is both a key and a plural group`);
    keys.delete(key);
    if (form[1] === 'other') keys.set(base, text);
  }
}

export function readCatalogues(): { catalogues: Map<string, Catalogue>; problems: string[] } {
  const catalogues = new Map<string, Catalogue>();
  const problems: string[] = [];
  for (const [namespace, dir] of catalogueDirs()) {
    const files = fs.readdirSync(dir).sort();
    const expected = languages.map((l) => `${l}.json`).sort();
    if (files.join() !== expected.join()) problems.push(`${path.relative(src, dir)} holds ${files.join(', ')}; expected ${expected.join(', ')}`);
    const catalogue = {} as Catalogue;
    for (const language of languages) {
      const file = path.join(dir, `${language}.json`);
      catalogue[language] = new Map();
      if (fs.existsSync(file)) flatten(JSON.parse(fs.readFileSync(file, 'utf8')), '', catalogue[language], problems, path.relative(src, file));
      foldPlurals(catalogue[language], problems, path.relative(src, file));
    }
    catalogues.set(namespace, catalogue);
  }
  return { catalogues, problems };
}

/** A key pattern from the code (`*` for a computed part) as a test on catalogue keys. */
export function keyMatcher(pattern: string): (key: string) => boolean {
  if (!pattern.includes('*')) return (key) => key === pattern;
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
  return (key) => re.test(key);
}

/** The {{placeholders}} of a string, sorted. */
export const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

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

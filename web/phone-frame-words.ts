import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/*
 * The words of the phone frame (its tab bar and the home's service tiles) as one small catalogue per
 * language, made at build time from the manifests and the features' catalogues: every signed-in phone
 * page waits for these words, and on a slow line the features' whole catalogues (20 KB compressed)
 * held the home's first load over its budget (bench:budgets). A page still loads its feature's whole
 * catalogue; the home's cards load theirs when they show.
 */
const features = path.join(import.meta.dirname, 'src/features');
export const PHONE_FRAME_MODULE = 'virtual:phone-frame-words/';

/** The text of a manifest's `phoneTabs: [...]` or `phoneServices: [...]` block, brackets matched. */
function block(text: string, name: string): string {
  const start = text.search(new RegExp(`\\b${name}\\s*:\\s*\\[`));
  if (start < 0) return '';
  let depth = 0;
  for (let i = text.indexOf('[', start); i < text.length; i++) {
    if (text[i] === '[') depth++;
    if (text[i] === ']' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`phone frame words: unclosed ${name} block`);
}

/** Each feature's tab and tile labels in its own namespace (a label naming another namespace, `ns:key`, is left to that one). */
export function phoneFrameLabels(): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const feature of fs.readdirSync(features).sort()) {
    const manifest = path.join(features, feature, 'manifest.ts');
    if (!fs.existsSync(manifest)) continue;
    const text = fs.readFileSync(manifest, 'utf8');
    const keys = ['phoneTabs', 'phoneServices'].flatMap((name) => [...block(text, name).matchAll(/\blabel:\s*'([^']+)'/g)].map((m) => m[1]!)).filter((k) => !k.includes(':'));
    if (keys.length) labels.set(feature, [...new Set(keys)]);
  }
  return labels;
}

/** { needs: { h5: { service: { needs: '我要点单' } } }, … }: the labels' words in one language, nested as in the catalogues. */
export function phoneFrameWords(language: string): Record<string, object> {
  const words: Record<string, Record<string, unknown>> = {};
  for (const [feature, keys] of phoneFrameLabels()) {
    const catalogue = JSON.parse(fs.readFileSync(path.join(features, feature, 'locales', `${language}.json`), 'utf8')) as Record<string, unknown>;
    const out: Record<string, unknown> = (words[feature] = {});
    for (const key of keys) {
      const parts = key.split('.');
      const value = parts.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
      if (typeof value !== 'string') throw new Error(`phone frame words: ${feature}:${key} has no ${language} words`);
      let node = out;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts.at(-1)!] = value;
    }
  }
  return words;
}

/** `import('virtual:phone-frame-words/zh-CN')`: the catalogue above, rebuilt when a manifest or catalogue changes. */
export function phoneFrameWordsPlugin(): Plugin {
  const resolved = '\0' + PHONE_FRAME_MODULE;
  return {
    name: 'lx-phone-frame-words',
    resolveId: (id) => (id.startsWith(PHONE_FRAME_MODULE) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(resolved)) return undefined;
      for (const feature of phoneFrameLabels().keys()) {
        this.addWatchFile(path.join(features, feature, 'manifest.ts'));
        // files, not the folder: the dev server turns each into an import it must resolve
        for (const language of ['zh-CN', 'en']) this.addWatchFile(path.join(features, feature, 'locales', `${language}.json`));
      }
      return `export default ${JSON.stringify(phoneFrameWords(id.slice(resolved.length)))};`;
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const src = path.resolve(import.meta.dirname, '../../web/src');

function leaves(node: unknown, prefix: string): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * Every key of every catalogue that could be mistaken for nothing but a key on screen: a dotted
 * path ("field.phone"), with and without its namespace ("common:field.phone"), and as the phone
 * frame's catalogue names a feature's tab or tile ("phoneFrame:needs.h5.tab.pool", shown by i18next
 * without its namespace when missing: "needs.h5.tab.pool").
 */
export function catalogueKeys(): string[] {
  const dirs = [['common', path.join(src, 'i18n/locales')], ...fs.readdirSync(path.join(src, 'features')).map((f) => [f, path.join(src, 'features', f, 'locales')])];
  return dirs
    .filter(([, dir]) => fs.existsSync(path.join(dir!, 'zh-CN.json')))
    .flatMap(([ns, dir]) => leaves(JSON.parse(fs.readFileSync(path.join(dir!, 'zh-CN.json'), 'utf8')), '').filter((k) => k.includes('.')).flatMap((k) => [k, `${ns}:${k}`, `phoneFrame:${ns}.${k}`, `${ns}.${k}`]));
}

/**
 * Watches a page from its first byte for text that is a catalogue key: every text and attribute
 * (placeholder, title, aria-label) added or changed is checked as it appears, so a key shown for
 * a moment before its namespace arrived is caught too, not only what is left at the end.
 */
export async function watchForRawKeys(context: BrowserContext): Promise<void> {
  await context.addInitScript((keys: string[]) => {
    const known = new Set(keys);
    const seen: string[] = [];
    (window as unknown as { __rawKeys: string[] }).__rawKeys = seen;
    const check = (text: string | null | undefined) => {
      for (const token of text?.match(/[A-Za-z][\w-]*(?::[\w.-]+|(?:\.[\w-]+)+)/g) ?? []) if (known.has(token)) seen.push(token);
    };
    const inspect = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) return check(node.textContent);
      if (!(node instanceof Element)) return;
      check(node.textContent);
      for (const element of [node, ...node.querySelectorAll('[placeholder],[title],[aria-label]')]) {
        for (const name of ['placeholder', 'title', 'aria-label']) check(element.getAttribute(name));
      }
    };
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'characterData') check(m.target.textContent);
        else if (m.type === 'attributes') check((m.target as Element).getAttribute(m.attributeName!));
        else m.addedNodes.forEach(inspect);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'title', 'aria-label'] });
  }, catalogueKeys());
}

/** The catalogue keys the page has shown so far (see watchForRawKeys). */
export const rawKeysSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const seen = (window as unknown as { __rawKeys?: string[] }).__rawKeys;
    // a watcher that never ran would see nothing and pass: say so instead
    if (!seen) throw new Error('the raw-key watcher (watchForRawKeys) is not running on this page');
    return [...new Set(seen)];
  });

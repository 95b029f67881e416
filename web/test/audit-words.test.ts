import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownActions, knownObjectTypes } from '../src/features/audit/audit.codes';
import { actionKey } from '../src/features/audit/audit.words';
import { serverAuditCodes } from './i18n/audit-codes';

// The audit log shows every action and object type in words: each code the server can record
// (read from its source) must be a filter choice and have words in zh-CN and en.
const locales = path.resolve(import.meta.dirname, '../src/features/audit/locales');
const catalogue = (lang: string) => JSON.parse(readFileSync(path.join(locales, `${lang}.json`), 'utf8')) as Record<string, unknown>;
const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
const { actions, objectTypes, detailKeys, problems } = serverAuditCodes();
const languages = ['zh-CN', 'en'];

describe('audit log words', () => {
  it('reads every audit call in the server source', () => {
    expect(problems).toEqual([]);
    // the reader finds the calls at all (about 150 actions, 30 object types today)
    expect(actions.size).toBeGreaterThan(100);
    expect(objectTypes.size).toBeGreaterThan(25);
    expect(actions).toContain('needs.submit');
    expect(actions).toContain('conduct.appeal.upheld');
    expect(objectTypes).toContain('points_rule');
  });

  it.each(languages)('every action the server records has words in %s', (lang) => {
    const words = catalogue(lang);
    const missing = [...actions].filter((a) => typeof lookup(words, actionKey(a)) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(languages)('every object type the server records has words in %s', (lang) => {
    const words = catalogue(lang);
    const missing = [...objectTypes].filter((o) => typeof lookup(words, `objectTypes.${o}`) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(languages)('every module of an action has a name in %s (the fallback for an action not yet named)', (lang) => {
    const words = catalogue(lang);
    const modules = new Set([...actions].map((a) => a.split('.')[0]!));
    expect([...modules].filter((m) => typeof lookup(words, `modules.${m}`) !== 'string')).toEqual([]);
  });

  it.each(languages)('every detail the server writes out by name has a label in %s', (lang) => {
    const words = catalogue(lang);
    expect(detailKeys.size).toBeGreaterThan(50);
    expect([...detailKeys].filter((k) => typeof lookup(words, `detailKeys.${k}`) !== 'string')).toEqual([]);
  });

  it('every recorded action and object type is a filter choice', () => {
    expect([...actions].filter((a) => !(knownActions as readonly string[]).includes(a))).toEqual([]);
    expect([...objectTypes].filter((o) => !(knownObjectTypes as readonly string[]).includes(o))).toEqual([]);
  });

  it('no word is itself a code', () => {
    for (const lang of languages) {
      const words = catalogue(lang);
      const codes = [...knownActions].filter((a) => /^[a-z]+(\.[A-Za-z_]+)+$/.test(String(lookup(words, actionKey(a)))));
      expect(codes, lang).toEqual([]);
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { features } from '../src/app/features';
import { deskFrameNamespaces, phoneFrameNamespaces } from '../src/app/navigation';
import { keyMatcher, languages, placeholders, readCatalogues } from './i18n/catalogues';
import { collectKeyUses, webProgram, type KeyUse } from './i18n/key-uses';
import { framePages, manifestPages, namespaceGaps, type LazyLoad } from './i18n/page-namespaces';

// Every word on screen comes from a catalogue: a key the code asks for and does not find would
// show as a raw key, in one language or both. These checks read the code with the type checker.
const { catalogues, problems: catalogueProblems } = readCatalogues();
const web = webProgram(path.resolve(import.meta.dirname, '../tsconfig.json'));
const { uses: codeUses, problems: codeProblems } = collectKeyUses(web);

/** The menu, tab and service labels the manifests name (drawn through one checked-elsewhere call). */
const manifestUses: KeyUse[] = features.flatMap((f) =>
  [...(f.menu ?? []).flatMap((e) => [e.label, e.hint]), ...(f.phoneTabs ?? []).map((e) => e.label), ...(f.phoneServices ?? []).map((e) => e.label)].map((key) => ({
    where: `${f.name}/manifest.ts`,
    ns: f.name,
    key,
    lenient: false,
    call: 0,
    loaded: [f.name],
  })),
);
const uses = [...codeUses, ...manifestUses];

const describeUse = (use: KeyUse) => `${use.where}: ${use.ns}:${use.key}`;

describe('locale catalogues', () => {
  it('every catalogue is readable JSON of non-empty strings, one file per language', () => {
    expect(catalogueProblems).toEqual([]);
    expect([...catalogues.keys()]).toContain('common');
  });

  it('zh-CN and en of a namespace hold the same keys', () => {
    const differences = [...catalogues].flatMap(([ns, c]) => [
      ...[...c['zh-CN'].keys()].filter((k) => !c.en.has(k)).map((k) => `${ns}:${k} has no English`),
      ...[...c.en.keys()].filter((k) => !c['zh-CN'].has(k)).map((k) => `${ns}:${k} has no Chinese`),
    ]);
    expect(differences).toEqual([]);
  });

  it('a string and its translation fill in the same {{placeholders}}', () => {
    const differences = [...catalogues].flatMap(([ns, c]) =>
      [...c['zh-CN']].filter(([key, zh]) => placeholders(zh).join() !== placeholders(c.en.get(key) ?? zh).join()).map(([key]) => `${ns}:${key}`),
    );
    expect(differences).toEqual([]);
  });
});

describe('the keys the code asks for', () => {
  it('every t() key can be read from the code: literals, or computed from literal types', () => {
    expect(codeProblems).toEqual([]);
    expect(codeUses.length).toBeGreaterThan(500);
  });

  const exists = (use: KeyUse, language: (typeof languages)[number]) => [...(catalogues.get(use.ns)?.[language].keys() ?? [])].some(keyMatcher(use.key));

  it('every key exists in both languages of its namespace', () => {
    const missing = uses.flatMap((use) => {
      if (!catalogues.has(use.ns)) return [`${describeUse(use)}: no namespace "${use.ns}"`];
      return use.lenient ? [] : languages.filter((language) => !exists(use, language)).map((language) => `${describeUse(use)}: not in ${language}`);
    });
    expect(missing).toEqual([]);
  });

  it('a call with a defaultValue (for codes the server may add) still finds some of its keys', () => {
    const lenientCalls = new Map<number, KeyUse[]>();
    for (const use of uses.filter((u) => u.lenient)) lenientCalls.set(use.call, [...(lenientCalls.get(use.call) ?? []), use]);
    const missing = [...lenientCalls.values()].flatMap((group) =>
      languages.filter((language) => !group.some((use) => exists(use, language))).map((language) => `${describeUse(group[0]!)}: none of its keys in ${language}`),
    );
    expect(missing).toEqual([]);
  });

  it('a key reads another namespace only if its hook loads that one too (common is always loaded)', () => {
    const unloaded = codeUses.filter((use) => use.loaded && use.ns !== 'common' && !use.loaded.includes(use.ns)).map(describeUse);
    expect(unloaded).toEqual([]);
  });

  it('every key in a catalogue is used somewhere', () => {
    const patterns = new Map<string, ((key: string) => boolean)[]>();
    for (const use of uses) patterns.set(use.ns, [...(patterns.get(use.ns) ?? []), keyMatcher(use.key)]);
    const unused = [...catalogues].flatMap(([ns, c]) => [...c['zh-CN'].keys()].filter((key) => !(patterns.get(ns) ?? []).some((matches) => matches(key))).map((key) => `${ns}:${key}`));
    expect(unused).toEqual([]);
  });
});

describe('namespaces load with the pages that show them', () => {
  const src = path.join(web.root, 'src');
  const frames: Record<string, readonly string[]> = { app: deskFrameNamespaces, member: phoneFrameNamespaces };

  it('every page of a manifest loads each namespace its components read (no blank moment on first show)', () => {
    const loads: LazyLoad[] = features.flatMap((f) => {
      const manifest = path.join(src, 'features', f.name, 'manifest.ts');
      return manifestPages(web, manifest).map((page) => ({
        where: `${f.name}/manifest.ts ${page.surface}.${page.slot} ${path.relative(src, page.module)}`,
        module: page.module,
        allowed: [f.name, ...page.namespaces, ...(frames[page.slot] ?? [])],
      }));
    });
    // every route the manifests declare was found in their source
    expect(loads.length).toBe(features.flatMap((f) => [...Object.values(f.desk ?? {}), ...Object.values(f.phone ?? {})]).flat().length);
    expect(namespaceGaps(web, codeUses, loads)).toEqual([]);
  });

  it('the frames load the namespaces of the menus they draw', () => {
    const lists: Record<string, readonly string[]> = { deskFrameNamespaces, phoneFrameNamespaces };
    const loads = framePages(web, path.join(src, 'app/routes.tsx')).map((frame) => ({
      where: `routes.tsx ${path.relative(src, frame.module)}`,
      module: frame.module,
      allowed: [...(frame.namespaces ? (lists[frame.namespaces] ?? []) : [])],
    }));
    expect(loads.map((l) => l.where)).toEqual(expect.arrayContaining(['routes.tsx features/shell/AppLayout.tsx', 'routes.tsx features/h5/H5Layout.tsx']));
    expect(namespaceGaps(web, codeUses, loads)).toEqual([]);
  });
});

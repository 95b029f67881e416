import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderedModules, registeredModules } from '../../services.js';
import type { AnyModule } from './module.js';

const modulesDir = path.resolve(import.meta.dirname, '../../modules');
const fake = (name: string, uses: string[] = []): AnyModule => ({ name, uses, create: () => ({}) });

describe('the module registry', () => {
  it('lists every module folder, each through its <domain>.module.ts', () => {
    const folders = fs.readdirSync(modulesDir, { withFileTypes: true }).filter((e) => e.isDirectory());
    const withModuleFile = folders.filter((f) => fs.readdirSync(path.join(modulesDir, f.name)).some((n) => n.endsWith('.module.ts')));
    expect(withModuleFile.map((f) => f.name)).toEqual(folders.map((f) => f.name));
    expect(registeredModules.length).toBe(folders.length);
    const registry = fs.readFileSync(path.resolve(modulesDir, '../modules.ts'), 'utf8');
    for (const f of folders) expect(registry).toContain(`'./modules/${f.name}/`);
  });

  it('builds a module after the modules it uses', () => {
    const names = orderedModules([fake('needs', ['files', 'audit']), fake('files'), fake('audit')]).map((m) => m.name);
    expect(names.indexOf('needs')).toBeGreaterThan(names.indexOf('files'));
    expect(names.indexOf('needs')).toBeGreaterThan(names.indexOf('audit'));
  });

  it('refuses a use of a module that is not registered, and a circle', () => {
    expect(() => orderedModules([fake('needs', ['ledger'])])).toThrow(/"ledger", which is not in the registry/);
    expect(() => orderedModules([fake('a', ['b']), fake('b', ['a'])])).toThrow(/circle: a → b → a/);
  });
});

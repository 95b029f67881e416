import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Modules talk through services: a module's code may not import another module's tables.
// Exceptions: *.table.ts files (foreign keys need the referenced table). The region tree is the
// platform's (platform/scope).
const modules = fs.readdirSync(new URL('./server/src/modules', import.meta.url));
const tableBoundaries = modules.map((name) => ({
  files: [`server/src/modules/${name}/**/*.ts`],
  ignores: ['**/*.table.ts', '**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...modules
            .filter((other) => other !== name)
            .map((other) => ({ group: [`**/modules/${other}/*.table.js`, `../${other}/*.table.js`], message: `Use the ${other} service, not its tables.` })),
        ],
      },
    ],
  },
}));

// The platform is what modules stand on: it imports no module, and neither the wiring (services, app).
const platformBoundary = {
  files: ['server/src/platform/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['**/modules/**', '**/services.js', '**/app.js', '**/modules.js'], message: 'platform/ imports no module: let the module register with the platform instead.' }] },
    ],
  },
};

// No import cycles in the server (type-only imports included: they tie modules together too).
const noCycles = {
  files: ['server/src/**/*.ts'],
  plugins: { 'import-x': importX },
  settings: {
    // the rule follows an import only into files it can parse: TypeScript, imported as .js
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import-x/extensions': ['.ts', '.tsx', '.js'],
    'import-x/resolver-next': [createTypeScriptImportResolver({ project: './server/tsconfig.json' })],
  },
  rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**', 'server/drizzle/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...tableBoundaries,
  platformBoundary,
  noCycles,
);

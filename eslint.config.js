import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Modules talk through services: a module's code may not import another module's tables.
// Exceptions: *.table.ts files (foreign keys need the referenced table), and the region tree, a
// reference table that any module may join read-only (only the regions module writes it).
const modules = fs.readdirSync(new URL("./server/src/modules", import.meta.url));
const tableBoundaries = modules.map((name) => ({
  files: [`server/src/modules/${name}/**/*.ts`],
  ignores: ['**/*.table.ts', '**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: modules
          .filter((other) => other !== name && other !== 'regions')
          .map((other) => ({ group: [`**/modules/${other}/*.table.js`, `../${other}/*.table.js`], message: `Use the ${other} service, not its tables.` })),
      },
    ],
  },
}));

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
);

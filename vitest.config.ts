import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker (cores − 1): the server suites wait on
    // PostgreSQL and on spawned servers much of the time, so two files at once finish sooner
    // (e2e files still run one at a time: fileParallelism false below)
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // One test process per worker for the whole run instead of one per file: each file no
          // longer re-imports the app (about 3 s a file), and the migrated template database of the
          // harness (test/harness.ts) is made once per worker. The suites share no module state
          // that one file sets and another reads (a full run with isolation off passes as it did).
          isolate: false,
          // every statement the suites send is built by sql-text.ts and by drizzle, and must agree
          env: { LIANXIN_CHECK_SQL: '1' },
        },
      },
      {
        test: {
          name: 'web',
          root: './web',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['**/*.spec.ts'],
          globalSetup: ['./support/template.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

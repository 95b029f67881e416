import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // every table file of every module and of the platform: a new module's tables are found by name
  schema: './src/**/*.table.ts',
  out: './drizzle',
});

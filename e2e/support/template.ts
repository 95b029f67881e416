import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data folder of the district seeded once for the run ('' when a suite must seed its own). */
    e2eTemplate: string;
  }
}

/*
 * Vitest's global setup for the e2e project. Seeding the small demo district takes a first start
 * about ten seconds; every spec starting on a fresh folder paid it again. The run seeds it once here
 * (the product's own first start), stops the server cleanly, and each spec's server restarts on a
 * copy: what a spec changes stays in its copy, and every spec still starts the built product.
 */
let template: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  template = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-e2e-template-'));
  const server = await startServer({ keepDataDir: template });
  // the time bank's history is seeded after the app opens (server.ts): the template holds all of it
  const until = Date.now() + 120_000;
  while (!/time bank history seeded/.test(server.output())) {
    if (Date.now() > until || /time bank history failed/.test(server.output())) {
      await server.stop();
      throw new Error(`the demo's time bank history was not seeded:\n${server.output().slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  project.provide('e2eTemplate', template);
}

export function teardown(): void {
  if (template) fs.rmSync(template, { recursive: true, force: true });
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const READY_TIMEOUT_MS = 150_000;

export type RunningServer = {
  baseUrl: string;
  /** What the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
};

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function requireBuilt(relative: string) {
  if (!fs.existsSync(path.join(repoRoot, relative))) {
    throw new Error(`${relative} is missing: run "npm run build" first ("npm run test:e2e" does).`);
  }
}

export type StartOptions = {
  /** Configuration a suite needs (e.g. webhooks to a receiver on 127.0.0.1). */
  env?: Record<string, string>;
  /**
   * A data folder the product started in before and was stopped cleanly (the run's template, see
   * template.ts): it is copied, so the server restarts on a seeded district instead of seeding it.
   */
  copyOf?: string;
  /** Keep the data folder after `stop()` (the template itself). */
  keepDataDir?: string;
};

/**
 * Starts the built product as a user would (`node server/dist/server.js`) on a free port: in a fresh
 * data folder it migrates and seeds the small demo district itself; in a copy of the run's template
 * it restarts on the district seeded once for the whole run. Builds nothing.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const extraEnv = options.env ?? {};
  requireBuilt('server/dist/server.js');
  requireBuilt('web/dist/index.html');
  const port = await freePort();
  const dataDir = options.keepDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-e2e-'));
  if (options.copyOf) fs.cpSync(options.copyOf, dataDir, { recursive: true });
  // a developer's shell may point at a real database or switch the demo off: not for this test
  const { DATABASE_URL: _db, LIANXIN_DEMO: _demo, WEB_DIST: _web, ...inherited } = process.env;
  const child = spawn(process.execPath, ['server/dist/server.js'], {
    cwd: repoRoot,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LIANXIN_DEMO_SCALE: 'small', LOG_LEVEL: 'silent', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  // a server that dies under a suite shows as refused connections in its tests: say why, once
  let stopping = false;
  void exited.then((code) => {
    if (!stopping) console.error(`the e2e server on port ${port} exited by itself (code ${code}, signal ${child.signalCode}); its last output:\n${output.slice(-4000)}`);
  });

  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!options.keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(baseUrl, exited);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return { baseUrl, output: () => output, stop };
}

/** Polls /readyz (database reachable, migrations applied) until it answers 200. */
async function waitForReady(baseUrl: string, exited: Promise<number | null>) {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server exited early with code ${exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

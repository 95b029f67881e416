import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { runCli } from './commands.js';

describe('operator CLI', () => {
  let tmp: string;
  let output: string[];
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-cli-'));
    output = [];
    const capture = (...args: unknown[]) => void output.push(args.map(String).join(' '));
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const configFor = (name: string) => loadConfig({ DATA_DIR: path.join(tmp, name) });

  it('answers unknown commands and bad options with the usage and exit code 2', async () => {
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(output.join('\n')).toMatch(/unknown command "frobnicate"[\s\S]*Usage: npm run cli/);
    expect(await runCli([])).toBe(2);
    expect(await runCli(['help'])).toBe(0);
    expect(await runCli(['backup', '--out', 'x', '--bogus'])).toBe(2);
    expect(await runCli(['seed-demo', '--scale', 'huge'], configFor('unused'))).toBe(2);
    expect(await runCli(['backup'], configFor('unused'))).toBe(2);
  });

  it('migrates, seeds, backs up and restores into a new DATA_DIR with the same key', async () => {
    const source = configFor('source');
    expect(await runCli(['migrate'], source)).toBe(0);
    expect(await runCli(['seed-demo', '--scale', 'small'], source)).toBe(0);
    expect(output.join('\n')).toContain('13800000005');
    const archive = path.join(tmp, 'lianxin.tar.gz');
    expect(await runCli(['backup', '--out', archive], source)).toBe(0);
    const target = configFor('target');
    expect(await runCli(['restore', '--in', archive], target)).toBe(0);
    expect(output.join('\n')).toMatch(/no secret key in/);
    expect(await runCli(['restore', '--in', archive], target)).toBe(1);
    // the restored copy already holds the demo: seeding again is a no-op, not an error
    fs.copyFileSync(path.join(source.dataDir, 'secret.key'), path.join(target.dataDir, 'secret.key'));
    expect(await runCli(['seed-demo', '--scale', 'small'], target)).toBe(0);
    expect(output.join('\n')).toMatch(/Demo district \(small\) present since/);
  });
});

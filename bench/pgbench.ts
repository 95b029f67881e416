import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * TPC-B on the same PostgreSQL server (8 clients, scale 10): the ceiling a PostgreSQL-backed write path
 * can reach on this machine, measured in the same run as the figure it is set beside. Prints the tps,
 * and how durable the server's commits are: with fsync or synchronous_commit off (a test server) a
 * commit waits for no disk, and TPC-B, made of little else, rises more than the order chain does.
 */
export async function pgbench(url: string, seconds: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const settings = await client.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit') ORDER BY name`);
  await client.end();
  console.log(`  the server's commits: ${settings.rows.map((r) => `${r.name} ${r.setting}`).join(', ')}`);
  const tps = await tpcb(url, seconds);
  if (tps === undefined) return console.log('  pgbench: not installed');
  console.log(`  ceiling: pgbench TPC-B (8 clients, ${seconds} s, scale 10): ${Number.isNaN(tps) ? '?' : tps.toFixed(1)} tps`);
}

export const pgbenchBin = () => ['/usr/lib/postgresql/15/bin/pgbench', 'pgbench'].find((b) => spawnSync(b, ['--version']).status === 0);

const run = promisify(execFile);

/**
 * TPC-B's tps (8 clients, scale 10) for `seconds` on the database at `url`, its tables made anew first:
 * runs on the previous run's tables, bloated by its updates, got up to a third slower (2,233 down to
 * 1,530 tps over four pairs). Undefined without pgbench, NaN when its tables could not be made or it
 * printed no figure. Run as child processes without blocking this thread, where a server may be
 * waiting for its next load.
 */
export async function tpcb(url: string, seconds: number): Promise<number | undefined> {
  const bin = pgbenchBin();
  if (!bin) return undefined;
  try {
    await run(bin, ['-i', '-q', '-s', '10', url]);
    const { stdout } = await run(bin, ['-c', '8', '-j', '2', '-T', String(seconds), url]);
    return Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

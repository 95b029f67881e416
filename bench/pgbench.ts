import { spawnSync } from 'node:child_process';

/**
 * TPC-B on the same PostgreSQL server (8 clients, scale 10): the ceiling a PostgreSQL-backed write path
 * can reach on this machine, measured in the same run as the figure it is set beside. Prints the tps.
 */
export function pgbench(url: string, seconds: number): void {
  const bin = ['/usr/lib/postgresql/15/bin/pgbench', 'pgbench'].find((b) => spawnSync(b, ['--version']).status === 0);
  if (!bin) return console.log('  pgbench: not installed');
  spawnSync(bin, ['-i', '-q', '-s', '10', url], { stdio: 'ignore' });
  const out = spawnSync(bin, ['-c', '8', '-j', '2', '-T', String(seconds), url], { encoding: 'utf8' }).stdout;
  console.log(`  ceiling: pgbench TPC-B (8 clients, ${seconds} s, scale 10): ${/tps = ([\d.]+)/.exec(out)?.[1] ?? '?'} tps`);
}

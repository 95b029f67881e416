import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { CliError } from './runtime.js';

/**
 * libpq tools get the password through PGPASSWORD, not the command line, where any local user
 * could read it in the process list.
 */
function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          err.code === 'ENOENT' ? `${tool} not found: install the PostgreSQL client tools (the same or a newer major version than the server)` : `${tool}: ${err.message}`,
        ),
      ),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new CliError(`${tool} exited with code ${code}`))));
  });
}

/** Plain SQL with DROP … IF EXISTS before each CREATE, so it restores over an existing schema. */
export async function backupPostgres(opts: { databaseUrl: string; out: string }): Promise<{ bytes: number }> {
  const { url, env } = connection(opts.databaseUrl);
  const partial = `${opts.out}.partial`;
  // created first with owner-only access: pg_dump keeps the mode, and the dump holds names and phones
  fs.writeFileSync(partial, '', { mode: 0o600 });
  await run('pg_dump', ['--dbname', url, '--format=plain', '--clean', '--if-exists', '--no-owner', '--no-privileges', '--file', partial], env);
  fs.renameSync(partial, opts.out);
  return { bytes: fs.statSync(opts.out).size };
}

async function hasData(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // two queries: a statement naming a missing table fails at parse time, even in a dead branch
    const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('public.regions') IS NOT NULL AS present`);
    if (!rows[0]?.present) return false;
    const { rows: any } = await client.query<{ some: boolean }>('SELECT EXISTS (SELECT 1 FROM regions) AS some');
    return Boolean(any[0]?.some);
  } finally {
    await client.end();
  }
}

/** One transaction: the database ends up exactly as in the dump or unchanged. */
export async function restorePostgres(opts: { databaseUrl: string; input: string; force?: boolean }): Promise<void> {
  if (!fs.existsSync(opts.input)) throw new CliError(`backup file not found: ${opts.input}`);
  if (!opts.force && (await hasData(opts.databaseUrl))) {
    throw new CliError('the target database already has data; add --force to replace it with the backup (stop every server instance first)');
  }
  const { url, env } = connection(opts.databaseUrl);
  await run('psql', ['--dbname', url, '--quiet', '--no-psqlrc', '--output', os.devNull, '-v', 'ON_ERROR_STOP=1', '--single-transaction', '--file', opts.input], env);
}

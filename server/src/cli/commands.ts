import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { seedDemoIfEmpty } from '../demo/seed.js';
import { migrationStatus } from '../platform/db/client.js';
import { backupPglite, restorePglite } from './backup-pglite.js';
import { backupPostgres, restorePostgres } from './backup-postgres.js';
import { createAdmin } from './create-admin.js';
import { CliError, describeDatabase, openRuntime, say } from './runtime.js';

export const usage = `Lianxin 连心 operator tool

Usage: npm run cli -- <command> [options]

  migrate                              apply the database migrations (the server does this at start too)
  seed-demo [--scale small|full]       load the demo district into an empty database
  create-admin --phone P --name N --password X [--district-code C --district-name NAME]
                                       create a district admin (and the district, when the code is new);
                                       the password may come from LIANXIN_ADMIN_PASSWORD instead
  backup --out FILE                    PGlite: a .tar.gz of the data folder; PostgreSQL: pg_dump SQL
  restore --in FILE [--force]          into an empty DATA_DIR / database; --force replaces what is there
  help                                 this text

The database and key are chosen as for \`npm start\`: DATA_DIR, DATABASE_URL, LIANXIN_SECRET_KEY.
Stop the server before backup (PGlite) and restore.`;

type Options = NonNullable<ParseArgsConfig['options']>;
type Command = { options: Options; run(values: Record<string, string | boolean | undefined>, config: Config): Promise<void> };

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = text(values[name]);
  if (!value) throw new CliError(`missing --${name}\n\n${usage}`, 2);
  return value;
}

async function withRuntime<T>(config: Config, work: (deps: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const deps = await openRuntime(config);
  try {
    return await work(deps);
  } finally {
    await deps.close();
  }
}

const keyReminder =
  'ID numbers inside are encrypted with LIANXIN_SECRET_KEY (or DATA_DIR/secret.key): keep that key too, stored apart from the backup, or they cannot be read after a restore.';

const commands: Record<string, Command> = {
  migrate: {
    options: {},
    run: (_v, config) =>
      withRuntime(config, async (deps) => {
        const status = await migrationStatus(deps.database);
        say(`${describeDatabase(config)}: ${status.applied}/${status.expected} migrations applied`);
      }),
  },
  'seed-demo': {
    options: { scale: { type: 'string' } },
    run: (values, config) => {
      const scale = text(values.scale) ?? config.demoScale;
      if (scale !== 'small' && scale !== 'full') throw new CliError(`--scale must be small or full, got "${scale}"`, 2);
      return withRuntime(config, async (deps) => {
        const report = await seedDemoIfEmpty(deps, { scale, log: say });
        if (report.skipped === 'accounts_exist') throw new CliError('not seeded: the database already has accounts (demo data only goes into an empty database)');
      });
    },
  },
  'create-admin': {
    options: { phone: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, 'district-code': { type: 'string' }, 'district-name': { type: 'string' } },
    run: (values, config) => {
      const password = text(values.password) ?? process.env.LIANXIN_ADMIN_PASSWORD;
      if (!password) throw new CliError(`missing --password (or LIANXIN_ADMIN_PASSWORD)\n\n${usage}`, 2);
      const input = { phone: required(values, 'phone'), name: required(values, 'name'), password, districtCode: text(values['district-code']), districtName: text(values['district-name']) };
      return withRuntime(config, async (deps) => {
        const result = await createAdmin(deps, input);
        const d = result.district;
        if (d.created) say(`created district ${d.code} ${d.name}`);
        say(`district defaults in place: ${result.provisioned.join(', ')}`);
        say(`created district admin ${input.phone} (${input.name}) for ${d.code} ${d.name}; they must change the password at first login`);
      });
    },
  },
  backup: {
    options: { out: { type: 'string' } },
    run: async (values, config) => {
      const out = path.resolve(required(values, 'out'));
      const { bytes } = config.databaseUrl
        ? await backupPostgres({ databaseUrl: config.databaseUrl, out })
        : await backupPglite({ pgliteDir: config.pgliteDir!, out });
      say(`backed up ${describeDatabase(config)} to ${out} (${(bytes / 1024 / 1024).toFixed(1)} MiB)`);
      say(keyReminder);
    },
  },
  restore: {
    options: { in: { type: 'string' }, force: { type: 'boolean' } },
    run: async (values, config) => {
      const input = path.resolve(required(values, 'in'));
      const force = values.force === true;
      if (config.databaseUrl) {
        await restorePostgres({ databaseUrl: config.databaseUrl, input, force });
      } else {
        const { movedAside } = await restorePglite({ pgliteDir: config.pgliteDir!, input, force });
        if (movedAside) say(`the previous database was moved to ${movedAside}`);
        const hasKey = config.secretKey || fs.existsSync(path.join(config.dataDir, 'secret.key'));
        if (!hasKey) say(`⚠  no secret key in ${config.dataDir}: copy the original secret.key there (or set LIANXIN_SECRET_KEY) before starting, or encrypted ID numbers stay unreadable`);
      }
      say(`restored ${input} into ${describeDatabase(config)}; the server applies newer migrations when it starts`);
    },
  },
};

/** Runs one command line; answers the process exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], config: Config = loadConfig()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    let values: Record<string, string | boolean | undefined>;
    try {
      ({ values } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }) as { values: Record<string, string | boolean | undefined> });
    } catch (err) {
      throw new CliError(`${(err as Error).message}\n\n${usage}`, 2);
    }
    await command.run(values, config);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`[lianxin] error: ${err.message}`);
      return err.exitCode;
    }
    console.error(err);
    return 1;
  }
}

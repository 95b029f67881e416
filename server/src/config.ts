import path from 'node:path';

/** Runtime configuration, read once from the environment (documented in README.md). */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** Real PostgreSQL instead of the embedded PGlite database. */
  databaseUrl?: string;
  /** ':memory:' runs PGlite without touching the disk (tests). */
  pgliteDir?: string;
  secretKey?: string;
  /** Seed the demo district on first start. */
  seedDemo: boolean;
  demoScale: 'full' | 'small';
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failures from one source (address) on one phone that lock that pair, and for how long. */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Failures on one phone from all sources together past which unfamiliar sources are slowed down. */
  loginPhoneMaxFailures: number;
  writeLimitPerMinute: number;
  ipWriteLimitPerMinute: number;
  loginLimitPerMinute: number;
  heavyReadLimitPerMinute: number;
  /** Open tasks a volunteer may hold at once (grab/assign beyond it is refused). */
  maxOpenTasks: number;
  /** Moves this process's clock ahead (tests of timers across processes only; never set in production). */
  clockOffsetMs: number;
  /** Rows one Excel export may carry; beyond it the export is refused (413) before it starts. */
  exportMaxRows: number;
  /** Rows an export reads per query; between queries other requests get their turn. */
  exportPageSize: number;
  webDist?: string;
  secureCookies: boolean;
  /** NODE_ENV=production: development conveniences (codes printed to the log instead of sent) are refused. */
  production: boolean;
  /** Where uploaded bytes live: a folder under DATA_DIR, or PostgreSQL (shared by every instance). */
  fileStore: 'folder' | 'database';
  /** Where rate-limit counters live: this process's memory (one instance) or the database (several). */
  rateStore: 'memory' | 'database';
  uploadFilesPerDay: number;
  uploadMegabytesPerDay: number;
  trustProxy: boolean;
  /** The SMS gateway messages are posted to; unset, no message goes out by SMS (the inbox still works). */
  smsGatewayUrl?: string;
  /** Sent as `Authorization: Bearer …` to the SMS gateway, when set. */
  smsGatewayToken?: string;
  /**
   * Webhooks may point at private, loopback and link-local addresses (10/8, 127/8, 192.168/16, ::1 …).
   * Off by default, against server-side request forgery; on for tests and intranet-only installations.
   */
  webhooksAllowPrivate: boolean;
  /** How long one webhook or SMS gateway call may take before it counts as failed. */
  outboundTimeoutMs: number;
};

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

/**
 * One of a few words. Stores default by database: with DATABASE_URL there may be several instances,
 * so uploads and counters go to PostgreSQL; embedded PGlite is one process by construction.
 */
function choice<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: path.join(dataDir, 'pgdata'),
    secretKey: env.LIANXIN_SECRET_KEY || undefined,
    seedDemo: env.LIANXIN_DEMO !== 'off',
    demoScale: env.LIANXIN_DEMO_SCALE === 'small' ? 'small' : 'full',
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 12),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15),
    loginPhoneMaxFailures: int(env, 'LOGIN_PHONE_MAX_FAILURES', 50),
    writeLimitPerMinute: int(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 120),
    clockOffsetMs: int(env, 'CLOCK_OFFSET_MS', 0),
    ipWriteLimitPerMinute: int(env, 'RATE_LIMIT_IP_WRITES_PER_MINUTE', 1200),
    loginLimitPerMinute: int(env, 'RATE_LIMIT_LOGIN_PER_MINUTE', 30),
    heavyReadLimitPerMinute: int(env, 'RATE_LIMIT_HEAVY_READS_PER_MINUTE', 6),
    maxOpenTasks: int(env, 'VOLUNTEER_MAX_OPEN_TASKS', 5),
    exportMaxRows: int(env, 'EXPORT_MAX_ROWS', 200_000),
    exportPageSize: int(env, 'EXPORT_PAGE_SIZE', 250),
    webDist: env.WEB_DIST || undefined,
    secureCookies: env.COOKIE_SECURE === 'true',
    production: env.NODE_ENV === 'production',
    fileStore: choice(env, 'FILE_STORE', ['folder', 'database'], env.DATABASE_URL ? 'database' : 'folder'),
    rateStore: choice(env, 'RATE_LIMIT_STORE', ['memory', 'database'], env.DATABASE_URL ? 'database' : 'memory'),
    uploadFilesPerDay: int(env, 'UPLOAD_FILES_PER_DAY', 200),
    uploadMegabytesPerDay: int(env, 'UPLOAD_MB_PER_DAY', 300),
    trustProxy: env.TRUST_PROXY === 'true',
    smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
    smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
    webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === 'true',
    outboundTimeoutMs: int(env, 'OUTBOUND_TIMEOUT_MS', 10_000),
  };
}

/**
 * The embedded server as a user runs it: `npm run bench:startup`. Starts `npm start` on a fresh
 * DATA_DIR (PGlite, the full demo district), then:
 *  1. first start: when the port answers, when the demo is seeded (the API answers), when the web
 *     app's first page is served, and the server process's RSS (now and its peak, VmHWM); then the
 *     demo's time bank history seeded with the app open (its progress lines), with a user's
 *     `GET /api/auth/me` and the demo volunteer's `GET /api/ledger/me` polled open-loop meanwhile, and
 *     the database's upkeep after it (embedded: the stand-in for autovacuum) with a user polled;
 *  2. a district export (`GET /api/needs/export?view=all` as the district admin) while /healthz and
 *     another user's request (`GET /api/auth/me`, a session read in the database) are polled
 *     open-loop, beside the same polls with nothing else running (the ceiling), and RSS along it;
 *  3. a restart (SIGTERM, `npm start` again): when the first page is served.
 * Each figure is printed beside its ceiling. BENCH_ROOT runs another checkout (a baseline),
 * BENCH_KEEP_DATA=1 keeps the data folder. Loopback only, bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(process.env.BENCH_ROOT ?? path.join(import.meta.dirname, '..'));
const START_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 20;
const USER_POLL_MS = 100;
const BASELINE_MS = 3000;
const DEMO_PASSWORD = 'Lianxin@2026';
const CEILING = { firstPageS: 60, restartS: 5, rssMB: 1536, p99Ms: 100 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);
const mb = (kb: number) => Math.round(kb / 1024);
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The node process running the server among `root`'s descendants (npm → sh → node). */
function serverPid(root: number): number | undefined {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (path.basename(argv[0]!) === 'node' && argv.some((a) => a.endsWith('server/dist/server.js'))) return pid;
    } catch {
      // gone meanwhile
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return undefined;
}

/** VmRSS and VmHWM (peak) of a process, in kB. */
function memory(pid: number | undefined): { rss: number; peak: number } {
  if (!pid) return { rss: 0, peak: 0 };
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

type Started = { child: ChildProcess; listenS: number; apiS: number; firstPageS: number; log: string[] };

/** `npm start`, timing when the port answers, when the API answers (seeded) and when / is the web app. */
async function start(env: NodeJS.ProcessEnv, base: string): Promise<Started> {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  const at = () => (performance.now() - t0) / 1000;
  let listenS = NaN;
  let apiS = NaN;
  let firstPageS = NaN;
  while (Number.isNaN(firstPageS)) {
    if (exited) throw new Error(`npm start exited:\n${log.slice(-30).join('\n')}`);
    if (at() * 1000 > START_TIMEOUT_MS) throw new Error('npm start: no first page within the timeout');
    try {
      const health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (Number.isNaN(listenS)) listenS = at();
      await health.arrayBuffer();
      if (Number.isNaN(apiS)) {
        // the app's own answer for "nobody logged in": the API is served (seeding finished)
        const me = await fetch(`${base}/api/auth/me`, { signal: AbortSignal.timeout(2000) });
        await me.arrayBuffer();
        if (me.status === 401) apiS = at();
      }
      if (!Number.isNaN(apiS)) {
        const page = await fetch(`${base}/`, { signal: AbortSignal.timeout(2000) });
        const html = await page.text();
        if (page.status === 200 && html.includes('id="root"')) firstPageS = at();
      }
    } catch {
      // not listening yet
    }
    if (Number.isNaN(firstPageS)) await sleep(100);
  }
  return { child, listenS, apiS, firstPageS, log };
}

/**
 * Stops `npm start` and waits for the server itself to be gone: npm exits on SIGTERM at once, while the
 * server is still closing its database. A restart that opened the folder meanwhile measured the
 * embedded database recovering from an unclean stop (11 s instead of 4).
 */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const server = serverPid(child.pid!);
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM'); // the group: npm and the server it runs
  await Promise.race([exited, sleep(30_000)]);
  const until = Date.now() + 30_000;
  while (server !== undefined && fs.existsSync(`/proc/${server}`) && Date.now() < until) await sleep(100);
  const running = (child.exitCode === null && child.signalCode === null) || (server !== undefined && fs.existsSync(`/proc/${server}`));
  if (!running) return;
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}

async function login(base: string, phone: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${phone}: HTTP ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Open-loop poller: request k is due at start + every × k, its latency counted from then. */
function poller(url: string, every: number, headers: Record<string, string> = {}) {
  const samples: number[] = [];
  let failures = 0;
  let running = true;
  const done = (async () => {
    const start = performance.now();
    const inflight: Promise<void>[] = [];
    for (let k = 0; running; k++) {
      const due = start + k * every;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      inflight.push(
        fetch(url, { headers }).then(
          async (r) => {
            await r.arrayBuffer();
            if (r.status === 200) samples.push(performance.now() - due);
            else failures++;
          },
          () => void failures++,
        ),
      );
    }
    await Promise.all(inflight);
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { samples, failures };
    },
  };
}

const line = (label: string, xs: number[], failures: number) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms  (n=${xs.length}${failures ? `, ${failures} failed` : ''}) ${label}`;

async function main() {
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lx-bench-startup-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', LIANXIN_DEMO: 'on' };
  delete env.DATABASE_URL;
  console.log(`checkout ${ROOT}, data ${dataDir}`);
  let child: ChildProcess | undefined;
  try {
    // 1. first start
    const first = await start(env, base);
    child = first.child;
    let pid = serverPid(child.pid!);
    await sleep(2000);
    const afterStart = memory(pid);
    console.log('\n== first start on a fresh DATA_DIR (npm start) ==');
    console.log(`  port answers      ${first.listenS.toFixed(1)} s`);
    console.log(`  demo seeded (API) ${first.apiS.toFixed(1)} s`);
    console.log(`  first page        ${first.firstPageS.toFixed(1)} s   ceiling ${CEILING.firstPageS} s  ${verdict(first.firstPageS < CEILING.firstPageS)}`);
    console.log(`  RSS after start   ${mb(afterStart.rss)} MB, peak so far ${mb(afterStart.peak)} MB   ceiling ${CEILING.rssMB} MB  ${verdict(afterStart.rss < CEILING.rssMB * 1024)}`);

    // 1b. the time bank's history is seeded after the app opens: when it is done, and how a user's
    // requests fare meanwhile (the embedded database runs one transaction at a time)
    const other = await login(base, '13800000002');
    // the demo volunteer (13800000005): their passbook is what the history is filling in
    const volunteer = await login(base, '13800000005');
    const during = [poller(`${base}/api/auth/me`, USER_POLL_MS, { cookie: other }), poller(`${base}/api/ledger/me`, USER_POLL_MS, { cookie: volunteer })];
    const t1 = performance.now();
    let shown = 0;
    let unfinished = false;
    while (!first.log.some((l) => /time bank history (seeded|failed)/.test(l))) {
      // still reported (the latencies meanwhile are the figure), then the export waits behind it
      if (performance.now() - t1 > START_TIMEOUT_MS) {
        unfinished = true;
        break;
      }
      for (const l of first.log.slice(shown)) if (/time bank: page/.test(l)) console.log(`  ${((performance.now() - t1) / 1000).toFixed(0).padStart(4)} s  ${l.replace(/^\[lianxin\] /, '')}`);
      shown = first.log.length;
      await sleep(200);
    }
    const [meanwhile, passbook] = await Promise.all(during.map((p) => p.stop()));
    if (unfinished) console.log(`  time bank history NOT DONE ${(START_TIMEOUT_MS / 1000).toFixed(0)} s after the first page`);
    else console.log(`  time bank history done ${(first.firstPageS + (performance.now() - t1) / 1000).toFixed(1)} s after the command, ${((performance.now() - t1) / 1000).toFixed(1)} s after the first page (${first.log.find((l) => /time bank history/.test(l) && !/crediting/.test(l))?.replace(/^\[lianxin\] /, '')})`);
    const ceiling = (xs: number[]) => `ceiling ${CEILING.p99Ms} ms ${verdict(pct(xs, 99) < CEILING.p99Ms)}`;
    console.log(`  a user's GET /api/auth/me meanwhile:          ${line(ceiling(meanwhile!.samples), meanwhile!.samples, meanwhile!.failures)}`);
    console.log(`  the volunteer's GET /api/ledger/me meanwhile: ${line(ceiling(passbook!.samples), passbook!.samples, passbook!.failures)}`);

    // 1c. then the stand-in for autovacuum tidies the tables the demo filled (maintenance.ts), a
    // statement at a time; the export below waits for it, so that its ceiling is measured alone
    const upkeepPoll = poller(`${base}/api/auth/me`, USER_POLL_MS, { cookie: other });
    const t2 = performance.now();
    // (the line is only printed when some table needed it: two minutes at most)
    while (!first.log.some((l) => /database upkeep (after the start|failed)/.test(l)) && performance.now() - t2 < 120_000) await sleep(200);
    const upkeepUser = await upkeepPoll.stop();
    console.log(`  then the upkeep (${first.log.find((l) => /database upkeep/.test(l))?.replace(/^\[lianxin\] /, '') ?? 'NOT DONE'})`);
    console.log(`  a user's GET /api/auth/me meanwhile:          ${line(ceiling(upkeepUser.samples), upkeepUser.samples, upkeepUser.failures)}`);

    // 2. an export while /healthz and another user are polled
    const admin = await login(base, '13800000000');
    const quiet = [poller(`${base}/healthz`, POLL_MS), poller(`${base}/api/auth/me`, USER_POLL_MS, { cookie: other })];
    await sleep(BASELINE_MS);
    const [quietHealth, quietUser] = await Promise.all(quiet.map((p) => p.stop()));
    const busy = [poller(`${base}/healthz`, POLL_MS), poller(`${base}/api/auth/me`, USER_POLL_MS, { cookie: other })];
    const rssAlong: number[] = [];
    const sampler = setInterval(() => rssAlong.push(memory(pid).rss), 100);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/needs/export?view=all`, { headers: { cookie: admin }, signal: AbortSignal.timeout(START_TIMEOUT_MS) });
    let bytes = 0;
    for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
    const exportS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const [busyHealth, busyUser] = await Promise.all(busy.map((p) => p.stop()));
    const rssPeakExport = Math.max(...rssAlong, 0);
    console.log('\n== a district export (the heavy request) ==');
    console.log(`  export: HTTP ${res.status}, ${res.headers.get('x-export-rows')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${exportS.toFixed(1)} s`);
    console.log(`  RSS during the export: peak ${mb(rssPeakExport)} MB (sampled every 100 ms), end ${mb(rssAlong.at(-1) ?? 0)} MB   ceiling ${CEILING.rssMB} MB  ${verdict(rssPeakExport < CEILING.rssMB * 1024)}`);
    console.log(`  /healthz alone:               ${line('', quietHealth!.samples, quietHealth!.failures)}`);
    console.log(`  /healthz during the export:   ${line(`ceiling ${CEILING.p99Ms} ms ${verdict(pct(busyHealth!.samples, 99) < CEILING.p99Ms)}`, busyHealth!.samples, busyHealth!.failures)}`);
    console.log(`  another user alone:           ${line('', quietUser!.samples, quietUser!.failures)}`);
    console.log(`  another user during export:   ${line(`ceiling ${CEILING.p99Ms} ms ${verdict(pct(busyUser!.samples, 99) < CEILING.p99Ms)}`, busyUser!.samples, busyUser!.failures)}`);

    // 3. restart
    await stop(child);
    const again = await start(env, base);
    child = again.child;
    pid = serverPid(child.pid!);
    await sleep(1000);
    const afterRestart = memory(pid);
    console.log('\n== restart (npm start on the same DATA_DIR) ==');
    console.log(`  port answers ${again.listenS.toFixed(1)} s, first page ${again.firstPageS.toFixed(1)} s   ceiling ${CEILING.restartS} s  ${verdict(again.firstPageS < CEILING.restartS)}`);
    console.log(`  RSS after restart ${mb(afterRestart.rss)} MB`);
    console.log('\n-- server console: first start (without the demo account table) --');
    for (const l of first.log.filter((l) => l.includes('[lianxin]') && !/Lianxin@2026|phone {2,}password/.test(l))) console.log(`  ${l.slice(0, 200)}`);
    console.log('-- server console: restart --');
    for (const l of again.log.filter((l) => l.includes('[lianxin]') && !/Lianxin@2026|phone {2,}password/.test(l))) console.log(`  ${l.slice(0, 200)}`);
  } finally {
    if (child) await stop(child);
    if (!process.env.BENCH_KEEP_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`\n(node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

/**
 * The load side of `npm run bench:orders`, on its own worker thread: HTTP clients (node:http) cost CPU
 * too, and on the server's event loop they would be counted as the server's. The main thread sends
 * one command at a time and gets its answer back (see `LoadCommand`).
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';

export type LoadSetup = {
  base: string;
  grabbers: string[];
  admin: string;
  resident: string;
  categoryId: string;
  regionId: string;
  clients: number;
  /** Every instance's address (BENCH_INSTANCES): client w and grabber i use bases[w % n], bases[i % n]; else `base`. */
  bases?: string[];
};
export type Timed = { status: number; code?: string; ms: number };
export type LoadCommand =
  | { cmd: 'sustained'; ms: number }
  | { cmd: 'pooled'; count: number }
  | { cmd: 'grabEach'; ids: string[] }
  | { cmd: 'grabOne'; id: string }
  | { cmd: 'floor'; ms: number; base: string };

const setup = workerData as LoadSetup;

// node:http with kept-alive sockets, not fetch: fetch cost this thread ~0.3 ms more CPU per request
// (measured against a stub server), CPU the server's machine would lend the load rather than the server
const agent = new http.Agent({ keepAlive: true });
const origin = new URL(setup.base);
const instances = (setup.bases ?? [setup.base]).map((b) => new URL(b));
/** The instance the w-th client (or grabber) talks to. */
const at = (w: number) => instances[w % instances.length]!;

function call(cookie: string, method: string, url: string, body?: object, to: URL = origin): Promise<Timed & { json: Record<string, unknown> }> {
  const t0 = performance.now();
  const data = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { cookie, 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' }; // what browsers ask for (zstd aside)
    if (data) headers['content-length'] = Buffer.byteLength(data);
    const req = http.request({ agent, host: to.hostname, port: to.port, method, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const text = (encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw).toString();
          const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
          resolve({ status: res.statusCode ?? 0, code: typeof json.code === 'string' ? json.code : undefined, json, ms: performance.now() - t0 });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

const post = async (to: URL = origin) =>
  (await call(setup.resident, 'POST', '/api/needs', { kind: 'serviceRequest', categoryId: setup.categoryId, title: '上门理发', description: '老人行动不便', regionId: setup.regionId, slots: 1 }, to)).json.id as string;

async function pooled(): Promise<string> {
  const id = await post();
  await call(setup.admin, 'POST', `/api/needs/${id}/accept`, {});
  await call(setup.admin, 'POST', `/api/needs/${id}/pool`, {});
  return id;
}

/** Each client loops submit → accept → pool → grab → check-in; every request is one transition. */
async function sustained(ms: number) {
  let transitions = 0;
  let refused = 0;
  /** Each refusal's status and error code, and how often: a bench that refuses says why. */
  const reasons: Record<string, number> = {};
  const until = Date.now() + ms;
  await Promise.all(
    Array.from({ length: setup.clients }, async (_, w) => {
      const me = setup.grabbers[w]!;
      const to = at(w);
      while (Date.now() < until) {
        const id = await post(to);
        const steps = [
          await call(setup.admin, 'POST', `/api/needs/${id}/accept`, {}, to),
          await call(setup.admin, 'POST', `/api/needs/${id}/pool`, {}, to),
          await call(me, 'POST', `/api/needs/${id}/grab`, {}, to),
          await call(me, 'POST', `/api/needs/${id}/check-in`, {}, to),
        ];
        transitions += 1 + steps.filter((s) => s.status === 200).length;
        for (const s of steps.filter((s) => s.status !== 200)) {
          refused++;
          const why = `${s.status} ${s.code ?? ''}`.trim();
          reasons[why] = (reasons[why] ?? 0) + 1;
        }
      }
    }),
  );
  return { transitions, refused, reasons };
}

/** The stack's floor (stack-floor.ts): each client changes its own row on the bare route, over and over. */
async function floor(ms: number, base: string) {
  const target = new URL(base);
  let done = 0;
  let refused = 0;
  const until = Date.now() + ms;
  await Promise.all(
    Array.from({ length: setup.clients }, async (_, w) => {
      while (Date.now() < until) {
        const res = await call('', 'POST', `/floor/${w + 1}`, {}, target);
        if (res.status === 200) done++;
        else refused++;
      }
    }),
  );
  return { transitions: done, refused };
}

/** The sustained loop, with this thread's CPU time per transition (the load's own share of the machine). */
async function sustainedMeasured(ms: number) {
  const cpu0 = process.threadCpuUsage();
  const result = await sustained(ms);
  const cpu = process.threadCpuUsage(cpu0);
  return { ...result, loadCpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, result.transitions) };
}

const strip = ({ status, code, ms }: Timed): Timed => ({ status, code, ms });

async function run(command: LoadCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'sustained':
      return sustainedMeasured(command.ms);
    case 'pooled':
      return Promise.all(Array.from({ length: command.count }, () => pooled()));
    case 'grabEach':
      return (await Promise.all(command.ids.map((id, i) => call(setup.grabbers[i]!, 'POST', `/api/needs/${id}/grab`, {}, at(i))))).map(strip);
    case 'floor':
      return floor(command.ms, command.base);
    case 'grabOne':
      return (await Promise.all(setup.grabbers.map((g, i) => call(g, 'POST', `/api/needs/${command.id}/grab`, {}, at(i))))).map(strip);
  }
}

parentPort!.on('message', (command: LoadCommand) => {
  run(command).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: unknown) => parentPort!.postMessage({ ok: false, error: String(err) }),
  );
});

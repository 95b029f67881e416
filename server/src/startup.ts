import http from 'node:http';

/*
 * `npm start` listens before anything else: while the database opens, migrates and (on the first
 * start) the demo district is seeded, every page shows the progress, the API answers 503 with
 * Retry-After and /healthz says the process is up. Then the same listening server hands every
 * request to the app, so there is no moment when the port is closed.
 */
export type Startup = {
  /** What is being done now (console and page). */
  phase(what: string): void;
  /** Seeding progress: step `done` of `total` starts; `title` is '中文 | English', like a phase. */
  step(done: number, total: number, title: string): void;
  /** From now on, every request goes to `handler` (the app's). */
  serve(handler: http.RequestListener): void;
  server: http.Server;
};

/** '中文 | English' as its two halves (one half: both the same). */
function bilingual(text: string): { zh: string; en: string } {
  const [zh, en] = text.split(' | ');
  return { zh: zh!, en: en ?? zh! };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function listenEarly(opts: { port: number; host: string; log: (msg: string) => void }): Promise<Startup> {
  const started = Date.now();
  let phase = { zh: '正在启动', en: 'starting' };
  let progress: { done: number; total: number; zh: string; en: string } | undefined;
  let app: http.RequestListener | undefined;
  const seconds = () => Math.round((Date.now() - started) / 1000);
  // this thread's CPU: far below the wall time, the machine was busy rather than the start slow
  const cpu = () => {
    const used = process.threadCpuUsage();
    return ((used.user + used.system) / 1e6).toFixed(1);
  };

  const page = () => {
    const percent = progress ? Math.round((progress.done / progress.total) * 100) : 0;
    const step = progress ? `${progress.done} / ${progress.total} · ${escape(progress.zh)} · ${escape(progress.en)}` : '';
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="2"><title>连心 Lianxin · 正在启动</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#222}
.bar{height:.75rem;background:#eee;border-radius:.4rem;overflow:hidden}.bar>i{display:block;height:100%;background:#c8102e;width:${percent}%}
p{line-height:1.6}small{color:#666}</style></head><body>
<h1>连心 Lianxin</h1>
<p>${escape(phase.zh)}…<br><small>${escape(phase.en)}…</small></p>
${progress ? `<div class="bar"><i></i></div><p><small>${step} — ${percent}%</small></p>` : ''}
<p><small>${seconds()} s · 本页每 2 秒刷新，准备好后自动进入 · this page refreshes every 2 s and opens the app when it is ready</small></p>
</body></html>`;
  };

  const starting: http.RequestListener = (req, res) => {
    const url = req.url ?? '/';
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{"status":"ok"}');
    } else if (url === '/readyz' || url.startsWith('/api/') || url === '/api') {
      res
        .writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '2', 'cache-control': 'no-store' })
        .end(JSON.stringify({ code: 'system.starting', message: `${phase.zh}，请稍候 (${phase.en}, please wait)`, ready: false }));
    } else {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '2', 'cache-control': 'no-store' }).end(page());
    }
  };

  const server = http.createServer((req, res) => (app ?? starting)(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  opts.log(`listening on http://localhost:${opts.port} — the page shows the progress until the app is ready`);

  return {
    server,
    phase(what) {
      phase = bilingual(what);
      opts.log(`${phase.en} (${seconds()} s; main thread CPU ${cpu()} s)`);
    },
    step(done, total, title) {
      progress = { done, total, ...bilingual(title) };
      opts.log(`demo district: step ${done + 1} of ${total}, ${progress.en} (${seconds()} s)`);
    },
    serve(handler) {
      app = handler;
    },
  };
}

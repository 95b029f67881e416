import http from 'node:http';
import Fastify from 'fastify';
const app = Fastify();
app.post('/x', async () => ({ ok: true, s: 'x'.repeat(2000) }));
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as any).port;
const base = `http://127.0.0.1:${port}`;
const agent = new http.Agent({ keepAlive: true });
function req(method: string, path: string, body?: object): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : undefined;
    const r = http.request({ agent, host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', cookie: 'a=b', ...(data ? { 'content-length': Buffer.byteLength(data) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    r.on('error', reject);
    r.end(data);
  });
}
for (const [name, f] of [['fetch', async () => { const r = await fetch(base + '/x', { method: 'POST', headers: { cookie: 'a=b', 'content-type': 'application/json' }, body: '{}' }); await r.json(); }], ['http', () => req('POST', '/x', {})]] as const) {
  for (let i = 0; i < 2000; i++) await f();
  // measure client CPU only approx: total process CPU minus server... run 8 concurrent
  const c0 = process.cpuUsage(); const N = 5000;
  await Promise.all(Array.from({ length: 8 }, async () => { for (let i = 0; i < N / 8; i++) await f(); }));
  const c = process.cpuUsage(c0);
  console.log(name, 'process CPU µs per request (client+server)', ((c.user + c.system) / N).toFixed(0));
}
await app.close();

import pg from 'pg';
async function run(host: string, pipeline: boolean) {
  const c = new pg.Client({ host, port: 54329, user: 'postgres', database: 'postgres' });
  await c.connect();
  for (let i = 0; i < 2000; i++) await c.query('SELECT $1::int', [i]);
  const cpu0 = process.cpuUsage(); const t0 = performance.now(); const N = 10000;
  for (let i = 0; i < N; i++) await c.query('SELECT $1::int', [i]);
  const cpu = process.cpuUsage(cpu0); const ms = performance.now() - t0;
  console.log(host, `wall ${(ms / N * 1000).toFixed(0)} µs/q  cpu user ${(cpu.user / N).toFixed(0)} sys ${(cpu.system / N).toFixed(0)} µs/q`);
  await c.end();
}
await run('127.0.0.1', false); await run('/var/run/postgresql', false); await run('127.0.0.1', false); await run('/var/run/postgresql', false);

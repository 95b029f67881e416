/**
 * One more instance of the server for `npm run bench:orders` with BENCH_INSTANCES=N (PostgreSQL only),
 * on its own worker thread: its own app, connection pool and event loop on the same database, as a
 * second `npm start` (or a second worker of LIANXIN_INSTANCES) would run it. The main thread asks for
 * its CPU time and closes it (see `InstanceCommand`).
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { buildApp } from '../server/src/app.js';
import type { Config } from '../server/src/config.js';
import { systemClock } from '../server/src/platform/clock/clock.js';
import { createFieldCrypto } from '../server/src/platform/crypto/crypto.js';
import { openDatabase } from '../server/src/platform/db/client.js';

export type InstanceSetup = { databaseUrl: string; poolSize: number; config: Config; key: Uint8Array };
export type InstanceCommand = 'cpu' | 'close';

const setup = workerData as InstanceSetup;
const database = await openDatabase({ databaseUrl: setup.databaseUrl, poolSize: setup.poolSize });
const app = await buildApp({ db: database.db, database, crypto: createFieldCrypto(Buffer.from(setup.key)), config: setup.config, clock: systemClock });
await app.listen({ port: 0, host: '127.0.0.1' });
parentPort!.postMessage({ base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });

parentPort!.on('message', (command: InstanceCommand) => {
  if (command === 'cpu') {
    const cpu = process.threadCpuUsage();
    parentPort!.postMessage({ cpuMs: (cpu.user + cpu.system) / 1000 });
    return;
  }
  void app
    .close()
    .then(() => database.close())
    .then(() => parentPort!.postMessage({ closed: true }));
});

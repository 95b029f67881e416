import fs from 'node:fs';

/*
 * CPU time read from Linux's /proc (0 elsewhere), so a bench can say where a request's cost went on a
 * machine whose cores the server, PostgreSQL and the load generator share.
 */
const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** CPU time so far of this machine's `postgres` processes (the ones alive now), in ms. */
export function postgresCpuMs(): number {
  if (!fs.existsSync('/proc/self/stat')) return 0;
  let ms = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      ms += (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
    } catch {
      // the process ended while we read
    }
  }
  return ms;
}

/** CPU time so far of the whole machine, every core and process (idle and waiting excluded), in ms. */
export function machineCpuMs(): number {
  if (!fs.existsSync('/proc/stat')) return 0;
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = cpu;
  return (user + nice + system + irq + softirq) * TICK_MS;
}

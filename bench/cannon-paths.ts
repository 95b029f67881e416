/**
 * autocannon over many paths in turn (bench/reads.bench.ts: a need's page for thousands of needs, so
 * nothing is kept between two reads of one): `tsx bench/cannon-paths.ts <pathsFile> <base> <seconds>
 * <connections> [cookie] [accept-encoding]`, one path per line (an empty argument: none); prints autocannon's result as JSON, like its `-j`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

type Request = { method: string; path: string };
type Options = { url: string; connections: number; duration: number; headers: Record<string, string>; requests: { method: string; setupRequest: (req: Request) => Request }[] };
// autocannon ships no types; this is the part of its API used here
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Options) => Promise<unknown>;

const [file, base, seconds, connections, cookie, encoding] = process.argv.slice(2);
const paths = fs.readFileSync(file!, 'utf8').split('\n').filter(Boolean);
let next = 0;
const result = await autocannon({
  url: base!,
  connections: Number(connections),
  duration: Number(seconds),
  headers: { ...(cookie ? { cookie } : {}), ...(encoding ? { 'accept-encoding': encoding } : {}) },
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
});
process.stdout.write(JSON.stringify(result));

/**
 * (a) Requests per second: the catalogue's call detail as the local stack serves it,
 * against a bare Hono app answering the same path with the same bytes from a constant
 * (the ratio item 3 of the issue sets a goal for) and a hello-world (the first
 * peer), each server in a fresh node process on @hono/node-server, loaded in turn by
 * autocannon from this one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { PROGRAM } from '../../test/support/qingdao.js';
import type { Benchmark } from './benchmark.js';

const CATALOGUE = `/api/tenants/qingdao/programs/${PROGRAM}`;
const HELLO = '/hello';
const SERVERS = join(dirname(fileURLToPath(import.meta.url)), 'servers');
const CONNECTIONS = 10;
/** Discarded, so each server's JIT and caches are warm before it is measured. */
const WARM_UP_SECONDS = 2;

interface Server {
  url: string;
  child: ChildProcess;
}

/** Starts `servers/<file>` under tsx and waits for the URL it prints. */
async function start(file: string, args: string[]): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(SERVERS, file), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { url, child };
}

function stop({ child }: Server): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(url: string, seconds: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytesPerRequest: Math.round(result.throughput.total / Math.max(result.requests.total, 1)),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export const throughput = {
  name: 'rps',
  title: `requests/s of GET ${CATALOGUE} against bare Hono on the same machine`,
  target: '≥ 70 % of bare Hono’s requests/s on the same route served from a constant',
  async run({ seconds }) {
    const dir = await mkdtemp(join(tmpdir(), 'sme-bench-rps-'));
    const servers: Server[] = [];
    try {
      const stack = await start('local-stack.ts', []);
      servers.push(stack);
      const answer = await fetch(stack.url + CATALOGUE);
      if (answer.status !== 200) throw new Error(`${CATALOGUE}: ${answer.status}`);
      const bodyFile = join(dir, 'body.json');
      await writeFile(bodyFile, await answer.text());
      const bare = await start('bare-hono.ts', [CATALOGUE, bodyFile, HELLO]);
      servers.push(bare);
      await load(bare.url + CATALOGUE, WARM_UP_SECONDS);
      await load(stack.url + CATALOGUE, WARM_UP_SECONDS);
      const helloRun = await load(bare.url + HELLO, seconds);
      const bareRun = await load(bare.url + CATALOGUE, seconds);
      const routeRun = await load(stack.url + CATALOGUE, seconds);
      const failed = [helloRun, bareRun, routeRun].some((r) => r.non2xx > 0 || r.errors > 0);
      if (failed) throw new Error(`failed: ${JSON.stringify({ helloRun, bareRun, routeRun })}`);
      const ratio = routeRun.rps / bareRun.rps;
      const ofHello = routeRun.rps / helloRun.rps;
      const row = (name: string, r: typeof bareRun) =>
        `  ${name.padEnd(10)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ${r.bytesPerRequest} B/response`;
      return {
        summary: [
          `  ${CONNECTIONS} connections, ${seconds} s each, after ${WARM_UP_SECONDS} s of warm-up`,
          row('hello', helloRun),
          row('constant', bareRun),
          row('catalogue', routeRun),
          `  the catalogue serves ${(ratio * 100).toFixed(1)} % of bare Hono’s requests/s on the same bytes, ${(ofHello * 100).toFixed(1)} % of its hello-world’s`,
        ].join('\n'),
        figures: {
          path: CATALOGUE,
          connections: CONNECTIONS,
          seconds,
          bareHello: helloRun,
          bareConstant: bareRun,
          catalogue: routeRun,
          ratio: Number(ratio.toFixed(3)),
          ratioToHello: Number(ofHello.toFixed(3)),
        },
      };
    } finally {
      await Promise.all(servers.map(stop));
      await rm(dir, { recursive: true, force: true });
    }
  },
} satisfies Benchmark;

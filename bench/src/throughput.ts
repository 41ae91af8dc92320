/**
 * (a) Requests per second: the catalogue's call detail and a provider's application read
 * as the local stack serves them, against a bare Hono app answering the same paths with
 * the same bytes from constants (the ratio item 3 of the issue sets a goal for, on the
 * catalogue) and a hello-world (the first peer), each server in a fresh node
 * process on @hono/node-server, loaded by autocannon from this one. The peers run in
 * alternating rounds and the ratio is the median of each round's, so a burst of load
 * from elsewhere on the machine weighs on one round, not on one side.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { PROGRAM, uscc } from '../../test/support/qingdao.js';
import { draftApplication } from '../../test/support/submitted.js';
import type { Benchmark } from './benchmark.js';
import { median } from './median.js';
import { httpApp } from './stack/http-app.js';

const CATALOGUE = `/api/tenants/qingdao/programs/${PROGRAM}`;
const HELLO = '/hello';
const SERVERS = join(dirname(fileURLToPath(import.meta.url)), 'servers');
const CONNECTIONS = 10;
/** Rounds of (peer, platform) per route; the ratio is their median. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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

async function load(url: string, seconds: number, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytesPerRequest: Math.round(result.throughput.total / Math.max(result.requests.total, 1)),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** GETs `url` (refusing anything but 200) and writes the body to `dir/name`. */
async function saveAnswer(
  url: string,
  dir: string,
  name: string,
  headers: Record<string, string> = {},
) {
  const answer = await fetch(url, { headers });
  if (answer.status !== 200) throw new Error(`${url}: ${answer.status} ${await answer.text()}`);
  const file = join(dir, name);
  await writeFile(file, await answer.text());
  return file;
}

/** A provider signed in through the stack's dev login with a draft of its own, over HTTP. */
async function providerDraft(url: string) {
  const { provider, id } = await draftApplication(httpApp(url), uscc(1), {
    name: '吞吐测试公司',
    region: 'laoshan',
  });
  return {
    path: `/api/tenants/qingdao/applications/${id}`,
    headers: { authorization: `Bearer ${provider.token}` },
  };
}

export const throughput = {
  name: 'rps',
  title: `requests/s of GET ${CATALOGUE} and a provider's application read against bare Hono on the same machine`,
  target: '≥ 70 % of bare Hono’s requests/s on the same route served from a constant',
  async run({ seconds }) {
    const dir = await mkdtemp(join(tmpdir(), 'sme-bench-rps-'));
    const servers: Server[] = [];
    try {
      const stack = await start('local-stack.ts', []);
      servers.push(stack);
      const catalogueFile = await saveAnswer(stack.url + CATALOGUE, dir, 'catalogue.json');
      const read = await providerDraft(stack.url);
      const readFile = await saveAnswer(
        stack.url + read.path,
        dir,
        'application.json',
        read.headers,
      );
      const bare = await start('bare-hono.ts', [
        HELLO,
        CATALOGUE,
        catalogueFile,
        read.path,
        readFile,
      ]);
      servers.push(bare);
      const routes = [
        { name: 'catalogue', path: CATALOGUE, headers: {} },
        { name: 'application read', path: read.path, headers: read.headers },
      ];
      for (const route of routes) {
        await load(bare.url + route.path, WARM_UP_SECONDS);
        await load(stack.url + route.path, WARM_UP_SECONDS, route.headers);
      }
      const helloRun = await load(bare.url + HELLO, seconds);
      const measured = [];
      for (const route of routes) {
        const rounds = [];
        for (let round = 0; round < ROUNDS; round++) {
          const peer = await load(bare.url + route.path, seconds);
          const platform = await load(stack.url + route.path, seconds, route.headers);
          rounds.push({ peer, platform, ratio: platform.rps / peer.rps });
        }
        measured.push({ ...route, rounds, ratio: median(rounds.map((r) => r.ratio)) });
      }
      const runs = [
        helloRun,
        ...measured.flatMap((m) => m.rounds.flatMap((r) => [r.peer, r.platform])),
      ];
      if (runs.some((r) => r.non2xx > 0 || r.errors > 0))
        throw new Error(`failed: ${JSON.stringify({ helloRun, measured })}`);
      const row = (name: string, r: typeof helloRun) =>
        `  ${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ${r.bytesPerRequest} B/response`;
      const [catalogue] = measured;
      return {
        summary: [
          `  ${CONNECTIONS} connections, ${seconds} s each, ${ROUNDS} alternating rounds per route, after ${WARM_UP_SECONDS} s of warm-up`,
          row('hello', helloRun),
          ...measured.flatMap((m) =>
            m.rounds.flatMap((r, i) => [
              row(`${m.name} ${i + 1}, constant`, r.peer),
              row(`${m.name} ${i + 1}, platform`, r.platform),
            ]),
          ),
          ...measured.map(
            (m) =>
              `  ${m.name}: the platform serves ${(m.ratio * 100).toFixed(1)} % of bare Hono’s requests/s on the same bytes (median of ${ROUNDS} rounds)`,
          ),
          `  the catalogue's last round is ${(((catalogue?.rounds.at(-1)?.platform.rps ?? 0) / helloRun.rps) * 100).toFixed(1)} % of the hello-world's`,
        ].join('\n'),
        figures: {
          connections: CONNECTIONS,
          seconds,
          rounds: ROUNDS,
          bareHello: helloRun,
          routes: measured.map((m) => ({
            name: m.name,
            path: m.path,
            rounds: m.rounds,
            ratio: Number(m.ratio.toFixed(3)),
          })),
          ratio: Number((catalogue?.ratio ?? 0).toFixed(3)),
        },
      };
    } finally {
      await Promise.all(servers.map(stop));
      await rm(dir, { recursive: true, force: true });
    }
  },
} satisfies Benchmark;

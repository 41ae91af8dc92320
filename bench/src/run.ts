/**
 * `pnpm bench [name …]`: runs the chosen benchmarks (all when none is named) one after
 * another in this process tree, prints each summary and writes its figures to
 * `bench/results/<name>.json`. A benchmark is one file here, listed in BENCHMARKS.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchOptions } from './benchmark.js';
import { burst } from './burst.js';
import { calls } from './calls.js';
import { cold } from './cold.js';
import { restart } from './restart.js';
import { throughput } from './throughput.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const BENCHMARKS: Benchmark[] = [throughput, burst, calls, cold, restart];

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

const names = process.argv.slice(2);
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = names.length > 0 ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;
const options: BenchOptions = {
  runs: positive('BENCH_RUNS', 7),
  seconds: positive('BENCH_SECONDS', 10),
  submissions: positive('BENCH_SUBMISSIONS', 2_000),
  inReview: positive('BENCH_IN_REVIEW', 2_500),
};
// The machine is shared: the load before a run says how far to trust it.
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadavg: loadavg().map((n) => Number(n.toFixed(2))),
};
console.log(
  `bench on ${machine.cpus} × ${machine.cpu}, node ${machine.node}, load ${machine.loadavg.join(' ')}`,
);

await mkdir(RESULTS, { recursive: true });
for (const bench of chosen) {
  console.log(`\n▶ ${bench.name}: ${bench.title}\n  target: ${bench.target}`);
  const started = performance.now();
  const { summary, figures } = await bench.run(options);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${summary}\n  (${seconds.toFixed(1)} s)`);
  const file = join(RESULTS, `${bench.name}.json`);
  const at = new Date().toISOString();
  await writeFile(
    file,
    `${JSON.stringify({ bench: bench.name, at, machine, options, figures }, null, 2)}\n`,
  );
  console.log(`  → ${file}`);
}

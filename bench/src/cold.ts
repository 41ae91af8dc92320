/**
 * (d) Cold start: each function bundle built as `pnpm bundle:report` builds it, then, in
 * a fresh node process per run, imported and asked once, against a bare `node -e 0`.
 * Runs are interleaved (bare, api, …, bare, api, …) so the noise of a shared machine
 * falls on all alike; the figure is the difference of the medians.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleAll } from '@sme/infra/bundle-report';
import { loadTenants } from '@sme/local';
import { startDynamoDbLocal } from '@sme/local/engines';
import { createTableClients, ensureTable } from '@sme/store';
import { buildApiWithoutSdk } from './api-without-sdk.js';
import type { Benchmark } from './benchmark.js';
import { median } from './median.js';
import { FIRST_CALLS } from './probes.js';
import { buildSdkFloor } from './sdk-floor.js';

const TABLE_NAME = 'sme-bench-cold';

/** What the stack sets, with the table on DynamoDB Local (the tick reads it). */
function functionEnvironment(dynamodb: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    TABLE_NAME,
    BUCKET_NAME: 'sme-bench-documents',
    STATE_MACHINE_ARN_PREFIX: 'arn:aws-cn:states:cn-northwest-1:000000000000:stateMachine:',
    STATE_MACHINE_NAME_PREFIX: 'sme-bench',
    OIDC_ISSUER: 'https://id.example.gov.cn/oidc',
    OIDC_JWKS_URL: 'https://id.example.gov.cn/oidc/.well-known/jwks.json',
    OIDC_AUDIENCE: 'sme-dx-portal',
    // DynamoDB Local keeps a table per access key and region: those `ensureTable` used.
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodb,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

interface Run {
  /** From spawn to exit, as the parent saw it. */
  ms: number;
  /** What the probe printed: ms since its process began, at import done and at answer. */
  stdout: string;
}

/** One fresh process; a failed run throws with what it printed. */
function timed(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve({ ms: performance.now() - started, stdout });
    });
  });
}

/** In-process import and call times of a probe's runs, as medians. */
function split(runs: readonly Run[]): { importMs: number; callMs: number } {
  const marks = runs.map((r) => JSON.parse(r.stdout) as { imported: number; answered: number });
  return {
    importMs: round(median(marks.map((m) => m.imported))),
    callMs: round(median(marks.map((m) => m.answered - m.imported))),
  };
}

const round = (ms: number) => Number(ms.toFixed(1));

export const cold = {
  name: 'cold',
  title: 'cold start: import of each built bundle plus its first call, over node -e 0',
  target: 'API bundle ≤ 250 KB minified; its import + GET /api/tenants ≤ 120 ms over node -e 0',
  async run({ runs }) {
    const { tenants, errors } = await loadTenants();
    if (errors.length > 0) throw new Error('invalid tenants: run pnpm tenants:check');
    const outdir = await mkdtemp(join(tmpdir(), 'sme-bench-cold-'));
    const dynamo = await startDynamoDbLocal();
    try {
      const clients = createTableClients({ dynamodb: dynamo.endpoint });
      await ensureTable(clients.dynamodb, TABLE_NAME);
      clients.dynamodb.destroy();
      const bundles = await bundleAll(tenants, outdir);
      const probes = await Promise.all(
        bundles.map(async (b) => {
          const file = join(dirname(b.file), 'bench-probe.mjs');
          await writeFile(file, FIRST_CALLS[b.name].script);
          return {
            name: b.name as string,
            bytes: b.bytes,
            probe: file,
            call: FIRST_CALLS[b.name].call,
          };
        }),
      );
      // The peer: what the SDK alone weighs and costs, timed with the bundles.
      probes.push({ name: 'sdk alone', ...(await buildSdkFloor(join(outdir, 'sdk-alone'))) });
      // And the API without it: what an AWS client of no weight would leave.
      probes.push({
        name: 'api, no SDK',
        ...(await buildApiWithoutSdk(tenants, join(outdir, 'api-no-sdk'))),
      });
      const env = functionEnvironment(dynamo.endpoint);
      // Parsing alone (`node --check` compiles the module and runs nothing), against an
      // empty module's: what the bytes cost before any of their code runs.
      const emptyModule = join(outdir, 'empty.mjs');
      await writeFile(emptyModule, 'export {};\n');
      const check = (probe: string) => ['--check', join(dirname(probe), 'index.mjs')];
      // A first run of each, untimed, so the file cache is warm for all alike.
      await timed(['-e', '0'], env);
      for (const p of probes) await timed([p.probe], env);
      const bare: number[] = [];
      const bareCheck: number[] = [];
      const times = new Map<string, Run[]>(probes.map((p) => [p.name, []]));
      const checks = new Map<string, number[]>(probes.map((p) => [p.name, []]));
      for (let i = 0; i < runs; i += 1) {
        bare.push((await timed(['-e', '0'], env)).ms);
        bareCheck.push((await timed(['--check', emptyModule], env)).ms);
        for (const p of probes) {
          times.get(p.name)?.push(await timed([p.probe], env));
          checks.get(p.name)?.push((await timed(check(p.probe), env)).ms);
        }
      }
      const bareMs = median(bare);
      const bareCheckMs = median(bareCheck);
      const figures = probes.map((p) => {
        const measured = times.get(p.name) ?? [];
        const ms = median(measured.map((r) => r.ms));
        return {
          bundle: p.name,
          call: p.call,
          bytes: p.bytes,
          medianMs: round(ms),
          overBareMs: round(ms - bareMs),
          parseOverEmptyMs: round(median(checks.get(p.name) ?? []) - bareCheckMs),
          ...split(measured),
          runsMs: measured.map((r) => round(r.ms)),
        };
      });
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
      return {
        summary: [
          `  node -e 0: median ${bareMs.toFixed(1)} ms over ${runs} runs`,
          ...figures.map(
            (f) =>
              `  ${f.bundle.padEnd(12)} ${kib(f.bytes).padStart(12)}  +${f.overBareMs.toFixed(1).padStart(6)} ms over bare, of which parsing +${f.parseOverEmptyMs.toFixed(1)} ms  (${f.call}; in process: import done at ${f.importMs} ms, call ${f.callMs} ms)`,
          ),
        ].join('\n'),
        figures: {
          runs,
          bareMedianMs: round(bareMs),
          bareRunsMs: bare.map(round),
          emptyModuleCheckMedianMs: round(bareCheckMs),
          bundles: figures,
        },
      };
    } finally {
      await dynamo.stop();
      await rm(outdir, { recursive: true, force: true });
    }
  },
} satisfies Benchmark;

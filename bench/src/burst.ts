/**
 * (b) The deadline burst: complete drafts prepared first (one organization each), then
 * every one submitted at 50 concurrent over HTTP to the local stack as `pnpm dev` runs
 * it (its own node process: DynamoDB Local, the local S3, the review engine and timer
 * loop running, so the review takes the submissions up while the burst goes on). Once
 * the review has taken every one up, the province's stats are set against a recount
 * of the application items.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_AT } from '../../test/support/qingdao.js';
import type { Benchmark } from './benchmark.js';
import { median } from './median.js';
import { BURST_CONCURRENCY, burstOn, PREPARE_CONCURRENCY } from './stack/burst-on.js';
import { recount, same, show } from './stack/counts.js';
import { type EngineRun, engineAlone } from './stack/engine-peer.js';
import { percentile } from './stack/population.js';
import { startStackProcess } from './stack/stack-process.js';

const INTAKE_LIMIT_MS = 600_000;

const round = (ms: number) => Number(ms.toFixed(1));

export const burst = {
  name: 'burst',
  title: 'the deadline burst: complete drafts submitted at 50 concurrent on the local stack',
  target: 'submit p99 ≤ 300 ms at 50 concurrent, no error; stats equal to a recount',
  async run({ submissions }) {
    const dataDir = await mkdtemp(join(tmpdir(), 'sme-bench-burst-'));
    const stack = await startStackProcess(dataDir, OPEN_AT);
    try {
      // The peer meets the engine as the burst will: the drafts written, nothing running.
      let engine: EngineRun | undefined;
      const { prepareMs, submitted, intake, stats } = await burstOn(
        stack.url,
        submissions,
        INTAKE_LIMIT_MS,
        async () => {
          engine = await engineAlone(dataDir, submissions, BURST_CONCURRENCY);
        },
      );
      if (!engine) throw new Error('the peer did not run');
      const [counted, recounted] = [await stats(), await recount(dataDir)];
      const { latenciesMs, byCode } = submitted;
      const figures = {
        submissions,
        concurrency: BURST_CONCURRENCY,
        transport: 'HTTP to main.ts in its own process (node fetch, keep-alive)',
        prepareMs: Math.round(prepareMs),
        burstMs: Math.round(submitted.ms),
        perSecond: round((submissions * 1000) / submitted.ms),
        p50Ms: round(median(latenciesMs)),
        p99Ms: round(percentile(latenciesMs, 0.99)),
        maxMs: round(Math.max(...latenciesMs)),
        byCode,
        engineAlone: {
          what: 'BatchGetItem ×3 keys, Query, TransactWriteItems ×8 items per submit, no platform',
          perSecond: round((submissions * 1000) / engine.ms),
          p50Ms: round(median(engine.latenciesMs)),
          p99Ms: round(percentile(engine.latenciesMs, 0.99)),
        },
        intake: {
          doneAtMs: intake.doneAtMs,
          perSecond: intake.perSecond,
          peakPerSecond: intake.peakPerSecond,
        },
        stats: counted,
        recount: recounted,
        statsEqualRecount: same(counted, recounted),
      };
      return {
        summary: [
          `  ${submissions} drafts prepared in ${(prepareMs / 1000).toFixed(1)} s (${PREPARE_CONCURRENCY} at once, over HTTP)`,
          `  submit: ${submissions} at ${BURST_CONCURRENCY} concurrent in ${(submitted.ms / 1000).toFixed(1)} s = ${figures.perSecond} /s; p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`,
          `  DynamoDB Local alone, a submit's three calls at ${BURST_CONCURRENCY} concurrent: ${figures.engineAlone.perSecond} /s; p50 ${figures.engineAlone.p50Ms} ms, p99 ${figures.engineAlone.p99Ms} ms`,
          `  answers: ${Object.entries(byCode)
            .map(([code, n]) => `${code} ×${n}`)
            .join(', ')}`,
          `  review took every one up ${intake.doneAtMs === undefined ? 'not within the limit' : `${(intake.doneAtMs / 1000).toFixed(1)} s after the burst began (${intake.perSecond}/s; peak ${intake.peakPerSecond}/s)`}`,
          `  stats:   ${show(counted)}`,
          `  recount: ${show(recounted)}  → ${figures.statsEqualRecount ? 'equal' : 'DIFFERENT'}`,
        ].join('\n'),
        figures: { ...figures, intakeSamples: intake.samples },
      };
    } finally {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
} satisfies Benchmark;

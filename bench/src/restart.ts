/**
 * (e) Review intake after a burst, and the restart with that many in review: drafts
 * submitted at 50 concurrent to the local stack as `pnpm dev` runs it, the review's
 * intake sampled until every one is taken up, then the stack stopped (SIGTERM, every
 * run waiting on a person) and started again on the same data folder. The figure is the
 * time from the new process's spawn to the first `200` of `/api/health`; the time until
 * health no longer reports runs being resumed is shown beside it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_AT } from '../../test/support/qingdao.js';
import type { Benchmark } from './benchmark.js';
import { BURST_CONCURRENCY, burstOn } from './stack/burst-on.js';
import { recount, same, show, statsReader } from './stack/counts.js';
import { httpApp } from './stack/http-app.js';
import { type Health, type StackProcess, startStackProcess } from './stack/stack-process.js';

const INTAKE_LIMIT_MS = 900_000;
const RESUME_LIMIT_MS = 900_000;
const POLL_MS = 100;

/** Polls health until it stops reporting a resume: when, and the last progress seen. */
async function resumed(stack: StackProcess, since: number) {
  const seen: { atMs: number; resuming: Health['resuming'] }[] = [];
  for (;;) {
    const health = await stack.health();
    const atMs = Math.round(performance.now() - since);
    seen.push({ atMs, resuming: health.resuming });
    if (!health.resuming) return { doneAtMs: atMs, seen };
    if (atMs > RESUME_LIMIT_MS) return { doneAtMs: undefined, seen };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export const restart = {
  name: 'restart',
  title: 'review intake after a burst, and the restart of the local stack with that many in review',
  target: 'intake keeps up with the burst; a restart answers /api/health within 15 s',
  async run({ inReview }) {
    const dataDir = await mkdtemp(join(tmpdir(), 'sme-bench-restart-'));
    let stack = await startStackProcess(dataDir, OPEN_AT);
    try {
      const { prepareMs, submitted, intake, stats } = await burstOn(
        stack.url,
        inReview,
        INTAKE_LIMIT_MS,
      );
      const before = await stats();

      const stopStarted = performance.now();
      const exitCode = await stack.stop();
      const stopMs = performance.now() - stopStarted;
      stack = await startStackProcess(dataDir, OPEN_AT);
      const healthAfterMs = stack.healthAfterMs;
      const spawnedAt = performance.now() - healthAfterMs;
      const resume = await resumed(stack, spawnedAt);
      const restartedApp = httpApp(stack.url);
      const after = await (await statsReader(restartedApp))();
      const recounted = await recount(dataDir);
      const figures = {
        inReview,
        prepareMs: Math.round(prepareMs),
        burstMs: Math.round(submitted.ms),
        byCode: submitted.byCode,
        intake,
        stopMs: Math.round(stopMs),
        exitCode,
        healthAfterMs: Math.round(healthAfterMs),
        firstHealth: stack.firstHealth,
        resumedAfterMs: resume.doneAtMs,
        resumeProgress: resume.seen,
        statsBefore: before,
        statsAfter: after,
        recount: recounted,
        unchangedByRestart: same(before, after),
        statsEqualRecount: same(after, recounted),
      };
      const seconds = (ms: number | undefined) =>
        ms === undefined ? 'not within the limit' : `${(ms / 1000).toFixed(1)} s`;
      return {
        summary: [
          `  ${inReview} drafts prepared in ${seconds(prepareMs)}, submitted at ${BURST_CONCURRENCY} concurrent in ${seconds(submitted.ms)} (${Object.entries(
            submitted.byCode,
          )
            .map(([c, n]) => `${c} ×${n}`)
            .join(', ')})`,
          `  intake: every one taken up ${seconds(intake.doneAtMs)} after the burst began = ${intake.perSecond ?? '–'}/s (peak ${intake.peakPerSecond}/s over one second)`,
          `  in review: ${show(before)}`,
          `  stop (SIGTERM) ${seconds(stopMs)}, exit ${exitCode}`,
          `  restart: /api/health 200 after ${seconds(healthAfterMs)}: ${JSON.stringify(stack.firstHealth)}`,
          `  every run resumed after ${seconds(resume.doneAtMs)}`,
          `  after: ${show(after)}; ${figures.unchangedByRestart ? 'unchanged by the restart' : 'CHANGED by the restart'}; recount ${figures.statsEqualRecount ? 'equal' : `DIFFERENT (${show(recounted)})`}`,
        ].join('\n'),
        figures,
      };
    } finally {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
} satisfies Benchmark;

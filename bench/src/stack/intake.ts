/**
 * Review intake: how fast the local review engine takes up submitted applications. The
 * stats are sampled from the start of the burst until none is left `submitted` and the
 * counts have stopped moving; an application counts as taken up once screening has moved
 * it on (to `in_review` at the district's stage, or refused).
 */
import type { ByStatus } from './counts.js';

const SAMPLE_MS = 500;

export interface IntakeSample {
  /** Since the burst began. */
  atMs: number;
  takenUp: number;
  byStatus: ByStatus;
}

export interface Intake {
  samples: IntakeSample[];
  /** When the last submitted application was taken up, since the burst began. */
  doneAtMs: number | undefined;
  /** Taken up per second over the whole intake (from the burst's start to done). */
  perSecond: number | undefined;
  /** The best rate over one second of samples, once intake was under way. */
  peakPerSecond: number;
}

/** Samples until `count` applications have left `submitted` (or `limitMs` passes). */
export async function watchIntake(
  stats: () => Promise<ByStatus>,
  count: number,
  since: number,
  limitMs: number,
): Promise<Intake> {
  const samples: IntakeSample[] = [];
  let doneAtMs: number | undefined;
  for (;;) {
    const byStatus = await stats();
    const atMs = performance.now() - since;
    const waiting = (byStatus.submitted ?? 0) + (byStatus.draft ?? 0);
    samples.push({ atMs: Math.round(atMs), takenUp: count - waiting, byStatus });
    if (waiting === 0) {
      doneAtMs = atMs;
      break;
    }
    if (atMs > limitMs) break;
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
  let peakPerSecond = 0;
  for (const [i, sample] of samples.entries()) {
    const earlier = samples.slice(0, i).findLast((s) => sample.atMs - s.atMs >= 1_000);
    if (earlier)
      peakPerSecond = Math.max(
        peakPerSecond,
        ((sample.takenUp - earlier.takenUp) * 1000) / (sample.atMs - earlier.atMs),
      );
  }
  return {
    samples,
    doneAtMs: doneAtMs && Math.round(doneAtMs),
    perSecond: doneAtMs ? Number(((count * 1000) / doneAtMs).toFixed(1)) : undefined,
    peakPerSecond: Number(peakPerSecond.toFixed(1)),
  };
}

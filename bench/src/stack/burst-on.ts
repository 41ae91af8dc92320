/**
 * The burst both `burst` and `restart` measure: `count` complete drafts prepared (not
 * measured, a few at once), then all submitted at 50 concurrent over HTTP, and the
 * review's intake watched until it has taken every one up (or `intakeLimitMs` passed).
 */
import { statsReader } from './counts.js';
import { httpApp } from './http-app.js';
import { watchIntake } from './intake.js';
import { prepareDrafts, submitAll } from './population.js';

export const BURST_CONCURRENCY = 50;
/** Preparing is not measured: as many at once as the two cores keep busy. */
export const PREPARE_CONCURRENCY = 8;

export async function burstOn(
  url: string,
  count: number,
  intakeLimitMs: number,
  /** Run once the drafts are ready, just before the burst (a peer on the same engine). */
  beforeBurst: () => Promise<void> = async () => {},
) {
  const app = httpApp(url);
  const prepareStarted = performance.now();
  const drafts = await prepareDrafts(app, count, { concurrency: PREPARE_CONCURRENCY });
  const prepareMs = performance.now() - prepareStarted;
  await beforeBurst();
  const stats = await statsReader(app);
  const burstStarted = performance.now();
  const submitted = await submitAll(drafts, BURST_CONCURRENCY);
  const intake = await watchIntake(stats, count, burstStarted, intakeLimitMs);
  return { prepareMs, submitted, intake, stats };
}

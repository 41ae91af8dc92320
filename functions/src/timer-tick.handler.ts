/**
 * The minute tick from EventBridge Scheduler: the platform's timer jobs (start
 * review of new submissions, close ended publicity, send again releases that did not go
 * through). All always run; a failure of any is thrown after the others have had their
 * turn, so the error alarm and the dead-letter queue see it.
 */
import type { TimerJob } from '@sme/platform';
import { type Deployment, deployment } from './runtime/deployment.js';

export type TickResult = Record<TimerJob, number>;

export async function tick({ platform }: Pick<Deployment, 'platform'>): Promise<TickResult> {
  const jobs = Object.entries(platform.timerJobs);
  const results = await Promise.allSettled(jobs.map(([, job]) => job()));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failures.length > 0) throw new AggregateError(failures, 'the timer tick failed');
  const done = results as PromiseFulfilledResult<number>[];
  return Object.fromEntries(jobs.map(([name], i) => [name, done[i]?.value ?? 0])) as TickResult;
}

export const handler = () => tick(deployment());

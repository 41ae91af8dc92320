/**
 * The minute tick from EventBridge Scheduler: the timer jobs of `@sme/workflow` (start
 * review of new submissions, close ended publicity, send again releases that did not go
 * through). All always run; a failure of any is thrown after the others have had their
 * turn, so the error alarm and the dead-letter queue see it.
 */
import { type TimerJob, timerJobs } from '@sme/workflow';
import { type Deployment, deployment } from './runtime/deployment.js';

export type TickResult = Record<TimerJob, number>;

export async function tick(
  from: Pick<Deployment, 'review' | 'publicity' | 'reviewDeps'>,
): Promise<TickResult> {
  const { tenants, apps, clock } = from.reviewDeps;
  const jobs = Object.entries(
    timerJobs({ review: from.review, publicity: from.publicity, tenants, apps, clock }),
  );
  const results = await Promise.allSettled(jobs.map(([, job]) => job()));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failures.length > 0) throw new AggregateError(failures, 'the timer tick failed');
  const done = results as PromiseFulfilledResult<number>[];
  return Object.fromEntries(jobs.map(([name], i) => [name, done[i]?.value ?? 0])) as TickResult;
}

export const handler = () => tick(deployment());

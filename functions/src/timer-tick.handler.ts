/**
 * The minute tick from EventBridge Scheduler: starts review for new submissions, closes
 * publicity notices whose time is up, and sends again any release of a decided task that
 * did not go through. All three always run; a failure of any is thrown after the others
 * have had their turn, so the retries and the error alarm see it.
 */
import { retryReleases } from '@sme/workflow';
import { type Deployment, deployment } from './runtime/deployment.js';

export interface TickResult {
  started: number;
  closed: number;
  released: number;
}

export async function tick(
  from: Pick<Deployment, 'review' | 'publicity' | 'reviewDeps'>,
): Promise<TickResult> {
  const { tenants, apps, clock } = from.reviewDeps;
  const results = await Promise.allSettled([
    from.review.pickUp(),
    from.publicity.closeDue(),
    retryReleases({ tenants, apps, clock, releaser: from.review }),
  ]);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failures.length > 0) throw new AggregateError(failures, 'the timer tick failed');
  const [started = 0, closed = 0, released = 0] = results.map((r) =>
    r.status === 'fulfilled' ? r.value : 0,
  );
  return { started, closed, released };
}

export const handler = () => tick(deployment());

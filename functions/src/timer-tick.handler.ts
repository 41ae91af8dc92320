/**
 * The minute tick from EventBridge Scheduler: starts review for new submissions and
 * closes publicity notices whose time is up. Both always run; a failure of either is
 * thrown after the other has had its turn, so the retries and the error alarm see it.
 */
import { type Deployment, deployment } from './runtime/deployment.js';

export async function tick(
  from: Pick<Deployment, 'review' | 'publicity'>,
): Promise<{ started: number; closed: number }> {
  const [started, closed] = await Promise.allSettled([
    from.review.pickUp(),
    from.publicity.closeDue(),
  ]);
  const failures = [started, closed].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failures.length > 0) throw new AggregateError(failures, 'the timer tick failed');
  return {
    started: started.status === 'fulfilled' ? started.value : 0,
    closed: closed.status === 'fulfilled' ? closed.value : 0,
  };
}

export const handler = () => tick(deployment());

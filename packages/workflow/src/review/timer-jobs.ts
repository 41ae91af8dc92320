/**
 * What every timer tick does, on every runtime: start review of new submissions, close
 * publicity that has ended, and send again releases that did not go through. The local
 * timer loop, the test harness and the Lambda tick all run this one list, so a job added
 * here runs everywhere.
 */
import type { Clock, ResolvedTenant } from '@sme/core';
import type { ApplicationRepository } from '@sme/store';
import type { Publicity } from './publicity.js';
import { retryReleases } from './send-release.js';
import type { TaskReleaser } from './task-releaser.js';

export interface TimerJobsDeps {
  /** The review engine: local, or Step Functions. */
  review: TaskReleaser & { pickUp(): Promise<number> };
  publicity: Publicity;
  tenants: ReadonlyMap<string, ResolvedTenant>;
  apps: ApplicationRepository;
  clock: Clock;
}

export type TimerJob = 'started' | 'closed' | 'released';

/** Each job answers how many things it did. */
export function timerJobs(deps: TimerJobsDeps): Record<TimerJob, () => Promise<number>> {
  return {
    started: () => deps.review.pickUp(),
    closed: () => deps.publicity.closeDue(),
    released: () =>
      retryReleases({
        tenants: deps.tenants,
        apps: deps.apps,
        releaser: deps.review,
        clock: deps.clock,
      }),
  };
}

/**
 * What every timer tick does, on every runtime: start review of new submissions, close
 * publicity that has ended, fire the deadlines of every kind of case, and send again
 * releases that did not go through. The local
 * timer loop, the test harness and the Lambda tick all run this one list, so a job added
 * here runs everywhere.
 */
import type { Clock, ResolvedTenant } from '@sme/core';
import type { ReviewOutbox } from '@sme/store';
import type { TaskReleaser } from '@sme/workflow';
import type { TimerRunner } from '../cases/timer-runner.js';
import type { Publicity } from '../publicity/publicity.js';
import { retryReleases } from './send-release.js';

/** What a review engine does: takes up hand-offs, and releases waiting tasks. */
export interface ReviewEngine extends TaskReleaser {
  /** Starts review of every submission handed off since the last call; how many started. */
  pickUp(): Promise<number>;
}

export interface TimerJobsDeps {
  /** The review engine: local, or Step Functions. */
  review: ReviewEngine;
  publicity: Publicity;
  /** The deadlines of every kind of case. */
  timers: TimerRunner;
  tenants: ReadonlyMap<string, ResolvedTenant>;
  outbox: ReviewOutbox;
  clock: Clock;
}

export type TimerJob = 'started' | 'closed' | 'released' | 'deadlines';

/** Each job answers how many things it did. */
export function timerJobs(deps: TimerJobsDeps): Record<TimerJob, () => Promise<number>> {
  return {
    started: () => deps.review.pickUp(),
    closed: () => deps.publicity.closeDue(),
    deadlines: () => deps.timers.fireDue(),
    released: () =>
      retryReleases({
        tenants: deps.tenants,
        outbox: deps.outbox,
        releaser: deps.review,
        clock: deps.clock,
      }),
  };
}

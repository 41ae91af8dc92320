/**
 * Retrying a write that met another one: exponential backoff with full jitter (each
 * wait drawn uniformly between 0 and base·2^attempt, capped; AWS Architecture Blog,
 * "Exponential Backoff And Jitter"), so writers that collided on a hot item do not
 * collide again in step. The random source and the sleep are injected: tests retry
 * without waiting on the wall clock and draw the same waits every run.
 */
import { BusyError } from '@sme/core';
import { TransactionRefusedError } from '@sme/store';

export interface Backoff {
  /** A number in [0, 1). */
  random(): number;
  sleep(ms: number): Promise<void>;
}

export const systemBackoff: Backoff = {
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Tries in all (the first and its retries) before a write gives up. */
export const ATTEMPTS = 6;
const BASE_MS = 10;
const CAP_MS = 400;

/** The wait before retry `attempt` (0 for the first retry). */
export const backoffDelay = (attempt: number, random: () => number) =>
  Math.floor(random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt));

/**
 * Runs `step` until it succeeds, throws what `retryable` refuses, or has been tried
 * `ATTEMPTS` times: then throws `giveUp(last error)`.
 */
export async function withBackoff<T>(
  backoff: Backoff,
  step: (attempt: number) => Promise<T>,
  policy: { retryable(error: unknown): boolean; giveUp(error: unknown): Error },
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step(attempt);
    } catch (error) {
      if (!policy.retryable(error)) throw error;
      if (attempt + 1 >= ATTEMPTS) throw policy.giveUp(error);
      await backoff.sleep(backoffDelay(attempt, backoff.random));
    }
  }
}

/**
 * Sends a transaction again while it is refused only because another one held one of
 * its items at that instant (DynamoDB's `TransactionConflict`: nothing was written);
 * gives up with `409 busy`. Any other refusal is the caller's to name.
 */
export const retryingConflicts = <T>(backoff: Backoff, write: () => Promise<T>): Promise<T> =>
  withBackoff(backoff, write, {
    retryable: (error) => error instanceof TransactionRefusedError && error.conflicted,
    giveUp: (error) => new BusyError({ cause: error }),
  });

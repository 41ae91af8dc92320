/**
 * The ports core declares and the outer packages implement.
 */

/** The source of "now". Injected everywhere so tests and the local stack move time. */
export interface Clock {
  now(): Date;
}

/** The real clock, for AWS. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The local stack's clock: starts at a chosen instant and then runs with real time, and
 * can be moved forward (never back) so a demo or a test reaches a deadline at once.
 */
import { ClockBackwardsError } from '../errors.js';
import { type Clock, systemClock } from './clock.js';

export class VirtualClock implements Clock {
  /** Virtual minus real time, in ms. */
  private offset: number;

  /**
   * @param start where virtual time begins; real time when absent
   * @param real the clock virtual time runs along with (injected for tests)
   */
  constructor(
    start?: Date,
    private readonly real: Clock = systemClock,
  ) {
    this.offset = start ? start.getTime() - real.now().getTime() : 0;
  }

  now(): Date {
    return new Date(this.real.now().getTime() + this.offset);
  }

  /** Moves virtual time to `target`; moving back throws `ClockBackwardsError`. */
  advanceTo(target: Date): Date {
    const now = this.now();
    if (target.getTime() < now.getTime()) throw new ClockBackwardsError(now, target);
    this.offset += target.getTime() - now.getTime();
    return this.now();
  }
}

/**
 * Business timers on the virtual clock. Subsystems register a `fireDue` handler (the
 * review workflow registers its deadlines); the loop calls every handler each second,
 * and `/api/dev/clock` calls them at once after moving the clock, so a move answers
 * only when everything due by then has fired.
 */
import type { Clock } from '@sme/core';

/** Fires what is due by `now`; returns how many fired. */
export type TimerHandler = (now: Date) => Promise<number>;

export class TimerLoop {
  private readonly handlers: TimerHandler[] = [];
  private interval: NodeJS.Timeout | undefined;
  /** Serialises firing so a tick and a clock move never fire the same timer twice. */
  private running: Promise<number> = Promise.resolve(0);

  constructor(private readonly clock: Clock) {}

  register(handler: TimerHandler): void {
    this.handlers.push(handler);
  }

  fireDue(now: Date = this.clock.now()): Promise<number> {
    const next = this.running.then(async () => {
      let fired = 0;
      for (const handler of this.handlers) fired += await handler(now);
      return fired;
    });
    this.running = next.catch(() => 0);
    return next;
  }

  start(everyMs = 1_000): void {
    this.interval ??= setInterval(() => {
      this.fireDue().catch((error: unknown) => {
        console.error(
          JSON.stringify({ level: 'error', msg: 'timer tick failed', error: String(error) }),
        );
      });
    }, everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.interval);
    this.interval = undefined;
    await this.running;
  }
}

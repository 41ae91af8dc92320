/**
 * Fires the deadlines of every kind of case (`CaseTimer`) as the clock passes them.
 * Each kind registers what its timers do; a handler writes the case's change with the
 * timer's firing in the same transaction (so a deadline fires once, and never after the
 * case moved on), or answers that there is nothing left to do and the timer is dropped.
 */
import type { Clock, ResolvedTenant } from '@sme/core';
import {
  type CaseTimer,
  contextOfTimer,
  type TenantContext,
  type TimerRepository,
  TransactionRefusedError,
  type TransactOp,
  timerFiredOp,
} from '@sme/store';

/** A deadline of a case of `tenant`, with the province its firing's context needs. */
export const caseTimer = (
  tenant: ResolvedTenant,
  timer: Omit<CaseTimer, 'tenant' | 'province'>,
): CaseTimer => ({
  tenant: tenant.id,
  ...(tenant.parent && { province: tenant.parent }),
  ...timer,
});

/**
 * What a timer does: `fired` is the operation to put in the transaction of the change
 * it makes; the answer says whether it did (false: nothing to do, drop the timer).
 */
export type TimerHandler = (
  timer: CaseTimer,
  context: { ctx: TenantContext; fired: TransactOp; now: Date },
) => Promise<boolean>;

/**
 * Schedules what recurs by the calendar rather than by a case's change (the reminders
 * of a yearly date): run before each firing, so what it schedules due by now fires in
 * the same tick, on every runtime. It must be cheap when there is nothing to schedule.
 */
export type TimerPlanner = (now: Date) => Promise<void>;

export class TimerRunner {
  private readonly handlers = new Map<string, TimerHandler>();
  private readonly planners: TimerPlanner[] = [];

  constructor(
    private readonly timers: TimerRepository,
    private readonly clock: Clock,
  ) {}

  /** Registers what the timers of a kind of case do. */
  register(caseKind: string, handler: TimerHandler): void {
    if (this.handlers.has(caseKind)) throw new Error(`timers of ${caseKind} already handled`);
    this.handlers.set(caseKind, handler);
  }

  /** Adds a planner, run at the start of every firing. */
  plan(planner: TimerPlanner): void {
    this.planners.push(planner);
  }

  /** Fires every timer due by now; how many fired. */
  async fireDue(): Promise<number> {
    const now = this.clock.now();
    for (const planner of this.planners) await planner(now);
    let fired = 0;
    for (const timer of await this.timers.due(now)) {
      const handler = this.handlers.get(timer.caseKind);
      if (!handler) continue;
      try {
        const ctx = contextOfTimer(timer);
        const done = await handler(timer, { ctx, fired: timerFiredOp(timer), now });
        if (!done) await this.timers.dismiss(timer);
        fired += 1;
      } catch (error) {
        // Moved or fired meanwhile: the next tick sees what is there then.
        if (!(error instanceof TransactionRefusedError)) throw error;
      }
    }
    return fired;
  }
}

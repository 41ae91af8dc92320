/**
 * Deadlines on the clock for any case (a callback: "if nothing happened by then, do
 * this"). A timer is an item in its case's partition, listed by due instant in the
 * shared due-time index; the tick fires what is due in every tenant. Scheduling and
 * firing are transaction operations, so a case's change and its timers move together.
 */
import { sharedKey, type TenantContext } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';

export interface CaseTimer {
  tenant: string;
  province?: string;
  caseKind: string;
  caseId: string;
  /** The case's partition the timer lives in. */
  casePk: string;
  /** What the timer is for, unique within the case (`reply-due`). */
  name: string;
  /** ISO 8601 instant. */
  dueAt: string;
  payload?: Record<string, unknown>;
}

/** One shard for now: the tick reads it oldest first; shards come when volume asks. */
const DUE_SHARD = sharedKey('DUE', '0');
const timerSk = (name: string) => `TIMER#${name}`;

/** Schedules (or moves) a timer, for the change's transaction. */
export function timerOp(timer: CaseTimer): TransactOp {
  return {
    put: {
      pk: timer.casePk,
      sk: timerSk(timer.name),
      ...timer,
      gsi2pk: DUE_SHARD,
      gsi2sk: `${timer.dueAt}#${timer.tenant}#${timer.caseKind}#${timer.caseId}#${timer.name}`,
    },
  };
}

/** Fires a timer, for the transaction of what it does: refused if it moved meanwhile. */
export function timerFiredOp(timer: CaseTimer): TransactOp {
  return {
    delete: { pk: timer.casePk, sk: timerSk(timer.name) },
    condition: 'dueAt = :due',
    values: { ':due': timer.dueAt },
  };
}

/** Cancels a timer (the case moved on before it was due). */
export function timerCancelOp(timer: Pick<CaseTimer, 'casePk' | 'name'>): TransactOp {
  return { delete: { pk: timer.casePk, sk: timerSk(timer.name) } };
}

export const contextOfTimer = (timer: CaseTimer): TenantContext => ({
  tenant: timer.tenant,
  province: timer.province,
});

export class TimerRepository {
  constructor(private readonly table: TenantTable) {}

  /** Timers due by `now` in every tenant, oldest first. */
  async due(now: Date, limit = 100): Promise<CaseTimer[]> {
    const items = await this.table.dueItems(DUE_SHARD, now.toISOString(), limit);
    return items.map(
      ({ pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, ...timer }) => timer as unknown as CaseTimer,
    );
  }

  /** Removes a fired timer whose case had nothing left to do. */
  async dismiss(timer: CaseTimer): Promise<void> {
    await this.table.transact(contextOfTimer(timer), [timerFiredOp(timer)]);
  }
}

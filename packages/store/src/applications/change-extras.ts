/**
 * What a change of an application writes besides the application and its history
 * event: claims, releases, tasks, the pool entry, an idempotency record, the hand-off,
 * and the release of a decided task's token.
 */
import type { Application } from '@sme/core';
import { type PoolEntry, poolItem } from '../publicity/notice.repository.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';
import { type ReviewTask, taskItem } from '../tasks/task.repository.js';
import { appPk, entityPk } from './application-items.js';

/** A submission waiting to be taken up by review. */
export interface Handoff {
  applicationId: string;
  programId: string;
  version: number;
}

export const handoffListKey = (ctx: TenantContext) => tenantKey(ctx, 'HANDOFFS');

/**
 * A decided task whose token the workflow still has to be told about. It is written in
 * the transaction that closes the task and marked sent once the release went through, so
 * a release that fails (Step Functions throttled, the process gone) is retried, never
 * lost, and the application never waits on a decision already taken.
 */
export interface PendingRelease {
  applicationId: string;
  taskId: string;
  token: string;
  outcome: string;
  at: string;
}

export const releaseListKey = (ctx: TenantContext) => tenantKey(ctx, 'RELEASES');
export const releaseSk = (taskId: string) => `RELEASE#${taskId}`;

/** What a change writes besides the application and its history event. */
export interface ChangeExtras {
  /** Claim items created only if absent (one application per entity and track). */
  claims?: string[];
  /** Claim items released (on withdrawal). */
  releases?: string[];
  /** An idempotency record stored in the same transaction. */
  idempotency?: { key: string; response: unknown; expiresAt: number };
  /** Hand the application to review (the workflow picks it up). */
  handoff?: boolean;
  flags?: unknown[];
  /** Review tasks opened by the change (the workflow reached a waiting stage). */
  openTasks?: ReviewTask[];
  /**
   * A review task the change decides; refused unless it is still open. Its token's
   * release is recorded with it (see `PendingRelease`).
   */
  closeTask?: ReviewTask;
  /** The pool entry of an application being listed. */
  poolEntry?: PoolEntry;
}

/** The transaction operations for the extras of a change. */
export function extraOps(ctx: TenantContext, app: Application, extras: ChangeExtras): TransactOp[] {
  const ops: TransactOp[] = [];
  for (const claim of extras.claims ?? []) {
    ops.push({
      put: { pk: entityPk(ctx, app.entityUscc), sk: `CLAIM#${claim}`, applicationId: app.id },
      condition: 'attribute_not_exists(pk) OR applicationId = :self',
      values: { ':self': app.id },
    });
  }
  for (const claim of extras.releases ?? []) {
    ops.push({ delete: { pk: entityPk(ctx, app.entityUscc), sk: `CLAIM#${claim}` } });
  }
  if (extras.idempotency) {
    ops.push({
      put: {
        pk: tenantKey(ctx, 'IDEM', extras.idempotency.key),
        sk: 'IDEM',
        response: extras.idempotency.response,
        expiresAt: extras.idempotency.expiresAt,
      },
      condition: 'attribute_not_exists(pk)',
    });
  }
  for (const task of extras.openTasks ?? []) ops.push({ put: taskItem(ctx, task) });
  if (extras.poolEntry) ops.push({ put: poolItem(ctx, extras.poolEntry) });
  if (extras.closeTask) {
    ops.push({
      put: taskItem(ctx, extras.closeTask),
      condition: '#state = :open',
      names: { '#state': 'state' },
      values: { ':open': 'open' },
    });
    const { taskId, token, outcome } = extras.closeTask;
    if (outcome) {
      const at = extras.closeTask.decidedAt ?? app.updatedAt;
      ops.push({
        put: {
          pk: appPk(ctx, app.id),
          sk: releaseSk(taskId),
          applicationId: app.id,
          taskId,
          token,
          outcome,
          at,
          state: 'pending',
          gsi1pk: releaseListKey(ctx),
          gsi1sk: `${at}#${app.id}#${taskId}`,
        },
      });
    }
  }
  if (extras.handoff) {
    ops.push({
      put: {
        pk: appPk(ctx, app.id),
        sk: `HANDOFF#${String(app.version).padStart(8, '0')}`,
        applicationId: app.id,
        programId: app.programId,
        version: app.version,
        at: app.updatedAt,
        state: 'pending',
        gsi1pk: handoffListKey(ctx),
        gsi1sk: `${app.updatedAt}#${app.id}#${app.version}`,
      },
    });
  }
  return ops;
}

/**
 * What a change of an application writes besides the application and its history
 * event: claims, documents, tasks opened and closed with the releases of their tokens,
 * the pool entry, a notice entry withdrawn, objections closed, an idempotency record
 * and the hand-off to review. All of it lands in the change's one transaction.
 */
import type { Application, ApplicationDocument } from '@sme/core';
import {
  noticePk,
  type Objection,
  objectionItem,
  type PoolEntry,
  poolItem,
} from '../publicity/notice-items.js';
import type { TenantContext } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';
import { type ReviewTask, taskWrites, WORKFLOW_KINDS } from '../tasks/task.repository.js';
import { copiedOnce } from '../tasks/waiting-copy.js';
import { claimSk, documentItem, orgPk } from './application-items.js';
import { handoffOp, releaseOp } from './review-outbox.js';
import { idempotencyRecordOp } from './submit-idempotency.js';

/** What a change writes besides the application and its history event. */
export interface ChangeExtras {
  /** The organization's claims taken, only if free (one application per track). */
  claims?: string[];
  /** Claims given back (withdrawal, a changed track). */
  releases?: string[];
  /** An idempotency record stored in the same transaction. */
  idempotency?: { key: string; response: unknown; expiresAt: number };
  /** Hand the application to review (the workflow picks it up). */
  handoff?: boolean;
  flags?: unknown[];
  /** Document records written with the change (declared, verified, replaced). */
  documents?: ApplicationDocument[];
  /** Review tasks opened by the change (the workflow reached a waiting stage). */
  openTasks?: ReviewTask[];
  /**
   * Tasks the change updates: decided, closed by a withdrawal, or marked (put in a
   * notice). Each is refused unless it is still open. A task given an `outcome` that
   * carries a token has its release recorded with it (see `PendingRelease`).
   */
  updateTasks?: ReviewTask[];
  /** The pool entry of an application being listed. */
  poolEntry?: PoolEntry;
  /** The application's entry in a publicity notice, marked withdrawn. */
  withdrawnFromNotice?: { noticeId: string; index: number };
  /** Objections against the application ended with it. */
  objections?: Objection[];
  /** Records of the review written with the change (a panel's assignment, by its repository). */
  ops?: TransactOp[];
}

function claimOps(ctx: TenantContext, app: Application, extras: ChangeExtras): TransactOp[] {
  const pk = orgPk(ctx, app.org.uscc);
  return [
    ...(extras.claims ?? []).map(
      (claim): TransactOp => ({
        put: { pk, sk: claimSk(claim), applicationId: app.id },
        condition: 'attribute_not_exists(pk) OR applicationId = :self',
        values: { ':self': app.id },
      }),
    ),
    ...(extras.releases ?? []).map(
      (claim): TransactOp => ({
        delete: { pk, sk: claimSk(claim) },
        condition: 'attribute_not_exists(pk) OR applicationId = :self',
        values: { ':self': app.id },
      }),
    ),
  ];
}

function updateTaskOps(ctx: TenantContext, app: Application, tasks: ReviewTask[]): TransactOp[] {
  return tasks.flatMap((task): TransactOp[] => {
    // Written from the task as read, never with a token of its own: a run resumed since
    // (a new token) refuses the write.
    const close = taskWrites(ctx, task, { whileOpen: true, read: { token: task.token } });
    // Only a run waits on a workflow task's token; other tasks carry none to release.
    if (!task.outcome || !task.token || !WORKFLOW_KINDS.has(task.kind)) return close;
    return [
      ...close,
      releaseOp(ctx, {
        applicationId: app.id,
        taskId: task.taskId,
        token: task.token,
        outcome: task.outcome,
        at: task.decidedAt ?? app.updatedAt,
      }),
    ];
  });
}

/** The transaction operations for the extras of a change. */
export function extraOps(ctx: TenantContext, app: Application, extras: ChangeExtras): TransactOp[] {
  const ops: TransactOp[] = claimOps(ctx, app, extras);
  if (extras.idempotency) ops.push(idempotencyRecordOp(ctx, extras.idempotency, app.version));
  for (const doc of extras.documents ?? []) ops.push({ put: documentItem(ctx, app.id, doc) });
  ops.push(
    ...copiedOnce([
      ...(extras.openTasks ?? []).flatMap((task) => taskWrites(ctx, task)),
      ...updateTaskOps(ctx, app, extras.updateTasks ?? []),
    ]),
  );
  if (extras.poolEntry) ops.push({ put: poolItem(ctx, extras.poolEntry) });
  if (extras.withdrawnFromNotice) {
    const { noticeId, index } = extras.withdrawnFromNotice;
    ops.push({
      update: { pk: noticePk(ctx, noticeId), sk: 'META' },
      expression: `SET entries[${index}].withdrawnAt = :at`,
      condition: `entries[${index}].applicationId = :id`,
      values: { ':at': app.updatedAt, ':id': app.id },
    });
  }
  for (const objection of extras.objections ?? []) {
    ops.push({
      put: objectionItem(ctx, objection),
      condition: '#state = :open',
      names: { '#state': 'state' },
      values: { ':open': 'open' },
    });
  }
  if (extras.handoff) ops.push(handoffOp(ctx, app));
  ops.push(...(extras.ops ?? []));
  return ops;
}

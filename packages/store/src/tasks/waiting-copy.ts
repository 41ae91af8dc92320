/**
 * The copy of the task an application's run waits on (at `WAITING_SK` in the
 * application's partition) and the conditions of the writes made from a task as read.
 */
import { appPk } from '../applications/application-items.js';
import type { TenantContext } from '../table/keys.js';
import type { ItemKey, TableItem } from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import type { ReviewTask } from './task.repository.js';

export const STILL_OPEN = {
  condition: '#state = :open',
  names: { '#state': 'state' },
  values: { ':open': 'open' },
} as const;

/** What a write made from a task as read expects of it still: its token, and whether ready. */
export interface AsRead {
  token: string | undefined;
  /** Left out when the write may change it (a change of the panel removes it). */
  ready?: boolean;
}

/**
 * The condition of a task's write made from the task as read: still open; for one ended
 * because it was ready (a ranking panel's decision), still ready; and as `read` says.
 * A batch read may find the copy from before a change the application it read already
 * shows (an expert added, who removed `ready`); a run resumed after a restart gives its
 * task a new token, and the last answer makes a panel ready, neither changing the
 * application: the task itself refuses a write made on what it was before.
 */
export function stillAsRead(task: ReviewTask, read?: AsRead) {
  const conditions = ['#state = :open'];
  const names: Record<string, string> = { ...STILL_OPEN.names };
  const values: Record<string, unknown> = { ...STILL_OPEN.values };
  const ready = task.state !== 'open' && task.ready === true ? true : read?.ready;
  if (ready === true) {
    conditions.push('ready = :ready');
    values[':ready'] = true;
  } else if (ready === false) conditions.push('attribute_not_exists(ready)');
  if (read) {
    names['#token'] = 'token';
    if (read.token === undefined) conditions.push('attribute_not_exists(#token)');
    else {
      conditions.push('#token = :token');
      values[':token'] = read.token;
    }
  }
  return { condition: conditions.join(' AND '), names, values };
}

/**
 * Where the task the application's run waits on is copied. A run waits at one point at
 * a time, so one key serves every stage, and a write reads it in the batch that reads
 * the application instead of querying the application's tasks.
 */
export const WAITING_SK = 'WAITING';

/** The key of that copy for an application. */
export const waitingCopyKey = (ctx: TenantContext, applicationId: string): ItemKey => ({
  pk: appPk(ctx, applicationId),
  sk: WAITING_SK,
});

/**
 * A transaction's task writes with the copy written once per application: DynamoDB
 * refuses a transaction that writes one item twice. An application with two workflow
 * tasks open (left before the copy was kept) has both closed by its withdrawal; the copy
 * is the open task's when one stays open, else the last one written.
 */
export function copiedOnce(ops: readonly TransactOp[]): TransactOp[] {
  const copy = new Map<string, TableItem>();
  for (const op of ops) {
    if (!('put' in op) || op.put.sk !== WAITING_SK) continue;
    const chosen = copy.get(op.put.pk);
    if (!chosen || op.put.state === 'open' || chosen.state !== 'open') copy.set(op.put.pk, op.put);
  }
  return ops.filter(
    (op) => !('put' in op) || op.put.sk !== WAITING_SK || copy.get(op.put.pk) === op.put,
  );
}

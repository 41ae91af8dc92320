/**
 * Review tasks: every point where the workflow waits for people, with the token that
 * releases it, and the work people owe without a workflow waiting (an expert's score,
 * the check of an objection). Kept in the application's partition and listed by who
 * must act (role and district), oldest due first.
 */

import { applicationTouched, appPk } from '../applications/application-items.js';
import { casePk } from '../cases/case-layout.js';
import { type TenantContext, tenantKey } from '../table/keys.js';
import {
  foundIn,
  type ItemKey,
  itemKey,
  type Page,
  type TableItem,
  type TenantTable,
} from '../table/tenant-table.js';
import type { TransactOp } from '../table/transaction.js';
import { type AsRead, STILL_OPEN, stillAsRead, waitingCopyKey } from './waiting-copy.js';

/** `done` when decided; `closed` when ended without a decision (the application was withdrawn). */
export type TaskState = 'open' | 'done' | 'closed';

export interface ReviewTask {
  taskId: string;
  tenant: string;
  programId: string;
  /**
   * The case the task is work on: its id (an application's, for review), and its kind
   * when it is not an application.
   */
  applicationId: string;
  caseKind?: string;
  stage: string;
  /**
   * The stage kind (`manual`, `panel`, `publicity`), `resubmission` while the provider
   * corrects the application, `score` for an expert, `objection` for the check of an
   * objection.
   */
  kind: string;
  /** Who acts: a staff role, or the provider for a resubmission. */
  role: string;
  /** The district whose reviewer acts; absent when the whole city (or province) does. */
  region?: string;
  /** The organization that acts, for an applicant's task (a resubmission). */
  org?: string;
  /** The expert who acts, for a scoring task. */
  expertId?: string;
  /** A quota-ranking panel whose experts have all answered: ready for the decision. */
  ready?: boolean;
  /** The publicity notice an application waiting at publicity appears in. */
  noticeId?: string;
  /** The objection an `objection` task is the check of. */
  objectionId?: string;
  /**
   * Why a supervision task was opened (a disqualification proposal): the ground the
   * rule names, what happened, and the case that caused it.
   */
  proposal?: { ground: string; reason: string; caseKind: string; caseId: string };
  /** The workflow's token: releasing it moves the application on. Absent for work no run waits on. */
  token?: string;
  dueAt?: string;
  state: TaskState;
  createdAt: string;
  outcome?: string;
  decidedBy?: string;
  decidedAt?: string;
}

/**
 * Where a role's open tasks are listed: `T#<t>#TASKS#<role>#<who>`, where who is the
 * district (district reviewers), the organization (applicants), the expert, or `ALL`
 * (city staff).
 */
export const taskListKey = (ctx: TenantContext, role: string, who: string | undefined) =>
  tenantKey(ctx, 'TASKS', role, who ?? 'ALL');

/** Tasks through which a workflow run waits (the others carry no token of their own). */
export const WORKFLOW_KINDS: ReadonlySet<string> = new Set([
  'manual',
  'panel',
  'publicity',
  'resubmission',
]);

export function taskItem(ctx: TenantContext, task: ReviewTask) {
  return {
    pk: casePk(ctx, task.caseKind ?? 'application', task.applicationId),
    sk: `TASK#${task.taskId}`,
    ...task,
    ...(task.state === 'open' && {
      gsi1pk: taskListKey(ctx, task.role, task.region ?? task.org ?? task.expertId),
      gsi1sk: `${task.dueAt ?? '9999'}#${task.taskId}`,
    }),
  };
}

const toTask = ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...task }: Record<string, unknown>) =>
  task as unknown as ReviewTask;

export class TaskRepository {
  constructor(private readonly table: TenantTable) {}

  /** Records a new task while the application is still at the version it was decided on. */
  async openWhile(
    ctx: TenantContext,
    task: ReviewTask,
    app: { id: string; version: number },
  ): Promise<void> {
    await this.table.transact(ctx, [
      ...taskWrites(ctx, task),
      applicationTouched(ctx, app.id, { version: app.version }),
    ]);
  }

  /**
   * Rewrites a task that is still open (a resumed run's new token, a panel become
   * ready) from the task as `read`; refused with `TransactionRefusedError` once it was
   * decided or closed, so a task closed meanwhile is never reopened, when its token or
   * readiness changed since it was read (neither is lost to the other), or when one of
   * `guards` (checks of what the change was decided on) fails.
   */
  async update(
    ctx: TenantContext,
    task: ReviewTask,
    guards: readonly TransactOp[],
    read: ReviewTask,
  ): Promise<void> {
    const asRead = { token: read.token, ready: read.ready === true };
    await this.table.transact(ctx, [
      ...taskWrites(ctx, { ...task, state: 'open' }, { whileOpen: true, read: asRead }),
      ...guards,
    ]);
  }

  async get(
    ctx: TenantContext,
    applicationId: string,
    taskId: string,
  ): Promise<ReviewTask | undefined> {
    const { pk, sk } = this.key(ctx, applicationId, taskId);
    const item = await this.table.get(ctx, pk, sk);
    return item && toTask(item);
  }

  /** The key of an application's task, to read it in a batch (`taskIn`). */
  key(ctx: TenantContext, applicationId: string, taskId: string): ItemKey {
    return { pk: appPk(ctx, applicationId), sk: `TASK#${taskId}` };
  }

  /** The task among items a batch read found. */
  taskIn(
    ctx: TenantContext,
    applicationId: string,
    taskId: string,
    items: ReadonlyMap<string, TableItem>,
  ): ReviewTask | undefined {
    return foundIn(items, this.key(ctx, applicationId, taskId), toTask);
  }

  /**
   * Every open task of an application (its review, scores, objections), or of a case of
   * another kind (a member's disqualification proposals).
   */
  async openOf(
    ctx: TenantContext,
    caseId: string,
    caseKind = 'application',
  ): Promise<ReviewTask[]> {
    const open: ReviewTask[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.query(ctx, casePk(ctx, caseKind, caseId), {
        beginsWith: 'TASK#',
        where: { attribute: 'state', equals: 'open' },
        cursor,
      });
      open.push(...page.items.map(toTask));
      cursor = page.next;
    } while (cursor);
    return open;
  }

  /** The open task through which the workflow waits at a stage, if there is one. */
  async openAt(
    ctx: TenantContext,
    applicationId: string,
    stage: string,
  ): Promise<ReviewTask | undefined> {
    const key = this.waitingKey(ctx, applicationId);
    const copy = await this.table.get(ctx, key.pk, key.sk);
    return this.waitingIn(ctx, applicationId, stage, new Map(copy ? [[itemKey(key), copy]] : []));
  }

  /** The key of the copy of the task the application's run waits on, to read it in a batch. */
  waitingKey(ctx: TenantContext, applicationId: string): ItemKey {
    return waitingCopyKey(ctx, applicationId);
  }

  /**
   * The open task through which the workflow waits at `stage`, from a batch read that
   * asked for `waitingKey`. A copy that does not wait there is checked by the query of
   * the application's tasks: a run that began waiting before the copy was kept has none,
   * and code from before it (still running during a deploy) may leave one behind. Only
   * the answer "not waiting here", refused or rare, costs the query.
   */
  async waitingIn(
    ctx: TenantContext,
    applicationId: string,
    stage: string,
    items: ReadonlyMap<string, TableItem>,
  ): Promise<ReviewTask | undefined> {
    const copy = foundIn(items, this.waitingKey(ctx, applicationId), toTask);
    if (copy?.state === 'open' && copy.stage === stage) return copy;
    return waitingAt(await this.openOf(ctx, applicationId), stage);
  }

  /**
   * Marks an open panel task ready, in the transaction of the answer that completes its
   * panel. Only `ready` is written, on the task and on its copy when the batch `read`
   * found one, so nothing else of the task (its token, renewed when a stage is invoked
   * again) is written back as it was read.
   */
  readyOps(
    ctx: TenantContext,
    task: ReviewTask,
    read: ReadonlyMap<string, TableItem>,
  ): TransactOp[] {
    const copy = this.waitingKey(ctx, task.applicationId);
    const ready = (key: ItemKey): TransactOp => ({
      update: key,
      expression: 'SET ready = :ready',
      condition: '#state = :open AND taskId = :id',
      names: { '#state': 'state' },
      values: { ':ready': true, ':open': 'open', ':id': task.taskId },
    });
    const own = ready(this.key(ctx, task.applicationId, task.taskId));
    return read.has(itemKey(copy)) ? [own, ready(copy)] : [own];
  }

  /** Open tasks of a role (in a district), oldest due first. */
  async listOpen(
    ctx: TenantContext,
    role: string,
    who: string | undefined,
    page: { cursor?: string | undefined; limit?: number } = {},
  ): Promise<Page<ReviewTask>> {
    const result = await this.table.queryIndex(ctx, 'byListing', taskListKey(ctx, role, who), {
      limit: page.limit ?? 50,
      cursor: page.cursor,
    });
    return { ...result, items: result.items.map(toTask) };
  }
}

/** Of an application's open tasks, the one through which the workflow waits at `stage`. */
export function waitingAt(open: readonly ReviewTask[], stage: string): ReviewTask | undefined {
  return open.find((t) => t.stage === stage && WORKFLOW_KINDS.has(t.kind));
}

/**
 * A task's writes for a transaction: the task itself (refused unless it is still open
 * and as it was `read`, `whileOpen`), and for a
 * task a run waits on, its copy at the waiting key. The copy is only read: every write
 * is conditioned on the task, so a copy that lags can make a write refused, never let a
 * wrong one through.
 */
export function taskWrites(
  ctx: TenantContext,
  task: ReviewTask,
  { whileOpen = false, read }: { whileOpen?: boolean; read?: AsRead } = {},
): TransactOp[] {
  const write: TransactOp = {
    put: taskItem(ctx, task),
    ...(whileOpen && stillAsRead(task, read)),
  };
  if (!WORKFLOW_KINDS.has(task.kind)) return [write];
  return [write, { put: { ...waitingCopyKey(ctx, task.applicationId), ...task } }];
}

/** Writes the end (decided or closed) of a task no run waits on, refused unless it is still open. */
export function closeTaskOp(ctx: TenantContext, task: ReviewTask): TransactOp {
  return { put: taskItem(ctx, task), ...STILL_OPEN };
}

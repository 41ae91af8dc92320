/**
 * Settles a waiting stage with an outcome: the application's new status and the
 * decision, its history event, the task closed and its release recorded, in one
 * transaction; then the workflow's token is released (retried by the tick if that
 * fails). Used by a person's decision, a panel that decides by its pass mark, the end of
 * publicity and an upheld objection.
 *
 * Settling is conditional on the state it expects: an application no longer waiting at
 * the task's stage (withdrawn meanwhile, decided by someone else) is left alone, and
 * why is logged. The write itself is conditional on the version read and the task
 * still being open, so a change that slips in between refuses it; a write that only met
 * another transaction in flight is tried again.
 */
import {
  type Application,
  type Clock,
  type HistoryEvent,
  kindOfTask,
  recordChange,
} from '@sme/core';
import {
  type ApplicationRepository,
  type ChangeExtras,
  type PendingRelease,
  type ReviewTask,
  type TenantContext,
  TransactionRefusedError,
} from '@sme/store';
import type { Outcome, TaskReleaser } from '@sme/workflow';
import { type Backoff, retryingConflicts, systemBackoff } from '../cases/backoff.js';
import { sendRelease } from './send-release.js';

export interface SettleDeps {
  apps: ApplicationRepository;
  clock: Clock;
  releaser: TaskReleaser;
  /** How a settling that met another transaction waits before trying again. */
  backoff?: Backoff;
}

/** The status a task's application must have for the task to be settled. */
export function awaitedStatus(task: Pick<ReviewTask, 'kind'>): Application['status'] {
  return kindOfTask(task.kind)?.awaited ?? 'in_review';
}

/** Whether the application still waits at the task's stage. */
export function awaitsTask(app: Application, task: ReviewTask): boolean {
  return app.status === awaitedStatus(task) && app.stage === task.stage && task.state === 'open';
}

/** Where an outcome leaves the application (a passed publicity stays in publicity). */
function statusAfter(task: ReviewTask, outcome: Outcome): Application['status'] {
  if (outcome === 'return') return 'returned';
  if (outcome === 'reject') return 'rejected';
  return kindOfTask(task.kind)?.passed ?? 'in_review';
}

export interface SettleDecision {
  outcome: Outcome;
  reason: string;
  actor: { sub: string; role: string };
  /** Further work ended with the decision (an upheld objection, the entry's other objections). */
  extras?: Pick<ChangeExtras, 'updateTasks' | 'objections' | 'ops'>;
}

/** What settling a task changes, not yet written: see `settling`. */
export interface Settling {
  next: Application;
  event: HistoryEvent;
  extras: ChangeExtras;
  /** The workflow's token to release once written, when a run waits on the task. */
  release?: PendingRelease;
}

/**
 * The change that settles the task, for a caller that writes it in a transaction of its
 * own (the answer that concludes a pass-mark panel); undefined (logged) when the
 * application no longer waits at the task.
 */
export function settling(
  clock: Clock,
  ctx: TenantContext,
  app: Application,
  task: ReviewTask,
  decision: SettleDecision,
): Settling | undefined {
  if (!awaitsTask(app, task)) {
    logSkipped(ctx, app, task, `the application is ${app.status} at ${app.stage ?? 'no stage'}`);
    return undefined;
  }
  const now = clock.now();
  const at = now.toISOString();
  const { application: next, event } = recordChange({
    previous: app,
    actor: decision.actor,
    at: now,
    stage: task.stage,
    reason: decision.reason,
    next: {
      ...app,
      status: statusAfter(task, decision.outcome),
      decision: {
        stage: task.stage,
        kind: task.kind,
        outcome: decision.outcome,
        by: decision.actor.sub,
        at,
      },
      version: app.version + 1,
      updatedAt: at,
    },
  });
  const closed: ReviewTask = {
    ...task,
    state: 'done',
    outcome: decision.outcome,
    decidedBy: decision.actor.sub,
    decidedAt: at,
  };
  const extras: ChangeExtras = {
    updateTasks: [closed, ...(decision.extras?.updateTasks ?? [])],
    ...(decision.extras?.objections && { objections: decision.extras.objections }),
    ...(decision.extras?.ops && { ops: decision.extras.ops }),
  };
  const release = task.token && {
    applicationId: app.id,
    taskId: task.taskId,
    token: task.token,
    outcome: decision.outcome,
    at,
  };
  return { next, event, extras, ...(release && { release }) };
}

/** Tells the workflow a settled task's outcome, once its change is written. */
export async function releaseSettled(
  services: Pick<SettleDeps, 'releaser'>,
  ctx: TenantContext,
  settled: Settling,
): Promise<void> {
  if (settled.release) await sendRelease(services, ctx, settled.release);
}

/**
 * Settles the task; answers the application after the change, or undefined (logged)
 * when it no longer waits at the task, or the write was refused because it changed.
 */
export async function settleStage(
  services: SettleDeps,
  ctx: TenantContext,
  app: Application,
  task: ReviewTask,
  decision: SettleDecision,
): Promise<Application | undefined> {
  const settled = settling(services.clock, ctx, app, task, decision);
  if (!settled) return undefined;
  try {
    // Met only by another transaction in flight, nothing was written: the same
    // conditional write is tried again (gives up as `409 busy`).
    await retryingConflicts(services.backoff ?? systemBackoff, () =>
      services.apps.update(ctx, app, settled.next, settled.event, settled.extras),
    );
  } catch (error) {
    if (!(error instanceof TransactionRefusedError)) throw error;
    logSkipped(ctx, app, task, 'the application or its task changed meanwhile');
    return undefined;
  }
  await releaseSettled(services, ctx, settled);
  return settled.next;
}

function logSkipped(ctx: TenantContext, app: Application, task: ReviewTask, why: string): void {
  console.warn(
    JSON.stringify({
      level: 'warn',
      msg: 'settle skipped: the application no longer waits at this task',
      tenant: ctx.tenant,
      applicationId: app.id,
      taskId: task.taskId,
      stage: task.stage,
      why,
    }),
  );
}

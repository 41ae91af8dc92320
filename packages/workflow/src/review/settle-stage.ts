/**
 * Settles a waiting stage with an outcome: the application's new status and the
 * decision, its history event, the task closed and its release recorded, in one
 * transaction; then the workflow's token is released (retried by the tick if that fails). Used by a person's decision and by a panel that
 * decides by its pass mark.
 */
import { type Application, type Clock, recordChange, StaleStageError } from '@sme/core';
import {
  type ApplicationRepository,
  type ReviewTask,
  type TenantContext,
  TransactionRefusedError,
} from '@sme/store';
import type { Outcome } from '../compile/compile-program.js';
import { sendRelease } from './send-release.js';
import type { TaskReleaser } from './task-releaser.js';

export interface SettleDeps {
  apps: ApplicationRepository;
  clock: Clock;
  releaser: TaskReleaser;
}

const STATUS_AFTER: Record<Outcome, Application['status']> = {
  pass: 'in_review',
  return: 'returned',
  reject: 'rejected',
};

export async function settleStage(
  services: SettleDeps,
  ctx: TenantContext,
  app: Application,
  task: ReviewTask,
  decision: { outcome: Outcome; reason: string; actor: { sub: string; role: string } },
): Promise<Application> {
  const now = services.clock.now();
  const at = now.toISOString();
  const { application: next, event } = recordChange({
    previous: app,
    actor: decision.actor,
    at: now,
    stage: task.stage,
    reason: decision.reason,
    next: {
      ...app,
      status: STATUS_AFTER[decision.outcome],
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
  try {
    await services.apps.update(ctx, app, next, event, {
      closeTask: {
        ...task,
        state: 'done',
        outcome: decision.outcome,
        decidedBy: decision.actor.sub,
        decidedAt: at,
      },
    });
  } catch (error) {
    if (error instanceof TransactionRefusedError) throw new StaleStageError(task.stage, app.stage);
    throw error;
  }
  await sendRelease(services, ctx, {
    applicationId: app.id,
    taskId: task.taskId,
    token: task.token,
    outcome: decision.outcome,
    at,
  });
  return next;
}

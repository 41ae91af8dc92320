/**
 * Review decisions (API.md "Review"): the caller's open tasks, and a decision on a
 * manual stage. The decision closes the task and records the new status in one
 * transaction, then releases the workflow's token.
 */
import {
  type Application,
  DomainError,
  formatShanghai,
  type ResolvedTenant,
  recordChange,
} from '@sme/core';
import { TransactionRefusedError } from '@sme/store';
import type { Outcome } from '@sme/workflow';
import { programOf } from '../applications/application-commands.js';
import { contextOf, loadApplication, type Services } from '../applications/services.js';
import type { Claims } from '../auth/claims.js';
import { ForbiddenError, InvalidRequestError } from '../problem/errors.js';

export class StaleStageError extends DomainError {
  override readonly name = 'StaleStageError';
  constructor(stage: string, current: string | undefined) {
    super('stale_stage', {
      zh: `该申报当前不在此审核环节（当前：${current ?? '无'}）`,
      en: `The application is not at stage ${stage} (now: ${current ?? 'none'})`,
    });
  }
}

export interface DecisionInput {
  stage: string;
  outcome: Outcome;
  comment: string;
}

const STATUS_AFTER: Record<Outcome, Application['status']> = {
  pass: 'in_review',
  return: 'returned',
  reject: 'rejected',
};

export class ReviewCommands {
  constructor(private readonly services: Services) {}

  /** The caller's open work: by role, a district reviewer's only for its district. */
  async openTasks(tenant: ResolvedTenant, claims: Claims) {
    const ctx = contextOf(tenant);
    const now = this.services.clock.now();
    const lists = await Promise.all(
      claims.roles.map((role) => {
        const who =
          role === 'district_reviewer'
            ? (claims.region ?? '-')
            : role === 'provider' || role === 'enterprise'
              ? (claims.org ?? '-')
              : undefined;
        return this.services.tasks.listOpen(ctx, role, who, { limit: 200 });
      }),
    );
    return lists.flatMap((page) =>
      page.items.map((task) => ({
        taskId: task.taskId,
        applicationId: task.applicationId,
        programId: task.programId,
        stage: task.stage,
        kind: task.kind,
        ...(task.dueAt && {
          dueAt: formatShanghai(new Date(task.dueAt)),
          overdue: Date.parse(task.dueAt) <= now.getTime(),
        }),
      })),
    );
  }

  async decide(tenant: ResolvedTenant, claims: Claims, appId: string, input: DecisionInput) {
    const ctx = contextOf(tenant);
    const app = (await loadApplication(this.services, tenant, appId)).application;
    const stage = programOf(tenant, app.programId).stages.find((s) => s.id === input.stage);
    if (!stage) {
      throw new InvalidRequestError(
        'unknown_stage',
        { zh: `没有此审核环节：${input.stage}`, en: `No stage ${input.stage}` },
        'stage',
      );
    }
    const task =
      app.status === 'in_review' && app.stage === stage.id
        ? await this.services.tasks.openAt(ctx, app.id, stage.id)
        : undefined;
    if (task?.kind !== 'manual') throw new StaleStageError(stage.id, app.stage);
    const inScope =
      claims.tenant === tenant.id &&
      claims.roles.some((role) => role === task.role) &&
      (!task.region || claims.region === task.region);
    if (!inScope)
      throw new ForbiddenError({
        zh: '不属于您的审核范围',
        en: 'This review is not in your scope',
      });
    if (stage.kind !== 'manual' || !stage.outcomes.includes(input.outcome)) {
      throw new InvalidRequestError(
        'outcome_not_allowed',
        { zh: '此环节不允许该审核结果', en: `Outcome ${input.outcome} is not allowed here` },
        'outcome',
      );
    }

    const now = this.services.clock.now();
    const at = now.toISOString();
    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: claims.sub, role: task.role },
      at: now,
      stage: stage.id,
      reason: input.comment,
      next: {
        ...app,
        status: STATUS_AFTER[input.outcome],
        decision: { stage: stage.id, kind: task.kind, outcome: input.outcome, by: claims.sub, at },
        version: app.version + 1,
        updatedAt: at,
      },
    });
    try {
      await this.services.apps.update(ctx, app, next, event, {
        closeTask: {
          ...task,
          state: 'done',
          outcome: input.outcome,
          decidedBy: claims.sub,
          decidedAt: at,
        },
      });
    } catch (error) {
      if (error instanceof TransactionRefusedError) throw new StaleStageError(stage.id, app.stage);
      throw error;
    }
    await this.services.releaser.release(task.token, input.outcome);
    return { status: next.status, ...(next.stage && { stage: next.stage }) };
  }
}

/**
 * Review decisions (API.md "Review"): the caller's open tasks, and a decision on a
 * manual stage. The decision closes the task and records the new status in one
 * transaction, then releases the workflow's token.
 */
import { formatShanghai, kindOf, type ResolvedTenant, StaleStageError } from '@sme/core';
import { tenantContext } from '@sme/store';
import { type Outcome, outcomesOf } from '@sme/workflow';
import type { Claims } from '../access/claims.js';
import { assertApplicationId, readApplication, type Services } from '../applications/services.js';
import { ForbiddenError, InvalidRequestError } from '../errors.js';
import { pageAcross } from '../paging.js';
import { programOf } from '../tenancy/tenant-registry.js';
import { settleStage } from './settle-stage.js';
import { stageActor } from './stage-actor.js';

export interface DecisionInput {
  stage: string;
  outcome: Outcome;
  comment: string;
}

/** Under whose name a role's tasks are listed (see `taskListKey`). */
function whoActs(role: string, claims: Claims): string | undefined {
  switch (role) {
    case 'district_reviewer':
      return claims.region ?? '-';
    case 'provider':
    case 'enterprise':
      return claims.org ?? '-';
    case 'expert':
      return claims.expertId ?? '-';
    default:
      return undefined;
  }
}

export class ReviewCommands {
  constructor(private readonly services: Services) {}

  /** The caller's open work: by role, a district reviewer's only for its district. */
  async openTasks(
    tenant: ResolvedTenant,
    claims: Claims,
    page: { cursor?: string | undefined; limit?: number | undefined } = {},
  ) {
    const ctx = tenantContext(tenant);
    const now = this.services.clock.now();
    const limit = Math.min(page.limit ?? 100, 200);
    const tasks = await pageAcross(
      claims.roles.map(
        (role) => (cursor: string | undefined) =>
          this.services.tasks.listOpen(ctx, role, whoActs(role, claims), { cursor, limit }),
      ),
      page.cursor,
    );
    const items = tasks.items.map((task) => ({
      taskId: task.taskId,
      applicationId: task.applicationId,
      ...(task.caseKind && { caseKind: task.caseKind }),
      programId: task.programId,
      stage: task.stage,
      kind: task.kind,
      ...(task.ready && { ready: true }),
      ...(task.noticeId && { noticeId: task.noticeId }),
      ...(task.objectionId && { objectionId: task.objectionId }),
      ...(task.proposal && { proposal: task.proposal }),
      ...(task.dueAt && {
        dueAt: formatShanghai(new Date(task.dueAt)),
        overdue: Date.parse(task.dueAt) <= now.getTime(),
      }),
    }));
    return { items, ...(tasks.next && { next: tasks.next }) };
  }

  async decide(tenant: ResolvedTenant, claims: Claims, appId: string, input: DecisionInput) {
    const ctx = tenantContext(tenant);
    assertApplicationId(appId); // before its keys are made
    const { application: app, items } = await readApplication(this.services, tenant, appId, [
      this.services.tasks.waitingKey(ctx, appId),
    ]);
    const stage = programOf(tenant, app.programId).stages.find((s) => s.id === input.stage);
    if (!stage) {
      throw new InvalidRequestError(
        'unknown_stage',
        { zh: `没有此审核环节：${input.stage}`, en: `No stage ${input.stage}` },
        'stage',
      );
    }
    // Who may decide comes first: a stranger learns nothing of where the application is.
    const actor = stageActor(tenant, stage, app);
    const inScope =
      claims.tenant === tenant.id &&
      claims.roles.some((role) => role === actor.role) &&
      (!actor.region || claims.region === actor.region);
    if (!inScope)
      throw new ForbiddenError({
        zh: '不属于您的审核范围',
        en: 'This review is not in your scope',
      });
    const task =
      app.status === 'in_review' && app.stage === stage.id
        ? await this.services.tasks.waitingIn(ctx, app.id, stage.id, items)
        : undefined;
    // A manual stage is decided by its reviewer; a ranking panel by its convenor once
    // every expert has answered (each answer closed its own scoring task).
    const decidable = task?.kind === stage.kind && kindOf(stage).decidable(task);
    if (!task || !decidable)
      throw new StaleStageError(
        stage.id,
        app.stage,
        task?.kind === 'panel' ? 'not_ready' : undefined,
      );
    if (!outcomesOf(stage).includes(input.outcome)) {
      throw new InvalidRequestError(
        'outcome_not_allowed',
        { zh: '此环节不允许该审核结果', en: `Outcome ${input.outcome} is not allowed here` },
        'outcome',
      );
    }
    // A provider told to correct, or refused, is told why.
    if (input.outcome !== 'pass' && !input.comment.trim()) {
      throw new InvalidRequestError(
        'comment_required',
        {
          zh: '退回修改或不予通过时，须填写审核意见',
          en: 'A return or a rejection needs a comment saying why',
        },
        'comment',
      );
    }
    const next = await settleStage(this.services, ctx, app, task, {
      outcome: input.outcome,
      reason: input.comment,
      actor: { sub: claims.sub, role: task.role },
    });
    if (!next) throw new StaleStageError(stage.id, app.stage);
    return { status: next.status, ...(next.stage && { stage: next.stage }) };
  }
}

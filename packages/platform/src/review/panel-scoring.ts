/**
 * An expert's score (or conflict declaration) on a panel, locked once submitted, and
 * the panel's conclusion once every assigned expert has answered: a pass-mark panel
 * decides by its average, a ranking panel becomes ready for its convenor.
 */
import { type Application, BusyError, type ResolvedTenant } from '@sme/core';
import {
  type PanelAssignment,
  type PanelScore,
  type ReviewTask,
  type TenantContext,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { assertApplicationId, readApplication, type Services } from '../applications/services.js';
import { withBackoff } from '../cases/backoff.js';
import {
  ExpertConflictError,
  ForbiddenError,
  InvalidRequestError,
  ScoreLockedError,
} from '../errors.js';
import { conflictsAmong } from './expert-conflicts.js';
import {
  assertAtPanel,
  assertPanelStageId,
  type PanelStage,
  panelStageOf,
  scoringTaskId,
} from './panel-stage.js';
import { releaseSettled, type Settling, settling } from './settle-stage.js';

export interface ScoreInput {
  stage: string;
  scores?: Record<string, number> | undefined;
  comment?: string | undefined;
  conflict?: boolean | undefined;
}

/**
 * Read again: the panel's answers read were behind its assignment (a query is eventually
 * consistent), or the panel, its application, its waiting task or the expert's own task
 * moved on since read.
 */
class MovedOnError extends Error {}

export class PanelScoring {
  constructor(private readonly services: Services) {}

  /**
   * Records the expert's answer; the one that completes the panel also concludes it.
   * Tried again, after a backoff, when the panel moved on meanwhile (another expert's
   * answer landed): each round reads again, so the last answer always sees every other
   * and concludes. Gives up with `409 busy`, having written nothing.
   */
  score(tenant: ResolvedTenant, claims: Claims, appId: string, input: ScoreInput) {
    return withBackoff(this.services.backoff, () => this.once(tenant, claims, appId, input), {
      retryable: (error) => error instanceof MovedOnError,
      giveUp: (error) => new BusyError({ cause: error }),
    });
  }

  /**
   * One round, three calls: the application, the panel, the expert's task and profile in
   * one batch read, every answer at the application's panels beside it, and the write.
   */
  private async once(tenant: ResolvedTenant, claims: Claims, appId: string, input: ScoreInput) {
    const { panels, experts, tasks } = this.services;
    const ctx = tenantContext(tenant);
    // Both name keys below: an id that cannot is refused first.
    assertApplicationId(appId);
    assertPanelStageId(tenant, input.stage);
    const expertId = claims.expertId;
    const [{ application: app, items }, answers] = await Promise.all([
      readApplication(this.services, tenant, appId, [
        panels.assignmentKey(ctx, appId, input.stage),
        tasks.waitingKey(ctx, appId),
        ...(expertId
          ? [
              experts.key(ctx, expertId),
              tasks.key(ctx, appId, scoringTaskId(input.stage, expertId)),
            ]
          : []),
      ]),
      panels.answers(ctx, appId),
    ]);
    const stage = panelStageOf(tenant, app, input.stage);
    const assignment = panels.assignmentIn(ctx, app.id, stage.id, items);
    if (
      claims.tenant !== tenant.id ||
      !claims.roles.includes('expert') ||
      !expertId ||
      !assignment?.expertIds.includes(expertId)
    ) {
      throw new ForbiddenError({ zh: '您未被指派评审该申报', en: 'You are not on this panel' });
    }
    const conflict = input.conflict === true;
    const expert = experts.expertIn(ctx, expertId, items);
    if (!conflict && conflictsAmong(app, expert ? [expert] : [], answers).has(expertId))
      throw new ExpertConflictError();
    const scores = conflict ? {} : checkedScores(stage, input.scores ?? {});
    const expertTask = tasks.taskIn(ctx, app.id, scoringTaskId(stage.id, expertId), items);
    if (!expertTask)
      throw new ForbiddenError({ zh: '您未被指派评审该申报', en: 'You are not on this panel' });
    // Answered already: locked, even once the panel it concluded has moved the application on.
    if (expertTask.state === 'done') throw new ScoreLockedError();
    assertAtPanel(app, stage);
    if (expertTask.state !== 'open') throw new ScoreLockedError();
    const before = answers.filter((a) => a.stage === stage.id);
    // The panel counts every answer in; the query may not show the latest yet.
    if (before.length !== assignment.scored) throw new MovedOnError();
    const at = this.services.clock.now().toISOString();
    const total = Object.values(scores).reduce((sum, n) => sum + n, 0);
    const answer: PanelScore = {
      applicationId: app.id,
      stage: stage.id,
      expertId,
      scores,
      total,
      conflict,
      ...(input.comment && { comment: input.comment }),
      at,
    };
    // Nothing else landed on the panel since it was read (the write below is conditioned
    // on its version): with this answer, these are all its answers.
    const all = [...before, answer];
    const complete = isComplete(stage, assignment, all);
    // The waiting task as the batch read it: one decided or closed since refuses the
    // write that concludes. Every expert answered, and each answer closed its own
    // scoring task in its write: none is left open to close.
    const task = complete ? await tasks.waitingIn(ctx, app.id, stage.id, items) : undefined;
    const panelTask = task?.kind === 'panel' ? task : undefined;
    // The answer that completes the panel concludes it in its own write: a ranking panel
    // becomes ready for its convenor, a pass-mark panel decides. An expert added, or the
    // application changed, meanwhile refuses the whole write, and the round reads again.
    const conclusion = panelTask && this.conclusion(ctx, app, stage, panelTask, all);
    const ready =
      panelTask && stage.decision.kind !== 'pass-mark' ? tasks.readyOps(ctx, panelTask, items) : [];
    const settledOps = conclusion
      ? this.services.apps.updateOps(ctx, app, conclusion.next, conclusion.event, conclusion.extras)
      : [];
    try {
      await panels.score(ctx, answer, expertTask, assignment.version, [...ready, ...settledOps]);
    } catch (error) {
      if (!(error instanceof TransactionRefusedError)) throw error;
      // Something moved on since the read: the next round's read says what, and answers
      // as it would have (`score_locked` for an answer given meanwhile, `stale_stage` for
      // a withdrawal), rather than calling every refusal of the expert's task a lock.
      throw new MovedOnError(undefined, { cause: error });
    }
    if (conclusion) await releaseSettled(this.services, ctx, conclusion);
    return { stage: stage.id, expertId, total, conflict };
  }

  /** What a pass-mark panel every expert answered decides, by its average. */
  private conclusion(
    ctx: TenantContext,
    app: Application,
    stage: PanelStage,
    task: ReviewTask,
    answers: readonly PanelScore[],
  ): Settling | undefined {
    if (stage.decision.kind !== 'pass-mark') return undefined;
    const counted = answers.filter((s) => !s.conflict);
    const average = counted.reduce((sum, s) => sum + s.total, 0) / counted.length;
    const pass = average >= stage.decision.passMark;
    return settling(this.services.clock, ctx, app, task, {
      outcome: pass ? 'pass' : 'reject',
      // Read in the application's history, in both languages as every reason there is.
      reason: `专家评审平均 ${average.toFixed(1)} 分，${pass ? '达到' : '未达'}合格线 ${stage.decision.passMark} 分 / Experts' average ${average.toFixed(1)}, ${pass ? 'at or above' : 'below'} the pass mark of ${stage.decision.passMark}`,
      actor: { sub: 'panel', role: 'system' },
    });
  }
}

/** Every assigned expert answered, and enough of them scored (not declared a conflict). */
function isComplete(
  stage: PanelStage,
  assignment: PanelAssignment,
  answers: readonly PanelScore[],
): boolean {
  const answered = new Set(answers.map((s) => s.expertId));
  const counted = answers.filter((s) => !s.conflict);
  return assignment.expertIds.every((id) => answered.has(id)) && counted.length >= stage.minExperts;
}

function checkedScores(stage: PanelStage, scores: Record<string, number>) {
  for (const criterion of stage.criteria) {
    const value = scores[criterion.id];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      value > criterion.max
    ) {
      throw new InvalidRequestError(
        'invalid_score',
        {
          zh: `「${criterion.name.zh}」应为 0 至 ${criterion.max} 分`,
          en: `${criterion.name.en} must be 0 to ${criterion.max}`,
        },
        `scores.${criterion.id}`,
      );
    }
  }
  const unknown = Object.keys(scores).filter((id) => !stage.criteria.some((c) => c.id === id));
  if (unknown.length > 0) {
    throw new InvalidRequestError(
      'invalid_score',
      {
        zh: `没有这些评分项：${unknown.join('、')}`,
        en: `Unknown criteria: ${unknown.join(', ')}`,
      },
      'scores',
    );
  }
  return scores;
}

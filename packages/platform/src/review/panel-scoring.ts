/**
 * An expert's score (or conflict declaration) on a panel, locked once submitted, and
 * the panel's conclusion once every assigned expert has answered: a pass-mark panel
 * decides by its average, a ranking panel becomes ready for its convenor.
 */
import { type ResolvedTenant, StaleStageError } from '@sme/core';
import { type ReviewTask, TransactionRefusedError, tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import { loadApplication, type Services } from '../applications/services.js';
import {
  ExpertConflictError,
  ForbiddenError,
  InvalidRequestError,
  ScoreLockedError,
} from '../errors.js';
import { conflictedExperts } from './expert-conflicts.js';
import {
  openScoringTasks,
  type PanelStage,
  panelStageOf,
  scoringTaskId,
  waitingPanelTask,
} from './panel-stage.js';
import { settleStage } from './settle-stage.js';

export interface ScoreInput {
  stage: string;
  scores?: Record<string, number> | undefined;
  comment?: string | undefined;
  conflict?: boolean | undefined;
}

export class PanelScoring {
  constructor(private readonly services: Services) {}

  async score(tenant: ResolvedTenant, claims: Claims, appId: string, input: ScoreInput) {
    const app = (await loadApplication(this.services, tenant, appId)).application;
    const stage = panelStageOf(tenant, app, input.stage);
    const ctx = tenantContext(tenant);
    const expertId = claims.expertId;
    const assignment = await this.services.panels.assignment(ctx, app.id, stage.id);
    if (
      claims.tenant !== tenant.id ||
      !claims.roles.includes('expert') ||
      !expertId ||
      !assignment?.expertIds.includes(expertId)
    ) {
      throw new ForbiddenError({ zh: '您未被指派评审该申报', en: 'You are not on this panel' });
    }
    const conflict = input.conflict === true;
    if (!conflict && (await conflictedExperts(this.services, tenant, app)).has(expertId))
      throw new ExpertConflictError();
    const scores = conflict ? {} : checkedScores(stage, input.scores ?? {});
    await waitingPanelTask(this.services, tenant, app, stage);
    const expertTask = await this.services.tasks.get(
      ctx,
      app.id,
      scoringTaskId(stage.id, expertId),
    );
    if (!expertTask)
      throw new ForbiddenError({ zh: '您未被指派评审该申报', en: 'You are not on this panel' });
    if (expertTask.state !== 'open') throw new ScoreLockedError();
    const at = this.services.clock.now().toISOString();
    const total = Object.values(scores).reduce((sum, n) => sum + n, 0);
    try {
      await this.services.panels.score(
        ctx,
        {
          applicationId: app.id,
          stage: stage.id,
          expertId,
          scores,
          total,
          conflict,
          ...(input.comment && { comment: input.comment }),
          at,
        },
        expertTask,
      );
    } catch (error) {
      if (error instanceof TransactionRefusedError) throw new ScoreLockedError();
      throw error;
    }
    await this.decideIfComplete(tenant, app.id, stage);
    return { stage: stage.id, expertId, total, conflict };
  }

  /** Once every assigned expert answered and enough scored, the panel decides or is ready. */
  private async decideIfComplete(tenant: ResolvedTenant, appId: string, stage: PanelStage) {
    const ctx = tenantContext(tenant);
    const [assignment, scores] = await Promise.all([
      this.services.panels.assignment(ctx, appId, stage.id),
      this.services.panels.scores(ctx, appId, stage.id),
    ]);
    const answered = new Set(scores.map((s) => s.expertId));
    const counted = scores.filter((s) => !s.conflict);
    if (
      !assignment ||
      assignment.expertIds.some((id) => !answered.has(id)) ||
      counted.length < stage.minExperts
    )
      return;
    const app = (await loadApplication(this.services, tenant, appId)).application;
    let task: ReviewTask;
    try {
      task = await waitingPanelTask(this.services, tenant, app, stage);
    } catch (error) {
      // Decided by a twin request, or withdrawn: nothing is left to conclude.
      if (error instanceof StaleStageError) return;
      throw error;
    }
    const average = counted.reduce((sum, s) => sum + s.total, 0) / counted.length;
    if (stage.decision.kind === 'pass-mark') {
      const pass = average >= stage.decision.passMark;
      const at = this.services.clock.now().toISOString();
      await settleStage(this.services, ctx, app, task, {
        outcome: pass ? 'pass' : 'reject',
        // Read in the application's history, in both languages as every reason there is.
        reason: `专家评审平均 ${average.toFixed(1)} 分，${pass ? '达到' : '未达'}合格线 ${stage.decision.passMark} 分 / Experts' average ${average.toFixed(1)}, ${pass ? 'at or above' : 'below'} the pass mark of ${stage.decision.passMark}`,
        actor: { sub: 'panel', role: 'system' },
        extras: {
          updateTasks: await openScoringTasks(this.services, tenant, appId, stage.id, {
            by: 'panel',
            at,
          }),
        },
      });
      return;
    }
    await this.services.tasks.update(ctx, { ...task, ready: true }).catch((error: unknown) => {
      if (!(error instanceof TransactionRefusedError)) throw error;
    });
  }
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

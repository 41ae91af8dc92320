/**
 * Expert panels (API.md "Review"): the convenor assigns experts, each scores the rubric
 * or declares a conflict; a score locks when submitted. When every assigned expert has
 * answered, a pass-mark panel decides by itself; a ranking panel becomes ready for its
 * convenor's decision, with the ranking against the quotas to decide by.
 */
import { randomBytes } from 'node:crypto';
import {
  DomainError,
  drawPanel,
  eligibleExperts,
  type ResolvedTenant,
  type Stage,
  StaleStageError,
  seedHashOf,
} from '@sme/core';
import { type ReviewTask, TransactionRefusedError } from '@sme/store';
import { settleStage } from '@sme/workflow';
import { contextOf, loadApplication, type Services } from '../applications/services.js';
import type { Claims } from '../auth/claims.js';
import { programOf } from '../catalogue/tenant-registry.js';
import { ForbiddenError, InvalidRequestError } from '../problem/errors.js';

type PanelStage = Extract<Stage, { kind: 'panel' }>;

export class ScoreLockedError extends DomainError {
  override readonly name = 'ScoreLockedError';
  constructor() {
    super('score_locked', {
      zh: '评分已提交，不可修改',
      en: 'A submitted score cannot be changed',
    });
  }
}

export interface ScoreInput {
  stage: string;
  scores?: Record<string, number> | undefined;
  comment?: string | undefined;
  conflict?: boolean | undefined;
}

export class PanelCommands {
  constructor(private readonly services: Services) {}

  /** The application at a panel stage with its open panel task, or 409 stale_stage. */
  private async atPanel(tenant: ResolvedTenant, appId: string, stageId: string) {
    const app = (await loadApplication(this.services, tenant, appId)).application;
    const stage = programOf(tenant, app.programId).stages.find((s) => s.id === stageId);
    if (stage?.kind !== 'panel') {
      throw new InvalidRequestError(
        'not_a_panel',
        { zh: `${stageId} 不是专家评审环节`, en: `${stageId} is not a panel stage` },
        'stage',
      );
    }
    const task =
      app.status === 'in_review' && app.stage === stage.id
        ? await this.services.tasks.openAt(contextOf(tenant), app.id, stage.id)
        : undefined;
    if (task?.kind !== 'panel') throw new StaleStageError(stage.id, app.stage);
    return { app, stage, task };
  }

  private assertConvenor(claims: Claims, tenant: ResolvedTenant, stage: PanelStage) {
    const home = stage.scope === 'province' ? (tenant.parent ?? tenant.id) : tenant.id;
    if (claims.tenant !== home || !claims.roles.includes(stage.role)) {
      throw new ForbiddenError({
        zh: '仅评审组织方可指派专家或作出决定',
        en: 'Only the panel’s convenor may do this',
      });
    }
  }

  async assign(
    tenant: ResolvedTenant,
    claims: Claims,
    appId: string,
    input: { stage: string; expertIds: string[] },
    draw?: { seedHash: string; seed: string },
  ) {
    const { app, stage, task } = await this.atPanel(tenant, appId, input.stage);
    this.assertConvenor(claims, tenant, stage);
    const ctx = contextOf(tenant);
    const existing = await this.services.panels.assignment(ctx, app.id, stage.id);
    const expertIds = [
      ...new Set([
        ...(existing?.expertIds ?? []),
        ...input.expertIds.map((e) => e.trim()).filter(Boolean),
      ]),
    ];
    if (expertIds.length < stage.minExperts) {
      throw new InvalidRequestError(
        'too_few_experts',
        {
          zh: `该环节至少需要 ${stage.minExperts} 名专家`,
          en: `The panel needs at least ${stage.minExperts} experts`,
        },
        'expertIds',
      );
    }
    const at = this.services.clock.now().toISOString();
    const added = expertIds.filter((id) => !existing?.expertIds.includes(id));
    const scoring: ReviewTask[] = added.map((expertId) => ({
      ...task,
      taskId: `${stage.id}-score-${expertId}`,
      kind: 'score',
      role: 'expert',
      expertId,
      state: 'open',
      createdAt: at,
    }));
    await this.services.panels.assign(
      ctx,
      {
        applicationId: app.id,
        stage: stage.id,
        expertIds,
        assignedBy: claims.sub,
        at,
        ...(draw && { draw }),
      },
      scoring,
    );
    return { stage: stage.id, expertIds };
  }

  /**
   * Draws the panel at random from the tenant's expert pool, conflicts excluded. The
   * seed's hash is recorded before the draw; the answer gives the seed and the eligible
   * experts, so anyone can re-run `drawPanel` and get the same panel.
   */
  async draw(
    tenant: ResolvedTenant,
    claims: Claims,
    appId: string,
    input: { stage: string; count?: number | undefined },
  ) {
    const { app, stage } = await this.atPanel(tenant, appId, input.stage);
    this.assertConvenor(claims, tenant, stage);
    const ctx = contextOf(tenant);
    const seed = randomBytes(32).toString('hex');
    const seedHash = seedHashOf(seed);
    await this.services.panels.commitDraw(ctx, {
      applicationId: app.id,
      stage: stage.id,
      seedHash,
      by: claims.sub,
      at: this.services.clock.now().toISOString(),
    });
    const declared = (await this.services.panels.scores(ctx, app.id, stage.id))
      .filter((s) => s.conflict)
      .map((s) => s.expertId);
    const pool = await this.services.experts.pool(ctx);
    const conflicted = pool
      .filter((e) => e.conflicts.includes(app.org.uscc) || e.conflicts.includes(app.entityUscc))
      .map((e) => e.expertId);
    const eligible = eligibleExperts(
      pool.map((e) => e.expertId),
      [...conflicted, ...declared],
    );
    const expertIds = drawPanel({
      seed,
      applicationId: app.id,
      eligible,
      count: input.count ?? stage.minExperts,
    });
    const assigned = await this.assign(
      tenant,
      claims,
      appId,
      { stage: stage.id, expertIds },
      { seedHash, seed },
    );
    return { ...assigned, drawn: expertIds, seedHash, seed, eligible };
  }

  async score(tenant: ResolvedTenant, claims: Claims, appId: string, input: ScoreInput) {
    const { app, stage, task } = await this.atPanel(tenant, appId, input.stage);
    const expertId = claims.expertId;
    const ctx = contextOf(tenant);
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
    const scores = conflict ? {} : this.checkedScores(stage, input.scores ?? {});
    const at = this.services.clock.now().toISOString();
    const total = Object.values(scores).reduce((sum, n) => sum + n, 0);
    const expertTask: ReviewTask = {
      ...task,
      taskId: `${stage.id}-score-${expertId}`,
      kind: 'score',
      role: 'expert',
      expertId,
    };
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

  private checkedScores(stage: PanelStage, scores: Record<string, number>) {
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

  /** Once every assigned expert answered and enough scored, the panel decides or is ready. */
  private async decideIfComplete(tenant: ResolvedTenant, appId: string, stage: PanelStage) {
    const ctx = contextOf(tenant);
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
    const { app, task } = await this.atPanel(tenant, appId, stage.id);
    const average = counted.reduce((sum, s) => sum + s.total, 0) / counted.length;
    if (stage.decision.kind === 'pass-mark') {
      const pass = average >= stage.decision.passMark;
      await settleStage(this.services, contextOf(tenant), app, task, {
        outcome: pass ? 'pass' : 'reject',
        reason: `专家评审平均 ${average.toFixed(1)} 分，${pass ? '达到' : '未达'}合格线 ${stage.decision.passMark} 分`,
        actor: { sub: 'panel', role: 'system' },
      });
      return;
    }
    await this.services.tasks.open(ctx, { ...task, ready: true });
  }
}

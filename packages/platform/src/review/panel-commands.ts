/**
 * Expert panels (API.md "Review"): the convenor assigns or draws experts, each scores
 * the rubric or declares a conflict; a score locks when submitted. When every assigned
 * expert has answered, a pass-mark panel decides by itself; a ranking panel becomes
 * ready for its convenor's decision.
 *
 * A conflict, whether the expert pool records it or the expert declared it at any panel
 * of the application, excludes the expert from every assignment of that application.
 * The panel is fixed once the first score is in: a change after that needs a reason,
 * which the application's history records.
 */
import { randomBytes } from 'node:crypto';
import {
  type Application,
  drawPanel,
  eligibleExperts,
  type ResolvedTenant,
  recordChange,
  seedHashOf,
} from '@sme/core';
import {
  type PanelAssignment,
  type ReviewTask,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { assertApplicationId, readApplication, type Services } from '../applications/services.js';
import { ForbiddenError, InvalidRequestError, PanelError } from '../errors.js';
import { conflictsAmong } from './expert-conflicts.js';
import { PanelScoring, type ScoreInput } from './panel-scoring.js';
import {
  assertPanelStageId,
  type PanelStage,
  panelStageOf,
  scoringTaskId,
  waitingPanelTask,
} from './panel-stage.js';

/**
 * Whether an id can be a pool expert's (the pool takes only such ids): any other, posted
 * with a form, is not in the pool, and names no key to read (a long one would be refused).
 */
const mayBeInPool = (id: string) => /^[A-Za-z0-9._:-]{1,64}$/.test(id);

const panelChanged = () =>
  new PanelError('panel_changed', {
    zh: '专家组已被他人调整或已有专家评分，请刷新后重试',
    en: 'The panel changed meanwhile; reload and try again',
  });

export class PanelCommands {
  private readonly scoring: PanelScoring;

  constructor(private readonly services: Services) {
    this.scoring = new PanelScoring(services);
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
    input: { stage: string; expertIds: string[]; reason?: string | undefined },
    draw?: { seedHash: string; seed: string },
  ) {
    const ctx = tenantContext(tenant);
    const { experts, panels } = this.services;
    // Both name keys below: an id that cannot is refused first.
    assertApplicationId(appId);
    assertPanelStageId(tenant, input.stage);
    const requested = [...new Set(input.expertIds.map((e) => e.trim()).filter(Boolean))];
    const poolable = requested.filter(mayBeInPool);
    // The panel and the requested experts' profiles come with the application.
    const { application: app, items } = await readApplication(this.services, tenant, appId, [
      panels.assignmentKey(ctx, appId, input.stage),
      this.services.tasks.waitingKey(ctx, appId),
      ...poolable.map((e) => experts.key(ctx, e)),
    ]);
    const stage = panelStageOf(tenant, app, input.stage);
    this.assertConvenor(claims, tenant, stage);
    const existing = panels.assignmentIn(ctx, app.id, stage.id, items);
    // The panel's task gives the scoring tasks their due date.
    const [task, answers] = await Promise.all([
      waitingPanelTask(this.services, tenant, app, stage, items),
      panels.answers(ctx, app.id),
    ]);
    const profiles = poolable.flatMap((e) => experts.expertIn(ctx, e, items) ?? []);
    const unknown = requested.filter((e) => !profiles.some((p) => p.expertId === e));
    if (unknown.length > 0) {
      // A mistyped id would never score, and the panel would wait for it for ever.
      throw new InvalidRequestError(
        'unknown_expert',
        {
          zh: `专家库中没有以下专家：${unknown.join('、')}`,
          en: `Not in the expert pool: ${unknown.join(', ')}`,
        },
        'expertIds',
      );
    }
    const conflicted = conflictsAmong(app, profiles, answers);
    const refused = requested.filter((e) => conflicted.has(e));
    if (refused.length > 0) {
      throw new InvalidRequestError(
        'expert_conflict',
        {
          zh: `以下专家与申报单位存在利益冲突，须回避：${refused.join('、')}`,
          en: `These experts have a conflict with the applicant and may not sit: ${refused.join(', ')}`,
        },
        'expertIds',
      );
    }
    const expertIds = [...new Set([...(existing?.expertIds ?? []), ...requested])];
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
    const added = expertIds.filter((id) => !existing?.expertIds.includes(id));
    if (added.length === 0) return { stage: stage.id, expertIds };
    const fixed = (existing?.scored ?? 0) > 0;
    const reason = input.reason?.trim();
    if (fixed && !reason) {
      throw new PanelError('panel_fixed', {
        zh: '已有专家提交评分，专家组已固定；如确需调整，请说明理由',
        en: 'Scoring has begun and the panel is fixed; a change needs a reason',
      });
    }
    const at = this.services.clock.now().toISOString();
    const assignment: PanelAssignment = {
      applicationId: app.id,
      stage: stage.id,
      expertIds,
      assignedBy: claims.sub,
      at,
      ...(draw && { draw }),
      version: (existing?.version ?? 0) + 1,
      scored: existing?.scored ?? 0,
      changes: [
        ...(existing?.changes ?? []),
        ...(fixed && reason ? [{ by: claims.sub, at, reason, added }] : []),
      ],
    };
    const scoring: ReviewTask[] = added.map((expertId) => ({
      taskId: scoringTaskId(stage.id, expertId),
      tenant: tenant.id,
      programId: app.programId,
      applicationId: app.id,
      stage: stage.id,
      kind: 'score',
      role: 'expert',
      expertId,
      ...(task.dueAt && { dueAt: task.dueAt }),
      state: 'open',
      createdAt: at,
    }));
    try {
      if (fixed && reason)
        await this.changeFixedPanel(ctx, claims, app, task, {
          assignment,
          existing,
          scoring,
          reason,
        });
      else await this.services.panels.assign(ctx, assignment, existing?.version, scoring, app);
    } catch (error) {
      if (error instanceof TransactionRefusedError) throw panelChanged();
      throw error;
    }
    return { stage: stage.id, expertIds };
  }

  /** A change after scoring began: recorded in the application's history with its reason. */
  private async changeFixedPanel(
    ctx: ReturnType<typeof tenantContext>,
    claims: Claims,
    app: Application,
    task: ReviewTask,
    change: {
      assignment: PanelAssignment;
      existing: PanelAssignment | undefined;
      scoring: ReviewTask[];
      reason: string;
    },
  ) {
    const { assignment, existing, scoring, reason } = change;
    const now = this.services.clock.now();
    const added = scoring.map((t) => t.expertId).join('、');
    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: claims.sub, role: task.role },
      at: now,
      stage: assignment.stage,
      reason: `调整专家组：增加 ${added}；理由：${reason} / panel changed`,
      next: { ...app, version: app.version + 1, updatedAt: now.toISOString() },
    });
    const { ready: _ready, ...waiting } = task;
    await this.services.apps.update(ctx, app, next, event, {
      ops: [this.services.panels.assignmentOp(ctx, assignment, existing?.version)],
      openTasks: scoring,
      // New experts must answer before the panel is ready again.
      updateTasks: [waiting],
    });
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
    input: { stage: string; count?: number | undefined; reason?: string | undefined },
  ) {
    const ctx = tenantContext(tenant);
    assertApplicationId(appId); // before its keys are made
    const { application: app, items } = await readApplication(this.services, tenant, appId, [
      this.services.tasks.waitingKey(ctx, appId),
    ]);
    const stage = panelStageOf(tenant, app, input.stage);
    this.assertConvenor(claims, tenant, stage);
    // The panel's task, not the application alone: a decided panel keeps the application
    // at its stage until the run moves it on, and a seed committed then draws nothing.
    await waitingPanelTask(this.services, tenant, app, stage, items);
    const seed = randomBytes(32).toString('hex');
    const seedHash = seedHashOf(seed);
    await this.services.panels.commitDraw(ctx, {
      applicationId: app.id,
      stage: stage.id,
      seedHash,
      by: claims.sub,
      at: this.services.clock.now().toISOString(),
    });
    const [pool, answers] = await Promise.all([
      this.services.experts.pool(ctx),
      this.services.panels.answers(ctx, app.id),
    ]);
    const conflicted = conflictsAmong(app, pool, answers);
    const eligible = eligibleExperts(
      pool.map((e) => e.expertId),
      [...conflicted],
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
      { stage: stage.id, expertIds, reason: input.reason },
      { seedHash, seed },
    );
    return { ...assigned, drawn: expertIds, seedHash, seed, eligible };
  }

  score(tenant: ResolvedTenant, claims: Claims, appId: string, input: ScoreInput) {
    return this.scoring.score(tenant, claims, appId, input);
  }
}

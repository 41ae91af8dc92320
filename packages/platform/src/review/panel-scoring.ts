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
  type TableItem,
  TransactionRefusedError,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { assertApplicationId, readApplication, type Services } from '../applications/services.js';
import { retryingConflicts, withBackoff } from '../cases/backoff.js';
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
import { settleStage } from './settle-stage.js';

export interface ScoreInput {
  stage: string;
  scores?: Record<string, number> | undefined;
  comment?: string | undefined;
  conflict?: boolean | undefined;
}

/** The panel's answers read were behind its assignment (a query is eventually consistent). */
class BehindPanelError extends Error {}

export class PanelScoring {
  constructor(private readonly services: Services) {}

  /**
   * Records the expert's answer; the one that completes the panel also concludes it.
   * Tried again, after a backoff, when the panel moved on meanwhile (another expert's
   * answer landed): each round reads again, so the last answer always sees every other
   * and concludes. Gives up with `409 busy`, having written nothing.
   */
  score(tenant: ResolvedTenant, claims: Claims, appId: string, input: ScoreInput) {
    const ctx = tenantContext(tenant);
    return withBackoff(this.services.backoff, () => this.once(tenant, claims, appId, input), {
      retryable: (error) =>
        error instanceof BehindPanelError ||
        (error instanceof TransactionRefusedError &&
          this.services.panels.movedOn(ctx, error, appId, input.stage)),
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
    assertAtPanel(app, stage);
    const expertTask = tasks.taskIn(ctx, app.id, scoringTaskId(stage.id, expertId), items);
    if (!expertTask)
      throw new ForbiddenError({ zh: '您未被指派评审该申报', en: 'You are not on this panel' });
    if (expertTask.state !== 'open') throw new ScoreLockedError();
    const before = answers.filter((a) => a.stage === stage.id);
    // The panel counts every answer in; the query may not show the latest yet.
    if (before.length !== assignment.scored) throw new BehindPanelError();
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
    try {
      await panels.score(ctx, answer, expertTask, assignment.version);
    } catch (error) {
      if (error instanceof TransactionRefusedError && !panels.movedOn(ctx, error, app.id, stage.id))
        throw new ScoreLockedError();
      throw error;
    }
    // Nothing else landed on the panel since it was read: these are all its answers.
    await this.concludeIfComplete(tenant, app, stage, assignment, [...before, answer], items);
    return { stage: stage.id, expertId, total, conflict };
  }

  /** Once every assigned expert answered and enough scored, the panel decides or is ready. */
  private async concludeIfComplete(
    tenant: ResolvedTenant,
    app: Application,
    stage: PanelStage,
    assignment: PanelAssignment,
    answers: readonly PanelScore[],
    read: ReadonlyMap<string, TableItem>,
  ) {
    const answered = new Set(answers.map((s) => s.expertId));
    const counted = answers.filter((s) => !s.conflict);
    if (assignment.expertIds.some((id) => !answered.has(id)) || counted.length < stage.minExperts)
      return;
    const ctx = tenantContext(tenant);
    // The waiting task as the batch read it: one decided or closed since refuses the
    // conclusion's write. Every expert answered, and each answer closed its own scoring
    // task in its write: none is left open to close here.
    const task = await this.services.tasks.waitingIn(ctx, app.id, stage.id, read);
    // Decided by a twin request, or withdrawn: nothing is left to conclude.
    if (task?.kind !== 'panel') return;
    const average = counted.reduce((sum, s) => sum + s.total, 0) / counted.length;
    if (stage.decision.kind === 'pass-mark') {
      const pass = average >= stage.decision.passMark;
      await settleStage(this.services, ctx, app, task, {
        outcome: pass ? 'pass' : 'reject',
        // Read in the application's history, in both languages as every reason there is.
        reason: `专家评审平均 ${average.toFixed(1)} 分，${pass ? '达到' : '未达'}合格线 ${stage.decision.passMark} 分 / Experts' average ${average.toFixed(1)}, ${pass ? 'at or above' : 'below'} the pass mark of ${stage.decision.passMark}`,
        actor: { sub: 'panel', role: 'system' },
      });
      return;
    }
    // Ready only for the panel this answer completed: an expert added meanwhile (a
    // change of the fixed panel) must answer first, and that change moved the version.
    // A write that met another is tried again: no later answer would mark it ready.
    const completed = this.services.panels.unchangedSince(
      ctx,
      app.id,
      stage.id,
      assignment.version + 1,
    );
    const markReady = (waiting: ReviewTask) =>
      retryingConflicts(this.services.backoff, () =>
        this.services.tasks.update(ctx, { ...waiting, ready: true }, [completed], waiting),
      );
    await markReady(task)
      .catch(async (error: unknown) => {
        // The task changed since the batch read it (a resumed run gave it a new token)
        // while the panel did not: read it again, or no answer would make it ready.
        if (!(error instanceof TransactionRefusedError) || !error.conditionFailedOn(isTask))
          throw error;
        const again = await this.services.tasks.openAt(ctx, app.id, stage.id);
        if (again?.kind === 'panel' && again.taskId === task.taskId) await markReady(again);
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRefusedError)) throw error;
      });
  }
}

const isTask = (key: { sk: string }) => key.sk.startsWith('TASK#');

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

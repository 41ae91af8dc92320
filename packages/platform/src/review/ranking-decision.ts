/**
 * The convenor's decision for a whole group of a quota ranking (API.md "Review",
 * `POST …/ranking/decision`): one decision for many applications, each settled and
 * recorded in its own history exactly as a single decision at the panel stage is.
 *
 * Every application is checked before any is decided: one that is not ready at the
 * stage (still being scored, decided meanwhile, withdrawn, of another program) refuses
 * the whole batch with `stale_stage` and nothing is decided. The decisions are then
 * written in as few transactions as hold them (each writes the application, its event,
 * its tasks and its counters: a dozen or so fit in one), each whole and conditional on
 * the state the check saw: if another convenor decides one of them in between, that one
 * keeps the other convenor's decision, is answered as `skipped`, and the rest go on.
 */
import { type Application, BusyError, type ResolvedTenant, StaleStageError } from '@sme/core';
import { type ReviewTask, tenantContext } from '@sme/store';
import type { Outcome } from '@sme/workflow';
import type { Claims } from '../access/claims.js';
import { isApplicationId, type Services } from '../applications/services.js';
import { retryingConflicts } from '../cases/backoff.js';
import { BatchStaleError, ForbiddenError, InvalidRequestError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';
import type { PanelStage } from './panel-stage.js';
import { releaseSettled, settling } from './settle-stage.js';

export interface RankingDecisionInput {
  stage: string;
  pass: string[];
  reject?: string[] | undefined;
  comment: string;
}

/** Most applications one batch decides: more than any track's quota of one industry. */
export const MAX_BATCH = 200;

function invalid(code: string, zh: string, en: string, path: string) {
  return new InvalidRequestError(code, { zh, en }, path);
}

/** Ids given once each, in one list only, and at least one to pass. */
function checkLists(input: RankingDecisionInput) {
  const reject = input.reject ?? [];
  if (input.pass.length === 0)
    throw invalid('empty_batch', '请至少选择一项申报', 'Choose at least one application', 'pass');
  if (input.pass.length + reject.length > MAX_BATCH)
    throw invalid(
      'batch_too_large',
      `一次最多决定 ${MAX_BATCH} 项申报`,
      `At most ${MAX_BATCH} applications at once`,
      'pass',
    );
  const all = [...input.pass, ...reject];
  if (new Set(all).size !== all.length) {
    const both = input.pass.some((id) => reject.includes(id));
    throw both
      ? invalid(
          'pass_and_reject',
          '同一申报不能既通过又不通过',
          'An application cannot be both passed and rejected',
          'reject',
        )
      : invalid('duplicate_ids', '申报重复列出', 'An application is listed twice', 'pass');
  }
  if (!input.comment.trim())
    throw invalid('comment_required', '请填写「决定意见」', 'Enter a comment', 'comment');
  if (input.comment.length > 2000)
    throw invalid(
      'comment_too_long',
      '「决定意见」最多 2000 个字',
      'Comment: at most 2000 characters',
      'comment',
    );
}

export class RankingDecision {
  constructor(private readonly services: Services) {}

  async decide(
    tenant: ResolvedTenant,
    claims: Claims,
    programId: string,
    input: RankingDecisionInput,
  ): Promise<{ decided: number; skipped?: string[] }> {
    const program = programOf(tenant, programId);
    const stage = program.stages.find((s) => s.id === input.stage);
    if (stage?.kind !== 'panel' || stage.decision.kind !== 'quota-ranking') {
      throw invalid(
        'not_a_ranking',
        `${input.stage} 不是按排名决定的专家评审环节`,
        `${input.stage} is not a ranked panel stage`,
        'stage',
      );
    }
    // Who may decide comes first: a stranger learns nothing of where applications are.
    assertConvenor(claims, tenant, stage);
    checkLists(input);

    const outcomes = new Map<string, Outcome>([
      ...input.pass.map((id) => [id, 'pass'] as const),
      ...(input.reject ?? []).map((id) => [id, 'reject'] as const),
    ]);
    const ctx = tenantContext(tenant);
    const ready: { app: Application; task: ReviewTask; outcome: Outcome }[] = [];
    const stale: { id: string; name?: string }[] = [];
    // Each application and the task its run waits on, in one batch read.
    const ids = [...outcomes.keys()].filter(isApplicationId);
    const { applications, items } = await this.services.apps.manyWith(
      ctx,
      ids,
      ids.map((id) => this.services.tasks.waitingKey(ctx, id)),
    );
    for (const [id, outcome] of outcomes) {
      const app = applications.get(id);
      const task =
        app?.programId === programId && app.status === 'in_review' && app.stage === stage.id
          ? await this.services.tasks.waitingIn(ctx, app.id, stage.id, items)
          : undefined;
      // Ready: every expert answered, and each answer closed its own scoring task.
      if (task?.kind === 'panel' && task.ready === true && app) ready.push({ app, task, outcome });
      else stale.push({ id, ...(app && { name: app.org.name }) });
    }
    if (stale.length > 0) throw new BatchStaleError(stage.id, stale);

    // Each decision whole, in as few transactions as hold them. One decided meanwhile by
    // another convenor keeps that decision and is skipped; so is one that kept meeting
    // other writes: the others stand, and sending it again decides it.
    const settlings = ready.flatMap(({ app, task, outcome }) => {
      const settled = settling(this.services.clock, ctx, app, task, {
        outcome,
        reason: input.comment,
        actor: { sub: claims.sub, role: task.role },
      });
      if (!settled) return [];
      const { next, event, extras } = settled;
      return [{ settled, ops: this.services.apps.updateOps(ctx, app, next, event, extras) }];
    });
    const { written, busy, failure } = await this.services.apps.updateMany(
      ctx,
      settlings,
      (write) => retryingConflicts(this.services.backoff, write),
    );
    for (const { settled } of written) await releaseSettled(this.services, ctx, settled);
    // A write that may have landed answers an error; the ranking shows what was decided,
    // and the batch sent again is refused naming those decided already.
    if (failure) throw failure.error;
    const decided = new Set(written.map((w) => w.settled.next.id));
    const skipped = ready.map(({ app }) => app.id).filter((id) => !decided.has(id));
    if (decided.size === 0)
      throw busy.length > 0 ? new BusyError() : new StaleStageError(stage.id, undefined);
    return { decided: decided.size, ...(skipped.length > 0 && { skipped }) };
  }
}

/** The panel's convenor: the stage's role, in the stage's home tenant. */
export function assertConvenor(claims: Claims, tenant: ResolvedTenant, stage: PanelStage) {
  const home = stage.scope === 'province' ? (tenant.parent ?? tenant.id) : tenant.id;
  if (claims.tenant !== home || !claims.roles.includes(stage.role)) {
    throw new ForbiddenError({
      zh: '仅评审组织方可作出排名决定',
      en: 'Only the panel’s convenor decides from the ranking',
    });
  }
}

/**
 * Publication of a year's evaluation (API.md `POST /evaluations/{year}/publish`): by
 * the bureau that opened it, once the members' comment window has closed and every
 * member not excluded has a score. The year is published in one write, with a timer
 * due at once; then each member's grade is fixed with what it leads to, one member per
 * transaction (so a failing grade and its order or proposal stand or fall together).
 * What a crash leaves unpublished, the timer finishes on the next tick; a member
 * already published is left as it is.
 *
 * A failing grade leads where the rule says: enough failing years in a row (000 §四(三):
 * two; 003 第二十条(一): twice) open a removal proposal for the supervisor; fewer, where
 * the rule rectifies first (001 §五(三)), an order to rectify on the rule's ground.
 */
import {
  type Actor,
  consequenceOf,
  type EvaluatedMember,
  type Evaluation,
  type EvaluationConsequence,
  type EvaluationGrade,
  failuresToRemove,
  GRADE_NAMES,
  type MemberEvaluation,
  memberEvaluationId,
  type ResolvedTenant,
  recordCaseChange,
} from '@sme/core';
import {
  caseTouched,
  type TenantContext,
  TransactionRefusedError,
  type TransactOp,
  taskItem,
  tenantContext,
  timerOp,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { caseTimer, type TimerHandler } from '../cases/timer-runner.js';
import { ForbiddenError } from '../errors.js';
import { holdsFor } from './evaluation-access.js';
import { CommentWindowOpenError, ScoresMissingError } from './evaluation-errors.js';
import { assessMember, ruleOf, type TenantYear, tenantYear } from './evaluation-view.js';
import { EVALUATION, type Evaluations } from './evaluations.js';
import type { Members } from './members.js';
import { disqualificationProposal } from './proposals.js';
import type { Rectifications } from './rectifications.js';
import { actorOf, type SupervisionDeps, SYSTEM, writeCases } from './supervision-deps.js';
import { CaseMovedOnError } from './supervision-errors.js';

const PUBLISH_TIMER = 'publish';

export class EvaluationPublisher {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly evaluations: Evaluations,
    private readonly members: Members,
    private readonly rectifications: Rectifications,
    private readonly tenants: ReadonlyMap<string, ResolvedTenant>,
  ) {}

  async publish(tenant: ResolvedTenant, claims: Claims, year: number): Promise<Evaluation> {
    const evaluation = await this.evaluations.get(tenant, year);
    const { role, tenant: bureau } = evaluation.openedBy;
    if (claims.tenant !== bureau || !holdsFor(claims, tenant, role)) {
      throw new ForbiddenError({
        zh: '仅开展本次评价的主管部门可发布评价结果',
        en: 'Only the bureau that opened the evaluation publishes it',
      });
    }
    if (evaluation.status !== 'open') throw new CaseMovedOnError(EVALUATION);
    const now = this.deps.clock.now();
    const until = new Date(evaluation.commentUntil);
    if (now < until) throw new CommentWindowOpenError(until);
    const ctx = tenantContext(tenant);
    const context = await tenantYear(this.deps, tenant, year);
    const repo = this.deps.evaluations;
    const unscored: string[] = [];
    for (const evaluated of evaluation.members) {
      const state = await repo.memberEvaluations.get(ctx, memberEvaluationId(year, evaluated.uscc));
      const view = await assessMember(this.deps, context, evaluated, state);
      if (!view.excluded && view.score === undefined) unscored.push(evaluated.name);
    }
    if (unscored.length > 0) throw new ScoresMissingError(unscored);
    const at = now.toISOString();
    const { state, event } = recordCaseChange({
      previous: evaluation,
      next: {
        ...evaluation,
        status: 'published' as const,
        version: evaluation.version + 1,
        updatedAt: at,
        publishedAt: at,
      },
      actor: actorOf(claims),
      at: now,
      reason: `published: ${evaluation.members.length} member(s)`,
    });
    const timer = caseTimer(tenant, {
      caseKind: 'evaluation',
      caseId: evaluation.id,
      casePk: repo.evaluations.pk(ctx, evaluation.id),
      name: PUBLISH_TIMER,
      dueAt: at,
    });
    await writeCases(
      this.deps,
      ctx,
      [...repo.evaluations.updateOps(ctx, evaluation, state, event), timerOp(timer)],
      EVALUATION,
    );
    for (const evaluated of state.members) {
      try {
        await this.publishMember(context, state, evaluated, actorOf(claims), now);
      } catch (error) {
        // Moved meanwhile: the publication timer finishes it on the next tick.
        if (!(error instanceof TransactionRefusedError)) throw error;
      }
    }
    return state;
  }

  /** Finishes a published year whose members were not all published. */
  readonly onTimer: TimerHandler = async (timer, { ctx, fired, now }) => {
    const tenant = this.tenants.get(timer.tenant);
    const evaluation = await this.deps.evaluations.evaluations.get(ctx, timer.caseId);
    if (!tenant || evaluation?.status !== 'published') return false;
    const context = await tenantYear(this.deps, tenant, evaluation.year);
    for (const evaluated of evaluation.members) {
      await this.publishMember(context, evaluation, evaluated, SYSTEM, now);
    }
    await this.deps.supervision.transact(ctx, [fired]);
    return true;
  };

  /** Fixes one member's outcome and what it leads to, in one transaction; once. */
  private async publishMember(
    context: TenantYear,
    evaluation: Evaluation,
    evaluated: EvaluatedMember,
    actor: Actor,
    now: Date,
  ): Promise<void> {
    const { tenant, year } = context;
    const ctx = tenantContext(tenant);
    const repo = this.deps.evaluations.memberEvaluations;
    const id = memberEvaluationId(year, evaluated.uscc);
    const stored = await repo.get(ctx, id);
    if (stored && stored.status !== 'open') return;
    const view = await assessMember(this.deps, context, evaluated, stored);
    const rule = ruleOf(tenant, evaluated);
    const at = now.toISOString();
    const base: MemberEvaluation = stored ?? {
      id,
      tenant: tenant.id,
      status: 'open',
      version: 0,
      historyHead: '',
      createdAt: at,
      updatedAt: at,
      uscc: evaluated.uscc,
      year,
      rule: rule.id,
      sheets: {},
    };
    const ops: TransactOp[] = [];
    let next: MemberEvaluation;
    let reason: string;
    if (view.excluded) {
      next = { ...base, status: 'excluded', excluded: view.excluded, evidence: view.evidence };
      reason = view.excluded.reason.zh;
    } else {
      const score = view.score;
      const grade = view.proposedGrade;
      if (score === undefined || grade === undefined) return;
      const consequence = await this.consequence(ctx, tenant, evaluation, evaluated, {
        grade,
        score,
        actor,
        now,
        ops,
      });
      next = {
        ...base,
        status: 'published',
        evidence: view.evidence,
        score,
        grade,
        ...(consequence && { consequence }),
      };
      reason = `${GRADE_NAMES[grade].zh}（${score}）`;
    }
    const { state, event } = recordCaseChange({
      previous: stored ?? null,
      next: { ...next, version: base.version + 1, updatedAt: at },
      actor,
      at: now,
      reason,
    });
    ops.unshift(
      ...(stored ? repo.updateOps(ctx, stored, state, event) : repo.createOps(ctx, state, event)),
    );
    await this.deps.supervision.transact(ctx, ops);
  }

  /** What a failing grade leads to, its writes pushed onto `ops`. */
  private async consequence(
    ctx: TenantContext,
    tenant: ResolvedTenant,
    evaluation: Evaluation,
    evaluated: EvaluatedMember,
    outcome: { grade: EvaluationGrade; score: number; actor: Actor; now: Date; ops: TransactOp[] },
  ): Promise<EvaluationConsequence | undefined> {
    if (outcome.grade !== 'unqualified') return undefined;
    const rule = ruleOf(tenant, evaluated);
    const failures = await this.consecutiveFailures(ctx, evaluated.uscc, evaluation.year, rule);
    const leads = consequenceOf(rule, outcome.grade, failures);
    if (leads === 'none') return undefined;
    const record = await this.members.load(tenant, evaluated.uscc);
    if (record.member.status === 'removed') return undefined;
    const caseId = memberEvaluationId(evaluation.year, evaluated.uscc);
    if (leads === 'removal') {
      const task = disqualificationProposal(tenant, record.member, record.programs, {
        reason: 'failed_evaluations',
        caseKind: 'member-evaluation',
        caseId,
        at: outcome.now.toISOString(),
        ground: rule.removalGround,
      });
      outcome.ops.push(
        { put: taskItem(ctx, task) },
        caseTouched(this.deps.supervision.members.pk(ctx, record.member.id), record.member),
      );
      return { kind: 'removal_proposal', taskId: task.taskId, consecutiveFailures: failures };
    }
    const { order, ops } = this.rectifications.orderOps(
      tenant,
      record,
      {
        ground: rule.rectificationGround ?? '',
        detail: `${evaluation.year} 年度评价不合格（得分 ${outcome.score}）`,
      },
      outcome.actor,
      outcome.now,
    );
    outcome.ops.push(...ops);
    return { kind: 'rectification', caseId: order.id };
  }

  /** Failing grades in a row ending with this year's (published grades of the years before). */
  private async consecutiveFailures(
    ctx: TenantContext,
    uscc: string,
    year: number,
    rule: ReturnType<typeof ruleOf>,
  ): Promise<number> {
    const enough = failuresToRemove(rule) ?? 1;
    let failures = 1;
    while (failures < enough) {
      const before = await this.deps.evaluations.memberEvaluations.get(
        ctx,
        memberEvaluationId(year - failures, uscc),
      );
      if (before?.status !== 'published' || before.grade !== 'unqualified') break;
      failures += 1;
    }
    return failures;
  }
}

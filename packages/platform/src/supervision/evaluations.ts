/**
 * The yearly evaluation (年度评价, API.md "Supervision"): the admin the tenant's rule
 * names (`by`: the city bureau, or the province's for the province and for Jinan, 000
 * §四(三)) opens a year for every member in the pool, each graded by the rule of the
 * programs it is listed in; staff of that bureau and its experts enter scores per
 * indicator; the member may comment within the rule's window. Publication is in
 * `evaluation-publish.ts`.
 */
import {
  type Actor,
  assertMove,
  type Evaluation,
  endOfPeriod,
  gradingRuleFor,
  gradingRules,
  indicatorsOf,
  type MemberEvaluation,
  memberEvaluationId,
  memberEvaluationKind,
  type ResolvedTenant,
  recordCaseChange,
  shanghaiDateOf,
  startOfShanghaiDay,
} from '@sme/core';
import { TransactionRefusedError, type TransactOp, tenantContext } from '@sme/store';
import { assertActsIn, hasRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { retryingConflicts } from '../cases/backoff.js';
import { assertMemberOrStaff, assertStaff, holdsFor, notTheBureau } from './evaluation-access.js';
import {
  CommentWindowClosedError,
  EvaluationExistsError,
  EvaluationNotConfiguredError,
  EvaluationNotFoundError,
  InvalidYearError,
  NotEvaluatedError,
  UnknownIndicatorError,
} from './evaluation-errors.js';
import { assessMember, type MemberEvaluationView, ruleOf, tenantYear } from './evaluation-view.js';
import { actorOf, type SupervisionDeps, writeCases } from './supervision-deps.js';
import { CaseMovedOnError } from './supervision-errors.js';

export const EVALUATION = { zh: '年度评价', en: 'The evaluation' };

export class Evaluations {
  constructor(private readonly deps: SupervisionDeps) {}

  async get(tenant: ResolvedTenant, year: number): Promise<Evaluation> {
    const found = await this.deps.evaluations.evaluations.get(tenantContext(tenant), String(year));
    if (!found) throw new EvaluationNotFoundError(year);
    return found;
  }

  /** Opens year `year` for every member the tenant's grading rules govern. */
  async open(tenant: ResolvedTenant, claims: Claims, input: { year: number }): Promise<Evaluation> {
    const rules = gradingRules(tenant);
    const role = rules[0]?.by;
    if (!role) throw new EvaluationNotConfiguredError();
    if (!holdsFor(claims, tenant, role)) throw notTheBureau();
    const now = this.deps.clock.now();
    const { year } = input;
    if (year > Number(shanghaiDateOf(now).slice(0, 4))) throw new InvalidYearError(year);
    const ctx = tenantContext(tenant);
    const context = await tenantYear(this.deps, tenant, year);
    const statuses = await this.deps.supervision.memberStatuses(ctx);
    const yearEnd = startOfShanghaiDay(`${year + 1}-01-01`).toISOString();
    // Members in the pool during the year and still in it, each under the rule that grades it.
    const members = [...context.listings]
      .filter(([uscc, l]) => statuses.get(uscc) !== 'removed' && l.listedAt < yearEnd)
      .flatMap(([uscc, l]) => {
        const rule = gradingRuleFor(tenant, l.programs);
        return rule ? [{ uscc, name: l.name, rule: rule.id }] : [];
      });
    const used = rules.filter((r) => members.some((m) => m.rule === r.id));
    // One window for the year: the longest of the rules that grade its members.
    const commentUntil = new Date(
      Math.max(
        now.getTime(),
        ...used.map((rule) =>
          rule.commentWindow ? endOfPeriod(tenant, now, rule.commentWindow).getTime() : 0,
        ),
      ),
    );
    const at = now.toISOString();
    const { state, event } = recordCaseChange<Evaluation['status'], Evaluation>({
      previous: null,
      next: {
        id: String(year),
        tenant: tenant.id,
        status: 'open',
        version: 1,
        createdAt: at,
        updatedAt: at,
        year,
        openedBy: { sub: claims.sub, role, tenant: claims.tenant },
        commentUntil: commentUntil.toISOString(),
        members,
      },
      actor: actorOf(claims),
      at: now,
      reason: `${year} evaluation of ${members.length} member(s) (${used.map((r) => r.source).join('; ')})`,
    });
    try {
      const ops = this.deps.evaluations.evaluations.createOps(ctx, state, event);
      await retryingConflicts(this.deps.backoff, () => this.deps.supervision.transact(ctx, ops));
    } catch (error) {
      if (error instanceof TransactionRefusedError) throw new EvaluationExistsError(year);
      throw error;
    }
    return state;
  }

  /** Every member of the year as staff in scope read it. */
  async view(tenant: ResolvedTenant, claims: Claims, year: number) {
    assertStaff(claims, tenant);
    const evaluation = await this.get(tenant, year);
    const context = await tenantYear(this.deps, tenant, year);
    const repo = this.deps.evaluations.memberEvaluations;
    const ctx = tenantContext(tenant);
    const members: MemberEvaluationView[] = [];
    for (const evaluated of evaluation.members) {
      const state = await repo.get(ctx, memberEvaluationId(year, evaluated.uscc));
      members.push(await assessMember(this.deps, context, evaluated, state));
    }
    return { evaluation, members };
  }

  /** One member's evaluation: for the member itself (what it comments on) and staff in scope. */
  async member(tenant: ResolvedTenant, claims: Claims, year: number, uscc: string) {
    assertMemberOrStaff(claims, tenant, uscc);
    const evaluation = await this.get(tenant, year);
    const evaluated = evaluation.members.find((m) => m.uscc === uscc);
    if (!evaluated) throw new NotEvaluatedError();
    const state = await this.deps.evaluations.memberEvaluations.get(
      tenantContext(tenant),
      memberEvaluationId(year, uscc),
    );
    const context = await tenantYear(this.deps, tenant, year);
    return {
      commentUntil: evaluation.commentUntil,
      ...(await assessMember(this.deps, context, evaluated, state)),
    };
  }

  /** A scorer's sheet for one member: the bureau's staff, or an expert of its pool. */
  async score(
    tenant: ResolvedTenant,
    claims: Claims,
    year: number,
    uscc: string,
    input: { scores: Record<string, number>; comment?: string | undefined },
  ): Promise<MemberEvaluationView> {
    const evaluation = await this.get(tenant, year);
    const scorer = await this.scorerOf(claims, tenant, evaluation);
    const evaluated = evaluation.members.find((m) => m.uscc === uscc);
    if (!evaluated) throw new NotEvaluatedError();
    const indicators = new Set(indicatorsOf(tenant, ruleOf(tenant, evaluated)).map((i) => i.id));
    for (const id of Object.keys(input.scores)) {
      if (!indicators.has(id)) throw new UnknownIndicatorError(id);
    }
    const now = this.deps.clock.now();
    const changed = await this.change(tenant, evaluation, uscc, actorOf(claims), now, (state) => {
      const previous = state.sheets[scorer];
      return {
        patch: {
          sheets: {
            ...state.sheets,
            [scorer]: {
              by: scorer.slice(scorer.indexOf(':') + 1),
              role: scorer.slice(0, scorer.indexOf(':')),
              at: now.toISOString(),
              scores: { ...previous?.scores, ...input.scores },
              ...(input.comment && { comment: input.comment }),
            },
          },
        },
        reason: `scores by ${scorer}: ${Object.keys(input.scores).join(', ')}`,
      };
    });
    return assessMember(this.deps, await tenantYear(this.deps, tenant, year), evaluated, changed);
  }

  /** The member's comment on its evaluation, before the window closes. */
  async comment(
    tenant: ResolvedTenant,
    claims: Claims,
    year: number,
    uscc: string,
    input: { text: string },
  ): Promise<MemberEvaluation> {
    assertActsIn(claims, tenant, uscc);
    const evaluation = await this.get(tenant, year);
    if (!evaluation.members.some((m) => m.uscc === uscc)) throw new NotEvaluatedError();
    const now = this.deps.clock.now();
    const until = new Date(evaluation.commentUntil);
    if (now >= until) throw new CommentWindowClosedError(until);
    return this.change(tenant, evaluation, uscc, actorOf(claims), now, () => ({
      patch: { comment: { text: input.text, at: now.toISOString(), by: claims.sub } },
      reason: 'comment by the member',
    }));
  }

  /** Writes a change of a member's open evaluation, creating its case on the first. */
  private async change(
    tenant: ResolvedTenant,
    evaluation: Evaluation,
    uscc: string,
    actor: Actor,
    now: Date,
    edit: (state: MemberEvaluation) => { patch: Partial<MemberEvaluation>; reason: string },
  ): Promise<MemberEvaluation> {
    if (evaluation.status !== 'open') throw new CaseMovedOnError(EVALUATION);
    const ctx = tenantContext(tenant);
    const repo = this.deps.evaluations.memberEvaluations;
    const evaluated = evaluation.members.find((m) => m.uscc === uscc);
    if (!evaluated) throw new NotEvaluatedError();
    const stored = await repo.get(ctx, memberEvaluationId(evaluation.year, uscc));
    const base = stored ?? newMemberEvaluation(tenant, evaluation, evaluated.rule, uscc, now);
    if (base.status !== 'open') throw new CaseMovedOnError(EVALUATION);
    const { patch, reason } = edit(base);
    assertMove(memberEvaluationKind, base.status, 'open');
    const { state, event } = recordCaseChange({
      previous: stored ?? null,
      next: {
        ...base,
        ...patch,
        version: stored ? stored.version + 1 : 1,
        updatedAt: now.toISOString(),
      },
      actor,
      at: now,
      reason,
    });
    const ops: TransactOp[] = stored
      ? repo.updateOps(ctx, stored, state, event)
      : repo.createOps(ctx, state, event);
    // The publication is written over the year's case as read: nothing scored after it.
    ops.push({
      check: { pk: this.deps.evaluations.evaluations.pk(ctx, evaluation.id), sk: 'META' },
      condition: '#status = :open',
      names: { '#status': 'status' },
      values: { ':open': 'open' },
    });
    await writeCases(this.deps, ctx, ops, EVALUATION);
    return state;
  }

  /** The scorer's key: `<role>:<id>` for the opening bureau's staff or an expert of its pool. */
  private async scorerOf(claims: Claims, tenant: ResolvedTenant, evaluation: Evaluation) {
    const { role, tenant: bureau } = evaluation.openedBy;
    if (holdsFor(claims, tenant, role)) return `${role}:${claims.sub}`;
    if (hasRole(claims, 'expert') && claims.expertId && claims.tenant === bureau) {
      // The bureau is the tenant itself, or the province over one of its cities.
      const ctx =
        bureau === tenant.id ? tenantContext(tenant) : { tenant: bureau, province: bureau };
      const pool = await this.deps.experts.pool(ctx);
      if (pool.some((e) => e.expertId === claims.expertId)) return `expert:${claims.expertId}`;
    }
    throw notTheBureau();
  }
}

function newMemberEvaluation(
  tenant: ResolvedTenant,
  evaluation: Evaluation,
  rule: string,
  uscc: string,
  now: Date,
): MemberEvaluation {
  const at = now.toISOString();
  return {
    id: memberEvaluationId(evaluation.year, uscc),
    tenant: tenant.id,
    status: 'open',
    version: 0,
    historyHead: '',
    createdAt: at,
    updatedAt: at,
    uscc,
    year: evaluation.year,
    rule,
    sheets: {},
  };
}

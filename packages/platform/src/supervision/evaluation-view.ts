/**
 * A member's evaluation as staff read it (API.md `GET /evaluations/{year}`): its rule's
 * indicators, each with its score and the evidence it shows, the sheets entered, the
 * score and the grade the thresholds propose, the final grade once published, and
 * whether it is excluded and why. Before publication everything is computed from what
 * stands now (the evidence, the yearly update); publication fixes it in the case.
 */
import {
  EVIDENCE_KINDS,
  type EvaluatedMember,
  type EvaluationEvidence,
  type EvaluationGrade,
  type EvaluationRule,
  evaluationScore,
  exclusion,
  gradingRules,
  type Indicator,
  indicatorScores,
  indicatorsOf,
  type MemberEvaluation,
  type MemberProfile,
  proposedGrade,
  type ResolvedTenant,
  type ScoreSheet,
} from '@sme/core';
import { tenantContext } from '@sme/store';
import { evidenceOf } from './evaluation-evidence.js';
import type { SupervisionDeps } from './supervision-deps.js';

/** What the view and the publication read once per tenant: listings and profiles. */
export interface TenantYear {
  tenant: ResolvedTenant;
  year: number;
  /** Each member's name, programs and first listing, from its pool entries. */
  listings: Map<string, { name: string; programs: string[]; listedAt: string }>;
  profiles: Map<string, MemberProfile>;
}

export async function tenantYear(
  deps: Pick<SupervisionDeps, 'notices' | 'evaluations'>,
  tenant: ResolvedTenant,
  year: number,
): Promise<TenantYear> {
  const ctx = tenantContext(tenant);
  const [pool, profiles] = await Promise.all([
    deps.notices.pool(ctx),
    deps.evaluations.profiles(ctx),
  ]);
  const listings: TenantYear['listings'] = new Map();
  for (const entry of pool) {
    const known = listings.get(entry.uscc);
    listings.set(entry.uscc, {
      name: known?.name ?? entry.orgName,
      programs: [...new Set([...(known?.programs ?? []), entry.programId])],
      listedAt: known && known.listedAt < entry.listedAt ? known.listedAt : entry.listedAt,
    });
  }
  return { tenant, year, listings, profiles };
}

export interface IndicatorView {
  id: string;
  name: Indicator['name'];
  requirement: Indicator['requirement'];
  score?: number;
  evidence: Partial<EvaluationEvidence>;
}

export interface MemberEvaluationView {
  uscc: string;
  name: string;
  rule: { id: string; name: { zh: string; en: string } };
  status: MemberEvaluation['status'];
  indicators: IndicatorView[];
  evidence: EvaluationEvidence;
  sheets: ScoreSheet[];
  score?: number;
  proposedGrade?: EvaluationGrade;
  /** The final grade, once published. */
  grade?: EvaluationGrade;
  excluded?: MemberEvaluation['excluded'];
  comment?: MemberEvaluation['comment'];
  consequence?: MemberEvaluation['consequence'];
  /** The grade an upheld appeal withdrew (status `annulled`), with what it had led to. */
  annulled?: MemberEvaluation['annulled'];
}

/** The rule an evaluated member is graded by. */
export function ruleOf(tenant: ResolvedTenant, evaluated: EvaluatedMember): EvaluationRule {
  const rule = gradingRules(tenant).find((r) => r.id === evaluated.rule);
  if (!rule) throw new Error(`evaluation rule ${evaluated.rule} of ${tenant.id} is gone`);
  return rule;
}

/** Assesses one member: fixed by its case once published, computed from what stands before. */
export async function assessMember(
  deps: Pick<SupervisionDeps, 'supervision'>,
  context: TenantYear,
  evaluated: EvaluatedMember,
  state: MemberEvaluation | undefined,
): Promise<MemberEvaluationView> {
  const { tenant, year } = context;
  const rule = ruleOf(tenant, evaluated);
  const indicators = indicatorsOf(tenant, rule);
  const sheets = Object.values(state?.sheets ?? {});
  const evidence =
    state?.evidence ?? (await evidenceOf(deps, { tenant, uscc: evaluated.uscc }, year));
  const scores = indicatorScores(indicators, sheets);
  const score = state?.score ?? evaluationScore(indicators, sheets);
  const listing = context.listings.get(evaluated.uscc);
  const decided = state && state.status !== 'open';
  const excluded = decided
    ? state.excluded
    : listing &&
      exclusion(tenant, listing.programs, year, {
        listedAt: listing.listedAt,
        firstUpdateAt: context.profiles.get(evaluated.uscc)?.firstUpdates[String(year)],
      });
  return {
    uscc: evaluated.uscc,
    name: evaluated.name,
    rule: { id: rule.id, name: rule.name },
    status: state?.status ?? 'open',
    indicators: indicators.map((i) => {
      const given = scores[i.id];
      return {
        id: i.id,
        name: i.name,
        requirement: i.requirement,
        ...(given !== undefined && { score: given }),
        evidence: Object.fromEntries(
          (i.evidence ?? EVIDENCE_KINDS).map((kind) => [kind, evidence[kind]]),
        ),
      };
    }),
    evidence,
    sheets,
    ...(score !== undefined && { score, proposedGrade: proposedGrade(rule, score) }),
    ...(state?.grade && { grade: state.grade }),
    ...(excluded && { excluded }),
    ...(state?.comment && { comment: state.comment }),
    ...(state?.consequence && { consequence: state.consequence }),
    ...(state?.annulled && { annulled: state.annulled }),
  };
}

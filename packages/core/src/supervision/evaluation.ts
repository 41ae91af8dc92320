/**
 * The yearly evaluation (年度评价, API.md "Supervision") as cases: one `evaluation` per
 * tenant-year, opened by the admin the tenant's rule names, fixing who is evaluated and
 * until when members may comment; and one `member-evaluation` per member-year, listed
 * under its member, carrying the scores staff and experts enter, the member's comment,
 * and at publication its evidence, grade or exclusion and what the grade led to.
 *
 * Why a case per member-year rather than one case holding every member: each member's
 * grade is a decision about that member alone. It has its own history (scores, comment,
 * publication), may be appealed on its own, shows on the member's page with the one
 * query that lists its other cases, and two clerks scoring two members never contend
 * for one version. The tenant-year case holds only what is common: the opening, the
 * comment window, the list of members and the publication.
 */
import { type CaseState, defineCaseKind } from '../case/case.js';
import type { EvaluationGrade, Role } from '../tenant/vocabulary.js';

export const EVALUATION_STATUSES = ['open', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const evaluationKind = defineCaseKind<EvaluationStatus>({
  name: 'evaluation',
  transitions: { open: ['published'], published: [] },
});

export interface EvaluatedMember {
  uscc: string;
  name: string;
  /** The evaluation rule that grades the member (by the programs it is listed in). */
  rule: string;
}

/** A tenant's evaluation of one year; its id is the year. */
export interface Evaluation extends CaseState<EvaluationStatus> {
  year: number;
  /** Who opened it: only the same bureau (tenant and role) publishes it. */
  openedBy: { sub: string; role: Role; tenant: string };
  /** The exclusive instant until which members may comment; publication waits for it. */
  commentUntil: string;
  /** The members evaluated, fixed when the evaluation opened. */
  members: EvaluatedMember[];
  publishedAt?: string;
}

/** `annulled`: its published grade withdrawn by an upheld appeal. */
export const MEMBER_EVALUATION_STATUSES = ['open', 'published', 'excluded', 'annulled'] as const;
export type MemberEvaluationStatus = (typeof MEMBER_EVALUATION_STATUSES)[number];

/** Open follows itself: each score or comment is an event in the member's evaluation. */
export const memberEvaluationKind = defineCaseKind<MemberEvaluationStatus>({
  name: 'member-evaluation',
  transitions: {
    open: ['open', 'published', 'excluded'],
    published: ['annulled'],
    excluded: [],
    annulled: [],
  },
});

/** What one scorer (a staff member or an expert) gave, indicator by indicator (0–100). */
export interface ScoreSheet {
  by: string;
  role: string;
  at: string;
  scores: Record<string, number>;
  comment?: string;
}

/** What a member's year shows beside its scores, counted from that year's cases. */
export interface EvaluationEvidence {
  /** `registered`: those whose contract the enterprise confirmed (000 §四(二)), not merely filed. */
  engagements: { registered: number; accepted: number };
  ratings: { satisfied: number; basic: number; unsatisfied: number };
  complaints: { filed: number; upheld: number };
  rectifications: { ordered: number; accepted: number; failed: number };
}

export const NO_EVIDENCE: EvaluationEvidence = {
  engagements: { registered: 0, accepted: 0 },
  ratings: { satisfied: 0, basic: 0, unsatisfied: 0 },
  complaints: { filed: 0, upheld: 0 },
  rectifications: { ordered: 0, accepted: 0, failed: 0 },
};

/** What a failing grade led to: an order to rectify, or a removal proposal for the supervisor. */
export type EvaluationConsequence =
  | { kind: 'rectification'; caseId: string }
  | { kind: 'removal_proposal'; taskId: string; consecutiveFailures: number };

/** A member's evaluation of one year; its id is `<year>-<uscc>`. */
export interface MemberEvaluation extends CaseState<MemberEvaluationStatus> {
  uscc: string;
  year: number;
  rule: string;
  /** Each scorer's latest sheet, by `<role>:<id>`. */
  sheets: Record<string, ScoreSheet>;
  /** The member's comment on its proposed grade, within the window. */
  comment?: { text: string; at: string; by: string };
  /** Fixed at publication. */
  evidence?: EvaluationEvidence;
  score?: number;
  grade?: EvaluationGrade;
  excluded?: { rule: string; reason: { zh: string; en: string } };
  consequence?: EvaluationConsequence;
  /** What an upheld appeal withdrew: the grade and what it had led to. */
  annulled?: {
    grade: EvaluationGrade;
    consequence?: EvaluationConsequence;
    appealId: string;
    at: string;
  };
}

export const memberEvaluationId = (year: number, uscc: string) => `${year}-${uscc}`;

export const GRADE_NAMES: Record<EvaluationGrade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  qualified: { zh: '合格', en: 'Qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};

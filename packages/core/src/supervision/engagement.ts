/**
 * An engagement (服务登记, 全流程): a member registers the service it gives one pilot
 * enterprise, and records each milestone of it in order (contract → plan → works →
 * internal acceptance → assessment acceptance, 001 §五(二)). The enterprise confirms
 * each milestone, so nothing a provider states about an enterprise stands on its word
 * alone, and rates the engagement once it is accepted.
 */
import { type CaseState, defineCaseKind } from '../case/case.js';
import type { ResolvedTenant } from '../tenant/resolve-tenants.js';
import type { EngagementKind } from '../tenant/vocabulary.js';
import { type RuleOf, rulesFor } from './supervision-rules.js';

export const MILESTONE_KINDS = [
  'contract',
  'plan',
  'works',
  'internal_acceptance',
  'assessment_acceptance',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MILESTONE_NAMES: Record<MilestoneKind, { zh: string; en: string }> = {
  contract: { zh: '合同签订', en: 'Contract' },
  plan: { zh: '实施方案', en: 'Implementation plan' },
  works: { zh: '项目改造', en: 'Project works' },
  internal_acceptance: { zh: '内部验收', en: 'Internal acceptance' },
  assessment_acceptance: { zh: '评测验收', en: 'Assessment acceptance' },
};

export const SATISFACTION_LEVELS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

export const SATISFACTION_NAMES: Record<Satisfaction, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

/**
 * `registered` until the enterprise confirms the contract; `in_progress` while the
 * milestones follow (each an event of its own); `accepted` once the enterprise confirms
 * the assessment acceptance; `rated` once it rates.
 */
export const ENGAGEMENT_STATUSES = ['registered', 'in_progress', 'accepted', 'rated'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const engagementKind = defineCaseKind<EngagementStatus>({
  name: 'engagement',
  transitions: {
    // A document of the contract verified before the enterprise confirms it.
    registered: ['registered', 'in_progress'],
    in_progress: ['in_progress', 'accepted'],
    accepted: ['rated'],
    rated: [],
  },
});

/** A document of a milestone: declared, uploaded to S3, then verified like an application's. */
export interface MilestoneDocument {
  documentId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  objectKey: string;
  stagingKey: string;
  status: 'pending' | 'verified';
  verifiedAt?: string;
}

export interface Milestone {
  kind: MilestoneKind;
  summary: string;
  documents: MilestoneDocument[];
  at: string;
  by: string;
  confirmedAt?: string;
  confirmedBy?: string;
}

export interface Engagement extends CaseState<EngagementStatus> {
  /** The provider, a member of the pool: the case is listed under it. */
  uscc: string;
  providerName: string;
  enterpriseUscc: string;
  kind: EngagementKind;
  title: string;
  /** The calendar date the contract was signed (Asia/Shanghai). */
  contractSignedAt: string;
  /** In CNY yuan. */
  amount?: number;
  milestones: Milestone[];
  rating?: { satisfaction: Satisfaction; comment: string; at: string; by: string };
  createdBy: string;
}

/** The milestone that comes next, or none once the last is recorded. */
export function nextMilestone(engagement: Pick<Engagement, 'milestones'>): MilestoneKind | null {
  return MILESTONE_KINDS[engagement.milestones.length] ?? null;
}

/** The latest milestone, while the enterprise has not confirmed it. */
export function awaitingConfirmation(
  engagement: Pick<Engagement, 'milestones'>,
): Milestone | undefined {
  const last = engagement.milestones.at(-1);
  return last && !last.confirmedAt ? last : undefined;
}

/**
 * The exclusive-services rules an engagement of `kind` falls under, each with the
 * service it registers: while a provider holds one service of a rule for an enterprise,
 * it may not take another of the same rule (002 §二(一)7).
 */
export function exclusionsOf(
  tenant: ResolvedTenant,
  programs: readonly string[],
  kind: EngagementKind,
): { rule: RuleOf<'exclusive-services'>; service: string }[] {
  return rulesFor(tenant, 'exclusive-services', programs).flatMap((rule) => {
    const service = rule.services.find((s) => s.engagementKind === kind);
    return service ? [{ rule, service: service.id }] : [];
  });
}

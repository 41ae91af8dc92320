/**
 * A disqualification proposal: a task in the supervisor's list when rectification
 * fails (an order overdue or rejected, or one beyond the rule's limit) or when the
 * yearly evaluation fails too often, naming the ground the tenant's rule gives for it
 * and the case that caused it. The supervisor decides by disqualifying (which closes
 * the member's proposals) or by leaving it; the platform never removes anyone on its
 * own.
 */
import { type Member, type ResolvedTenant, rulesFor } from '@sme/core';
import type { ReviewTask } from '@sme/store';
import { supervisorRole } from './supervision-deps.js';

/** Why: a rectification order overdue, rejected or beyond the limit, or failed evaluations. */
export type ProposalReason = 'overdue' | 'rejected' | 'limit' | 'failed_evaluations';

export interface ProposalCause {
  reason: ProposalReason;
  /** The case that caused it (a rectification order, a member's evaluation). */
  caseKind: string;
  caseId: string;
  at: string;
  /** The ground proposed; by default the one the rules give for failed rectification. */
  ground?: string | undefined;
}

export function disqualificationProposal(
  tenant: ResolvedTenant,
  member: Member,
  programs: readonly string[],
  cause: ProposalCause,
): ReviewTask {
  const rule = rulesFor(tenant, 'disqualification', programs).find((r) => r.rectificationGround);
  return {
    taskId: `proposal-${cause.reason}-${cause.caseId}`,
    tenant: tenant.id,
    programId: programs[0] ?? '',
    applicationId: member.uscc,
    caseKind: 'member',
    stage: 'supervision',
    kind: 'disqualification_proposal',
    role: supervisorRole(tenant),
    proposal: {
      ground: cause.ground ?? rule?.rectificationGround ?? '',
      reason: cause.reason,
      caseKind: cause.caseKind,
      caseId: cause.caseId,
    },
    state: 'open',
    createdAt: cause.at,
  };
}

/** Whether one more order puts the member beyond its rule's limit (Jining: more than 2). */
export function beyondLimit(
  tenant: ResolvedTenant,
  programs: readonly string[],
  orderCount: number,
): boolean {
  return rulesFor(tenant, 'disqualification', programs).some(
    (rule) => rule.maxRectifications !== undefined && orderCount > rule.maxRectifications,
  );
}

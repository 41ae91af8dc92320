/**
 * The tasks a complaint opens: the provider's, to reply by `replyDueAt` (in its own task
 * list, with the due time); and the supervisor's, to resolve, once the provider replied
 * or its time ran out (never before: the provider has its right of reply first).
 */
import type { Complaint, ResolvedTenant } from '@sme/core';
import type { ReviewTask } from '@sme/store';
import { SYSTEM, supervisorRole } from './supervision-deps.js';

/** The provider's task to reply, and the supervisor's to resolve once it may. */
export function complaintTask(
  tenant: ResolvedTenant,
  complaint: Complaint,
  who: 'provider' | 'supervisor',
  at: string,
): ReviewTask {
  const base = {
    tenant: tenant.id,
    programId: '',
    applicationId: complaint.id,
    caseKind: 'complaint',
    stage: 'supervision',
    state: 'open' as const,
    createdAt: at,
  };
  return who === 'provider'
    ? {
        ...base,
        taskId: `complaint-reply-${complaint.id}`,
        kind: 'complaint_reply',
        role: 'provider',
        org: complaint.uscc,
        dueAt: complaint.replyDueAt,
      }
    : {
        ...base,
        taskId: `complaint-${complaint.id}`,
        kind: 'complaint',
        role: supervisorRole(tenant),
      };
}

export const closed = (open: ReviewTask, outcome: string, by: string, at: string): ReviewTask => ({
  ...open,
  state: by === SYSTEM.sub ? 'closed' : 'done',
  outcome,
  decidedBy: by,
  decidedAt: at,
});

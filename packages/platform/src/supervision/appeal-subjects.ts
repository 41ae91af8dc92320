/**
 * What an appeal can be against (API.md `POST /appeals`, `subject.kind`), read the same
 * way for lodging and for deciding: the case, with what it caused (an upheld
 * complaint's order; a grade's order or open removal proposal); whether it still stands
 * to be appealed; when it was decided (a rule's window runs from then); the cases an
 * open appeal marks, so that a second appeal against the subject or what it caused is
 * refused by the write itself; and what an upheld appeal undoes.
 */
import type {
  Actor,
  AppealSubjectKind,
  Complaint,
  MemberEvaluation,
  Rectification,
  ResolvedTenant,
} from '@sme/core';
import { type ReviewTask, type TenantContext, type TransactOp, tenantContext } from '@sme/store';
import { complaintAnnulOps, gradeAnnulOps } from './appeal-annul.js';
import { restoreOps, type Subject } from './appeal-restore.js';
import type { MemberRecord } from './members.js';
import type { SupervisionDeps } from './supervision-deps.js';
import {
  CaseMovedOnError,
  NotAppealableError,
  SupervisionCaseNotFoundError,
} from './supervision-errors.js';

export interface SubjectRef {
  kind: AppealSubjectKind;
  id: string;
}

export type AppealSubject =
  | Subject
  | {
      kind: 'evaluation';
      state: MemberEvaluation;
      order?: Rectification | undefined;
      proposal?: ReviewTask;
    }
  | { kind: 'complaint'; state: Complaint; order?: Rectification | undefined };

type Deps = Pick<SupervisionDeps, 'supervision' | 'evaluations' | 'tasks'>;

export const SUBJECT = { zh: '申诉所针对的决定', en: 'The decision appealed against' };

/** The subject with what it caused, or the 404 that names it. */
export async function loadSubject(
  deps: Deps,
  tenant: ResolvedTenant,
  ref: SubjectRef,
): Promise<AppealSubject> {
  const ctx = tenantContext(tenant);
  const repo = deps.supervision;
  const orderOf = async (id: string | undefined) =>
    id ? await repo.rectifications.get(ctx, id) : undefined;
  let subject: AppealSubject | undefined;
  if (ref.kind === 'rectification') {
    const state = await repo.rectifications.get(ctx, ref.id);
    subject = state && { kind: 'rectification', state };
  } else if (ref.kind === 'disqualification') {
    const state = await repo.disqualifications.get(ctx, ref.id);
    subject = state && { kind: 'disqualification', state };
  } else if (ref.kind === 'complaint') {
    const state = await repo.complaints.get(ctx, ref.id);
    subject = state && {
      kind: 'complaint',
      state,
      order: await orderOf(state.resolution?.rectificationId),
    };
  } else {
    const state = await deps.evaluations.memberEvaluations.get(ctx, ref.id);
    const consequence = state?.consequence;
    const proposal =
      consequence?.kind === 'removal_proposal'
        ? (await deps.tasks.openOf(ctx, state?.uscc ?? '', 'member')).find(
            (t) => t.taskId === consequence.taskId,
          )
        : undefined;
    subject = state && {
      kind: 'evaluation',
      state,
      order: await orderOf(consequence?.kind === 'rectification' ? consequence.caseId : undefined),
      ...(proposal && { proposal }),
    };
  }
  if (!subject) throw new SupervisionCaseNotFoundError(SUBJECT);
  return subject;
}

/** Refuses a subject that no longer stands as a decision to appeal against. */
export function assertAppealable(subject: AppealSubject): void {
  const { kind, state } = subject;
  if (kind === 'complaint' && state.status !== 'upheld')
    throw new NotAppealableError('complaint_not_upheld');
  if (kind === 'evaluation' && state.status !== 'published')
    throw new NotAppealableError('grade_not_published');
  if (kind === 'rectification' && state.status === 'annulled') throw new CaseMovedOnError(SUBJECT);
  if (kind === 'disqualification' && state.status !== 'in_force')
    throw new CaseMovedOnError(SUBJECT);
}

/** When the decision appealed against was taken: a rule's appeal window runs from then. */
export function decidedAt(subject: AppealSubject): Date {
  if (subject.kind === 'complaint')
    return new Date(subject.state.resolution?.at ?? subject.state.updatedAt);
  // A grade is fixed by its publication, the last change of a published evaluation.
  if (subject.kind === 'evaluation') return new Date(subject.state.updatedAt);
  return new Date(subject.state.createdAt);
}

/** The cases an open appeal against the subject marks: it, and the order it caused. */
export function markedPks(deps: Deps, ctx: TenantContext, subject: AppealSubject): string[] {
  const repo = deps.supervision;
  switch (subject.kind) {
    case 'rectification':
      return [repo.rectifications.pk(ctx, subject.state.id)];
    case 'disqualification':
      return [repo.disqualifications.pk(ctx, subject.state.id)];
    case 'complaint':
    case 'evaluation': {
      const own =
        subject.kind === 'complaint'
          ? repo.complaints.pk(ctx, subject.state.id)
          : deps.evaluations.memberEvaluations.pk(ctx, subject.state.id);
      // An order already annulled can be appealed by no one: nothing to guard.
      const order = subject.order?.status === 'annulled' ? undefined : subject.order;
      return order ? [own, repo.rectifications.pk(ctx, order.id)] : [own];
    }
  }
}

/**
 * The order an upheld appeal annuls, itself or as what its subject caused: a removal
 * proposal that order opened (overdue, rejected, beyond the limit) is withdrawn with it.
 */
export function annulledOrderId(subject: AppealSubject): string | undefined {
  if (subject.kind === 'rectification') return subject.state.id;
  if (subject.kind === 'disqualification') return undefined;
  return subject.order?.status === 'annulled' ? undefined : subject.order?.id;
}

/** What an upheld appeal undoes, by the kind of its subject. */
export function undoOps(
  deps: Deps,
  ctx: TenantContext,
  subject: AppealSubject,
  record: MemberRecord,
  change: { actor: Actor; now: Date; appealId: string },
): TransactOp[] {
  switch (subject.kind) {
    case 'complaint':
      return complaintAnnulOps(deps.supervision, ctx, subject, record, change);
    case 'evaluation':
      return gradeAnnulOps(deps, ctx, subject, record, change);
    default:
      return restoreOps(deps.supervision, ctx, subject, record, change);
  }
}

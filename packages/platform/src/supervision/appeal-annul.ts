/**
 * What an upheld appeal undoes when it is against a member's published grade or an
 * upheld complaint: the subject annulled in its own history, and what it caused undone
 * (the order it led to annulled with the member's status before, as an appeal against
 * the order would; a removal proposal still open withdrawn), the member's history
 * recording it, all in the appeal's transaction.
 *
 * The grade: neither notice lets the one who decides an appeal grade the member.
 * 004 §三(三) lets a provider appeal against "争议事项" of the management and says
 * nothing of what follows; 000 §四(三) has the grade given by "专家或委托第三方"
 * organized by the province's department. So an upheld appeal does not set a grade of
 * its own: it withdraws the published one, and the member's year stands as it was
 * before publication, without a final grade (platform reading). The public page then
 * shows the member's latest grade still standing; a year without a grade breaks a run
 * of failing years (000 §四(三) "连续两年"), so it never counts toward removal.
 *
 * A removal proposal the supervisor already acted on is not undone here: the
 * disqualification is a decision of its own, with reasons, appealed on its own.
 */
import {
  type Actor,
  assertMove,
  type Complaint,
  complaintKind,
  type MemberEvaluation,
  memberEvaluationKind,
  movedCase,
  type Rectification,
  recordCaseChange,
} from '@sme/core';
import {
  closeTaskOp,
  type EvaluationRepository,
  type ReviewTask,
  type SupervisionRepository,
  type TenantContext,
  type TransactOp,
} from '@sme/store';
import { restoreOps } from './appeal-restore.js';
import { type MemberRecord, memberChange } from './members.js';

export interface Change {
  actor: Actor;
  now: Date;
  appealId: string;
}

/** The order a subject caused undone with the member's status, or the member's event alone. */
function memberOps(
  repo: SupervisionRepository,
  ctx: TenantContext,
  record: MemberRecord,
  order: Rectification | undefined,
  change: Change,
  note: string,
): TransactOp[] {
  if (order && order.status !== 'annulled') {
    return restoreOps(repo, ctx, { kind: 'rectification', state: order }, record, {
      ...change,
      note,
    });
  }
  const { member } = record;
  const changed = memberChange(
    member,
    {},
    change.actor,
    change.now,
    `appeal ${change.appealId} upheld: ${note}`,
  );
  return repo.members.updateOps(ctx, member, changed.state, changed.event);
}

/** The complaint annulled (no longer upheld), and the order it caused undone. */
export function complaintAnnulOps(
  repo: SupervisionRepository,
  ctx: TenantContext,
  subject: { state: Complaint; order?: Rectification | undefined },
  record: MemberRecord,
  change: Change,
): TransactOp[] {
  const complaint = subject.state;
  const at = change.now.toISOString();
  const note = `complaint ${complaint.id} annulled`;
  const annulled = recordCaseChange({
    previous: complaint,
    next: movedCase(complaintKind, complaint, 'annulled', change.now, {
      annulled: { appealId: change.appealId, at },
    }),
    actor: change.actor,
    at: change.now,
    reason: `appeal ${change.appealId} upheld`,
  });
  return [
    ...repo.complaints.updateOps(ctx, complaint, annulled.state, annulled.event),
    ...memberOps(repo, ctx, record, subject.order, change, note),
  ];
}

/** The grade withdrawn, and the order or the open removal proposal it led to undone. */
export function gradeAnnulOps(
  repos: { supervision: SupervisionRepository; evaluations: EvaluationRepository },
  ctx: TenantContext,
  subject: { state: MemberEvaluation; order?: Rectification | undefined; proposal?: ReviewTask },
  record: MemberRecord,
  change: Change,
): TransactOp[] {
  const { grade: withdrawn, consequence, ...evaluation } = subject.state;
  assertMove(memberEvaluationKind, evaluation.status, 'annulled');
  if (!withdrawn) throw new Error(`published evaluation ${evaluation.id} has no grade`);
  const at = change.now.toISOString();
  const note = `${evaluation.year} grade ${withdrawn} withdrawn`;
  const annulled = recordCaseChange({
    previous: subject.state,
    next: {
      ...evaluation,
      status: 'annulled' as const,
      version: evaluation.version + 1,
      updatedAt: at,
      annulled: {
        grade: withdrawn,
        ...(consequence && { consequence }),
        appealId: change.appealId,
        at,
      },
    },
    actor: change.actor,
    at: change.now,
    reason: `appeal ${change.appealId} upheld: grade ${withdrawn} withdrawn`,
  });
  const proposal = subject.proposal;
  return [
    ...repos.evaluations.memberEvaluations.updateOps(
      ctx,
      subject.state,
      annulled.state,
      annulled.event,
    ),
    ...memberOps(repos.supervision, ctx, record, subject.order, change, note),
    ...(proposal
      ? [
          closeTaskOp(ctx, {
            ...proposal,
            state: 'done',
            outcome: 'withdrawn',
            decidedBy: change.actor.sub,
            decidedAt: at,
          }),
        ]
      : []),
  ];
}

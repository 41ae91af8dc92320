/**
 * What an upheld appeal undoes (API.md "Supervision"): its subject annulled, and exactly
 * what the subject did to the member (its status, its open orders and their count) and
 * to the organization (the ban lifted), each case recording it in its history.
 */
import {
  type Actor,
  assertMove,
  type CaseState,
  type Disqualification,
  disqualificationKind,
  type Rectification,
  recordCaseChange,
  rectificationKind,
  statusForOrders,
} from '@sme/core';
import {
  banLiftOps,
  type SupervisionRepository,
  type TenantContext,
  type TransactOp,
  timerCancelOp,
} from '@sme/store';
import { type MemberRecord, memberChange } from './members.js';

export type Subject =
  | { kind: 'rectification'; state: Rectification }
  | { kind: 'disqualification'; state: Disqualification };

/** What an upheld appeal undoes: the subject annulled, and what it did to the member and the ban. */
export function restoreOps(
  repo: SupervisionRepository,
  ctx: TenantContext,
  subject: Subject,
  { member }: MemberRecord,
  change: { actor: Actor; now: Date; appealId: string; note?: string | undefined },
): TransactOp[] {
  const { actor, now, appealId } = change;
  // What the appeal was against, when the order is undone as its consequence (a complaint's).
  const reason = `appeal ${appealId} upheld${change.note ? ` (${change.note})` : ''}`;
  const annul = <C extends CaseState>(state: C) =>
    ({
      ...state,
      status: 'annulled',
      version: state.version + 1,
      updatedAt: now.toISOString(),
    }) as C;
  if (subject.kind === 'rectification') {
    const order = subject.state;
    assertMove(rectificationKind, order.status, 'annulled');
    const annulled = recordCaseChange({
      previous: order,
      next: annul(order),
      actor,
      at: now,
      reason,
    });
    const openOrders = member.openOrders.filter((o) => o !== order.id);
    const changed = memberChange(
      member,
      {
        openOrders,
        orderCount: Math.max(0, member.orderCount - 1),
        status: statusForOrders(member, openOrders),
      },
      actor,
      now,
      `${reason}: rectification ${order.id} annulled`,
    );
    return [
      ...repo.rectifications.updateOps(ctx, order, annulled.state, annulled.event),
      ...repo.members.updateOps(ctx, member, changed.state, changed.event),
      timerCancelOp({ casePk: repo.rectifications.pk(ctx, order.id), name: 'due' }),
    ];
  }
  const disqualification = subject.state;
  assertMove(disqualificationKind, disqualification.status, 'annulled');
  const annulled = recordCaseChange({
    previous: disqualification,
    next: annul(disqualification),
    actor,
    at: now,
    reason,
  });
  const ops: TransactOp[] = [
    ...repo.disqualifications.updateOps(ctx, disqualification, annulled.state, annulled.event),
  ];
  if (member.status === 'removed' && member.removedBy === disqualification.id) {
    const previous = disqualification.previousStatus as typeof member.status;
    const changed = memberChange(
      member,
      { status: previous, removedBy: undefined },
      actor,
      now,
      `${reason}: disqualification ${disqualification.id} annulled`,
    );
    ops.push(...repo.members.updateOps(ctx, member, changed.state, changed.event));
  }
  const ban = disqualification.ban;
  if (ban && Date.parse(ban.until) > now.getTime()) {
    ops.push(
      ...banLiftOps(
        ctx,
        { id: ban.id, uscc: disqualification.uscc, createdAt: disqualification.createdAt },
        now.toISOString(),
        actor.sub,
      ),
    );
  }
  return ops;
}

/**
 * Appeals (申诉, API.md "Supervision"): the member appeals against an order, a
 * disqualification, its published grade of a year or an upheld complaint, on a ground
 * its rule lists, within the rule's window from the decision when it sets one (while
 * the decision stands when it does not: Jining's 004 §三(三) names none). One appeal per
 * decision at a time, marking what the decision caused too. The supervisor decides with
 * reasons; upheld, it restores exactly what its subject changed (the order annulled and
 * no longer counted, a removal proposal it opened withdrawn, the member's status
 * before, the ban lifted, the grade withdrawn, the complaint no longer upheld), each
 * case recording it in its history, all in one transaction. What each kind of subject
 * is and undoes: `appeal-subjects.ts`.
 */
import {
  type Appeal,
  appealKind,
  endOfPeriod,
  groundOf,
  movedCase,
  type ResolvedTenant,
  recordCaseChange,
} from '@sme/core';
import { closeTaskOp, type ReviewTask, type TransactOp, taskItem, tenantContext } from '@sme/store';
import { assertActsIn } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { retryingConflicts } from '../cases/backoff.js';
import {
  type AppealSubject,
  annulledOrderId,
  assertAppealable,
  decidedAt,
  loadSubject,
  markedPks,
  type SubjectRef,
  undoOps,
} from './appeal-subjects.js';
import type { Members } from './members.js';
import { beyondLimit } from './proposals.js';
import {
  actorOf,
  assertSupervisor,
  findCase,
  type SupervisionDeps,
  supervisorRole,
  writeCases,
} from './supervision-deps.js';
import {
  AppealPendingError,
  AppealWindowClosedError,
  CaseMovedOnError,
  UnknownGroundError,
} from './supervision-errors.js';

const APPEAL = { zh: '申诉', en: 'The appeal' };
/** Marks the subject of an open appeal, so a second one is refused by the write itself. */
const OPEN_APPEAL_SK = 'OPEN_APPEAL';

const appealTaskId = (appealId: string) => `appeal-${appealId}`;

export class Appeals {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
  ) {}

  get(tenant: ResolvedTenant, id: string): Promise<Appeal> {
    return findCase(this.deps.supervision.appeals, tenant, id, APPEAL);
  }

  async lodge(
    tenant: ResolvedTenant,
    claims: Claims,
    input: {
      subject: SubjectRef;
      ground: string;
      detail: string;
    },
  ): Promise<Appeal> {
    const subject = await this.subject(tenant, input.subject);
    assertActsIn(claims, tenant, subject.state.uscc);
    assertAppealable(subject);
    const { programs } = await this.members.load(tenant, subject.state.uscc);
    const found = groundOf(tenant, 'appeal', programs, input.ground);
    if (!found) throw new UnknownGroundError(input.ground);
    const now = this.deps.clock.now();
    if (found.rule.window) {
      const endsAt = endOfPeriod(tenant, decidedAt(subject), found.rule.window);
      if (now >= endsAt) throw new AppealWindowClosedError(endsAt);
    }
    const at = now.toISOString();
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const { state, event } = recordCaseChange<Appeal['status'], Appeal>({
      previous: null,
      next: {
        id: this.deps.newId(),
        tenant: tenant.id,
        status: 'open',
        version: 1,
        createdAt: at,
        updatedAt: at,
        uscc: subject.state.uscc,
        rule: found.rule.id,
        ground: found.ground.id,
        detail: input.detail,
        createdBy: claims.sub,
        subject: { kind: input.subject.kind, id: input.subject.id },
      },
      actor: actorOf(claims),
      at: now,
      reason: `${found.ground.zh}（${found.ground.source}）`,
    });
    const task: ReviewTask = {
      taskId: appealTaskId(state.id),
      tenant: tenant.id,
      programId: programs[0] ?? '',
      applicationId: state.id,
      caseKind: 'appeal',
      stage: 'supervision',
      kind: 'appeal',
      role: supervisorRole(tenant),
      state: 'open',
      createdAt: at,
    };
    try {
      const ops: TransactOp[] = [
        ...repo.appeals.createOps(ctx, state, event),
        { put: taskItem(ctx, task) },
        ...markedPks(this.deps, ctx, subject).map(
          (pk): TransactOp => ({
            put: { pk, sk: OPEN_APPEAL_SK, appealId: state.id },
            condition: 'attribute_not_exists(pk)',
          }),
        ),
      ];
      await retryingConflicts(this.deps.backoff, () => repo.transact(ctx, ops));
    } catch (error) {
      if (error instanceof Error && error.name === 'TransactionRefusedError')
        throw new AppealPendingError();
      throw error;
    }
    return state;
  }

  async decide(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    input: { upheld: boolean; comment: string },
  ): Promise<Appeal> {
    assertSupervisor(claims, tenant);
    const appeal = await this.get(tenant, id);
    if (appeal.status !== 'open') throw new CaseMovedOnError(APPEAL);
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const actor = actorOf(claims);
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const status = input.upheld ? 'upheld' : 'dismissed';
    const { state, event } = recordCaseChange({
      previous: appeal,
      next: movedCase(appealKind, appeal, status, now, {
        decision: { upheld: input.upheld, comment: input.comment, at, by: claims.sub },
      }),
      actor,
      at: now,
      reason: input.comment,
    });
    const [task] = (await this.deps.tasks.openOf(ctx, appeal.id, 'appeal')).filter(
      (t) => t.taskId === appealTaskId(appeal.id),
    );
    const subject = await this.subject(tenant, appeal.subject);
    const ops: TransactOp[] = [
      ...repo.appeals.updateOps(ctx, appeal, state, event),
      ...markedPks(this.deps, ctx, subject).map(
        (pk): TransactOp => ({ delete: { pk, sk: OPEN_APPEAL_SK } }),
      ),
      ...(task
        ? [
            closeTaskOp(ctx, {
              ...task,
              state: 'done',
              outcome: status,
              decidedBy: claims.sub,
              decidedAt: at,
            }),
          ]
        : []),
    ];
    if (input.upheld) {
      const record = await this.members.load(tenant, appeal.uscc);
      ops.push(
        ...undoOps(this.deps, ctx, subject, record, {
          actor,
          now,
          appealId: appeal.id,
        }),
      );
      // An annulled order no longer stands: nothing it caused may still propose removal,
      // nor does it count toward the limit another order's proposal was beyond.
      const order = annulledOrderId(subject);
      const withinLimit =
        !!order && !beyondLimit(tenant, record.programs, record.member.orderCount - 1);
      const proposals = order
        ? (await this.deps.tasks.openOf(ctx, appeal.uscc, 'member')).filter(
            (t) =>
              t.kind === 'disqualification_proposal' &&
              (t.proposal?.caseId === order || (t.proposal?.reason === 'limit' && withinLimit)),
          )
        : [];
      ops.push(
        ...proposals.map((proposal) =>
          closeTaskOp(ctx, {
            ...proposal,
            state: 'done',
            outcome: 'withdrawn',
            decidedBy: claims.sub,
            decidedAt: at,
          }),
        ),
      );
    }
    await writeCases(this.deps, ctx, ops, APPEAL);
    return state;
  }

  private subject(tenant: ResolvedTenant, ref: SubjectRef): Promise<AppealSubject> {
    return loadSubject(this.deps, tenant, ref);
  }
}

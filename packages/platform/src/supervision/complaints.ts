/**
 * Complaints (投诉, API.md "Supervision"): an enterprise complains about a member on a
 * ground the tenant's `complaint` rule lists, only about a provider that registered
 * service to it (checked against the engagements, not taken from the request). The
 * provider has a right of reply until `replyDueAt` (24:00 Beijing time of the rule's
 * last day); the clock marks an unanswered complaint `reply_overdue`. The supervisor
 * then resolves it; upheld, it may order rectification in the same transaction.
 * Filing honours `Idempotency-Key` (DESIGN §8): a re-posted form files nothing twice.
 */
import {
  type Complaint,
  complaintKind,
  endOfPeriod,
  groundOf,
  movedCase,
  type ResolvedTenant,
  recordCaseChange,
} from '@sme/core';
import {
  closeTaskOp,
  type TransactOp,
  taskItem,
  tenantContext,
  timerCancelOp,
  timerOp,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { createOrReplay, keyedCreate } from '../cases/keyed-create.js';
import { caseTimer, type TimerHandler } from '../cases/timer-runner.js';
import { ForbiddenError, InvalidRequestError } from '../errors.js';
import { closed, complaintTask as task } from './complaint-tasks.js';
import type { Members } from './members.js';
import type { Rectifications } from './rectifications.js';
import { actsAs, assertActsAs, isStaffOf } from './service-access.js';
import {
  actorOf,
  assertSupervisor,
  findCase,
  type SupervisionDeps,
  SYSTEM,
  writeCases,
} from './supervision-deps.js';
import {
  CaseMovedOnError,
  EngagementMismatchError,
  NoEngagementError,
  PastDueError,
  ReplyPendingError,
  UnknownGroundError,
} from './supervision-errors.js';

const COMPLAINT = { zh: '投诉', en: 'The complaint' };
const REPLY = { zh: '投诉答复', en: 'The reply' };
const REPLY_TIMER = 'reply-due';

export class Complaints {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
    private readonly rectifications: Rectifications,
    private readonly tenants: ReadonlyMap<string, ResolvedTenant>,
  ) {}

  get(tenant: ResolvedTenant, id: string): Promise<Complaint> {
    return findCase(this.deps.supervision.complaints, tenant, id, COMPLAINT);
  }

  /** The complaint with its history: for the enterprise that filed it, the provider, and staff in scope. */
  async view(tenant: ResolvedTenant, claims: Claims, id: string) {
    const complaint = await this.get(tenant, id);
    const allowed =
      actsAs(claims, tenant, 'enterprise', complaint.enterpriseUscc) ||
      actsAs(claims, tenant, 'provider', complaint.uscc) ||
      isStaffOf(claims, tenant) ||
      (await this.members.coveredByDistrict(tenant, claims, complaint.uscc));
    if (!allowed)
      throw new ForbiddenError({ zh: '无权查看该投诉', en: 'Not allowed to see this complaint' });
    const history = await this.deps.supervision.complaints.history(tenantContext(tenant), id);
    return { complaint, history };
  }

  async file(
    tenant: ResolvedTenant,
    claims: Claims,
    input: {
      providerUscc: string;
      engagementId?: string | undefined;
      ground: string;
      description: string;
    },
    key?: string,
  ): Promise<Complaint> {
    const enterprise = assertActsAs(claims, tenant, 'enterprise');
    const { member, programs } = await this.members.load(tenant, input.providerUscc);
    const found = groundOf(tenant, 'complaint', programs, input.ground);
    if (!found) throw new UnknownGroundError(input.ground);
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    if (input.engagementId) {
      const engagement = await repo.engagements.get(ctx, input.engagementId);
      if (engagement?.enterpriseUscc !== enterprise || engagement.uscc !== member.uscc)
        throw new EngagementMismatchError();
    } else if (!(await repo.engagementsOf(ctx, enterprise)).some((e) => e.uscc === member.uscc)) {
      throw new NoEngagementError();
    }
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const keyed = key ? keyedCreate('complaint', [enterprise, claims.sub], key, input) : undefined;
    const { state, event } = recordCaseChange<Complaint['status'], Complaint>({
      previous: null,
      next: {
        ...(keyed ?? { id: this.deps.newId() }),
        tenant: tenant.id,
        status: 'open',
        version: 1,
        createdAt: at,
        updatedAt: at,
        uscc: member.uscc,
        name: member.name,
        rule: found.rule.id,
        ground: found.ground.id,
        detail: input.description,
        createdBy: claims.sub,
        enterpriseUscc: enterprise,
        ...(input.engagementId && { engagementId: input.engagementId }),
        replyDueAt: endOfPeriod(tenant, now, {
          days: found.rule.replyDays,
          calendar: found.rule.calendar,
        }).toISOString(),
      },
      actor: actorOf(claims),
      at: now,
      reason: `${found.ground.zh}（${found.ground.source}）`,
    });
    const timer = caseTimer(tenant, {
      caseKind: 'complaint',
      caseId: state.id,
      casePk: repo.complaints.pk(ctx, state.id),
      name: REPLY_TIMER,
      dueAt: state.replyDueAt,
    });
    const ops = [
      ...repo.complaints.createOps(ctx, state, event),
      timerOp(timer),
      { put: taskItem(ctx, task(tenant, state, 'provider', at)) },
    ];
    const filed = async () => {
      const first = await repo.complaints.get(ctx, state.id);
      return first?.enterpriseUscc === enterprise ? first : undefined;
    };
    return createOrReplay(
      () => writeCases(this.deps, ctx, ops, COMPLAINT),
      state,
      keyed ? filed : undefined,
    );
  }

  /** The provider's reply, strictly before `replyDueAt`. */
  async reply(tenant: ResolvedTenant, claims: Claims, id: string, input: { text: string }) {
    const complaint = await this.get(tenant, id);
    assertActsAs(claims, tenant, 'provider', complaint.uscc);
    const now = this.deps.clock.now();
    if (now.getTime() >= Date.parse(complaint.replyDueAt))
      throw new PastDueError(complaint.replyDueAt, REPLY);
    if (complaint.status !== 'open') throw new CaseMovedOnError(COMPLAINT);
    const at = now.toISOString();
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision.complaints;
    const { state, event } = recordCaseChange({
      previous: complaint,
      next: movedCase(complaintKind, complaint, 'replied', now, {
        reply: { text: input.text, at, by: claims.sub },
      }),
      actor: actorOf(claims),
      at: now,
      reason: 'replied',
    });
    await writeCases(
      this.deps,
      ctx,
      [
        ...repo.updateOps(ctx, complaint, state, event),
        timerCancelOp({ casePk: repo.pk(ctx, id), name: REPLY_TIMER }),
        closeTaskOp(
          ctx,
          closed(
            task(tenant, complaint, 'provider', complaint.createdAt),
            'replied',
            claims.sub,
            at,
          ),
        ),
        { put: taskItem(ctx, task(tenant, state, 'supervisor', at)) },
      ],
      COMPLAINT,
    );
    return state;
  }

  /** The supervisor's resolution, once the provider replied or its time ran out. */
  async resolve(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    input: {
      upheld: boolean;
      comment: string;
      rectify?: { ground: string; detail: string } | undefined;
    },
  ) {
    assertSupervisor(claims, tenant);
    const complaint = await this.get(tenant, id);
    if (complaint.status === 'open') throw new ReplyPendingError(complaint.replyDueAt);
    if (complaint.status !== 'replied' && complaint.status !== 'reply_overdue')
      throw new CaseMovedOnError(COMPLAINT);
    if (input.rectify && !input.upheld)
      throw new InvalidRequestError(
        'rectify_requires_upheld',
        { zh: '仅在投诉成立时可责令整改', en: 'Rectification follows only an upheld complaint' },
        'rectify',
      );
    const ctx = tenantContext(tenant);
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const ops: TransactOp[] = [];
    let rectificationId: string | undefined;
    if (input.upheld && input.rectify) {
      const ordered = await this.rectifications.orderBy(tenant, claims, {
        uscc: complaint.uscc,
        ...input.rectify,
      });
      rectificationId = ordered.order.id;
      ops.push(...ordered.ops);
    }
    const status = input.upheld ? 'upheld' : 'dismissed';
    const { state, event } = recordCaseChange({
      previous: complaint,
      next: movedCase(complaintKind, complaint, status, now, {
        resolution: {
          upheld: input.upheld,
          comment: input.comment,
          at,
          by: claims.sub,
          ...(rectificationId && { rectificationId }),
        },
      }),
      actor: actorOf(claims),
      at: now,
      reason: rectificationId ? `${input.comment}（责令整改）` : input.comment,
    });
    const repo = this.deps.supervision.complaints;
    const [open] = (await this.deps.tasks.openOf(ctx, id, 'complaint')).filter(
      (t) => t.kind === 'complaint',
    );
    ops.push(
      ...repo.updateOps(ctx, complaint, state, event),
      ...(open ? [closeTaskOp(ctx, closed(open, status, claims.sub, at))] : []),
    );
    await writeCases(this.deps, ctx, ops, COMPLAINT);
    return state;
  }

  /** At `replyDueAt`, a complaint still unanswered falls `reply_overdue` and goes to the supervisor. */
  readonly onTimer: TimerHandler = async (timer, { ctx, fired, now }) => {
    const tenant = this.tenants.get(timer.tenant);
    if (!tenant) return false;
    const repo = this.deps.supervision.complaints;
    const complaint = await repo.get(ctx, timer.caseId);
    if (complaint?.status !== 'open' || complaint.replyDueAt !== timer.dueAt) return false;
    const at = now.toISOString();
    const { state, event } = recordCaseChange({
      previous: complaint,
      next: movedCase(complaintKind, complaint, 'reply_overdue', now, {}),
      actor: SYSTEM,
      at: now,
      reason: 'no reply by the due time',
    });
    await this.deps.supervision.transact(ctx, [
      ...repo.updateOps(ctx, complaint, state, event),
      fired,
      closeTaskOp(
        ctx,
        closed(task(tenant, complaint, 'provider', complaint.createdAt), 'overdue', SYSTEM.sub, at),
      ),
      { put: taskItem(ctx, task(tenant, state, 'supervisor', at)) },
    ]);
    return true;
  };
}

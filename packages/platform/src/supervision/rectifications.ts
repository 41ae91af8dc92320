/**
 * Rectification orders (限期整改, API.md "Supervision"): the supervisor orders a member
 * to rectify on a ground its rule lists, due at 24:00 Beijing time of the rule's last
 * day; the member reports before then; the supervisor accepts (the member is active
 * again once no order is open) or rejects. An order that falls overdue, is rejected, or
 * goes beyond the rule's limit opens a disqualification proposal. Each write is
 * conditional on the versions it read, so two clerks never both decide one order.
 */
import {
  type Actor,
  endOfPeriod,
  groundOf,
  movedCase,
  type Rectification,
  type ResolvedTenant,
  recordCaseChange,
  rectificationKind,
  statusForOrders,
} from '@sme/core';
import {
  type BoardOrder,
  caseTouched,
  type TransactOp,
  taskItem,
  tenantContext,
  timerCancelOp,
  timerOp,
} from '@sme/store';
import { assertActsIn } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { createOrReplay, type KeyedCreate, keyedCreate } from '../cases/keyed-create.js';
import { caseTimer, type TimerHandler } from '../cases/timer-runner.js';
import { type MemberRecord, type Members, memberChange } from './members.js';
import { beyondLimit, disqualificationProposal } from './proposals.js';
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
  MemberRemovedError,
  PastDueError,
  UnknownGroundError,
} from './supervision-errors.js';

const ORDER = { zh: '整改通知', en: 'The rectification order' };
const DUE_TIMER = 'due';

export class Rectifications {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
    private readonly tenants: ReadonlyMap<string, ResolvedTenant>,
  ) {}

  get(tenant: ResolvedTenant, id: string): Promise<Rectification> {
    return findCase(this.deps.supervision.rectifications, tenant, id, ORDER);
  }

  /**
   * The tenant's orders still owed (open, reported, overdue), for its bureau: one query
   * of the tenant's board, however many members the pool has.
   */
  async owed(tenant: ResolvedTenant, claims: Claims): Promise<BoardOrder[]> {
    assertSupervisor(claims, tenant);
    return (await this.deps.supervision.board(tenantContext(tenant))).orders;
  }

  /**
   * Orders a member to rectify; the member becomes `rectifying`. Honours
   * `Idempotency-Key`: a re-posted order is not a second one toward the rule's limit.
   */
  async order(
    tenant: ResolvedTenant,
    claims: Claims,
    input: { uscc: string; ground: string; detail: string },
    key?: string,
  ) {
    const keyed = key
      ? keyedCreate('rectification', [input.uscc, claims.sub], key, input)
      : undefined;
    const { order, ops } = await this.orderBy(tenant, claims, input, keyed);
    const ctx = tenantContext(tenant);
    const ordered = async () => {
      const first = await this.deps.supervision.rectifications.get(ctx, order.id);
      return first?.uscc === order.uscc ? first : undefined;
    };
    return createOrReplay(
      () => writeCases(this.deps, ctx, ops, ORDER),
      order,
      keyed ? ordered : undefined,
    );
  }

  /**
   * The supervisor's order as writes, for a transaction that also records what led to
   * it (an upheld complaint).
   */
  async orderBy(
    tenant: ResolvedTenant,
    claims: Claims,
    input: { uscc: string; ground: string; detail: string },
    keyed?: KeyedCreate,
  ): Promise<{ order: Rectification; ops: TransactOp[] }> {
    assertSupervisor(claims, tenant);
    const record = await this.members.load(tenant, input.uscc);
    return this.orderOps(tenant, record, input, actorOf(claims), this.deps.clock.now(), keyed);
  }

  /**
   * The writes of an order, for the caller's transaction: the order with its due timer,
   * the member rectifying, and a proposal when it goes beyond the rule's limit. Used
   * directly where an order follows from another decision (a failing yearly grade).
   */
  orderOps(
    tenant: ResolvedTenant,
    { member, programs }: MemberRecord,
    input: { ground: string; detail: string },
    actor: Actor,
    now: Date,
    identity: { id: string; requestDigest?: string } = { id: this.deps.newId() },
  ): { order: Rectification; ops: TransactOp[] } {
    if (member.status === 'removed') throw new MemberRemovedError();
    const found = groundOf(tenant, 'rectification', programs, input.ground);
    if (!found) throw new UnknownGroundError(input.ground);
    const at = now.toISOString();
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const { state: order, event } = recordCaseChange<Rectification['status'], Rectification>({
      previous: null,
      next: {
        ...identity,
        tenant: tenant.id,
        status: 'open',
        version: 1,
        createdAt: at,
        updatedAt: at,
        uscc: member.uscc,
        name: member.name,
        rule: found.rule.id,
        ground: found.ground.id,
        detail: input.detail,
        createdBy: actor.sub,
        dueAt: endOfPeriod(tenant, now, found.rule).toISOString(),
      },
      actor,
      at: now,
      reason: `${found.ground.zh}（${found.ground.source}）`,
    });
    const openOrders = [...member.openOrders, order.id];
    const orderCount = member.orderCount + 1;
    const changed = memberChange(
      member,
      { openOrders, orderCount, status: statusForOrders(member, openOrders) },
      actor,
      now,
      `rectification ${order.id} ordered: ${found.ground.id}`,
    );
    const ops: TransactOp[] = [
      ...repo.rectifications.createOps(ctx, order, event),
      ...repo.members.updateOps(ctx, member, changed.state, changed.event),
      timerOp(
        caseTimer(tenant, {
          caseKind: 'rectification',
          caseId: order.id,
          casePk: repo.rectifications.pk(ctx, order.id),
          name: DUE_TIMER,
          dueAt: order.dueAt,
        }),
      ),
    ];
    if (beyondLimit(tenant, programs, orderCount)) {
      const task = disqualificationProposal(tenant, member, programs, {
        reason: 'limit',
        caseKind: 'rectification',
        caseId: order.id,
        at,
      });
      ops.push({ put: taskItem(ctx, task) });
    }
    return { order, ops };
  }

  /** The member's report, strictly before the order is due. */
  async report(tenant: ResolvedTenant, claims: Claims, id: string, input: { text: string }) {
    const order = await this.get(tenant, id);
    assertActsIn(claims, tenant, order.uscc);
    const now = this.deps.clock.now();
    if (now.getTime() >= Date.parse(order.dueAt)) throw new PastDueError(order.dueAt);
    if (order.status !== 'open') throw new CaseMovedOnError(ORDER);
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision.rectifications;
    const next = movedCase(rectificationKind, order, 'reported', now, {
      report: { text: input.text, at: now.toISOString(), by: claims.sub },
    });
    const { state, event } = recordCaseChange({
      previous: order,
      next,
      actor: actorOf(claims),
      at: now,
      reason: 'reported',
    });
    await writeCases(
      this.deps,
      ctx,
      [
        ...repo.updateOps(ctx, order, state, event),
        timerCancelOp({ casePk: repo.pk(ctx, order.id), name: DUE_TIMER }),
      ],
      ORDER,
    );
    return state;
  }

  /** The supervisor's decision on a report: accepted ends the order, rejected proposes disqualification. */
  async decide(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    input: { outcome: 'accepted' | 'rejected'; comment: string },
  ) {
    assertSupervisor(claims, tenant);
    const order = await this.get(tenant, id);
    if (order.status !== 'reported') throw new CaseMovedOnError(ORDER);
    const { member, programs } = await this.members.load(tenant, order.uscc);
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const actor = actorOf(claims);
    const ctx = tenantContext(tenant);
    const repo = this.deps.supervision;
    const { state, event } = recordCaseChange({
      previous: order,
      next: movedCase(rectificationKind, order, input.outcome, now, {
        decision: { outcome: input.outcome, comment: input.comment, at, by: claims.sub },
      }),
      actor,
      at: now,
      reason: input.comment,
    });
    const ops = repo.rectifications.updateOps(ctx, order, state, event);
    if (input.outcome === 'accepted') {
      const openOrders = member.openOrders.filter((o) => o !== order.id);
      const changed = memberChange(
        member,
        { openOrders, status: statusForOrders(member, openOrders) },
        actor,
        now,
        `rectification ${order.id} accepted`,
      );
      ops.push(...repo.members.updateOps(ctx, member, changed.state, changed.event));
    } else {
      const task = disqualificationProposal(tenant, member, programs, {
        reason: 'rejected',
        caseKind: 'rectification',
        caseId: order.id,
        at,
      });
      ops.push({ put: taskItem(ctx, task) }, caseTouched(repo.members.pk(ctx, member.id), member));
    }
    await writeCases(this.deps, ctx, ops, ORDER);
    return state;
  }

  /** What the clock does when an order is due: still open, it falls overdue and proposes disqualification. */
  readonly onTimer: TimerHandler = async (timer, { ctx, fired, now }) => {
    const tenant = this.tenants.get(timer.tenant);
    if (!tenant) return false;
    const order = await this.deps.supervision.rectifications.get(ctx, timer.caseId);
    if (order?.status !== 'open' || order.dueAt !== timer.dueAt) return false;
    const { member, programs } = await this.members.load(tenant, order.uscc);
    const repo = this.deps.supervision;
    const { state, event } = recordCaseChange({
      previous: order,
      next: movedCase(rectificationKind, order, 'overdue', now, {}),
      actor: SYSTEM,
      at: now,
      reason: 'no report by the due time',
    });
    const ops = [...repo.rectifications.updateOps(ctx, order, state, event), fired];
    if (member.status !== 'removed') {
      const task = disqualificationProposal(tenant, member, programs, {
        reason: 'overdue',
        caseKind: 'rectification',
        caseId: order.id,
        at: now.toISOString(),
      });
      ops.push({ put: taskItem(ctx, task) });
    }
    await repo.transact(ctx, ops);
    return true;
  };
}

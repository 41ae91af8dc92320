/**
 * Engagements (服务登记, 全流程, API.md "Supervision"): a member registers the service it
 * gives a pilot enterprise from its contract, then each milestone in order (plan →
 * works → internal acceptance → assessment acceptance, 001 §五(二)), each only once the
 * enterprise confirmed the one before (`engagement-confirmations.ts`: the enterprise's
 * side, confirmations and the one rating). A provider may not hold two services
 * of one `exclusive-services` rule for one enterprise (002 §二(一)7): the claim is
 * written in the registration's transaction, so racing requests cannot both pass.
 * Registering honours `Idempotency-Key`: a re-posted form registers nothing twice.
 */
import {
  awaitingConfirmation,
  type Engagement,
  type EngagementKind,
  engagementKind,
  exclusionsOf,
  isValidUscc,
  MILESTONE_NAMES,
  type Milestone,
  type MilestoneKind,
  movedCase,
  nextMilestone,
  type ResolvedTenant,
  recordCaseChange,
  shanghaiDateOf,
} from '@sme/core';
import {
  exclusiveClaimOp,
  type ReviewTask,
  type TenantContext,
  TransactionRefusedError,
  type TransactOp,
  taskItem,
  tenantContext,
} from '@sme/store';
import type { Claims } from '../access/claims.js';
import { retryOnConflict } from '../applications/services.js';
import { keyedCreate, sameRequest } from '../cases/keyed-create.js';
import { InvalidRequestError } from '../errors.js';
import { type DocumentDeclaration, declareDocuments, uploadsFor } from './engagement-documents.js';
import type { Members } from './members.js';
import { assertActsAs } from './service-access.js';
import { actorOf, findCase, type SupervisionDeps, writeCases } from './supervision-deps.js';
import {
  ExclusiveServiceError,
  MemberRemovedError,
  MemberSuspendedError,
  MilestoneOrderError,
} from './supervision-errors.js';

const ENGAGEMENT = { zh: '服务登记', en: 'The engagement' };

export interface EngagementInput {
  enterpriseUscc: string;
  kind: EngagementKind;
  title: string;
  contractSignedAt: string;
  amount?: number | undefined;
  documents?: DocumentDeclaration[] | undefined;
}

export interface MilestoneInput {
  kind: Exclude<MilestoneKind, 'contract'>;
  summary: string;
  documents?: DocumentDeclaration[] | undefined;
}

const confirmTaskId = (id: string, kind: MilestoneKind) => `confirm-${id}-${kind}`;

/** The enterprise's task to confirm a milestone, in its own task list. */
export function confirmTask(tenant: ResolvedTenant, engagement: Engagement, milestone: Milestone) {
  return {
    taskId: confirmTaskId(engagement.id, milestone.kind),
    tenant: tenant.id,
    programId: '',
    applicationId: engagement.id,
    caseKind: 'engagement',
    stage: milestone.kind,
    kind: 'milestone_confirmation',
    role: 'enterprise',
    org: engagement.enterpriseUscc,
    state: 'open',
    createdAt: milestone.at,
  } satisfies ReviewTask;
}

export class Engagements {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly members: Members,
  ) {}

  get(tenant: ResolvedTenant, id: string): Promise<Engagement> {
    return findCase(this.deps.supervision.engagements, tenant, id, ENGAGEMENT);
  }

  /** Registers an engagement from its contract; the enterprise is asked to confirm it. */
  async register(tenant: ResolvedTenant, claims: Claims, input: EngagementInput, key?: string) {
    const provider = assertActsAs(claims, tenant, 'provider');
    if (!isValidUscc(input.enterpriseUscc) || input.enterpriseUscc === provider)
      throw new InvalidRequestError(
        'invalid_uscc',
        {
          zh: `企业统一社会信用代码无效：${input.enterpriseUscc}`,
          en: `Not the valid USCC of another organization: ${input.enterpriseUscc}`,
        },
        'enterpriseUscc',
      );
    const now = this.deps.clock.now();
    const [{ member, programs }, ban] = await Promise.all([
      this.members.load(tenant, provider),
      this.deps.bans.inForce(tenantContext(tenant), [provider], now),
    ]);
    if (member.status === 'removed') throw new MemberRemovedError();
    if (ban) throw new MemberSuspendedError(new Date(ban.until));
    if (input.contractSignedAt > shanghaiDateOf(now))
      throw new InvalidRequestError(
        'invalid_date',
        { zh: '合同签订日期不能晚于今天', en: 'The contract cannot be signed in the future' },
        'contractSignedAt',
      );
    const ctx = tenantContext(tenant);
    const at = now.toISOString();
    const keyed = key ? keyedCreate('engagement', [provider, claims.sub], key, input) : undefined;
    const id = keyed?.id ?? this.deps.newId();
    const documents = declareDocuments(
      ctx,
      { id, uscc: member.uscc },
      'contract',
      input.documents ?? [],
      () => this.deps.newId(),
    );
    const contract: Milestone = {
      kind: 'contract',
      summary: `${input.title}（${input.contractSignedAt} 签订）`,
      documents,
      at,
      by: claims.sub,
    };
    const { state, event } = recordCaseChange<Engagement['status'], Engagement>({
      previous: null,
      next: {
        id,
        ...(keyed && { requestDigest: keyed.requestDigest }),
        tenant: tenant.id,
        status: 'registered',
        version: 1,
        createdAt: at,
        updatedAt: at,
        uscc: member.uscc,
        providerName: member.name,
        enterpriseUscc: input.enterpriseUscc,
        kind: input.kind,
        title: input.title,
        contractSignedAt: input.contractSignedAt,
        ...(input.amount !== undefined && { amount: input.amount }),
        milestones: [contract],
        createdBy: claims.sub,
      },
      actor: actorOf(claims),
      at: now,
      reason: `${MILESTONE_NAMES.contract.zh}：${input.title}`,
    });
    const repo = this.deps.supervision;
    const exclusions = exclusionsOf(tenant, programs, input.kind);
    const ops: TransactOp[] = [
      ...repo.engagements.createOps(ctx, state, event),
      { put: taskItem(ctx, confirmTask(tenant, state, contract)) },
      // The member may be removed meanwhile: then it registers nothing.
      {
        check: { pk: repo.members.pk(ctx, member.id), sk: 'META' },
        condition: '#status <> :removed',
        names: { '#status': 'status' },
        values: { ':removed': 'removed' },
      },
    ];
    const firstClaim = ops.length;
    for (const { rule, service } of exclusions)
      ops.push(
        exclusiveClaimOp(ctx, {
          rule: rule.id,
          service,
          providerUscc: member.uscc,
          enterpriseUscc: input.enterpriseUscc,
          engagementId: id,
        }),
      );
    // A refusal names its cause: a claim held for another service, or a removal; two
    // requests merely touching one claim at once try again. A replay of the key finds
    // the engagement already there, and answers it.
    let replayed = false;
    await retryOnConflict(async () => {
      try {
        await repo.transact(ctx, ops);
      } catch (error) {
        if (!(error instanceof TransactionRefusedError)) throw error;
        if (keyed && error.conditionFailed(0)) {
          replayed = true;
          return;
        }
        const held = exclusions.find((_, i) => error.conditionFailed(firstClaim + i));
        if (held) throw new ExclusiveServiceError({ ...held.rule.name, source: held.rule.source });
        if (error.conditionFailed(firstClaim - 1)) throw new MemberRemovedError();
        throw error;
      }
    });
    if (replayed) {
      const first = sameRequest(await this.get(tenant, id), state);
      const pending = first.milestones[0]?.documents.filter((d) => d.status === 'pending') ?? [];
      return { engagement: first, uploads: await uploadsFor(this.deps.documents, ctx, pending) };
    }
    return { engagement: state, uploads: await uploadsFor(this.deps.documents, ctx, documents) };
  }

  /** Records the next milestone, once the enterprise confirmed the one before. */
  async addMilestone(tenant: ResolvedTenant, claims: Claims, id: string, input: MilestoneInput) {
    const engagement = await this.get(tenant, id);
    assertActsAs(claims, tenant, 'provider', engagement.uscc);
    const waiting = awaitingConfirmation(engagement);
    if (waiting) {
      const name = MILESTONE_NAMES[waiting.kind];
      throw new MilestoneOrderError('milestone_unconfirmed', {
        zh: `「${name.zh}」尚待企业确认，确认后方可登记下一环节`,
        en: `${name.en} awaits the enterprise's confirmation`,
      });
    }
    const expected = nextMilestone(engagement);
    if (input.kind !== expected) {
      const name = expected && MILESTONE_NAMES[expected];
      throw new MilestoneOrderError('milestone_out_of_order', {
        zh: name ? `下一环节应为「${name.zh}」` : '全部环节均已登记',
        en: name ? `The next milestone is ${name.en}` : 'Every milestone is recorded',
      });
    }
    const ctx = tenantContext(tenant);
    const now = this.deps.clock.now();
    const milestone: Milestone = {
      kind: input.kind,
      summary: input.summary,
      documents: declareDocuments(ctx, engagement, input.kind, input.documents ?? [], () =>
        this.deps.newId(),
      ),
      at: now.toISOString(),
      by: claims.sub,
    };
    const next = movedCase(engagementKind, engagement, 'in_progress', now, {
      milestones: [...engagement.milestones, milestone],
    });
    const { state } = await this.write(ctx, claims, engagement, next, now, {
      reason: `${MILESTONE_NAMES[input.kind].zh}：${input.summary}`,
      ops: [{ put: taskItem(ctx, confirmTask(tenant, next, milestone)) }],
    });
    return {
      engagement: state,
      milestone,
      uploads: await uploadsFor(this.deps.documents, ctx, milestone.documents),
    };
  }

  /** Writes a change with its event over the version read; a 409 if it moved meanwhile. */
  async write(
    ctx: TenantContext,
    claims: Claims,
    previous: Engagement,
    next: Engagement,
    now: Date,
    change: { reason: string; ops?: TransactOp[] },
  ) {
    const recorded = recordCaseChange({
      previous,
      next,
      actor: actorOf(claims),
      at: now,
      reason: change.reason,
    });
    const repo = this.deps.supervision.engagements;
    await writeCases(
      this.deps,
      ctx,
      [...repo.updateOps(ctx, previous, recorded.state, recorded.event), ...(change.ops ?? [])],
      ENGAGEMENT,
    );
    return recorded;
  }
}

/**
 * The enterprise's side of an engagement: it confirms each milestone the provider
 * records (only once every document of it is verified, so it confirms what was
 * checked), the contract first, and rates the engagement once, after confirming its
 * assessment acceptance. Each is a change of the engagement with its event; the
 * confirmation also closes the enterprise's task for it.
 */
import {
  engagementKind,
  MILESTONE_NAMES,
  type MilestoneKind,
  movedCase,
  type ResolvedTenant,
  SATISFACTION_NAMES,
  type Satisfaction,
} from '@sme/core';
import { closeTaskOp, tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import { NotFoundError } from '../errors.js';
import { confirmTask, type Engagements } from './engagements.js';
import { assertActsAs } from './service-access.js';
import type { SupervisionDeps } from './supervision-deps.js';
import {
  AlreadyConfirmedError,
  DocumentsUnverifiedError,
  RatingRefusedError,
} from './supervision-errors.js';

export class EngagementConfirmations {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly engagements: Engagements,
  ) {}

  /** The enterprise confirms a milestone whose documents are all verified. */
  async confirm(tenant: ResolvedTenant, claims: Claims, id: string, kind: MilestoneKind) {
    const engagement = await this.engagements.get(tenant, id);
    assertActsAs(claims, tenant, 'enterprise', engagement.enterpriseUscc);
    const milestone = engagement.milestones.find((m) => m.kind === kind);
    const name = MILESTONE_NAMES[kind];
    if (!milestone) throw new NotFoundError('milestone_not_found', name);
    if (milestone.confirmedAt) throw new AlreadyConfirmedError(name);
    const unverified = milestone.documents.filter((d) => d.status !== 'verified');
    if (unverified.length > 0)
      throw new DocumentsUnverifiedError(unverified.map((d) => d.filename));
    const ctx = tenantContext(tenant);
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const confirmed = { ...milestone, confirmedAt: at, confirmedBy: claims.sub };
    const next = movedCase(
      engagementKind,
      engagement,
      kind === 'assessment_acceptance' ? 'accepted' : 'in_progress',
      now,
      { milestones: engagement.milestones.map((m) => (m.kind === kind ? confirmed : m)) },
    );
    const task = confirmTask(tenant, engagement, milestone);
    const { state } = await this.engagements.write(ctx, claims, engagement, next, now, {
      reason: `企业确认：${name.zh}`,
      ops: [
        closeTaskOp(ctx, {
          ...task,
          state: 'done',
          outcome: 'confirmed',
          decidedBy: claims.sub,
          decidedAt: at,
        }),
      ],
    });
    return state;
  }

  /** The enterprise's one rating, once the assessment acceptance is confirmed. */
  async rate(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    input: { satisfaction: Satisfaction; comment: string },
  ) {
    const engagement = await this.engagements.get(tenant, id);
    assertActsAs(claims, tenant, 'enterprise', engagement.enterpriseUscc);
    if (engagement.status === 'rated') throw new RatingRefusedError('already_rated');
    if (engagement.status !== 'accepted') throw new RatingRefusedError('not_accepted');
    const now = this.deps.clock.now();
    const next = movedCase(engagementKind, engagement, 'rated', now, {
      rating: { ...input, at: now.toISOString(), by: claims.sub },
    });
    const { state } = await this.engagements.write(
      tenantContext(tenant),
      claims,
      engagement,
      next,
      now,
      {
        reason: `企业评价：${SATISFACTION_NAMES[input.satisfaction].zh}`,
      },
    );
    return state;
  }
}

/**
 * What the parties and staff read of engagements: one engagement with its history (the
 * provider, the enterprise, staff in scope), an enterprise's own list, read from the
 * summaries kept under its key, and a provider's own, read from the cases listed under
 * the member.
 */
import type { Engagement, ResolvedTenant } from '@sme/core';
import { tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';
import { canSeeEngagement } from './engagement-documents.js';
import type { Engagements } from './engagements.js';
import type { Members } from './members.js';
import { assertActsAs } from './service-access.js';
import type { SupervisionDeps } from './supervision-deps.js';

export class EngagementReads {
  constructor(
    private readonly deps: SupervisionDeps,
    private readonly engagements: Engagements,
    private readonly members: Members,
  ) {}

  async view(tenant: ResolvedTenant, claims: Claims, id: string) {
    const engagement = await this.engagements.get(tenant, id);
    if (!(await canSeeEngagement(claims, tenant, engagement, this.members)))
      throw new ForbiddenError({
        zh: '无权查看该服务登记',
        en: 'Not allowed to see this engagement',
      });
    const history = await this.deps.supervision.engagements.history(tenantContext(tenant), id);
    return { engagement, history };
  }

  /** The enterprise's engagements, oldest first. */
  async mine(tenant: ResolvedTenant, claims: Claims) {
    const enterprise = assertActsAs(claims, tenant, 'enterprise');
    return this.deps.supervision.engagementsOf(tenantContext(tenant), enterprise);
  }

  /** The provider's own engagements, oldest first (as its member record lists them). */
  async provided(tenant: ResolvedTenant, claims: Claims): Promise<Engagement[]> {
    const provider = assertActsAs(claims, tenant, 'provider');
    const items = await this.deps.supervision.casesOf(
      tenantContext(tenant),
      provider,
      'engagement',
    );
    return items
      .map(
        ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...state }) => state as unknown as Engagement,
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** One of the provider's own engagements; another's is refused. */
  async provider(tenant: ResolvedTenant, claims: Claims, id: string): Promise<Engagement> {
    const engagement = await this.engagements.get(tenant, id);
    assertActsAs(claims, tenant, 'provider', engagement.uscc);
    return engagement;
  }
}

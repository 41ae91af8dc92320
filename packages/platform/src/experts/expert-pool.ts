/**
 * The tenant's expert pool (managed by the city bureau): experts by id, no personal
 * data, with the industries they cover and the organizations they may not review.
 */
import type { ResolvedTenant } from '@sme/core';
import { type Expert, tenantContext } from '@sme/store';
import type { Claims } from '../access/claims.js';
import type { Services } from '../applications/services.js';
import { ForbiddenError } from '../errors.js';

function assertCityAdmin(claims: Claims, tenant: ResolvedTenant) {
  if (claims.tenant !== tenant.id || !claims.roles.includes('city_admin')) {
    throw new ForbiddenError({
      zh: '仅市级主管部门可管理专家库',
      en: 'Only the city bureau manages the expert pool',
    });
  }
}

export class ExpertPool {
  constructor(private readonly services: Pick<Services, 'experts' | 'clock'>) {}

  async save(
    tenant: ResolvedTenant,
    claims: Claims,
    expertId: string,
    input: { industries: string[]; conflicts: string[] },
  ): Promise<Expert> {
    assertCityAdmin(claims, tenant);
    const expert: Expert = {
      expertId,
      ...input,
      updatedBy: claims.sub,
      updatedAt: this.services.clock.now().toISOString(),
    };
    await this.services.experts.save(tenantContext(tenant), expert);
    return expert;
  }

  async list(tenant: ResolvedTenant, claims: Claims): Promise<Expert[]> {
    assertCityAdmin(claims, tenant);
    return this.services.experts.pool(tenantContext(tenant));
  }
}

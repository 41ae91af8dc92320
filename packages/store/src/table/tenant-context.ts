/**
 * The storage context of a tenant, built in this one place: its own keys, and the
 * province's shared ones (organizations and bans are province-wide).
 */
import type { ResolvedTenant } from '@sme/core';
import type { TenantContext } from './keys.js';

export function tenantContext(
  tenant: Pick<ResolvedTenant, 'id' | 'kind' | 'parent'>,
): TenantContext {
  return { tenant: tenant.id, province: tenant.kind === 'province' ? tenant.id : tenant.parent };
}

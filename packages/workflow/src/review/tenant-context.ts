import type { ResolvedTenant } from '@sme/core';
import type { TenantContext } from '@sme/store';

/** The storage context of a tenant: its own keys, and its province's shared ones. */
export function contextOf(tenant: ResolvedTenant): TenantContext {
  return { tenant: tenant.id, province: tenant.kind === 'province' ? tenant.id : tenant.parent };
}

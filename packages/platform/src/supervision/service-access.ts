/**
 * Who may act on a member's services (engagements, complaints): a party acts only for
 * its own organization, in its own tenant and in the role the step needs (the provider
 * records, the enterprise confirms and complains); staff of the tenant, or of its
 * province, read everything.
 */
import type { ResolvedTenant, Role } from '@sme/core';
import { assertTenantAccess, hasRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';

const PARTY = {
  provider: { zh: '仅该服务商本身可办理', en: 'Only the provider itself may do this' },
  enterprise: { zh: '仅该企业本身可办理', en: 'Only the enterprise itself may do this' },
};

/**
 * The organization the caller acts for in `role`, in this tenant; with `uscc`, it must
 * be that one.
 */
export function assertActsAs(
  claims: Claims,
  tenant: ResolvedTenant,
  role: 'provider' | 'enterprise',
  uscc?: string,
): string {
  const org = claims.org;
  if (
    claims.tenant !== tenant.id ||
    !hasRole(claims, role) ||
    !org ||
    (uscc !== undefined && org !== uscc)
  )
    throw new ForbiddenError(PARTY[role]);
  return org;
}

/** Whether the caller acts for `uscc` in `role` in this tenant. */
export function actsAs(
  claims: Claims | undefined,
  tenant: ResolvedTenant,
  role: Role,
  uscc: string,
): boolean {
  return !!claims && claims.tenant === tenant.id && hasRole(claims, role) && claims.org === uscc;
}

/** Staff of the tenant (or of its province), who read every supervision record. */
export function isStaffOf(claims: Claims | undefined, tenant: ResolvedTenant): boolean {
  if (!claims || !hasRole(claims, 'city_admin', 'province_admin', 'district_reviewer'))
    return false;
  try {
    assertTenantAccess(claims, tenant);
    return true;
  } catch {
    return false;
  }
}

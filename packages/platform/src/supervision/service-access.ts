/**
 * Who may act on a member's services (engagements, complaints): a party acts only for
 * its own organization, in its own tenant and in the role the step needs (the provider
 * records, the enterprise confirms and complains). The tenant's bureau, or its
 * province's, supervises (000 §四(四): 各市…按属地原则负责对本地服务商进行日常监督) and reads
 * everything; a district reviewer reads the records of the members listed from its own
 * district, as it reviewed their applications ("staff in scope", API.md).
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

/** The supervisors of the tenant (its bureau, or its province's): every record of every member. */
export function isStaffOf(claims: Claims | undefined, tenant: ResolvedTenant): boolean {
  if (!claims || !hasRole(claims, 'city_admin', 'province_admin')) return false;
  try {
    assertTenantAccess(claims, tenant);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the caller is a district reviewer of this tenant whose district reviews
 * itself and holds one of the member's listings: the scope in which it reviewed the
 * member's application (`staffCovers`) is the scope in which it reads the member's
 * records. The notices give districts no wider part in supervision (000 §四(四); 002
 * §三(二) 区市初审 only; 004 §二(二); 003 第三条 协助, within their territory).
 */
export function districtCovers(
  claims: Claims | undefined,
  tenant: ResolvedTenant,
  listings: readonly { region?: string | undefined }[],
): boolean {
  if (!claims || claims.tenant !== tenant.id || !hasRole(claims, 'district_reviewer')) return false;
  const region = tenant.regions.find((r) => r.id === claims.region);
  return region?.reviewedBy === 'region' && listings.some((l) => l.region === region.id);
}

/**
 * Who may do what in a yearly evaluation. The rule's `by` names the bureau: a city's
 * own admin, or the province's over one of its cities (Jinan, 000 §四(三)) or itself.
 * Staff of the tenant and of its province read; the member reads its own.
 */
import type { ResolvedTenant, Role } from '@sme/core';
import { assertTenantAccess, hasRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';

/** The caller holds `role` for the tenant: in it, or, for the province's role, over its city. */
export function holdsFor(claims: Claims, tenant: ResolvedTenant, role: Role): boolean {
  if (!hasRole(claims, role)) return false;
  return (
    claims.tenant === tenant.id || (role === 'province_admin' && tenant.parent === claims.tenant)
  );
}

export const notTheBureau = () =>
  new ForbiddenError({
    zh: '仅本地监管规则指定的主管部门可开展年度评价',
    en: "Only the bureau the tenant's rule names runs the yearly evaluation",
  });

/** Staff who read a year: the bureaus of the tenant and of its province. */
export function assertStaff(claims: Claims, tenant: ResolvedTenant): void {
  if (!hasRole(claims, 'city_admin', 'province_admin')) throw notTheBureau();
  assertTenantAccess(claims, tenant);
}

/** The member itself, in its own tenant, or staff in scope. */
export function assertMemberOrStaff(claims: Claims, tenant: ResolvedTenant, uscc: string) {
  if (hasRole(claims, 'provider') && claims.org === uscc && claims.tenant === tenant.id) return;
  assertStaff(claims, tenant);
}

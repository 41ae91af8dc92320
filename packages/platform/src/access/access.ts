/**
 * Who may act where. A caller acts in its own tenant; a `province_admin` also reads the
 * cities of its province. Within a tenant, staff see what their scope covers: a
 * district reviewer its district, city staff the city.
 */
import type { Application, ResolvedTenant, Role } from '@sme/core';
import { ForbiddenError } from '../errors.js';
import type { Claims } from './claims.js';

const forbidden = () =>
  new ForbiddenError({
    zh: '无权访问该租户或该申报',
    en: 'Not allowed for this tenant or application',
  });

export function hasRole(claims: Claims, ...roles: Role[]): boolean {
  return claims.roles.some((r) => roles.includes(r));
}

/** Whether the caller acts in the tenant: its own, or a city of the province it administers. */
export function actsInTenant(claims: Claims, tenant: ResolvedTenant): boolean {
  return (
    claims.tenant === tenant.id ||
    (hasRole(claims, 'province_admin') && tenant.parent === claims.tenant)
  );
}

/** The caller's own tenant, or a city of the province it administers. */
export function assertTenantAccess(claims: Claims, tenant: ResolvedTenant): void {
  if (!actsInTenant(claims, tenant)) throw forbidden();
}

/** The caller must hold one of these roles in the tenant. */
export function assertRole(claims: Claims, ...roles: Role[]): void {
  if (!hasRole(claims, ...roles)) throw forbidden();
}

/** The organization acting, for a provider or enterprise; the USCC must be theirs. */
export function assertActsFor(claims: Claims, uscc: string): void {
  if (!hasRole(claims, 'provider', 'enterprise') || claims.org !== uscc) throw forbidden();
}

/** A provider or enterprise acting for `uscc` in its own tenant. */
export function assertActsIn(claims: Claims, tenant: ResolvedTenant, uscc: string): void {
  if (claims.tenant !== tenant.id) throw forbidden();
  assertActsFor(claims, uscc);
}

/** Staff whose scope covers the application (owners are checked with `assertActsFor`). */
export function staffCovers(claims: Claims, tenant: ResolvedTenant, app: Application): boolean {
  return staffCoversRegion(claims, tenant, app.org.region);
}

/** Staff whose scope covers an organization of the tenant registered in `regionId`. */
export function staffCoversRegion(
  claims: Claims,
  tenant: ResolvedTenant,
  regionId: string | undefined,
): boolean {
  if (hasRole(claims, 'province_admin')) return actsInTenant(claims, tenant);
  if (claims.tenant !== tenant.id) return false;
  if (hasRole(claims, 'city_admin')) return true;
  if (hasRole(claims, 'district_reviewer')) {
    const region = tenant.regions.find((r) => r.id === regionId);
    return region?.reviewedBy === 'region' && claims.region === regionId;
  }
  return false;
}

/** Whether the caller owns the application or is staff whose scope covers it. */
export function canRead(claims: Claims, tenant: ResolvedTenant, app: Application): boolean {
  const owner =
    hasRole(claims, 'provider', 'enterprise') &&
    claims.org === app.org.uscc &&
    claims.tenant === tenant.id;
  return owner || staffCovers(claims, tenant, app);
}

/** Owner or staff in scope may read; anyone else gets 403. */
export function assertCanRead(claims: Claims, tenant: ResolvedTenant, app: Application): void {
  if (!canRead(claims, tenant, app)) throw forbidden();
}

/** The organization's owner acting in its own tenant. */
export function assertOwner(claims: Claims, tenant: ResolvedTenant, app: Application): void {
  assertActsIn(claims, tenant, app.org.uscc);
}

/** The administrator of this province, in the province's own tenant. */
export function assertProvinceAdmin(claims: Claims, tenant: ResolvedTenant): void {
  if (tenant.kind !== 'province' || claims.tenant !== tenant.id) {
    throw new ForbiddenError({
      zh: '仅省级管理员可访问',
      en: 'Only the province administrator may do this',
    });
  }
  assertRole(claims, 'province_admin');
}

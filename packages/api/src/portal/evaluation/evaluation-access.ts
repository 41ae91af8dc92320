/**
 * Who the evaluation pages serve. Staff of the tenant or its province read a year (as
 * the platform lets them); only the bureau the tenant's rule names opens, scores and
 * publishes it: a city's own admin, or the province's over one of its cities (Jinan,
 * 000 §四(三)). The page asks so it offers only the forms the caller may use; the
 * platform still decides.
 */
import { gradingRules, type ResolvedTenant } from '@sme/core';
import { type Claims, ForbiddenError, hasRole, type Platform } from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';

/** The signed-in staff of the path's tenant (or of its province); anyone else a 403 page. */
export function staff(c: Context): { tenant: ResolvedTenant; claims: Claims } {
  const { tenant, claims } = member(c);
  if (!hasRole(claims, 'city_admin', 'province_admin'))
    throw new ForbiddenError({
      zh: '仅主管部门可访问年度评价',
      en: 'Only the bureau reads the yearly evaluation',
    });
  return { tenant, claims };
}

/** The role the tenant's grading rules name, if the tenant grades at all. */
export const evaluatingRole = (tenant: ResolvedTenant) => gradingRules(tenant)[0]?.by;

/** Whether the caller is the bureau that runs the tenant's evaluation. */
export function runsEvaluation(claims: Claims, tenant: ResolvedTenant): boolean {
  const role = evaluatingRole(tenant);
  if (!role || !hasRole(claims, role)) return false;
  return (
    claims.tenant === tenant.id || (role === 'province_admin' && tenant.parent === claims.tenant)
  );
}

/** The cities whose evaluation the province runs, for the province's own page. */
export const citiesRunBy = (platform: Platform, tenant: ResolvedTenant) =>
  tenant.kind === 'province'
    ? platform.tenants
        .family(tenant)
        .filter((t) => t.id !== tenant.id && evaluatingRole(t) === 'province_admin')
    : [];

/**
 * `tenantScope(registry)`: resolves the tenant of `/api/tenants/:t/*` once, for every
 * route below it, and puts it on the context with its storage context (as hono's
 * `requestId` middleware puts the request id): `c.var.tenant`, `c.var.ctx`. An unknown
 * tenant is 404 before any route runs. Routes that need a signed-in member of the
 * tenant (or the administrator of its province) ask `member(c)`: 401 without a valid
 * token, 403 for a caller of another tenant.
 */
import type { ResolvedTenant } from '@sme/core';
import { assertTenantAccess, type Claims, type TenantRegistry } from '@sme/platform';
import { type TenantContext, tenantContext } from '@sme/store';
import type { Context, MiddlewareHandler } from 'hono';
import { callerOf } from '../../auth/authenticate.js';

export type ScopeEnv = {
  Variables: { claims?: Claims; tenant: ResolvedTenant; ctx: TenantContext };
};

export function tenantScope(registry: TenantRegistry): MiddlewareHandler<ScopeEnv> {
  return async (c, next) => {
    const tenant = registry.tenant(c.req.param('t') ?? '');
    c.set('tenant', tenant);
    c.set('ctx', tenantContext(tenant));
    await next();
  };
}

/** The tenant the path names (set by `tenantScope`). */
export function scopeOf(c: Context): { tenant: ResolvedTenant; ctx: TenantContext } {
  return { tenant: c.get('tenant') as ResolvedTenant, ctx: c.get('ctx') as TenantContext };
}

/**
 * The path's tenant with the signed-in caller, who must belong to it or administer its
 * province.
 */
export function member(c: Context): {
  tenant: ResolvedTenant;
  ctx: TenantContext;
  claims: Claims;
} {
  const claims = callerOf(c);
  const scope = scopeOf(c);
  assertTenantAccess(claims, scope.tenant);
  return { ...scope, claims };
}

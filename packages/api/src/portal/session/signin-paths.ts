/**
 * Where a sign-in may send someone afterwards: a path of this site, never another
 * site's address (an open redirect turns a trusted link into a phishing one).
 */
import type { ResolvedTenant } from '@sme/core';

/** A plain path of this site: no scheme, host, backslash, space or dot segment. */
export function isLocalPath(path: string): boolean {
  return path.startsWith('/') && !/[\\\s]|\/\/|\/\.\.?\//.test(path);
}

/** A path on this site under the tenant, or nothing: never an open redirect. */
export function safeNext(tenant: ResolvedTenant, next: unknown): string | undefined {
  if (typeof next !== 'string') return undefined;
  return next.startsWith(`/${tenant.id}/`) && isLocalPath(next) ? next : undefined;
}

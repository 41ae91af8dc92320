/**
 * Key construction. Tenant-owned keys can only be built from a `TenantContext`, which
 * the API derives from the verified token, never from request data alone.
 */
import { TenantScopeError } from '../errors.js';

/** Who the caller acts for; every repository call takes one. */
export interface TenantContext {
  readonly tenant: string;
}

const SEPARATOR = '#';
const SAFE_PART = /^[A-Za-z0-9._:+-]+$/;

function assertSafe(part: string): string {
  // A separator inside a part would let one key impersonate another.
  if (!SAFE_PART.test(part)) throw new RangeError(`unsafe key part: ${JSON.stringify(part)}`);
  return part;
}

/** `T#<tenant>#` — the prefix of every key the tenant owns. */
export function tenantPrefix(ctx: TenantContext): string {
  return `T${SEPARATOR}${assertSafe(ctx.tenant)}${SEPARATOR}`;
}

/** A tenant-owned key: `T#<tenant>#<part>#<part>…`. */
export function tenantKey(ctx: TenantContext, ...parts: string[]): string {
  return tenantPrefix(ctx) + parts.map(assertSafe).join(SEPARATOR);
}

/** A key shared by all tenants (organizations by USCC, due-time shards). */
export function sharedKey(...parts: string[]): string {
  return parts.map(assertSafe).join(SEPARATOR);
}

/** Throws unless `key` belongs to the tenant of `ctx`. */
export function assertTenantKey(ctx: TenantContext, key: string, what = 'key'): void {
  if (!key.startsWith(tenantPrefix(ctx))) throw new TenantScopeError(ctx.tenant, what);
}

/**
 * Key construction. Tenant-owned keys can only be built from a `TenantContext`, which
 * the API derives from the verified token, never from request data alone.
 */
import { InvalidIdError, TenantScopeError } from '../errors.js';

/** Who the caller acts for; every repository call takes one. */
export interface TenantContext {
  readonly tenant: string;
  /**
   * The province the tenant belongs to (itself for a province). Organizations and bans
   * are province-wide, kept under the province's prefix and shared with its cities.
   */
  readonly province?: string | undefined;
}

/** Collections a province keeps for all its cities. */
export type ProvinceCollection = 'ORG' | 'BAN';
const PROVINCE_COLLECTIONS: readonly ProvinceCollection[] = ['ORG', 'BAN'];

const SEPARATOR = '#';
const SAFE_PART = /^[A-Za-z0-9._:+-]+$/;

function assertSafe(part: string): string {
  // A separator inside a part would let one key impersonate another.
  if (!SAFE_PART.test(part)) throw new InvalidIdError(part);
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

/** A province-wide key: `T#<province>#ORG#<uscc>`. */
export function provinceKey(
  ctx: TenantContext,
  collection: ProvinceCollection,
  ...parts: string[]
): string {
  return tenantKey({ tenant: ctx.province ?? ctx.tenant }, collection, ...parts);
}

/** A key shared by all tenants (due-time shards). */
export function sharedKey(...parts: string[]): string {
  return parts.map(assertSafe).join(SEPARATOR);
}

/** Throws unless `key` belongs to the tenant of `ctx`. */
export function assertTenantKey(ctx: TenantContext, key: string, what = 'key'): void {
  if (key.startsWith(tenantPrefix(ctx))) return;
  const province = ctx.province;
  if (
    province &&
    PROVINCE_COLLECTIONS.some((c) =>
      key.startsWith(`${tenantPrefix({ tenant: province })}${c}${SEPARATOR}`),
    )
  ) {
    return;
  }
  throw new TenantScopeError(ctx.tenant, what);
}

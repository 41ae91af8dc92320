/**
 * The tenants a deployment is built from: every file in `tenants/`, resolved. Any error
 * stops synthesis with the file, path and reason of each, so an invalid tenant never
 * reaches a state machine or a bundle.
 */
import type { ResolvedTenant, TenantConfigError } from '@sme/core';
import { loadTenants } from '@sme/tenants/load';

export class InvalidTenantsError extends Error {
  override readonly name = 'InvalidTenantsError';
  constructor(readonly errors: readonly TenantConfigError[]) {
    super(
      [
        `${errors.length} tenant error(s); fix them (pnpm tenants:check) before deploying:`,
        ...errors.map((e) => `  ${e.file} ${e.path}: ${e.message}`),
      ].join('\n'),
    );
  }
}

/** @param dir the tenants folder; the repository's `tenants/` by default */
export async function deployableTenants(dir?: string): Promise<ResolvedTenant[]> {
  const { tenants, errors } = await loadTenants(dir ? { dir } : {});
  if (errors.length > 0) throw new InvalidTenantsError(errors);
  return tenants;
}

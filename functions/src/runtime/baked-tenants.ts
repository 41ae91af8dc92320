/**
 * The tenants a bundle was built with. The CDK app resolves `tenants/` at synth and
 * esbuild injects the result as `__SME_TENANTS__` (see `infra/src/functions/bundling.ts`),
 * so a function never reads configuration files at run time (DESIGN §3).
 */
import type { ResolvedTenant } from '@sme/core';

declare const __SME_TENANTS__: readonly ResolvedTenant[] | undefined;

export function bakedTenants(): readonly ResolvedTenant[] {
  if (typeof __SME_TENANTS__ === 'undefined') {
    throw new Error('this bundle was built without tenants: build it with the CDK app');
  }
  return __SME_TENANTS__;
}

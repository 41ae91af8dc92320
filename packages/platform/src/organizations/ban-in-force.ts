/**
 * Whether a ban reaches an organization: one on itself, or on any organization up the
 * chain of parents it declares (a branch's own claim, enforced against the branch).
 */

import type { ResolvedTenant } from '@sme/core';
import {
  type Ban,
  type BanRepository,
  type OrganizationRepository,
  tenantContext,
} from '@sme/store';

export async function banInForce(
  deps: { orgs: OrganizationRepository; bans: BanRepository },
  tenant: ResolvedTenant,
  uscc: string,
  now: Date,
): Promise<Ban | undefined> {
  const ctx = tenantContext(tenant);
  return deps.bans.inForce(ctx, await deps.orgs.declaredChain(ctx, uscc), now);
}

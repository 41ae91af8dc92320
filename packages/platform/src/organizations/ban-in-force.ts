/**
 * Whether a ban reaches an organization: one on itself, or on any organization up the
 * chain of parents it declares (a branch's own claim, enforced against the branch).
 */

import type { ResolvedTenant } from '@sme/core';
import { type Ban, type Standings, tenantContext } from '@sme/store';

export async function banInForce(
  deps: { standings: Standings },
  tenant: ResolvedTenant,
  uscc: string,
  now: Date,
): Promise<Ban | undefined> {
  return (await deps.standings.read(tenantContext(tenant), uscc, now)).ban;
}

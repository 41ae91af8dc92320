/**
 * The province's counts (API.md "The province"): for the province and each of its
 * cities, every program's applications by status, and the totals. Read from the
 * counters each application change updates in its own transaction, so they equal a
 * recount at every moment; one query per tenant, however many applications there are.
 */
import { APPLICATION_STATUSES, type ApplicationStatus, type ResolvedTenant } from '@sme/core';
import { contextOf, type Services } from '../applications/services.js';
import { assertProvinceAdmin } from '../auth/access.js';
import type { Claims } from '../auth/claims.js';
import type { TenantRegistry } from '../catalogue/tenant-registry.js';

export type ByStatus = Record<ApplicationStatus, number>;

export interface ProvinceStats {
  tenants: { tenant: string; programs: { programId: string; byStatus: ByStatus }[] }[];
  totals: { byStatus: ByStatus };
}

const zero = (): ByStatus =>
  Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as ByStatus;

/** Every status, missing ones as 0, so counts compare and add up without guessing. */
function byStatus(counted: Record<string, number> | undefined): ByStatus {
  const result = zero();
  for (const status of APPLICATION_STATUSES) result[status] = Number(counted?.[status] ?? 0);
  return result;
}

export async function provinceStats(
  services: Pick<Services, 'apps'>,
  registry: TenantRegistry,
  province: ResolvedTenant,
  claims: Claims,
): Promise<ProvinceStats> {
  assertProvinceAdmin(claims, province);
  const totals = zero();
  const tenants = await Promise.all(
    registry.family(province).map(async (tenant) => {
      const counters = await services.apps.counters(contextOf(tenant));
      const programs = tenant.programs.map((program) => {
        const counts = byStatus(counters[program.id]);
        for (const status of APPLICATION_STATUSES) totals[status] += counts[status];
        return { programId: program.id, byStatus: counts };
      });
      return { tenant: tenant.id, programs };
    }),
  );
  return { tenants, totals: { byStatus: totals } };
}

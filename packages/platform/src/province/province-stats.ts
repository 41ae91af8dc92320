/**
 * The province's counts (API.md "The province"): for the province and each of its
 * cities, every program's applications by status, and the totals. Read from the
 * counters each application change updates in its own transaction, so they equal a
 * recount at every moment; one query per tenant, however many applications there are.
 */
import { APPLICATION_STATUSES, type ApplicationStatus, type ResolvedTenant } from '@sme/core';
import { tenantContext } from '@sme/store';
import { assertProvinceAdmin } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import type { Services } from '../applications/services.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';

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

export class ProvinceQueries {
  constructor(
    private readonly services: Pick<Services, 'apps'>,
    private readonly registry: TenantRegistry,
  ) {}

  stats(province: ResolvedTenant, claims: Claims): Promise<ProvinceStats> {
    return provinceStats(this.services, this.registry, province, claims);
  }
}

async function provinceStats(
  services: Pick<Services, 'apps'>,
  registry: TenantRegistry,
  province: ResolvedTenant,
  claims: Claims,
): Promise<ProvinceStats> {
  assertProvinceAdmin(claims, province);
  const totals = zero();
  const tenants = await Promise.all(
    registry.family(province).map(async (tenant) => {
      const counters = await services.apps.counters(tenantContext(tenant));
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

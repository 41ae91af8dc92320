/**
 * The province's counts (API.md "The province"): for the province and each of its
 * cities, every program's applications by status, and the totals. Read from the
 * counters each application change updates in its own transaction, so they equal a
 * recount at every moment; one query per tenant, however many applications there are.
 */
import { APPLICATION_STATUSES, type ApplicationStatus, type ResolvedTenant } from '@sme/core';
import { NO_CATEGORY, tenantContext } from '@sme/store';
import { assertProvinceAdmin } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import type { Services } from '../applications/services.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';

export type ByStatus = Record<ApplicationStatus, number>;

/** One category's counts; `category` absent: applications to calls not by category. */
export interface CategoryCount {
  category?: string;
  byStatus: ByStatus;
}

export interface ProvinceStats {
  tenants: {
    tenant: string;
    programs: { programId: string; byStatus: ByStatus; byCategory: CategoryCount[] }[];
  }[];
  totals: { byStatus: ByStatus; byCategory: CategoryCount[] };
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
  const totalsByCategory = new Map<string, ByStatus>();
  const tenants = await Promise.all(
    registry.family(province).map(async (tenant) => {
      const ctx = tenantContext(tenant);
      const { byProgram: counters, byCategory: categoryCounters } =
        await services.apps.allCounters(ctx);
      const programs = tenant.programs.map((program) => {
        const counts = byStatus(counters[program.id]);
        for (const status of APPLICATION_STATUSES) totals[status] += counts[status];
        const byCategory = Object.entries(categoryCounters[program.id] ?? {})
          .map(([category, counted]) => ({ category, byStatus: byStatus(counted) }))
          // A group every application has left counts nothing: left out.
          .filter((c) => APPLICATION_STATUSES.some((s) => c.byStatus[s] !== 0))
          .sort((a, b) => a.category.localeCompare(b.category));
        for (const { category, byStatus: counted } of byCategory) {
          const sum = totalsByCategory.get(category) ?? zero();
          for (const status of APPLICATION_STATUSES) sum[status] += counted[status];
          totalsByCategory.set(category, sum);
        }
        return {
          programId: program.id,
          byStatus: counts,
          byCategory: byCategory.map(categoryCount),
        };
      });
      return { tenant: tenant.id, programs };
    }),
  );
  return {
    tenants,
    totals: {
      byStatus: totals,
      byCategory: [...totalsByCategory]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([category, counted]) => categoryCount({ category, byStatus: counted })),
    },
  };
}

const categoryCount = ({ category, byStatus }: { category: string; byStatus: ByStatus }) =>
  category === NO_CATEGORY ? { byStatus } : { category, byStatus };

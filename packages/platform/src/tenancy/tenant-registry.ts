/**
 * Looks up tenants and programs by id, refusing unknown ones with a 404 problem.
 */
import type { Program, ResolvedTenant } from '@sme/core';
import { NotFoundError } from '../errors.js';

/** A tenant's program by id, or a 404 problem. */
export function programOf(tenant: ResolvedTenant, programId: string): Program {
  const program = tenant.programs.find((p) => p.id === programId);
  if (!program) {
    throw new NotFoundError('program_not_found', {
      zh: `申报项目 ${programId}`,
      en: `Program ${programId}`,
    });
  }
  return program;
}

export class TenantRegistry {
  private readonly byId: ReadonlyMap<string, ResolvedTenant>;

  constructor(readonly all: readonly ResolvedTenant[]) {
    this.byId = new Map(all.map((t) => [t.id, t]));
  }

  tenant(id: string): ResolvedTenant {
    const tenant = this.byId.get(id);
    if (!tenant)
      throw new NotFoundError('tenant_not_found', { zh: `租户 ${id}`, en: `Tenant ${id}` });
    return tenant;
  }

  /** A province and its cities, the province first; a city is just itself. */
  family(tenant: ResolvedTenant): ResolvedTenant[] {
    if (tenant.kind !== 'province') return [tenant];
    return [tenant, ...this.all.filter((t) => t.parent === tenant.id)];
  }

  program(tenantId: string, programId: string): { tenant: ResolvedTenant; program: Program } {
    const tenant = this.tenant(tenantId);
    return { tenant, program: programOf(tenant, programId) };
  }
}

/**
 * The province's early-warning board (issue 12 item 8): across the province and its
 * cities, the rectification orders past due, and the organizations removed in one
 * tenant while still active in another. One query per tenant for each section, however
 * many members there are; each kind of case that joins supervision adds its section here.
 */
import type { MemberStatus, ResolvedTenant } from '@sme/core';
import { type BoardOrder, tenantContext } from '@sme/store';
import { assertProvinceAdmin } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';
import type { SupervisionDeps } from './supervision-deps.js';

export interface ProvinceBoard {
  /** Orders whose time ran out: marked overdue, or open past their due instant. */
  overdueOrders: (BoardOrder & { tenant: string })[];
  /** Organizations removed from one pool while active (or rectifying) in another. */
  removedElsewhere: { uscc: string; removedIn: string[]; activeIn: string[] }[];
}

export class ProvinceBoardQuery {
  constructor(
    private readonly deps: Pick<SupervisionDeps, 'supervision' | 'notices' | 'clock'>,
    private readonly registry: TenantRegistry,
  ) {}

  async board(province: ResolvedTenant, claims: Claims): Promise<ProvinceBoard> {
    assertProvinceAdmin(claims, province);
    const now = this.deps.clock.now().getTime();
    const tenants = this.registry.family(province);
    const perTenant = await Promise.all(
      tenants.map(async (tenant) => {
        const ctx = tenantContext(tenant);
        const [orders, statuses, pool] = await Promise.all([
          this.deps.supervision.boardOrders(ctx),
          this.deps.supervision.memberStatuses(ctx),
          this.deps.notices.pool(ctx),
        ]);
        // A listed organization supervision never touched is active without a status item.
        for (const entry of pool) if (!statuses.has(entry.uscc)) statuses.set(entry.uscc, 'active');
        return { tenant: tenant.id, orders, statuses };
      }),
    );
    const overdueOrders = perTenant
      .flatMap(({ tenant, orders }) => orders.map((order) => ({ ...order, tenant })))
      .filter((o) => o.status === 'overdue' || (o.status === 'open' && Date.parse(o.dueAt) <= now))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return { overdueOrders, removedElsewhere: removedElsewhere(perTenant) };
  }
}

function removedElsewhere(
  perTenant: { tenant: string; statuses: Map<string, string> }[],
): ProvinceBoard['removedElsewhere'] {
  const byOrg = new Map<string, { removedIn: string[]; activeIn: string[] }>();
  for (const { tenant, statuses } of perTenant) {
    for (const [uscc, status] of statuses) {
      const entry = byOrg.get(uscc) ?? { removedIn: [], activeIn: [] };
      if ((status as MemberStatus) === 'removed') entry.removedIn.push(tenant);
      else if (status === 'active' || status === 'rectifying') entry.activeIn.push(tenant);
      byOrg.set(uscc, entry);
    }
  }
  return [...byOrg]
    .filter(([, e]) => e.removedIn.length > 0 && e.activeIn.length > 0)
    .map(([uscc, e]) => ({ uscc, ...e }));
}

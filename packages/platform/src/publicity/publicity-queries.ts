/**
 * What the public reads of publicity: every notice of a tenant, newest first, and the
 * published pool with its search (a province's pool is its own and every city's, each
 * entry naming its tenant).
 */
import { type MemberStatus, type ResolvedTenant, shownStatus } from '@sme/core';
import {
  type Ban,
  type Notice,
  type PoolEntry,
  type SupervisionRepository,
  tenantContext,
} from '@sme/store';
import type { Services } from '../applications/services.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';

export interface PoolFilter {
  track?: string | undefined;
  category?: string | undefined;
  industry?: string | undefined;
  /** The district (region) the organization registered in. */
  region?: string | undefined;
  /** Part of the organization's name or USCC. */
  q?: string | undefined;
}

export class PublicityQueries {
  constructor(
    private readonly services: Pick<Services, 'notices' | 'bans' | 'clock'> & {
      supervision: SupervisionRepository;
    },
    private readonly registry: TenantRegistry,
  ) {}

  async notices(tenant: ResolvedTenant): Promise<Notice[]> {
    const ctx = tenantContext(tenant);
    const notices = [
      ...(await this.services.notices.list(ctx, 'open')),
      ...(await this.services.notices.list(ctx, 'closed')),
    ];
    return notices.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  }

  /**
   * The pool: every listing whose member is `active` or `rectifying` (never a removed or
   * suspended one), each with its member's status. The province's bans in force are
   * read once, beside the pools, for the members they suspend.
   */
  async pool(
    tenant: ResolvedTenant,
    filter: PoolFilter,
  ): Promise<(PoolEntry & { tenant: string; status: MemberStatus })[]> {
    const banned = this.services.bans.allInForce(tenantContext(tenant), this.services.clock.now());
    const pools = await Promise.all(
      this.registry.family(tenant).map((t) => this.listed(t, banned)),
    );
    const { track, category, industry, region, q } = filter;
    return pools
      .flat()
      .filter(
        (e) =>
          (!track || e.track === track) &&
          (!category || e.category === category) &&
          (!industry || e.industries.includes(industry)) &&
          (!region || e.region === region) &&
          (!q || e.orgName.includes(q) || e.uscc.includes(q)),
      );
  }

  private async listed(tenant: ResolvedTenant, bans: Promise<ReadonlyMap<string, Ban>>) {
    const ctx = tenantContext(tenant);
    const [entries, statuses, banned] = await Promise.all([
      this.services.notices.pool(ctx),
      this.services.supervision.memberStatuses(ctx),
      bans,
    ]);
    return entries.flatMap((entry) => {
      const stored = (statuses.get(entry.uscc) ?? 'active') as MemberStatus;
      const status = shownStatus(stored, banned.has(entry.uscc));
      return SHOWN.has(status) ? [{ ...entry, tenant: tenant.id, status }] : [];
    });
  }
}

/** The statuses the pool shows (API.md "Supervision"). */
const SHOWN: ReadonlySet<MemberStatus> = new Set(['active', 'rectifying']);

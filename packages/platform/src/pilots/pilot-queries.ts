/**
 * The pilot enterprises a tenant listed (API.md "Supervision": `GET /pilots`, for "staff
 * in scope, and members of the pool (name, region, needs only)"). Staff see each pilot
 * their scope covers (a district reviewer its district's), a province's staff every
 * city's; a provider that is a member of a city's pool (shown in it: active or
 * rectifying) sees who that city's pilots are, where, and what they need, which is what
 * it offers its services on. Anyone else is refused.
 */
import type { ResolvedTenant } from '@sme/core';
import { type PilotEntry, type PilotRepository, tenantContext } from '@sme/store';
import { actsInTenant, hasRole, staffCoversRegion } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { ForbiddenError } from '../errors.js';
import type { PublicityQueries } from '../publicity/publicity-queries.js';
import type { TenantRegistry } from '../tenancy/tenant-registry.js';

/** A pilot as staff read it. */
export interface PilotView {
  tenant: string;
  applicationId: string;
  uscc: string;
  name: string;
  region?: string;
  programId: string;
  listedAt: string;
  needs: string;
}

/** A pilot as a member of the pool reads it. */
export type PilotSummary = Pick<PilotView, 'name' | 'region' | 'needs'>;

/** The list as the caller may read it, saying which way. */
export type PilotList =
  | { sight: 'staff'; items: PilotView[] }
  | { sight: 'member'; items: PilotSummary[] };

const STAFF = ['province_admin', 'city_admin', 'district_reviewer'] as const;

const notAllowed = () =>
  new ForbiddenError({
    zh: '试点企业名单仅向本地工作人员和资源池内服务商开放',
    en: "Pilot enterprises are shown to the tenant's staff and the pool's members only",
  });

export class PilotQueries {
  constructor(
    private readonly pilots: PilotRepository,
    private readonly registry: TenantRegistry,
    private readonly publicity: Pick<PublicityQueries, 'pool'>,
  ) {}

  /**
   * The staff of the tenant (or of its province) read every pilot their scope covers (a
   * district reviewer its district's, possibly none); a member of a city's pool reads
   * that city's pilots by name, district and needs. A province's list, holding every
   * city's, is its staff's only.
   */
  async list(tenant: ResolvedTenant, claims: Claims): Promise<PilotList> {
    if (hasRole(claims, ...STAFF) && actsInTenant(claims, tenant))
      return { sight: 'staff', items: await this.forStaff(tenant, claims) };
    if (tenant.kind === 'city' && (await this.isMember(tenant, claims))) {
      const pilots = await this.read(tenant);
      return {
        sight: 'member',
        items: pilots.map(({ name, region, needs }) => ({
          name,
          ...(region && { region }),
          needs,
        })),
      };
    }
    throw notAllowed();
  }

  /** Every pilot of the tenant's family that the caller's scope covers. */
  private async forStaff(tenant: ResolvedTenant, claims: Claims) {
    const covered = new Map(
      this.registry
        .family(tenant)
        .map((t) => [t.id, (region?: string) => staffCoversRegion(claims, t, region)]),
    );
    return (await this.read(tenant)).filter((p) => covered.get(p.tenant)?.(p.region));
  }

  /** A provider acting for an organization the tenant's pool shows. */
  private async isMember(tenant: ResolvedTenant, claims: Claims) {
    const org = claims.org;
    if (!hasRole(claims, 'provider') || claims.tenant !== tenant.id || !org) return false;
    const pool = await this.publicity.pool(tenant, { q: org });
    return pool.some((entry) => entry.uscc === org);
  }

  private async read(tenant: ResolvedTenant): Promise<PilotView[]> {
    const lists = await Promise.all(
      this.registry
        .family(tenant)
        .map(async (t) => (await this.pilots.list(tenantContext(t))).map((p) => viewOf(t, p))),
    );
    return lists
      .flat()
      .sort((a, b) => a.listedAt.localeCompare(b.listedAt) || a.name.localeCompare(b.name));
  }
}

function viewOf(tenant: ResolvedTenant, entry: PilotEntry): PilotView {
  return {
    tenant: tenant.id,
    applicationId: entry.applicationId,
    uscc: entry.uscc,
    name: entry.orgName,
    ...(entry.region && { region: entry.region }),
    programId: entry.programId,
    listedAt: entry.listedAt,
    needs: entry.needs,
  };
}

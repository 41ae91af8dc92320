/**
 * Organizations: one province-wide profile per USCC (name, parent, the entity at the
 * root of its branch chain) and, per city, its registration (the district it is
 * registered in). Every change also writes an audit event.
 */
import { provinceKey, type TenantContext, tenantKey } from '../table/keys.js';
import type { TenantTable } from '../table/tenant-table.js';

export interface OrganizationProfile {
  uscc: string;
  name: string;
  /** The parent entity when this is a branch or subsidiary (分公司、子公司). */
  parentUscc?: string;
  /** The root of the branch chain: applications are counted per entity. */
  entityUscc: string;
  updatedAt: string;
  updatedBy: string;
}

export interface OrganizationRegistration {
  uscc: string;
  name: string;
  region: string;
  updatedAt: string;
  updatedBy: string;
}

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
};

export class OrganizationRepository {
  constructor(private readonly table: TenantTable) {}

  async profile(ctx: TenantContext, uscc: string): Promise<OrganizationProfile | undefined> {
    return strip(await this.table.get(ctx, provinceKey(ctx, 'ORG', uscc), 'PROFILE'));
  }

  async registration(
    ctx: TenantContext,
    uscc: string,
  ): Promise<OrganizationRegistration | undefined> {
    return strip(await this.table.get(ctx, tenantKey(ctx, 'ORG', uscc), 'REG'));
  }

  /** Writes the profile and the city registration together, with an audit event. */
  async save(
    ctx: TenantContext,
    profile: OrganizationProfile,
    registration: OrganizationRegistration,
    audit: { actor: string; role: string; at: string },
  ): Promise<void> {
    await this.table.transact(ctx, [
      { put: { pk: provinceKey(ctx, 'ORG', profile.uscc), sk: 'PROFILE', ...profile } },
      { put: { pk: tenantKey(ctx, 'ORG', registration.uscc), sk: 'REG', ...registration } },
      {
        put: {
          pk: tenantKey(ctx, 'ORG', registration.uscc),
          sk: `AUDIT#${audit.at}#${audit.actor}`,
          ...audit,
          change: {
            name: profile.name,
            region: registration.region,
            parentUscc: profile.parentUscc ?? null,
          },
        },
      },
    ]);
  }
}
